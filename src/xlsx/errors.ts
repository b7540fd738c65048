/**
 * The one error the file layer throws for a file it cannot read. Its message is plain words a
 * finance user can act on ("…save it as .xlsx without a password"), never a library's internals;
 * `reason` says which case it is, for tests and for callers that branch on it.
 */

export type RefusalReason =
  /** The file has no bytes. */
  | "empty"
  /** An OLE compound file holding an encrypted (password-protected) workbook. */
  | "encrypted"
  /** An Excel 97-2003 `.xls` (an OLE compound file, or an older BIFF stream). */
  | "xls"
  /** Another OLE compound file (an old Word or other Office file, or one we cannot tell). */
  | "ole"
  /** An OpenDocument spreadsheet (`.ods`) or other OpenDocument file. */
  | "ods"
  /** A web page saved with an Excel file name (what "Export to Excel" often writes). */
  | "html"
  /** An Excel 2003 XML spreadsheet ("XML Spreadsheet 2003"). */
  | "xml2003"
  /** Plain text (CSV, tab-separated) saved with an Excel file name. */
  | "text"
  /** An Excel binary workbook (`.xlsb`). */
  | "xlsb"
  /** A zip that is a Word, PowerPoint or other package, not a workbook. */
  | "not-workbook"
  /** Excel's lock file (`~$Book.xlsx`, the name of whoever has the workbook open), not the workbook. */
  | "lock-file"
  /** Not a zip and nothing else we recognise (PDF, image, …). */
  | "unknown-format"
  /** The zip is cut short: its directory at the end is missing or points past the end. */
  | "truncated"
  /** The zip or a part inside it is damaged (bad data, bad checksum, malformed XML). */
  | "corrupt"
  /** A zip feature we do not read: encrypted entries, an unusual compression method. */
  | "unsupported"
  /** A limit on untrusted input was reached (size, entries, ratio, cells, depth): see `ReadLimits`. */
  | "limit"
  /** XML declaring a document type or entities: refused, never expanded. */
  | "doctype"
  /** The workbook has no worksheet that could be read. */
  | "no-sheets";

export class WorkbookReadError extends Error {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, message: string) {
    super(message);
    this.name = "WorkbookReadError";
    this.reason = reason;
  }
}

/** "12.3 MiB", for limits in messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
  return `${Math.round((n / 1024 / 1024 / 1024) * 10) / 10} GiB`;
}
