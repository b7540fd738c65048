/**
 * The safe unzip against files the tests build: zip bombs (whose headers lie), truncated and
 * damaged zips, and every signature recognised before the zip is opened.
 */
import * as zlib from "zlib";
import { WorkbookReadError, readWorkbook } from "../../src/xlsx/read";
import { DEFAULT_ZIP_LIMITS, ZipPackage, openPackage } from "../../src/xlsx/zip";
import { MAIN_NS, bookParts, oneSheet, zipParts } from "./helpers";

function refusal(bytes: Uint8Array, limits = {}): WorkbookReadError {
  try {
    readWorkbook(bytes, limits);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read without refusal");
}

const enc = new TextEncoder();

/**
 * A zip of one stored-size-lying deflate entry: `prefix`, then `mib` MiB of `fill` bytes, then
 * `suffix`, built from independent deflate blocks so that gigabytes cost a few megabytes. The
 * headers claim 1,000 bytes.
 */
function bomb(name: string, mib: number, prefix = "", fill = 0x20, suffix = "", others: Record<string, string> = {}): Uint8Array {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const chunk = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, fill), flush);
  const pieces = [zlib.deflateRawSync(Buffer.from(prefix), flush), ...Array.from({ length: mib }, () => chunk), zlib.deflateRawSync(Buffer.from(suffix))];
  const data = Buffer.concat(pieces);
  // The other parts first (stored), then the bomb, then the central directory.
  const entries: { name: Buffer; data: Buffer; method: number; size: number; crc: number }[] = [];
  for (const [n, content] of Object.entries(others)) {
    const b = Buffer.from(content);
    entries.push({ name: Buffer.from(n), data: b, method: 0, size: b.length, crc: zlib.crc32(b) });
  }
  entries.push({ name: Buffer.from(name), data, method: 8, size: 1000, crc: 0 });
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    local.push(h, e.name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, dir, end]));
}

/** The parts of a one-sheet workbook, with the sheet part left out (the bomb takes its place). */
function bookWithout(sheetPart: string): Record<string, string> {
  const parts = bookParts({ sheets: [{ name: "S", sheetData: "" }] }) as Record<string, string>;
  delete parts[sheetPart];
  return parts;
}

