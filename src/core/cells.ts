/**
 * The neutral cell values every face converts to and from. Excel's `any`/`any[][]` arguments, the
 * engine's range data and the CLI's array constants all arrive as these.
 */
import { ErrorValue, isErrorValue } from "./errors";

export type Cell = number | string | boolean | null | ErrorValue;
export type Grid = Cell[][];
/** One argument as a face hands it over; `undefined` means the argument was left out. */
export type ArgValue = Cell | Grid | undefined;
export type Output = Cell | Grid;

export interface Shape {
  rows: number;
  cols: number;
}

export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value);
}

/** Excel sends blank cells as null (web) or "" in some builds; both mean "no value". */
export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || cell === "";
}

export function shapeOf(value: ArgValue): Shape | undefined {
  if (value === undefined) return undefined;
  if (isGrid(value)) return { rows: value.length, cols: value.length === 0 ? 0 : value[0].length };
  return { rows: 1, cols: 1 };
}

export function describeShape(shape: Shape): string {
  return `${shape.rows}×${shape.cols}`;
}

/** How a value reads back in a message: text quoted, booleans as Excel shows them. */
export function describeCell(cell: Cell): string {
  if (cell === null || cell === "") return "a blank cell";
  if (typeof cell === "string") return JSON.stringify(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isErrorValue(cell)) return cell.error;
  return String(cell);
}

export { isErrorValue };
