/**
 * A safe unzip for untrusted packages (returned workbooks), over fflate's streaming inflate.
 *
 * - The file is recognised by its first bytes before anything else: an OLE compound file
 *   (password-protected OOXML or an old `.xls`), HTML, CSV or an Excel 2003 XML file saved with an
 *   Excel name, an empty file: each answered with a plain message saying what to do.
 * - The zip's central directory is read by this module (not by the library), so a truncated or
 *   damaged zip is named as such, and every limit in `ZipLimits` is checked on what is actually
 *   there: sizes are counted on the bytes inflated, never on the sizes the headers claim (a zip
 *   bomb's headers lie), and inflating stops as soon as a limit is passed.
 * - Parts are inflated only when asked for (`read`): images, printer settings and the like are
 *   never inflated at all. Every part's CRC-32 is checked.
 *
 * Runs in Node and the browser (no Node modules).
 */
import { Inflate, inflateSync } from "fflate";
import { WorkbookReadError, formatBytes } from "./errors";

export { WorkbookReadError } from "./errors";

/** Limits on an untrusted package. Every one is checked on the bytes actually there. */
export interface ZipLimits {
  /** The package itself (the compressed file). */
  readonly maxFileBytes: number;
  /** Entries in the zip's directory. */
  readonly maxEntries: number;
  /** One part, inflated. */
  readonly maxPartBytes: number;
  /** All parts read from one package, inflated, together. */
  readonly maxTotalBytes: number;
  /**
   * Inflated bytes per compressed byte of one part, checked once the part has inflated past
   * `ratioFloorBytes` (small parts compress well and are harmless). Real worksheet XML
   * compresses 5 to 50 times; a zip bomb about 1,000 times.
   */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 8 * 1024 * 1024,
};

const RESAVE = "open it in Excel and save it as an Excel Workbook (.xlsx)";
const SEND_AGAIN = "ask for it to be sent again";

// ---------------------------------------------------------------------------------------------
// Recognising the file before anything else

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

/** `text` as UTF-16LE bytes, the way an OLE directory stores stream names. */
function utf16le(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return out;
}

/** Whether the fixed byte string `needle` occurs in `bytes` (needles are constants of this module). */
function containsBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ZIP_SPANNED = [0x50, 0x4b, 0x07, 0x08];
const OLE_ENCRYPTED = [utf16le("EncryptionInfo"), utf16le("EncryptedPackage")];
const OLE_WORKBOOK = [utf16le("Workbook"), utf16le("Book")];
const OLE_WORD = utf16le("WordDocument");
const OLE_POWERPOINT = utf16le("PowerPoint Document");

function oleRefusal(bytes: Uint8Array): WorkbookReadError {
  if (OLE_ENCRYPTED.some((n) => containsBytes(bytes, n))) {
    return new WorkbookReadError(
      "encrypted",
      "this file is password-protected (encrypted), so it cannot be read: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save it as an Excel Workbook (.xlsx) and send it again",
    );
  }
  if (OLE_WORKBOOK.some((n) => containsBytes(bytes, n))) {
    return new WorkbookReadError("xls", `this is an old Excel 97-2003 workbook (.xls), not an .xlsx: ${RESAVE}`);
  }
  if (containsBytes(bytes, OLE_WORD)) return new WorkbookReadError("ole", "this is a Word 97-2003 document (.doc), not a workbook");
  if (containsBytes(bytes, OLE_POWERPOINT)) return new WorkbookReadError("ole", "this is a PowerPoint 97-2003 file (.ppt), not a workbook");
  return new WorkbookReadError("ole", "this file is password-protected or an old .xls (an OLE compound file, not an .xlsx package): open it in Excel and save it as an Excel Workbook (.xlsx) without a password");
}

/** The first few KiB as text, for telling HTML, XML and CSV apart; undefined if it is binary. */
function headText(bytes: Uint8Array): string | undefined {
  let head = bytes.subarray(0, 4096);
  let encoding = "utf-8";
  if (startsWith(head, [0xff, 0xfe])) encoding = "utf-16le";
  else if (startsWith(head, [0xfe, 0xff])) encoding = "utf-16be";
  if (encoding === "utf-8") {
    let controls = 0;
    for (let i = 0; i < head.length; i++) {
      const b = head[i];
      if (b === 0) return undefined;
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
    }
    if (controls > head.length / 100) return undefined;
  } else {
    head = head.subarray(0, head.length & ~1);
  }
  try {
    return new TextDecoder(encoding).decode(head);
  } catch {
    return undefined;
  }
}

