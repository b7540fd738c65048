/**
 * Workbook packages built by the tests themselves: the parts of a minimal .xlsx written out as
 * text, zipped with fflate, so each case shows exactly the XML it is about.
 */
import { zipSync } from "fflate";

const enc = new TextEncoder();

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A zip of these parts, in this order. */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 | 6 | 9 }]> = {};
  for (const [name, content] of Object.entries(parts)) files[name] = [typeof content === "string" ? enc.encode(content) : content, { level }];
  return zipSync(files);
}

export interface SheetSpec {
  name: string;
  /** The worksheet part's whole XML, or just what goes inside <sheetData>. */
  xml?: string;
  sheetData?: string;
  /** What follows </sheetData> (mergeCells, dataValidations, tableParts, …). */
  after?: string;
  state?: string;
  /** Part name, default xl/worksheets/sheet<n>.xml. */
  part?: string;
  /** Extra parts this sheet's rels point at: [relationship type (last segment), target, part content]. */
  rels?: [string, string, string][];
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** <definedNames> content. */
  names?: string;
  workbookPr?: string;
  calcPr?: string;
  sharedStrings?: string[];
  /** Raw <sst> content instead of plain strings. */
  sstXml?: string;
  metadata?: string;
  customXml?: string;
  /** Extra parts, e.g. xl/vbaProject.bin. */
  extra?: Record<string, string | Uint8Array>;
  /** Extra workbook relationships: [type, target]. */
  workbookRels?: [string, string][];
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The parts of a workbook package. */
export function bookParts(spec: BookSpec): Record<string, string | Uint8Array> {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`];
  const wbRels: string[] = [];
  const sheets: string[] = [];
  spec.sheets.forEach((s, i) => {
    const part = s.part ?? `xl/worksheets/sheet${i + 1}.xml`;
    const target = part.replace(/^xl\//, "");
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="${target}"/>`);
    sheets.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`);
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    parts[part] = s.xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${s.sheetData ?? ""}</sheetData>${s.after ?? ""}</worksheet>`;
    if (s.rels) {
      const slash = part.lastIndexOf("/");
      const relsPart = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
      parts[relsPart] = `<Relationships xmlns="${PKG_REL_NS}">${s.rels.map(([type, t], k) => `<Relationship Id="rId${k + 1}" Type="${REL_TYPE}/${type}" Target="${t}"/>`).join("")}</Relationships>`;
      for (const [, t, content] of s.rels) parts[new URL(t, `http://x/${part}`).pathname.slice(1)] = content;
    }
  });
  let n = spec.sheets.length;
  if (spec.sharedStrings || spec.sstXml) {
    n++;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts["xl/sharedStrings.xml"] = `<sst xmlns="${MAIN_NS}">${spec.sstXml ?? spec.sharedStrings!.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
  }
  if (spec.metadata) {
    n++;
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL_TYPE}/sheetMetadata" Target="metadata.xml"/>`);
    parts["xl/metadata.xml"] = spec.metadata;
  }
  for (const [type, target] of spec.workbookRels ?? []) {
    n++;
    wbRels.push(`<Relationship Id="rId${n}" Type="${type.includes("/") ? type : `${REL_TYPE}/${type}`}" Target="${target}"/>`);
  }
  const rootRels = [`<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>`];
  if (spec.customXml) {
    rootRels.push(`<Relationship Id="rId2" Type="${REL_TYPE}/custom-properties" Target="docProps/custom.xml"/>`);
    parts["docProps/custom.xml"] = spec.customXml;
  }
  parts["[Content_Types].xml"] = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  parts["_rels/.rels"] = `<Relationships xmlns="${PKG_REL_NS}">${rootRels.join("")}</Relationships>`;
  parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${spec.workbookPr ?? ""}<sheets>${sheets.join("")}</sheets>${spec.names ? `<definedNames>${spec.names}</definedNames>` : ""}${spec.calcPr ?? ""}</workbook>`;
  parts["xl/_rels/workbook.xml.rels"] = `<Relationships xmlns="${PKG_REL_NS}">${wbRels.join("")}</Relationships>`;
  Object.assign(parts, spec.extra ?? {});
  return parts;
}

export function book(spec: BookSpec): Uint8Array {
  return zipParts(bookParts(spec));
}

/** One sheet named Sheet1 with this sheetData. */
export function oneSheet(sheetData: string, more: Partial<BookSpec> & { after?: string } = {}): Uint8Array {
  return book({ ...more, sheets: [{ name: "Sheet1", sheetData, after: more.after }] });
}
