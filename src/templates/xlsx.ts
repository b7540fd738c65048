/**
 * A template as an .xlsx file (exceljs), with every formula's result computed on the engine and
 * saved as its cached value, so the file shows its figures even where the add-in is not loaded.
 * Spilling formulas are saved as array formulas over their block. Node only (the CLI and tests).
 */
import ExcelJS from "exceljs";
import { Cell, isErrorValue } from "../core";
import { parseCell, parseRange, sheetReference } from "../workbook/a1";
import { listSource } from "../workbook/ops";
import type { CellStyle } from "../workbook/port";
import { Calculated, Review, calculate, review, specContent } from "./calc";
import { RangeSpec, SheetSpec, TemplateSpec, ValidationSpec } from "./spec";

/**
 * The files' created/modified date, fixed so that regenerating a template changes nothing but
 * the zip container's timestamps (the staleness test compares the parts inside, not the bytes).
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

function writeCells(ws: ExcelJS.Worksheet, sheet: SheetSpec, calc: Calculated): void {
  for (const cell of sheet.cells) {
    const { row, col } = parseCell(cell.at);
    const target = ws.getCell(row + 1, col + 1);
    if (!("formula" in cell)) {
      target.value = cell.value as CachedValue;
      continue;
    }
    const result = cached(calc.value(sheet.name, row, col)) as ExcelJS.CellFormulaValue["result"];
    if (!cell.spill) {
      target.value = { formula: cell.formula, ...(result !== null ? { result } : {}) } as ExcelJS.CellFormulaValue;
      continue;
    }
    // exceljs writes <f t="array" ref="..."> for this shape; its typings do not describe it.
    target.value = { formula: cell.formula, shareType: "array", ref: cell.spill, ...(result !== null ? { result } : {}) } as unknown as ExcelJS.CellValue;
    // The rest of the block holds the spilled values, as Excel saves an array formula.
    const block = parseRange(cell.spill);
    for (let r = block.top; r <= block.bottom; r++) {
      for (let c = block.left; c <= block.right; c++) {
        if (r === row && c === col) continue;
        const value = cached(calc.value(sheet.name, r, c));
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }
    }
  }
}

function footer(text: string): string {
  return text.replace(/&/g, "&&");
}

async function writeSheet(wb: ExcelJS.Workbook, spec: TemplateSpec, sheet: SheetSpec, calc: Calculated): Promise<void> {
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
  writeCells(ws, sheet, calc);
  // exceljs 4.4 accepts a range here (and writes one sqref), though its typings omit the property.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of sheet.validations) validations.add(v.range, validation(v));
  if (sheet.protect) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
}

export interface Rendered {
  workbook: ExcelJS.Workbook;
  /** The engine's verdict on the template as generated: error cells and checks. */
  review: Review;
}

/** The workbook as exceljs holds it, with cached values. */
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
    for (const sheet of spec.sheets) await writeSheet(wb, spec, sheet, calc);
    for (const n of spec.names) wb.definedNames.add(sheetReference(n.sheet, n.range), n.name);
    return { workbook: wb, review: review(content, calc) };
  } finally {
    calc.engine.destroy();
  }
}

export async function renderXlsx(spec: TemplateSpec): Promise<{ buffer: Buffer; review: Review }> {
  const { workbook, review } = await renderWorkbook(spec);
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), review };
}