describe("zip bombs: limits on the bytes actually inflated, whatever the headers claim", () => {
  test("a 4 GiB sheet (headers: 1,000 bytes) is refused by the ratio limit after 8 MiB", () => {
    const bytes = bomb("xl/worksheets/sheet1.xml", 4096, `<worksheet xmlns="${MAIN_NS}"><sheetData>`, 0x20, "</sheetData></worksheet>", bookWithout("xl/worksheets/sheet1.xml"));
    expect(bytes.length).toBeLessThan(6 * 1024 * 1024);
    expect(refusal(bytes)).toMatchObject({ reason: "limit", message: expect.stringContaining("part xl/worksheets/sheet1.xml inflates more than 200 times its compressed size (a zip bomb)") });
  });

  test("without the ratio limit, the per-part limit stops it", () => {
    const bytes = bomb("xl/worksheets/sheet1.xml", 64, `<worksheet xmlns="${MAIN_NS}"><sheetData>`, 0x20, "</sheetData></worksheet>", bookWithout("xl/worksheets/sheet1.xml"));
    expect(refusal(bytes, { maxRatio: Infinity, maxPartBytes: 16 * 1024 * 1024 })).toMatchObject({ reason: "limit", message: expect.stringContaining("part xl/worksheets/sheet1.xml inflates past 16 MiB (it may be a zip bomb)") });
  });

  test("the total limit counts every part read", () => {
    const bytes = bomb("xl/worksheets/sheet1.xml", 4, `<worksheet xmlns="${MAIN_NS}"><sheetData>`, 0x20, "</sheetData></worksheet>", bookWithout("xl/worksheets/sheet1.xml"));
    expect(refusal(bytes, { maxTotalBytes: 3 * 1024 * 1024 })).toMatchObject({ reason: "limit", message: expect.stringContaining("the parts read inflate past 3 MiB together") });
  });

  test("a bomb in a part the reader never needs (a picture) is never inflated", () => {
    const parts = bookParts({ sheets: [{ name: "S", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }) as Record<string, string>;
    const bytes = bomb("xl/media/image1.png", 4096, "", 0, "", parts);
    expect(readWorkbook(bytes).sheets[0].cells[0].value).toBe(1);
  });

  test("entries, file size and ratio limits are named and documented with their defaults", () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({ maxFileBytes: 100 * 1024 * 1024, maxEntries: 10000, maxPartBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200, ratioFloorBytes: 8 * 1024 * 1024 });
    const many: Record<string, string> = {};
    for (let i = 0; i < 30; i++) many[`f${i}.txt`] = "x";
    expect(() => new ZipPackage(zipParts(many), { ...DEFAULT_ZIP_LIMITS, maxEntries: 20 })).toThrow(expect.objectContaining({ reason: "limit", message: expect.stringContaining("30 zip entries, over 20") }));
    expect(refusal(oneSheet(""), { maxFileBytes: 100 })).toMatchObject({ reason: "limit", message: expect.stringContaining("over 100 bytes") });
  });
});

describe("truncated and damaged zips", () => {
  const good = oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`);

  test("cut anywhere, the file is refused as incomplete, never read in part", () => {
    for (const keep of [0.2, 0.5, 0.9, 0.99]) {
      const cut = good.subarray(0, Math.floor(good.length * keep));
      expect(refusal(cut)).toMatchObject({ reason: "truncated", message: expect.stringContaining("the file is incomplete") });
    }
    expect(refusal(good.subarray(0, good.length - 10))).toMatchObject({ reason: "truncated" });
  });

  test("a flipped byte inside a part fails its checksum or its inflation: damaged", () => {
    const bytes = zipParts({ ...bookParts({ sheets: [{ name: "S", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }) }, 0);
    const text = new TextDecoder("latin1").decode(bytes);
    const at = text.indexOf("<v>1</v>");
    const flipped = bytes.slice();
    flipped[at + 3] = "2".charCodeAt(0);
    expect(refusal(flipped)).toMatchObject({ reason: "corrupt", message: expect.stringContaining("part xl/worksheets/sheet1.xml fails its checksum") });
  });
});

describe("signatures recognised before anything else, each with what to do", () => {
  function ole(streamName: string): Uint8Array {
    const b = new Uint8Array(4096);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = Buffer.from(streamName, "utf16le");
    b.set(name, 1024);
    return b;
  }

  test.each([
    ["an empty file", new Uint8Array(0), "empty", "the file is empty (0 bytes)"],
    ["an encrypted (password-protected) workbook", ole("EncryptionInfo"), "encrypted", "this file is password-protected (encrypted), so it cannot be read: open it in Excel, remove the password"],
    ["an Excel 97-2003 .xls", ole("Workbook"), "xls", "this is an old Excel 97-2003 workbook (.xls), not an .xlsx: open it in Excel and save it as an Excel Workbook (.xlsx)"],
    ["an OLE file of another kind", ole("Something"), "ole", "this file is password-protected or an old .xls"],
    ["HTML saved as .xls", enc.encode(`<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><table><tr><td>1</td></tr></table></body></html>`), "html", "this is a web page (HTML) saved with an Excel file name"],
    ["an Excel 2003 XML spreadsheet", enc.encode(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`), "xml2003", "this is an Excel 2003 XML spreadsheet"],
    ["a CSV saved as .xlsx", enc.encode("Practice,Amount\nA81001,1200.50\n"), "text", "this is a text file (CSV or similar) saved with an Excel file name"],
    ["a PDF", enc.encode("%PDF-1.7\n%\u00e2\u00e3"), "unknown-format", "this is a PDF"],
    ["Excel's lock file ~$Book.xlsx", (() => {
      const b = new Uint8Array(165).fill(0x20);
      b[0] = 4;
      b.set(enc.encode("Jane"), 1);
      b[55] = 4;
      b[56] = 0;
      return b;
    })(), "lock-file", "this is Excel's lock file"],
  ])("%s", (_, bytes, reason, message) => {
    expect(refusal(bytes)).toMatchObject({ reason, message: expect.stringContaining(message) });
  });

  test("an OpenDocument spreadsheet (.ods, a zip with a mimetype), a Word document, an .xlsb", () => {
    const ods = zipParts({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }, 0);
    expect(refusal(ods)).toMatchObject({ reason: "ods", message: expect.stringContaining("this is an OpenDocument spreadsheet (.ods)") });
    const docx = zipParts({
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      "word/document.xml": "<w:document/>",
    });
    expect(refusal(docx)).toMatchObject({ reason: "not-workbook", message: "this is a Word document (.docx), not a workbook" });
    const xlsb = zipParts({
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": new Uint8Array([0x83, 0x01]),
    });
    expect(refusal(xlsb)).toMatchObject({ reason: "xlsb" });
  });

  test("a zip that is not an Office package is named as such", () => {
    expect(refusal(zipParts({ "readme.txt": "hello" }))).toMatchObject({ reason: "corrupt", message: expect.stringContaining("without the parts every Office file has") });
  });

  test("openPackage reads parts by any spelling of their name", () => {
    const zip = openPackage(zipParts({ "xl/worksheets/Sheet1.xml": "<a/>" }));
    expect(new TextDecoder().decode(zip.read("/XL/worksheets/sheet1.xml"))).toBe("<a/>");
    expect(zip.read("xl/none.xml")).toBeUndefined();
  });
});
