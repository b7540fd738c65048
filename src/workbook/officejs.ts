/**
 * The Workbook port on Office.js. Every `apply` is one Excel.run with one context.sync(): Office
 * batches the queued commands into one round trip, which is what keeps a wizard fast in Excel on
 * the web. Reads load what they need and sync once.
 */
import { CellContent, CellReading, CellStyle, SheetFormulas, WorkbookOp, WorkbookPort } from "./port";
import { cellAddress } from "./a1";
import { blockAddress, columnIndex, isUnbounded, parseRange, rangeAddress, rectColumns, rectRows } from "./a1";
import { listSource } from "./ops";

/** The part of the `Excel` namespace the adapter uses, so tests can hand in office-addin-mock. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Excel's column width is in points; the port speaks characters of the default font (Calibri 11: 7 px each plus 5 px padding). */
export function characterWidthToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Rows padded to the widest; null (blank) becomes "", because Office.js skips null cells on write. */
export function formulasFor(cells: readonly CellContent[][]): (string | number | boolean)[][] {
  const width = Math.max(1, ...cells.map((row) => row.length));
  return cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
}

/** One value for every cell of a bounded range; Office.js broadcasts a single value over whole columns. */
function everyCell<T>(range: string, value: T): T[][] | T {
  const rect = parseRange(range);
  if (isUnbounded(rect)) return value;
  return Array.from({ length: rectRows(rect) }, () => Array.from({ length: rectColumns(rect) }, () => value));
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) range.format.horizontalAlignment = style.horizontalAlignment;
  if (style.wrapText !== undefined) range.format.wrapText = style.wrapText;
}

function queueOp(context: Excel.RequestContext, op: WorkbookOp): void {
  const sheets = context.workbook.worksheets;
  switch (op.op) {
    case "addSheet":
      sheets.add(op.sheet);
      return;
    case "activate":
      sheets.getItem(op.sheet).activate();
      return;
    case "cells": {
      const formulas = formulasFor(op.cells);
      sheets.getItem(op.sheet).getRange(blockAddress(op.at, formulas.length, formulas[0].length)).formulas = formulas;
      return;
    }
    case "numberFormat":
      sheets.getItem(op.sheet).getRange(op.range).numberFormat = everyCell(op.range, op.format) as string[][];
      return;
    case "style":
      applyStyle(sheets.getItem(op.sheet).getRange(op.range), op.style);
      return;
    case "columnWidth": {
      const letters = op.column.replace(/\$/g, "").toUpperCase();
      columnIndex(letters); // fails early on a bad column rather than inside Excel
      sheets.getItem(op.sheet).getRange(`${letters}:${letters}`).format.columnWidth = characterWidthToPoints(op.width);
      return;
    }
    case "name":
      context.workbook.names.add(op.name, sheets.getItem(op.sheet).getRange(op.range), op.comment);
      return;
    case "validationList": {
      const validation = sheets.getItem(op.sheet).getRange(op.range).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source: listSource(op.items) } };
      return;
    }
    case "validationNumber": {
      const validation = sheets.getItem(op.sheet).getRange(op.range).dataValidation;
      validation.clear();
      validation.rule = { decimal: numberRule(op.min, op.max) };
      return;
    }
    case "locked":
      sheets.getItem(op.sheet).getRange(op.range).format.protection.locked = op.locked;
      return;
    case "protect":
      sheets.getItem(op.sheet).protection.protect(op.options as Excel.WorksheetProtectionOptions | undefined);
      return;
    case "unprotect":
      sheets.getItem(op.sheet).protection.unprotect("");
      return;
    case "clear":
      sheets.getItem(op.sheet).getRange(op.range).clear("Contents");
      return;
  }
}

function numberRule(min: number | undefined, max: number | undefined): Excel.BasicDataValidation {
  if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: "Between" };
  if (min !== undefined) return { formula1: min, operator: "GreaterThanOrEqualTo" };
  if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" };
  // No bounds: any number (Excel has no "is a number" operator, so allow the whole range Excel holds).
  return { formula1: -1e15, formula2: 1e15, operator: "Between" };
}

