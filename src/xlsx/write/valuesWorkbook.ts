/**
 * A workbook of values only, written from scratch: sheets of plain values under a bold header
 * row, each column with its width and number format, the header row frozen and, where asked,
 * filters on it. For reports (the consolidated workbook of `ics-finance returns`) that must open
 * in Excel 365 without repair and without the add-in, built the same in Node and the browser
 * (fflate, no exceljs). The same input always gives the same bytes.
 *
 * Text goes into shared strings, not inline strings: it is what Excel itself writes, and a
 * consolidated sheet repeats the same text on thousands of rows (an organisation code on each of
 * its practices), which the shared table stores once.
 */
import { columnLetters } from "./cells";
import { PACKAGE_DATE, Package, writePackage } from "./package";
import { escapeAttr, escapeText } from "./xml";

/**
 * A sheet name as a reference needs it: quoted unless a plain name that cannot be read as a cell
 * (the file layer's own copy of src/workbook/a1.ts's rule: src/xlsx imports nothing outside it).
 */
function quoteSheet(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[Rr]\d*[Cc]\d*$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A cell's value: a number, text, TRUE/FALSE, an error ("#DIV/0!") or a blank (null, or empty text). */
export type SheetValue = number | string | boolean | null | { readonly error: string };

export interface ValuesColumn {
  header: string;
  /** In characters; estimated from the header and the values when absent. */
  width?: number;
  /** An Excel number format for the column's numbers, e.g. "£#,##0;[Red]-£#,##0". */
  format?: string;
}

export interface ValuesSheet {
  name: string;
  columns: readonly ValuesColumn[];
  /** Values in column order; a shorter row ends in blanks. */
  rows: readonly (readonly SheetValue[])[];
  /** Filter buttons on the header row (an `<autoFilter>` over the header and every row). */
  filter?: boolean;
}

export interface ValuesWorkbook {
  sheets: readonly ValuesSheet[];
  /** The document title (File > Info). */
  title?: string;
}

export class ValuesWorkbookError extends Error {}

/** Excel's grid and cell limits. */
export const SHEET_LIMITS = { rows: 1_048_576, columns: 16_384, textLength: 32_767, sheetName: 31 } as const;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

const REL_TYPE = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
  app: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
} as const;

/** The error values every Excel since 2007 reads from a file; newer ones are written as their text. */
const FILE_ERRORS: ReadonlySet<string> = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);

/** Formats Excel knows by number: written by id, as Excel writes them, not as custom formats. */
const BUILT_IN_FORMATS: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
]);

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

/** Why Excel would refuse a sheet name, or undefined when it takes it. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > SHEET_LIMITS.sheetName) return `the sheet name "${name}" is longer than ${SHEET_LIMITS.sheetName} characters`;
  if (FORBIDDEN_IN_SHEET_NAME.test(name)) return `the sheet name "${name}" holds one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `the sheet name "${name}" begins or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return `"History" is a sheet name Excel keeps for itself`;
  return undefined;
}

/**
 * A name Excel takes for a sheet, close to the one wanted and unlike (ignoring case) every name in
 * `taken`, which it joins: forbidden characters become spaces, a long name is cut, and a name
 * already taken gets " (2)", " (3)"… (within the 31 characters).
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  let base = wanted.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : `${base} sheet`;
  base = base.slice(0, SHEET_LIMITS.sheetName).trim();
  const free = (name: string) => !taken.has(name.toUpperCase());
  let name = base;
  for (let n = 2; !free(name); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_LIMITS.sheetName - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toUpperCase());
  return name;
}

// ---- text as XML can carry it ----

/**
 * Text for `<t>`: characters XML 1.0 cannot hold become OOXML's `_xHHHH_` escapes (and a literal
 * "_xHHHH_" is itself escaped, so readers give back exactly the text); an unpaired surrogate
 * becomes U+FFFD. Longer than Excel's 32,767 characters is cut there, as Excel would.
 */
function xstring(text: string): string {
  const cut = text.length > SHEET_LIMITS.textLength ? text.slice(0, SHEET_LIMITS.textLength) : text;
  const escaped = cut
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return escapeText(escaped).replace(/\r/g, "&#13;");
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|[\n\r\t]/.test(text);
  return `<t${preserve ? ' xml:space="preserve"' : ""}>${xstring(text)}</t>`;
}

/** Text Excel would read as something else if typed in (a formula, a number, TRUE): kept as text with a quote prefix. */
function looksLikeInput(text: string): boolean {
  if (/^[=+\-@]/.test(text)) return true;
  const t = text.trim();
  if (t === "") return false;
  if (/^(true|false)$/i.test(t)) return true;
  return /^[-+]?[£$€]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?$/i.test(t);
}

// ---- styles ----

