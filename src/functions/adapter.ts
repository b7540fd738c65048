/**
 * The one adapter between Excel's custom-function calls and the core: Excel's arguments become
 * core cells, the core's result becomes what Excel shows, and a core error becomes a
 * CustomFunctions.Error carrying the catalogue's message.
 */
import { ArgValue, Cell, Output, evaluate, findFunction, isErrorValue, isGrid } from "../core";
import type { ErrorValue, FunctionSpec } from "../core";

type ExcelScalar = number | string | boolean | CustomFunctions.Error;

function excelError(error: ErrorValue): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const byText: Record<string, CustomFunctions.ErrorCode> = {
    "#VALUE!": codes.invalidValue,
    "#N/A": codes.notAvailable,
    "#DIV/0!": codes.divisionByZero,
    "#NUM!": codes.invalidNumber,
    "#NULL!": codes.nullReference,
  };
  const code = byText[error.error] ?? codes.invalidValue;
  // Excel shows a message only on #VALUE! and #N/A.
  const carriesMessage = code === codes.invalidValue || code === codes.notAvailable;
  return carriesMessage ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}

function toExcelCell(cell: Cell): ExcelScalar {
  if (cell === null) return "";
  if (isErrorValue(cell)) return excelError(cell);
  return cell;
}

/** Excel passes null for a left-out optional argument; a blank cell inside a range stays a blank cell. */
function fromExcel(spec: FunctionSpec, args: readonly unknown[]): ArgValue[] {
  return spec.args.map((arg, i) => {
    const value = args[i];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map((row: unknown[]) => row.map((cell) => (cell === undefined ? null : (cell as Cell))));
    if (value === null) return arg.kind === "range" || arg.optional ? undefined : null;
    return value as Cell;
  });
}

export function toExcel(output: Output): ExcelScalar | ExcelScalar[][] {
  return isGrid(output) ? output.map((row) => row.map(toExcelCell)) : toExcelCell(output);
}

/** Called by every wrapper in functions.ts. Never throws. */
export function invoke(name: string, args: readonly unknown[]): any {
  const spec = findFunction(name);
  if (!spec) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `ICS.${name} is not in this version's catalogue`);
  try {
    const output = evaluate(spec, fromExcel(spec, args));
    // A spilling function may answer one value (ICS.DFT of two single values); Excel expects a
    // matrix from a function whose metadata says matrix, so it gets a 1×1 one.
    return toExcel(spec.result.kind === "spill" && !isGrid(output) && !isErrorValue(output) ? [[output]] : output);
  } catch (e) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `ICS.${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
