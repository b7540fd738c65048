/**
 * A template as an .xlsx file that opens and calculates in Excel 365. exceljs writes the workbook
 * (cells, styles, validation, names, protection, print settings) with every formula's result
 * computed on the engine as its cached value; `src/xlsx/write` then edits the package as Excel 365
 * would have saved it: add-in calls as `_xldudf_ICS_<ID>(`, every ICS formula a dynamic array sized
 * to its result (the cells it spills into hold plain cached values), Excel 365's calcId, the
 * add-in referenced in the file and the template's identity in its custom properties. The same
 * spec always gives the same bytes. Node only (the CLI and tests).
 */
import ExcelJS from "exceljs";
import { Cell, isErrorValue } from "../core";
import { ADDIN_VERSION, CATALOGUE_EDITION } from "../core/version";
import { parseCell, parseRange, sheetReference } from "../workbook/a1";
import { listSource } from "../workbook/ops";
import type { CellStyle } from "../workbook/port";
import { AddinReference, CachedGrid, CachedValue as FileValue, SheetUpdates, callsIcs, finishForExcel365, icsCalls, readPackage, spillResult, toFileFormula, updateCachedValues, writePackage } from "../xlsx/write";
import { addinReference } from "./addin";
import { Calculated, Review, calculate, review, specContent } from "./calc";
import { TEMPLATE_SHAPE, encodeShape } from "./shape";
import { RangeSpec, SheetSpec, TemplateSpec, ValidationSpec } from "./spec";

/**
 * The files' created/modified date (docProps/core.xml). The zip entries carry the same date
 * (`src/xlsx/write` stamps every part), so the same template always renders to the same bytes
 * (`npm run templates` changes nothing when nothing changed, and a stale shipped copy shows as a
 * real difference).
 */
export const FILE_DATE = new Date(Date.UTC(2025, 3, 1));

type CachedValue = ExcelJS.CellValue;

function cached(cell: Cell): CachedValue {
  if (cell === null) return null;
  if (isErrorValue(cell)) return { error: cell.error as ExcelJS.CellErrorValue["error"] };
  return cell;
}

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment !== undefined || style.wrapText !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment.toLowerCase() as "left" | "center" | "right" } : {}),
      ...(style.wrapText !== undefined ? { wrapText: style.wrapText } : {}),
    };
  }
}

function eachCell(ws: ExcelJS.Worksheet, range: string, visit: (cell: ExcelJS.Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) visit(ws.getCell(row + 1, col + 1));
}

function applyLook(ws: ExcelJS.Worksheet, look: RangeSpec): void {
  eachCell(ws, look.range, (cell) => {
    if (look.format) cell.numFmt = look.format;
    if (look.style) applyStyle(cell, look.style);
    if (look.input) cell.protection = { locked: false };
  });
}

function validation(v: ValidationSpec): ExcelJS.DataValidation {
  const prompt = v.prompt ? { showInputMessage: true, prompt: v.prompt } : {};
  if (v.kind === "list") {
    return { type: "list", allowBlank: true, formulae: [`"${listSource(v.items)}"`], showErrorMessage: true, errorStyle: "stop", error: `Choose one of: ${v.items.join(", ")}`, ...prompt };
  }
  const bounds = v.min !== undefined && v.max !== undefined ? { operator: "between" as const, formulae: [v.min, v.max] } : v.min !== undefined ? { operator: "greaterThanOrEqual" as const, formulae: [v.min] } : { operator: "lessThanOrEqual" as const, formulae: [v.max] };
  const limits = [v.min !== undefined ? `at least ${v.min}` : "", v.max !== undefined ? `at most ${v.max}` : ""].filter(Boolean).join(" and ");
  return { type: "decimal", allowBlank: true, ...bounds, showErrorMessage: true, errorStyle: "stop", error: `Enter a number ${limits}.`, ...prompt };
}

/** An engine cell as a cached value in the file. */
function fileValue(cell: Cell): FileValue {
  if (cell === null) return null;
  if (isErrorValue(cell)) return { error: cell.error };
  return cell;
}

/** The engine's values over a block. */
function blockValues(calc: Calculated, sheet: string, block: string): FileValue[][] {
  const b = parseRange(block);
  const out: FileValue[][] = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row: FileValue[] = [];
    for (let c = b.left; c <= b.right; c++) row.push(fileValue(calc.value(sheet, r, c)));
    out.push(row);
  }
  return out;
}

function extentOf(row: number, col: number, grid: CachedGrid): string {
  const bottom = row + grid.length - 1;
  const right = col + Math.max(...grid.map((r) => r.length)) - 1;
  const a = `${columnName(col)}${row + 1}`;
  return bottom === row && right === col ? a : `${a}:${columnName(right)}${bottom + 1}`;
}

function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Writes the sheet's cells. A formula is saved as Excel saves it (`_xldudf_ICS_<ID>(`); an ICS
 * formula, or one that spills, is an array formula over its result's actual extent (the spec's
 * block is the room left for it), which the package edit makes a dynamic array. Returns what the
 * cells a formula spills into must hold (written into the package afterwards, as plain values).
 */
