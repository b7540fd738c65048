/** Conversions between HyperFormula's values and the core's neutral cells. */
import { CellError, DetailedCellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import { ArgValue, Cell, ErrorCode, ErrorValue, Grid, Output, isErrorValue, isGrid } from "../core";

const FROM_HF: Record<string, ErrorCode> = {
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.ERROR]: "#ERROR!",
};

const TO_HF: Partial<Record<ErrorCode, ErrorType>> = Object.fromEntries(Object.entries(FROM_HF).map(([k, v]) => [v, k as ErrorType]));

export function errorFromHf(error: CellError | DetailedCellError): ErrorValue {
  return { error: FROM_HF[error.type] ?? "#VALUE!", message: error.message ?? "" };
}

export function errorToHf(error: ErrorValue): CellError {
  return new CellError(TO_HF[error.error] ?? ErrorType.VALUE, error.message);
}

/** One engine value as a core cell. Rich numbers (dates, currency, percent) carry `val`. */
export function cellFromHf(value: unknown): Cell {
  if (value === EmptyValue || value === null || value === undefined) return null;
  if (value instanceof CellError) return errorFromHf(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return String(value);
}

/**
 * An argument as the core expects it. `omitted` is true for an argument left out or left empty
 * (`f(1,,3)`); a reference to a blank cell is a blank cell, as in Excel.
 */
export function argFromHf(value: unknown, omitted = false): ArgValue {
  if (omitted || value === undefined) return undefined;
  if (value === EmptyValue) return null;
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(cellFromHf));
  return cellFromHf(value);
}

function cellToHf(cell: Cell): unknown {
  if (cell === null) return EmptyValue;
  if (isErrorValue(cell)) return errorToHf(cell);
  return cell;
}

/** A core result as the engine's value, padded with blanks to the size the engine reserved. */
export function outputToHf(output: Output, reserved?: { rows: number; cols: number }): unknown {
  if (!isGrid(output)) {
    if (!reserved || (reserved.rows === 1 && reserved.cols === 1)) return cellToHf(output);
    // A spilling function that fails fills its whole block with the error, keeping the block's
    // size: HyperFormula loses track of names over a block that shrinks to one cell.
    if (isErrorValue(output)) return outputToHf(Array.from({ length: reserved.rows }, () => new Array(reserved.cols).fill(output)), reserved);
    return outputToHf([[output]], reserved);
  }
  const grid: Grid = output;
  const rows = Math.max(grid.length, reserved?.rows ?? 0);
  const cols = Math.max(grid[0]?.length ?? 0, reserved?.cols ?? 0);
  const data: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) row.push(r < grid.length && c < grid[r].length ? cellToHf(grid[r][c]) : EmptyValue);
    data.push(row);
  }
  return SimpleRangeValue.onlyValues(data as never);
}