/**
 * Throws the plain refusal for a file that is not a zip package; returns for a zip. Checked
 * before anything else is done with the bytes.
 */
export function recognise(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new WorkbookReadError("empty", `the file is empty (0 bytes): it was not saved or not copied completely; ${SEND_AGAIN}`);
  }
  if (startsWith(bytes, OLE)) throw oleRefusal(bytes);
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY) || startsWith(bytes, ZIP_SPANNED)) return;
  // BIFF2 to BIFF5 worksheets saved as a bare stream (Excel 2 to 4): a BOF record first.
  if (bytes.length >= 4 && bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04) && bytes[3] === 0x00) {
    throw new WorkbookReadError("xls", `this is a very old Excel file (.xls, Excel 4 or earlier), not an .xlsx: ${RESAVE}`);
  }
  // Excel's owner file: the user's name as a length byte and 54 padded bytes, then again in UTF-16.
  if (bytes.length <= 512 && bytes.length >= 56 && bytes[0] >= 1 && bytes[0] <= 54 && bytes[55] === bytes[0] && bytes[56] === 0) {
    throw new WorkbookReadError("lock-file", "this is Excel's lock file (named ~$…, left while a workbook is open), not the workbook itself: send the workbook");
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new WorkbookReadError("unknown-format", "this is a PDF, not a workbook: ask for the Excel file (.xlsx) itself");
  const text = headText(bytes);
  if (text !== undefined) {
    const start = text.replace(/^[\uFEFF\s]+/, "").slice(0, 1024).toLowerCase();
    if (start.startsWith("<?xml") || start.startsWith("<")) {
      if (text.includes("urn:schemas-microsoft-com:office:spreadsheet") && !/<html[\s>]/i.test(start)) {
        throw new WorkbookReadError("xml2003", `this is an Excel 2003 XML spreadsheet, not an .xlsx workbook: ${RESAVE}`);
      }
      if (/^<(!doctype\s+html|html|head|body|table|meta|style|title|div|!--)/.test(start) || /<html[\s>]/.test(start)) {
        throw new WorkbookReadError("html", `this is a web page (HTML) saved with an Excel file name, not a workbook: ${RESAVE}`);
      }
      throw new WorkbookReadError("unknown-format", `this is an XML file, not an Excel workbook: ${RESAVE}`);
    }
    throw new WorkbookReadError("text", `this is a text file (CSV or similar) saved with an Excel file name, not a workbook: ${RESAVE}`);
  }
  throw new WorkbookReadError("unknown-format", `this is not an Excel workbook (.xlsx), nor any spreadsheet format the reader recognises: ${RESAVE}`);
}

// ---------------------------------------------------------------------------------------------
// The zip directory

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly declaredSize: number;
  readonly localOffset: number;
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function truncated(detail: string): WorkbookReadError {
  return new WorkbookReadError("truncated", `the file is incomplete (${detail}): it was cut short, perhaps in a download or as an email attachment; ${SEND_AGAIN}`);
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", `the file is damaged (${detail}): open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again`);
}

function limitReached(detail: string): WorkbookReadError {
  return new WorkbookReadError("limit", `${detail}, more than the reader accepts from a returned workbook; if the file is genuine, ask for unused rows, sheets and pictures to be removed, or for it to be split`);
}