/** Excel's values plus valueTypes as port readings: errors keep their code, empty cells are null. */
function readings(values: unknown[][], types: string[][]): CellReading[][] {
  return values.map((row, r) =>
    row.map((value, c) => {
      const type = types[r]?.[c];
      if (type === "Empty") return null;
      if (type === "Error") return { error: String(value) };
      return value as CellReading;
    }),
  );
}

const PROTECTION_OPTIONS = [
  "allowAutoFilter", "allowDeleteColumns", "allowDeleteRows", "allowEditObjects", "allowEditScenarios", "allowFormatCells", "allowFormatColumns",
  "allowFormatRows", "allowInsertColumns", "allowInsertHyperlinks", "allowInsertRows", "allowPivotTables", "allowSort", "selectionMode",
] as const;

/** A sheet's protection options as plain values, to protect it again as it was. */
function protectionOptions(options: Excel.WorksheetProtectionOptions): Record<string, boolean | string> {
  const out: Record<string, boolean | string> = {};
  for (const key of PROTECTION_OPTIONS) {
    const value = (options as Record<string, unknown>)[key];
    if (typeof value === "boolean" || typeof value === "string") out[key] = value;
  }
  return out;
}

/** "Sheet1!B2:C3" or "'Risk share'!B2" as Office gives a selection's address. */
export function splitAddress(address: string): { sheet: string; range: string } {
  const bang = address.lastIndexOf("!");
  const sheetPart = address.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  return { sheet, range: address.slice(bang + 1) };
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly excel: ExcelHost;

  constructor(excel?: ExcelHost) {
    const host = excel ?? (globalThis as { Excel?: ExcelHost }).Excel;
    if (!host) throw new Error("Excel is not available: the Office adapter runs only inside Excel");
    this.excel = host;
  }

  async apply(ops: readonly WorkbookOp[]): Promise<void> {
    if (ops.length === 0) return;
    await this.excel.run(async (context) => {
      for (const op of ops) queueOp(context, op);
      await context.sync();
    });
  }

  async readRange(sheet: string, range: string): Promise<CellReading[][]> {
    return this.excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(parseRange(range)));
      target.load("values, valueTypes");
      await context.sync();
      return readings(target.values, target.valueTypes);
    });
  }

  async readFormulas(sheet: string, range: string): Promise<CellContent[][]> {
    return this.excel.run(async (context) => {
      const target = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(parseRange(range)));
      target.load("formulas");
      await context.sync();
      return target.formulas.map((row) => row.map((f: CellContent) => (f === "" ? null : f)));
    });
  }

  async readName(name: string): Promise<CellReading[][]> {
    return this.excel.run(async (context) => {
      const target = context.workbook.names.getItem(name).getRange();
      target.load("values, valueTypes");
      await context.sync();
      return readings(target.values, target.valueTypes);
    });
  }

  async getSelection(): Promise<{ sheet: string; range: string }> {
    return this.excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load("address");
      await context.sync();
      return splitAddress(selected.address);
    });
  }

  async readFormulaCells(): Promise<SheetFormulas[]> {
    return this.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject();
        range.load("address, formulas, values, valueTypes");
        ws.protection.load("protected, options");
        return { ws, range };
      });
      await context.sync();
      return used.map(({ ws, range }) => {
        const out: SheetFormulas = { sheet: ws.name, protected: ws.protection.protected, cells: [] };
        if (out.protected) out.protectionOptions = protectionOptions(ws.protection.options);
        if (range.isNullObject) return out;
        const top = parseRange(splitAddress(range.address).range);
        const values = readings(range.values, range.valueTypes);
        range.formulas.forEach((row: unknown[], r: number) =>
          row.forEach((f, c) => {
            if (typeof f === "string" && f.startsWith("=")) out.cells.push({ address: cellAddress(top.top + r, top.left + c), formula: f, value: values[r][c] });
          }),
        );
        return out;
      });
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }
}
