/**
 * The headless engine: HyperFormula with the ICS plugin, configured like Excel where it matters.
 * Used by the CLI, the playground and the tests; never bundled into the Excel add-in.
 */
import { ConfigParams, DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { Cell, Grid, Output, isErrorValue } from "../core";
import { cellFromHf, errorFromHf } from "./cells";
import { registerExcelPlugin } from "./excel";
import { registerIcsPlugin } from "./plugin";

export const ENGINE_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel's 1900 date system, with its 29 February 1900 (serial 60) so serials 1 to 59 are Excel's
  // too, and its separators, so array constants read {1;2;3} as a column.
  nullDate: { year: 1899, month: 12, day: 31 },
  leapYear1900: true,
  // Excel's grid. HyperFormula stores cells sparsely, so a small sheet costs no more for it.
  maxRows: 1048576,
  maxColumns: 16384,
  arrayColumnSeparator: ",",
  arrayRowSeparator: ";",
  currencySymbol: ["£"],
  // Return the doubles the core computed; HyperFormula otherwise trims the last digits of large numbers.
  smartRounding: false,
};

export type SheetData = RawCellContent[][];

export function createEngine(sheets: Record<string, SheetData> = { Sheet1: [] }, config: Partial<ConfigParams> = {}): HyperFormula {
  registerIcsPlugin();
  registerExcelPlugin();
  return HyperFormula.buildFromSheets(sheets, { ...ENGINE_CONFIG, ...config });
}

/** An engine value as a core cell (errors keep their message). */
export function valueToCell(value: unknown): Cell {
  if (value instanceof DetailedCellError) return errorFromHf(value);
  return cellFromHf(value);
}

/**
 * Evaluates one formula on an empty sheet and returns its value: a single cell, or the spilled
 * grid with the blank rows an engine reserves for variable-length results trimmed off the end.
 */
export function evaluateFormula(formula: string): Output {
  const text = formula.trim().startsWith("=") ? formula.trim() : `=${formula.trim()}`;
  const hf = createEngine({ Sheet1: [[text]] });
  try {
    const values = hf.getSheetValues(0).map((row) => row.map(valueToCell));
    if (values.length === 1 && values[0].length === 1) return values[0][0];
    const first = values[0][0];
    // A spilling function that fails fills the cells it reserved with its one error: report it once.
    if (isErrorValue(first) && values.every((row) => row.every((c) => isErrorValue(c) && c.error === first.error && c.message === first.message))) {
      return first;
    }
    const grid: Grid = values;
    while (grid.length > 1 && grid[grid.length - 1].every((c) => c === null)) grid.pop();
    return grid;
  } finally {
    hf.destroy();
  }
}

export { registerIcsPlugin } from "./plugin";
export { argFromHf, cellFromHf, errorFromHf, outputToHf } from "./cells";