function findEndOfDirectory(b: Uint8Array): number {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= lowest; at--) {
    if (b[at] === 0x50 && b[at + 1] === 0x4b && u32(b, at) === EOCD && at + 22 + u16(b, at + 20) <= b.length) return at;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8");

/** CP437 is what zip names are in without the UTF-8 flag; OOXML part names are ASCII anyway. */
function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** A part name as the package's lookups use it: no leading "/", forward slashes, any case. */
export function partKey(name: string): string {
  let n = name.replace(/\\/g, "/");
  while (n.startsWith("/")) n = n.slice(1);
  return n.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// CRC-32

let crcTable: Int32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// The package

/** Compressed bytes pushed to the inflater at a time: bounds what one push can produce. */
const INFLATE_CHUNK = 16 * 1024;
/** DEFLATE's largest possible expansion: one compressed byte never stands for more. */
const DEFLATE_MAX_RATIO = 1032;

export class ZipPackage {
  private readonly bytes: Uint8Array;
  private readonly limits: ZipLimits;
  private readonly entries = new Map<string, Entry>();
  private inflatedTotal = 0;
  /** Names as the zip has them, in directory order. */
  readonly names: readonly string[];
  /** Entries whose name occurred twice; the first is the one read. */
  readonly duplicates: readonly string[];

  constructor(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    this.bytes = bytes;
    this.limits = limits;
    if (bytes.length > limits.maxFileBytes) throw limitReached(`the file is ${formatBytes(bytes.length)}, over ${formatBytes(limits.maxFileBytes)}`);
    const b = bytes;
    const end = findEndOfDirectory(b);
    if (end < 0) throw truncated("the zip directory at its end is missing");
    let count = u16(b, end + 10);
    let dirSize = u32(b, end + 12);
    let dirOffset = u32(b, end + 16);
    if (u16(b, end + 4) !== 0 && u16(b, end + 4) !== 0xffff) throw new WorkbookReadError("unsupported", "this file is one part of a split (multi-volume) zip: ask for the whole workbook as one .xlsx file");
    // ZIP64: the real figures are in a second record just before.
    if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && end >= 20 && u32(b, end - 20) === EOCD64_LOCATOR) {
      const at = u64(b, end - 12);
      if (at + 56 > b.length || u32(b, at) !== EOCD64) throw damaged("its ZIP64 directory record is missing");
      count = u64(b, at + 32);
      dirSize = u64(b, at + 40);
      dirOffset = u64(b, at + 48);
    }
    if (count > limits.maxEntries) throw limitReached(`the file holds ${count.toLocaleString("en-GB")} zip entries, over ${limits.maxEntries.toLocaleString("en-GB")}`);
    if (dirOffset + dirSize > b.length) throw truncated("its zip directory points past the end of the file");
    const names: string[] = [];
    const duplicates: string[] = [];
    let at = dirOffset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > b.length || u32(b, at) !== CENTRAL) throw damaged(`zip directory entry ${i + 1} of ${count} is unreadable`);
      const flags = u16(b, at + 8);
      const method = u16(b, at + 10);
      const crc = u32(b, at + 16);
      let compressedSize = u32(b, at + 20);
      let declaredSize = u32(b, at + 24);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      let localOffset = u32(b, at + 42);
      const next = at + 46 + nameLength + extraLength + commentLength;
      if (next > b.length) throw truncated("its zip directory is cut short");
      const name = decodeName(b.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
      // ZIP64 extra field: the 64-bit sizes and offset, in this order, for those saturated above.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = u16(b, x);
        const size = u16(b, x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (declaredSize === 0xffffffff && f + 8 <= x + 4 + size) (declaredSize = u64(b, f)), (f += 8);
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + size) (compressedSize = u64(b, f)), (f += 8);
          if (localOffset === 0xffffffff && f + 8 <= x + 4 + size) localOffset = u64(b, f);
        }
        x += 4 + size;
      }
      const key = partKey(name);
      if (this.entries.has(key)) duplicates.push(name);
      else this.entries.set(key, { name, method, flags, crc, compressedSize, declaredSize, localOffset });
      names.push(name);
      at = next;
    }
    this.names = names;
    this.duplicates = duplicates;
  }

  /** Whether the package has a part of this name (any case, with or without a leading "/"). */
  has(name: string): boolean {
    return this.entries.has(partKey(name));
  }

  /** The name as the zip spells it. */
  nameOf(name: string): string | undefined {
    return this.entries.get(partKey(name))?.name;
  }

  /** The part's bytes, inflated within the limits; undefined if there is no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(partKey(name));
    if (!e || e.name.endsWith("/")) return undefined;
    const b = this.bytes;
    if (e.flags & 0x1) {
      throw new WorkbookReadError("encrypted", "this file's zip entries are encrypted with a password: open it in Excel and save it as an Excel Workbook (.xlsx) without a password");
    }
    if (e.localOffset + 30 > b.length) throw truncated(`part ${e.name} lies past the end of the file`);
    if (u32(b, e.localOffset) !== LOCAL) throw damaged(`part ${e.name} is not where the zip directory says`);
    const start = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
    if (start + e.compressedSize > b.length) throw truncated(`part ${e.name} is cut short`);
    const compressed = b.subarray(start, start + e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) {
      this.count(e.name, compressed.length, compressed.length);
      data = compressed;
    } else if (e.method === 8) {
      data = this.inflate(e.name, compressed);
    } else {
      throw new WorkbookReadError("unsupported", `part ${e.name} is compressed with a method the reader does not support (zip method ${e.method}): ${RESAVE}`);
    }
    if (crc32(data) !== e.crc) throw damaged(`part ${e.name} fails its checksum`);
    return data;
  }

  /** Adds `bytes` inflated so far in a part to the counts, refusing past any limit. */
  private count(name: string, partBytes: number, compressedSoFar: number, added = partBytes): void {
    const l = this.limits;
    if (partBytes > l.maxPartBytes) throw limitReached(`part ${name} inflates past ${formatBytes(l.maxPartBytes)} (it may be a zip bomb)`);
    if (this.inflatedTotal + added > l.maxTotalBytes) throw limitReached(`the parts read inflate past ${formatBytes(l.maxTotalBytes)} together (it may be a zip bomb)`);
    if (partBytes > l.ratioFloorBytes && partBytes > l.maxRatio * Math.max(compressedSoFar, 1)) {
      throw limitReached(`part ${name} inflates more than ${l.maxRatio} times its compressed size (a zip bomb)`);
    }
    this.inflatedTotal += added;
  }

  private inflate(name: string, compressed: Uint8Array): Uint8Array {
    const l = this.limits;
    if (compressed.length * DEFLATE_MAX_RATIO <= Math.min(l.maxPartBytes, l.maxTotalBytes - this.inflatedTotal)) {
      // Small enough that even a bomb cannot pass the size limits: inflate in one go, then count.
      let out: Uint8Array;
      try {
        out = inflateSync(compressed);
      } catch {
        throw damaged(`part ${name} does not inflate`);
      }
      this.count(name, out.length, compressed.length);
      return out;
    }
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let pushed = 0;
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      if (chunk.length > 0) {
        produced += chunk.length;
        this.count(name, produced, pushed, chunk.length);
        chunks.push(chunk);
      }
      if (final) finished = true;
    });
    try {
      if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
      for (let at = 0; at < compressed.length; at += INFLATE_CHUNK) {
        const end = Math.min(at + INFLATE_CHUNK, compressed.length);
        pushed = end;
        inflater.push(compressed.subarray(at, end), end === compressed.length);
      }
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      throw damaged(`part ${name} does not inflate`);
    }
    if (!finished) throw damaged(`part ${name} ends early`);
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(produced);
    let at = 0;
    for (const c of chunks) out.set(c, at), (at += c.length);
    return out;
  }
}

