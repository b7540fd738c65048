/**
 * `readWorkbook(bytes)`: a returned `.xlsx` / `.xlsm` as the plain `ReadWorkbook` of
 * `../model.ts`, read safely from untrusted bytes. Parts are found through the package's
 * relationships (`_rels/.rels` → officeDocument → `xl/_rels/workbook.xml.rels` → sheets, shared
 * strings, metadata, tables), never by file name; prefixed and strict-OOXML XML read like any
 * other; every limit of `ReadLimits` applies; macros are noted and never run, external links
 * counted and never followed. Throws `WorkbookReadError` (a plain message, a `reason`) for a
 * file it cannot read, and never anything else for bad input.
 *
 * Runs in Node and the browser (no Node modules).
 */
import { WorkbookReadError } from "../errors";
import type { DefinedName, PropertyValue, ReadSheet, ReadWorkbook, TableDef } from "../model";
import { openPackage } from "../zip";
import { isValidDefinedName } from "./formula";
import { DEFAULT_READ_LIMITS, ReadLimits } from "./limits";
import { Package, Relationship } from "./package";
import { readCustomProperties, readDynamicArrayMetadata, readTable } from "./parts";
import { SheetContext, readSheetPart } from "./sheet";
import { readSharedStrings } from "./strings";
import { readWorkbookPart } from "./workbook";

export { WorkbookReadError } from "../errors";
export type { RefusalReason } from "../errors";
export { DEFAULT_READ_LIMITS } from "./limits";
export type { ReadLimits } from "./limits";

/** Warnings kept in full; past this many, one line says how many more there were. */
const MAX_WARNINGS = 200;

const RESAVE = "open it in Excel and save it as an Excel Workbook (.xlsx)";

/** What the package's main part is, from its content type. */
function mainKind(contentType: string | undefined, part: string): "workbook" | "xlsb" | "word" | "powerpoint" | "other" {
  const t = (contentType ?? "").toLowerCase();
  if (t.includes("spreadsheetml") || t.includes("ms-excel.sheet.macroenabled") || t.includes("ms-excel.template.macroenabled") || t.includes("ms-excel.addin.macroenabled")) return "workbook";
  if (t.includes("ms-excel.sheet.binary")) return "xlsb";
  if (t.includes("wordprocessingml") || t.includes("ms-word")) return "word";
  if (t.includes("presentationml") || t.includes("ms-powerpoint")) return "powerpoint";
  if (t === "") {
    const p = part.toLowerCase();
    if (p.endsWith(".bin")) return "xlsb";
    if (p.startsWith("word/")) return "word";
    if (p.startsWith("ppt/")) return "powerpoint";
    return p.endsWith(".xml") ? "workbook" : "other";
  }
  return "other";
}

function findWorkbookPart(pkg: Package, warn: (t: string) => void): string {
  const types = pkg.has("[Content_Types].xml") ? pkg.contentTypes() : { overrides: new Map<string, string>(), defaults: new Map<string, string>() };
  const typeOf = (part: string) => {
    const key = part.toLowerCase();
    const dot = key.lastIndexOf(".");
    return types.overrides.get(key) ?? (dot === -1 ? undefined : types.defaults.get(key.slice(dot + 1)));
  };
  const root = pkg.rels("").find((r) => r.type === "officeDocument" && !r.external);
  let part = root?.target;
  if (!part) {
    // A package without its relationship to the workbook: find it by content type, and say so.
    for (const [name, type] of types.overrides) {
      if (mainKind(type, name) === "workbook" && /sheet\.main\+xml|macroenabled\.main\+xml|template\.main\+xml/.test(type.toLowerCase())) {
        part = name;
        warn("the package has no relationship to its workbook part; it was found by its content type");
        break;
      }
    }
  }
  if (!part) {
    if (!pkg.has("[Content_Types].xml") && !pkg.has("_rels/.rels")) {
      throw new WorkbookReadError("corrupt", "the file is damaged or not a workbook: it is a zip without the parts every Office file has ([Content_Types].xml, _rels/.rels); open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again");
    }
    if (pkg.has("word/document.xml")) throw new WorkbookReadError("not-workbook", "this is a Word document (.docx), not a workbook");
    if (pkg.has("ppt/presentation.xml")) throw new WorkbookReadError("not-workbook", "this is a PowerPoint presentation (.pptx), not a workbook");
    if (pkg.has("xl/workbook.bin")) throw new WorkbookReadError("xlsb", `this is an Excel binary workbook (.xlsb), not an .xlsx: ${RESAVE}`);
    throw new WorkbookReadError("not-workbook", `this is a zip file but not an Excel workbook (it has no workbook part): ${RESAVE}`);
  }
  switch (mainKind(typeOf(part), part)) {
    case "workbook":
      return part;
    case "xlsb":
      throw new WorkbookReadError("xlsb", `this is an Excel binary workbook (.xlsb), not an .xlsx: ${RESAVE}`);
    case "word":
      throw new WorkbookReadError("not-workbook", "this is a Word document (.docx), not a workbook");
    case "powerpoint":
      throw new WorkbookReadError("not-workbook", "this is a PowerPoint presentation (.pptx), not a workbook");
    default:
      throw new WorkbookReadError("not-workbook", `this is an Office package but not an Excel workbook (its main part is ${typeOf(part) ?? part}): ${RESAVE}`);
  }
}

