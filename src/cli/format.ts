/** How the CLI prints results: plain decimals, TRUE/FALSE, errors as code TAB message. */
import Decimal from "decimal.js";
import { Cell, Output, isErrorValue, isGrid } from "../core";

export function formatCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Object.is(cell, -0) ? "0" : new Decimal(cell).toFixed();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (isErrorValue(cell)) return cell.error;
  return cell;
}

/** One line per row, cells separated by tabs; a lone error also prints its message. */
export function formatOutput(output: Output): string {
  if (!isGrid(output)) return isErrorValue(output) ? `${output.error}\t${output.message}` : formatCell(output);
  return output.map((row) => row.map(formatCell).join("\t")).join("\n");
}

export function hasError(output: Output): boolean {
  return isGrid(output) ? output.some((row) => row.some(isErrorValue)) : isErrorValue(output);
}
