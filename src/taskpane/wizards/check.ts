/**
 * Validation and preview by the core itself: a wizard hands its inputs to `evaluate` as cells and
 * shows whatever the catalogue function says, so the pane and the sheet can never disagree.
 */
import { ArgValue, ErrorValue, Output, evaluate, findFunction, isErrorValue, isGrid } from "../../core";
import { MessageContext, plainMessage } from "./messages";

/** One problem to show, attached to a field of the wizard when the message names one. */
export interface Issue {
  /** The wizard's field id, e.g. "lines.2.amount"; undefined for a problem with the whole step. */
  field?: string;
  message: string;
}

/** Where the core's message says the problem is: `ICS.<NAME>: <argument>[ row r][ column c]: ...`. */
export interface ErrorSite {
  argument?: string;
  row?: number;
  column?: number;
}

export function errorSite(error: ErrorValue): ErrorSite {
  const m = /^ICS\.[A-Z]+: ([a-z_]+)(?: row (\d+))?(?: column (\d+))?: /.exec(error.message);
  if (!m) return {};
  return { argument: m[1], row: m[2] ? Number(m[2]) : undefined, column: m[3] ? Number(m[3]) : undefined };
}

export type CoreRun = { ok: true; output: Output } | { ok: false; error: ErrorValue };

/** Runs a catalogue function; a missing function is reported like any other error. */
export function runCore(name: string, args: readonly ArgValue[]): CoreRun {
  const spec = findFunction(name);
  if (!spec) return { ok: false, error: { error: "#NAME?", message: `ICS.${name} is not in this version of the add-in's catalogue` } };
  const output = evaluate(spec, args);
  const error = firstError(output);
  return error ? { ok: false, error } : { ok: true, output };
}

function firstError(output: Output): ErrorValue | undefined {
  if (!isGrid(output)) return isErrorValue(output) ? output : undefined;
  for (const row of output) for (const cell of row) if (isErrorValue(cell)) return cell;
  return undefined;
}

/**
 * The issue for a core error, placed on a field by the wizard's own map from argument and row,
 * and told in the pane's words (messages.ts) when the wizard gives its labels and units.
 */
export function issueFrom(error: ErrorValue, fieldOf: (site: ErrorSite) => string | undefined, words?: MessageContext): Issue {
  return { field: fieldOf(errorSite(error)), message: words ? plainMessage(error, words) : error.message || error.error };
}

export function issuesFor(issues: readonly Issue[], field: string): Issue[] {
  return issues.filter((i) => i.field === field);
}

/** The numbers of an n×1 result. */
export function columnOf(output: Output): number[] {
  if (!isGrid(output)) return [output as number];
  return output.map((row) => row[0] as number);
}
