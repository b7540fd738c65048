/**
 * Which of the files a user chose or dropped are returns (.xlsx, .xlsm), including those inside
 * dropped folders, named by their path within the folder so two "return.xlsx" stay apart.
 */

export interface ChosenFile {
  /** The file's name, or its path inside a dropped folder ("North/return.xlsx"). */
  name: string;
  file: File;
}

export interface Chosen {
  returns: ChosenFile[];
  /** Names of what was left out (not .xlsx or .xlsm). */
  skipped: string[];
}

export const RETURN_EXTENSIONS = /\.(xlsx|xlsm)$/i;

export function sortOut(files: readonly ChosenFile[]): Chosen {
  return { returns: files.filter((f) => RETURN_EXTENSIONS.test(f.name)), skipped: files.filter((f) => !RETURN_EXTENSIONS.test(f.name)).map((f) => f.name) };
}

/** Adds newly chosen returns to a list, leaving out any already in it (same name, size and date). */
export function addReturns(list: readonly ChosenFile[], added: readonly ChosenFile[]): ChosenFile[] {
  const key = (f: ChosenFile) => `${f.name}\u0000${f.file.size}\u0000${f.file.lastModified}`;
  const seen = new Set(list.map(key));
  const out = [...list];
  for (const f of added) {
    if (seen.has(key(f))) continue;
    seen.add(key(f));
    out.push(f);
  }
  return out;
}

export function fromFileList(files: FileList | null): ChosenFile[] {
  return [...(files ?? [])].map((file) => ({ name: file.webkitRelativePath || file.name, file }));
}

// The File System Entries API, as far as a drop needs it (not in TypeScript's DOM library).
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

/** A folder can hold thousands of files; more than this is surely not a folder of returns. */
const MAX_DROPPED_FILES = 5000;

async function walk(entry: Entry, out: ChosenFile[]): Promise<void> {
  if (out.length >= MAX_DROPPED_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail));
    out.push({ name: entry.fullPath.replace(/^\//, "") || file.name, file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as DirectoryEntry).createReader();
  // readEntries gives a folder's entries in batches, until an empty one.
  const children: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  // In name order, as `ics-finance returns` takes a folder's files.
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) await walk(child, out);
}

/** Every file dropped, folders opened; falls back to the plain file list where entries are not offered. */
export async function fromDrop(transfer: DataTransfer): Promise<ChosenFile[]> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === "file")
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return fromFileList(transfer.files);
  const out: ChosenFile[] = [];
  for (const entry of entries) await walk(entry as Entry, out);
  return out;
}