/** The cell formats (`cellXfs`) a workbook uses, in order of first use. */
class Styles {
  static readonly DEFAULT = 0;
  static readonly HEADER = 1;
  static readonly QUOTED = 2;
  private readonly customFormats = new Map<string, number>();
  private readonly xfByFormat = new Map<number, number>();
  private readonly xfFormats: number[] = [];

  /** The style index for numbers in this format. */
  forFormat(format: string | undefined): number {
    if (format === undefined || format === "General") return Styles.DEFAULT;
    let id = BUILT_IN_FORMATS.get(format);
    if (id === undefined) {
      id = this.customFormats.get(format);
      if (id === undefined) {
        id = 164 + this.customFormats.size;
        this.customFormats.set(format, id);
      }
    }
    let xf = this.xfByFormat.get(id);
    if (xf === undefined) {
      xf = 3 + this.xfFormats.length;
      this.xfFormats.push(id);
      this.xfByFormat.set(id, xf);
    }
    return xf;
  }

  xml(): string {
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    const font = (bold: boolean) => `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>',
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>',
      ...this.xfFormats.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
    ];
    return (
      `${DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFE8EDEE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left/><right/><top/><bottom style="thin"><color rgb="FF425563"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}

/** Each distinct text once, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private uses = 0;

  id(text: string): number {
    this.uses++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = [...this.index.keys()].map((t) => `<si>${textElement(t)}</si>`);
    return `${DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.uses}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  }
}

// ---- sheets ----

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function cellXml(ref: string, value: SheetValue, numberStyle: number, strings: SharedStrings): string {
  // Empty text (a formula's "") shows as a blank in Excel: written as one, so filters list it with the blanks.
  if (value == null || value === "") return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${numberStyle ? ` s="${numberStyle}"` : ""}><v>${numberText(value)}</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") {
    const style = looksLikeInput(value) ? ` s="${Styles.QUOTED}"` : "";
    return `<c r="${ref}"${style} t="s"><v>${strings.id(value)}</v></c>`;
  }
  if (FILE_ERRORS.has(value.error)) return `<c r="${ref}" t="e"><v>${escapeText(value.error)}</v></c>`;
  // An error newer than the file format Excel 2007 defined (#SPILL!, #CALC!) or an engine's own: its text.
  return `<c r="${ref}" t="s"><v>${strings.id(value.error)}</v></c>`;
}

/** A width in characters that shows the header and most values whole (capped, so one long message does not). */
function estimatedWidth(column: number, sheet: ValuesSheet): number {
  const spec = sheet.columns[column];
  let widest = spec.header.length + (sheet.filter ? 3 : 1);
  for (const row of sheet.rows) {
    const v = row[column];
    let len = 0;
    if (typeof v === "string") len = v.length;
    else if (typeof v === "number") {
      const digits = Math.abs(Math.trunc(v)).toString().length;
      len = digits + Math.floor((digits - 1) / 3) + 4;
    } else if (typeof v === "boolean") len = 5;
    else if (v != null) len = v.error.length;
    if (len > widest) widest = len;
  }
  return Math.min(Math.max(widest + 1, 8), 60);
}

function sheetXml(sheet: ValuesSheet, first: boolean, styles: Styles, strings: SharedStrings): string {
  const lastColumn = columnLetters(sheet.columns.length - 1);
  const lastRow = sheet.rows.length + 1;
  const extent = `A1:${lastColumn}${lastRow}`;
  const numberStyles = sheet.columns.map((c) => styles.forFormat(c.format));
  const letters = sheet.columns.map((_, i) => columnLetters(i));
  const out: string[] = [];
  out.push(`${DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${R_NS}">`);
  out.push(`<dimension ref="${extent}"/>`);
  out.push(
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">` +
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
  );
  out.push('<sheetFormatPr defaultRowHeight="15"/>');
  out.push(
    `<cols>${sheet.columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${(c.width ?? estimatedWidth(i, sheet)).toFixed(2).replace(/\.?0+$/, "")}" customWidth="1"/>`)
      .join("")}</cols>`,
  );
  out.push("<sheetData>");
  out.push(`<row r="1">${sheet.columns.map((c, i) => `<c r="${letters[i]}1" s="${Styles.HEADER}" t="s"><v>${strings.id(c.header)}</v></c>`).join("")}</row>`);
  sheet.rows.forEach((row, r) => {
    const n = r + 2;
    let cells = "";
    for (let i = 0; i < row.length; i++) cells += cellXml(`${letters[i]}${n}`, row[i], numberStyles[i], strings);
    out.push(cells === "" ? `<row r="${n}"/>` : `<row r="${n}">${cells}</row>`);
  });
  out.push("</sheetData>");
  if (sheet.filter) out.push(`<autoFilter ref="${extent}"/>`);
  out.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  out.push("</worksheet>");
  return out.join("");
}

function checkInput(book: ValuesWorkbook): void {
  if (book.sheets.length === 0) throw new ValuesWorkbookError("a workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const sheet of book.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw new ValuesWorkbookError(problem);
    if (seen.has(sheet.name.toUpperCase())) throw new ValuesWorkbookError(`two sheets are named "${sheet.name}" (Excel ignores case in sheet names)`);
    seen.add(sheet.name.toUpperCase());
    if (sheet.columns.length === 0) throw new ValuesWorkbookError(`the sheet "${sheet.name}" has no columns`);
    if (sheet.columns.length > SHEET_LIMITS.columns) throw new ValuesWorkbookError(`the sheet "${sheet.name}" has ${sheet.columns.length} columns, more than Excel's ${SHEET_LIMITS.columns}`);
    if (sheet.rows.length + 1 > SHEET_LIMITS.rows) {
      throw new ValuesWorkbookError(`the sheet "${sheet.name}" has ${sheet.rows.length.toLocaleString("en-GB")} rows, more than Excel's ${(SHEET_LIMITS.rows - 1).toLocaleString("en-GB")} under a header`);
    }
    sheet.rows.forEach((row, r) => {
      if (row.length > sheet.columns.length) throw new ValuesWorkbookError(`row ${r + 1} of the sheet "${sheet.name}" has ${row.length} values for ${sheet.columns.length} columns`);
    });
  }
}

