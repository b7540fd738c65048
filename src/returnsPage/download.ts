/** Saves bytes made in the page as a file: a Blob, an object URL and a clicked `<a download>`. Nothing is uploaded. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function saveBytes(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL; it is freed once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