export function readWorkbook(bytes: Uint8Array, limits: Partial<ReadLimits> = {}): ReadWorkbook {
  const l: ReadLimits = { ...DEFAULT_READ_LIMITS };
  for (const [k, v] of Object.entries(limits)) if (typeof v === "number" && !Number.isNaN(v)) (l as unknown as Record<string, number>)[k] = v;
  const warnings: string[] = [];
  let extraWarnings = 0;
  const warn = (t: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(t);
    else extraWarnings++;
  };
  const zip = openPackage(bytes, l);
  const pkg = new Package(zip, l);
  if (zip.duplicates.length > 0) warn(`the zip holds ${zip.duplicates.length} entries twice (${zip.duplicates.slice(0, 3).join(", ")}); the first of each was read`);

  const workbookPart = findWorkbookPart(pkg, warn);
  const wb = readWorkbookPart(pkg, workbookPart);
  if (!wb) throw new WorkbookReadError("corrupt", `the file is damaged: its workbook part ${workbookPart} is missing; open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again`);
  const rels = pkg.rels(workbookPart);
  if (rels.length === 0 && wb.sheets.length > 0) {
    throw new WorkbookReadError("corrupt", `the file is damaged: the workbook's relationships (${workbookPart.replace(/[^/]*$/, "_rels/")}…) are missing, so its sheets cannot be found; open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again`);
  }
  const byId = new Map<string, Relationship>();
  for (const r of rels) if (!byId.has(r.id)) byId.set(r.id, r);
  const first = (type: string) => rels.find((r) => r.type === type && !r.external);

  const stringsRel = first("sharedStrings");
  const strings = stringsRel && pkg.has(stringsRel.target) ? readSharedStrings(pkg, stringsRel.target, l.maxCells) : [];
  if (stringsRel && !pkg.has(stringsRel.target)) warn(`the shared strings part ${stringsRel.target} is missing: cells that use it were read without their text`);

  let dynamicArray: boolean[] = [];
  const metadataRel = first("sheetMetadata");
  if (metadataRel && pkg.has(metadataRel.target)) {
    try {
      dynamicArray = readDynamicArrayMetadata(pkg, metadataRel.target);
    } catch (e) {
      if (!(e instanceof WorkbookReadError) || e.reason !== "corrupt") throw e;
      warn(`the cell metadata part ${metadataRel.target} could not be read: dynamic arrays were read as legacy array formulas`);
    }
  }

  const externalLinks = Math.max(rels.filter((r) => r.type === "externalLink").length, wb.externalReferences);
  let hasMacros = rels.some((r) => r.type === "vbaProject") || zip.names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n));

  const ctx: SheetContext = { sheetName: "", strings, dynamicArray, date1904: wb.date1904, limits: l, cellCount: { n: 0 }, sharedChars: { n: 0 }, warn };
  const sheets: ReadSheet[] = [];
  const tables: TableDef[] = [];
  const tableNames = new Set<string>();
  let chartsheets = 0;
  const seenSheetNames = new Set<string>();
  for (const entry of wb.sheets) {
    const rel = byId.get(entry.rid);
    if (!rel || rel.external) {
      warn(`sheet "${entry.name}" has no part in the package and was not read`);
      continue;
    }
    if (rel.type === "chartsheet") {
      chartsheets++;
      continue;
    }
    if (rel.type === "xlMacrosheet" || rel.type === "xlIntlMacrosheet") {
      hasMacros = true;
      warn(`sheet "${entry.name}" is an Excel 4.0 macro sheet: it was not read, and its macros are never run`);
      continue;
    }
    if (rel.type !== "worksheet") {
      warn(`sheet "${entry.name}" is a ${rel.type}, not a worksheet, and was not read`);
      continue;
    }
    if (seenSheetNames.has(entry.name.toLowerCase())) {
      throw new WorkbookReadError("corrupt", `the file is damaged: two sheets are named "${entry.name}"; open it in Excel, let Excel repair it, save it as an Excel Workbook (.xlsx) and send it again`);
    }
    seenSheetNames.add(entry.name.toLowerCase());
    ctx.sheetName = entry.name;
    const part = readSheetPart(pkg, rel.target, ctx);
    if (!part) {
      throw new WorkbookReadError("corrupt", `the file is damaged: sheet "${entry.name}" has no part ${rel.target} in the package; open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again`);
    }
    sheets.push({ name: entry.name, part: zip.nameOf(rel.target) ?? rel.target, state: entry.state, cells: part.cells, protected: part.protected, merges: part.merges, validations: part.validations, ...(part.hiddenRows.length > 0 ? { hiddenRows: part.hiddenRows } : {}) });
    if (part.tableRids.length > 0) {
      const sheetRels = pkg.rels(rel.target);
      for (const rid of part.tableRids) {
        const t = sheetRels.find((r) => r.id === rid && r.type === "table" && !r.external);
        if (!t) continue;
        let table: TableDef | undefined;
        try {
          table = readTable(pkg, t.target, entry.name);
        } catch (e) {
          if (!(e instanceof WorkbookReadError) || e.reason !== "corrupt") throw e;
          warn(`table part ${t.target} on sheet "${entry.name}" could not be read: ${e.message}`);
        }
        if (!table) continue;
        if (tableNames.has(table.name.toLowerCase())) warn(`two tables are named "${table.name}"; the first was kept`);
        else {
          tableNames.add(table.name.toLowerCase());
          tables.push(table);
        }
      }
    }
  }
  if (sheets.length === 0) {
    const why = wb.sheets.length === 0 ? "it lists no sheets" : chartsheets === wb.sheets.length ? "it holds only charts" : "none of its sheets could be read";
    throw new WorkbookReadError("no-sheets", `the workbook has no worksheet that could be read (${why}): open it in Excel, check that the return's sheets are there, save it as an Excel Workbook (.xlsx) and send it again`);
  }

  const names: DefinedName[] = [];
  const nameKeys = new Set<string>();
  let invalidNames = 0;
  for (const n of wb.names) {
    if (!isValidDefinedName(n.name)) {
      invalidNames++;
      if (invalidNames <= 5) warn(`the defined name "${n.name.slice(0, 60)}" is not a name Excel accepts and was not read`);
      continue;
    }
    let scope: string | undefined;
    if (n.localSheetId !== undefined) {
      scope = wb.sheets[n.localSheetId]?.name;
      if (scope === undefined) {
        warn(`the defined name "${n.name}" belongs to a sheet that is not there and was not read`);
        continue;
      }
    }
    const key = `${(scope ?? "").toLowerCase()}!${n.name.toLowerCase()}`;
    if (nameKeys.has(key)) {
      warn(`the defined name "${n.name}" is defined twice${scope ? ` on sheet "${scope}"` : ""}; the first was kept`);
      continue;
    }
    nameKeys.add(key);
    names.push({ name: n.name, ...(scope !== undefined ? { scope } : {}), refersTo: n.refersTo.trim().replace(/^=/, ""), hidden: n.hidden });
  }
  if (invalidNames > 5) warn(`${invalidNames - 5} more defined names Excel would not accept were not read`);

  let customProperties: Record<string, PropertyValue> = {};
  const customRel = pkg.rels("").find((r) => r.type === "custom-properties" && !r.external);
  if (customRel && pkg.has(customRel.target)) {
    try {
      customProperties = readCustomProperties(pkg, customRel.target);
    } catch (e) {
      if (!(e instanceof WorkbookReadError) || e.reason !== "corrupt") throw e;
      warn(`the custom document properties (${customRel.target}) could not be read`);
    }
  }
  if (hasMacros) warn("the workbook holds macros (VBA): they were not run");
  if (externalLinks > 0) warn(`the workbook links to ${externalLinks} other workbook${externalLinks === 1 ? "" : "s"}: the links were not followed`);
  if (extraWarnings > 0) warnings.push(`… and ${extraWarnings.toLocaleString("en-GB")} more warnings`);

  return { sheets, names, tables, date1904: wb.date1904, calc: wb.calc, customProperties, hasMacros, externalLinks, warnings };
}