function isoDate(): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${PACKAGE_DATE.year}-${pad(PACKAGE_DATE.month)}-${pad(PACKAGE_DATE.day)}T00:00:00Z`;
}

function rels(entries: readonly (readonly [id: string, type: string, target: string])[]): string {
  return `${DECLARATION}<Relationships xmlns="${PKG_REL_NS}">${entries.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`).join("")}</Relationships>`;
}

/** The workbook as .xlsx bytes; throws `ValuesWorkbookError` (a plain message) for a sheet Excel would refuse. */
export function writeValuesWorkbook(book: ValuesWorkbook): Uint8Array {
  checkInput(book);
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheets = book.sheets.map((sheet, i) => ({ sheet, part: `xl/worksheets/sheet${i + 1}.xml`, xml: sheetXml(sheet, i === 0, styles, strings) }));
  const n = sheets.length;

  const contentTypes =
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="${CONTENT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT.workbook}"/>` +
    sheets.map((s) => `<Override PartName="/${s.part}" ContentType="${CONTENT.worksheet}"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT.styles}"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT.sharedStrings}"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="${CONTENT.core}"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${CONTENT.app}"/>` +
    "</Types>";

  // Excel keeps a filter's range in a hidden name of the sheet's own scope, and wants it there.
  const filterNames = sheets
    .map((s, i) => (s.sheet.filter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`${quoteSheet(s.sheet.name)}!$A$1:$${columnLetters(s.sheet.columns.length - 1)}$${s.sheet.rows.length + 1}`)}</definedName>` : ""))
    .join("");
  const workbook =
    `${DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets.map((s, i) => `<sheet name="${escapeAttr(s.sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
    (filterNames ? `<definedNames>${filterNames}</definedNames>` : "") +
    "</workbook>";

  const date = isoDate();
  const core =
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (book.title ? `<dc:title>${escapeText(book.title)}</dc:title>` : "") +
    "<dc:creator>ics-finance</dc:creator>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    "</cp:coreProperties>";
  const app =
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    "<Application>ics-finance</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeText(s.sheet.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts>` +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>" +
    "</Properties>";

  const pkg = new Package();
  pkg.set("[Content_Types].xml", contentTypes);
  pkg.set("_rels/.rels", rels([["rId1", REL_TYPE.officeDocument, "xl/workbook.xml"], ["rId2", REL_TYPE.core, "docProps/core.xml"], ["rId3", REL_TYPE.app, "docProps/app.xml"]]));
  pkg.set("docProps/core.xml", core);
  pkg.set("docProps/app.xml", app);
  pkg.set("xl/workbook.xml", workbook);
  pkg.set(
    "xl/_rels/workbook.xml.rels",
    rels([
      ...sheets.map((s, i) => [`rId${i + 1}`, REL_TYPE.worksheet, s.part.slice(3)] as const),
      [`rId${n + 1}`, REL_TYPE.styles, "styles.xml"],
      [`rId${n + 2}`, REL_TYPE.sharedStrings, "sharedStrings.xml"],
    ]),
  );
  for (const s of sheets) pkg.set(s.part, s.xml);
  pkg.set("xl/styles.xml", styles.xml());
  pkg.set("xl/sharedStrings.xml", strings.xml());
  return writePackage(pkg);
}
