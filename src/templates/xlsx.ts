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
 * The files' created/modified date, and the date of every part in the zip: fixed, so that the
 * same template always renders to the same bytes (`npm run templates` changes nothing when
 * nothing changed, and a stale shipped copy shows as a real difference).
 */
export const FILE_DATE = new Date(Date.UTC(2025, 3, 1));

/** FILE_DATE as a zip's DOS date (days since 1980 packed as year-1980 / month / day); time 00:00. */
const DOS_DATE = ((FILE_DATE.getUTCFullYear() - 1980) << 9) | ((FILE_DATE.getUTCMonth() + 1) << 5) | FILE_DATE.getUTCDate();

/**
 * The zip with every part stamped FILE_DATE instead of the moment it was written (exceljs's zip
 * library stamps the clock). Walks the central directory: each entry's time and date, and those
 * of the local header it points to. No other byte changes (the stamps are outside the CRCs).
 */
export function stampZip(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip: bad central directory entry ${i}`);
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error(`not a zip: bad local header for entry ${i}`);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

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
  return { buffer: stampZip(Buffer.from(await workbook.xlsx.writeBuffer())), review };
}