function writeCells(ws: ExcelJS.Worksheet, sheet: SheetSpec, calc: Calculated): SheetUpdates {
  const spills: SheetUpdates["cells"][number][] = [];
  for (const cell of sheet.cells) {
    const { row, col } = parseCell(cell.at);
    const target = ws.getCell(row + 1, col + 1);
    if (!("formula" in cell)) {
      target.value = cell.value as CachedValue;
      continue;
    }
    const formula = toFileFormula(cell.formula);
    if (!cell.spill && !callsIcs(cell.formula)) {
      const result = cached(calc.value(sheet.name, row, col)) as ExcelJS.CellFormulaValue["result"];
      target.value = { formula, ...(result !== null ? { result } : {}) } as ExcelJS.CellFormulaValue;
      continue;
    }
    const grid = spillResult(cell.spill ? blockValues(calc, sheet.name, cell.spill) : [[fileValue(calc.value(sheet.name, row, col))]]);
    const result = cached(calc.value(sheet.name, row, col)) as ExcelJS.CellFormulaValue["result"];
    // exceljs writes <f t="array" ref="..."> for this shape; its typings do not describe it.
    target.value = { formula, shareType: "array", ref: extentOf(row, col, grid), ...(result !== null ? { result } : {}) } as unknown as ExcelJS.CellValue;
    if (grid.length > 1 || grid[0].length > 1) spills.push({ row, col, value: grid });
  }
  return { sheet: sheet.name, cells: spills };
}

function footer(text: string): string {
  return text.replace(/&/g, "&&");
}

async function writeSheet(wb: ExcelJS.Workbook, spec: TemplateSpec, sheet: SheetSpec, calc: Calculated): Promise<SheetUpdates> {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: 9,
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(sheet.print.titleRows ? { printTitlesRow: sheet.print.titleRows } : {}),
    },
    headerFooter: { oddFooter: `&L${footer(spec.title)}&C&A&RPage &P of &N`, oddHeader: "", evenHeader: "", evenFooter: "", firstHeader: "", firstFooter: "", differentFirst: false, differentOddEven: false },
  });
  for (const [column, width] of Object.entries(sheet.widths)) ws.getColumn(column).width = width;
  for (const look of sheet.ranges) applyLook(ws, look);
  const spills = writeCells(ws, sheet, calc);
  // exceljs 4.4 accepts a range here (and writes one sqref), though its typings omit the property.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) validations.add(v.range, validation(v));
  if (sheet.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return spills;
}

export interface Rendered {
  workbook: ExcelJS.Workbook;
  /** The engine's verdict on the template as generated: error cells and checks. */
  review: Review;
  /** The values of the cells each spilling formula fills (beyond its own cell), by sheet. */
  spills: SheetUpdates[];
}

/** The workbook as exceljs holds it, with cached values (spilled values come with the package edit). */
export async function renderWorkbook(spec: TemplateSpec): Promise<Rendered> {
  const content = specContent(spec);
  const calc = calculate(content);
  try {
    const wb = new ExcelJS.Workbook();
    wb.creator = "ics-finance";
    wb.lastModifiedBy = "ics-finance";
    wb.created = FILE_DATE;
    wb.modified = FILE_DATE;
    wb.title = spec.title;
    wb.subject = spec.description;
    const spills: SheetUpdates[] = [];
    for (const sheet of spec.sheets) spills.push(await writeSheet(wb, spec, sheet, calc));
    for (const n of spec.names) wb.definedNames.add(sheetReference(n.sheet, n.range), n.name);
    return { workbook: wb, review: review(content, calc), spills };
  } finally {
    calc.engine.destroy();
  }
}

export interface RenderOptions {
  /** For a template prefilled from data: the file and filter it came from, e.g. "gp-reg-pat-prac-2024.csv; ICB QWO". */
  prefilledFrom?: string;
  /** The add-in deployment the file references (default: central deployment). */
  addin?: AddinReference;
}

/** The template's identity as custom document properties (../shared/spec/RETURNS.md). */
export function identityProperties(spec: TemplateSpec, options: RenderOptions = {}): [string, string][] {
  return [
    ["TemplateName", spec.name],
    ["TemplateVersion", spec.version],
    ["CatalogueEdition", CATALOGUE_EDITION],
    ["AddinVersion", ADDIN_VERSION],
    ...(options.prefilledFrom ? [["PrefilledFrom", options.prefilledFrom] as [string, string]] : []),
    ...(spec.shape ? [[TEMPLATE_SHAPE, encodeShape(spec.shape)] as [string, string]] : []),
  ];
}

/** The ICS function ids the spec's formulas call, e.g. ["ICS.DELEGATE", "ICS.POT"]. */
export function functionIdsOf(spec: TemplateSpec): string[] {
  const ids = new Set<string>();
  for (const sheet of spec.sheets) for (const cell of sheet.cells) if ("formula" in cell) for (const id of icsCalls(cell.formula)) ids.add(`ICS.${id}`);
  return [...ids].sort();
}

export async function renderXlsx(spec: TemplateSpec, options: RenderOptions = {}): Promise<{ buffer: Buffer; review: Review }> {
  const { workbook, review, spills } = await renderWorkbook(spec);
  const pkg = readPackage(new Uint8Array(await workbook.xlsx.writeBuffer()));
  finishForExcel365(pkg, {
    addin: { reference: options.addin ?? addinReference(), functionIds: functionIdsOf(spec) },
    properties: identityProperties(spec, options),
  });
  updateCachedValues(pkg, spills);
  return { buffer: Buffer.from(writePackage(pkg)), review };
}