/**
 * Recognises the file and opens it as a zip package. Throws `WorkbookReadError` with a plain
 * message for anything else: the signatures of `recognise`, an OpenDocument zip (`mimetype`), a
 * truncated or damaged zip, or a limit passed.
 */
export function openPackage(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipPackage {
  if (bytes.length > limits.maxFileBytes) throw limitReached(`the file is ${formatBytes(bytes.length)}, over ${formatBytes(limits.maxFileBytes)}`);
  recognise(bytes);
  const zip = new ZipPackage(bytes, limits);
  if (zip.has("mimetype") && !zip.has("[Content_Types].xml")) {
    const mime = new TextDecoder().decode(zip.read("mimetype")!.subarray(0, 200)).trim();
    if (mime === "application/vnd.oasis.opendocument.spreadsheet" || mime === "application/vnd.oasis.opendocument.spreadsheet-template") {
      throw new WorkbookReadError("ods", `this is an OpenDocument spreadsheet (.ods), not an .xlsx: open it in LibreOffice Calc or Excel and save it as an Excel Workbook (.xlsx)`);
    }
    if (mime.startsWith("application/vnd.oasis.opendocument.")) throw new WorkbookReadError("not-workbook", "this is an OpenDocument file, not a spreadsheet");
  }
  return zip;
}
