/** Calling catalogue functions directly, as the faces do. */
import { ArgValue, Output, evaluate, findFunction } from "../../src/core";

export function call(name: string, ...args: ArgValue[]): Output {
  const spec = findFunction(name);
  if (!spec) throw new Error(`ICS.${name} is not in the catalogue`);
  return evaluate(spec, args);
}

/** A column grid from values: col(1, 2, null) is [[1],[2],[null]]. */
export function col(...values: (number | string | boolean | null)[]): ArgValue {
  return values.map((v) => [v]);
}

/** The numbers of an n×1 result. */
export function column(output: Output): number[] {
  if (!Array.isArray(output)) throw new Error(`expected a column, got ${JSON.stringify(output)}`);
  return output.map((row) => row[0] as number);
}

/** Sum in integer units, to compare totals without float noise. */
export function sumUnits(values: number[], unit = 0.01): bigint {
  return values.reduce((acc, v) => acc + BigInt(Math.round(v / unit)), 0n);
}
