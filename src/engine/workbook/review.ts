/**
 * What a recalculated workbook says: its error cells, its checks (the TRUE/FALSE formulas on the
 * Checks sheet, each labelled by the text at the start of its row), the formulas kept at Excel's
 * saved value and why, and, for `recalc --compare`, the cells whose recalculated value differs
 * from the one the file saved. Linear in cells, checks and errors.
 */
import { Cell, ErrorCode, isErrorValue } from "../../core";
import { cellAddress } from "../../workbook/a1";
import type { ReadWorkbook } from "../../xlsx/model";
import { FormulaCell, KeepReason, Recalculation, areaAddress } from "./recalculate";

export const CHECKS_SHEET_NAME = "Checks";

export interface ErrorFinding {
  sheet: string;
  /** The cell, or the block of a spilling formula ("F19:F22"). */
  address: string;
  error: ErrorCode;
  message: string;
}

export interface CheckFinding {
  sheet: string;
  address: string;
  /** The text at the start of the check's row. */
  label: string;
  passed: boolean;
}

/** Formulas not recalculated for one reason (e.g. the function AGGREGATE): they keep Excel's saved values. */
export interface KeptFinding {
  reason: KeepReason;
  detail: string;
  /** "Sheet!A1" or "Sheet!A1:B3", in sheet order. */
  cells: string[];
}

export interface Review {
  formulas: number;
  errors: ErrorFinding[];
  checks: CheckFinding[];
}

/** A cell that may label a check: typed text, or a formula whose text is calculated. */
export interface LabelCell {
  row: number;
  col: number;
  value?: unknown;
  formula?: string;
}

/**
 * The text cells of each row of the Checks sheet: a check's label is the first one left of it.
 * A label may be a formula (one that names an organisation follows its name as typed), so its
 * recalculated text counts.
 */
function labelIndex(recalc: Recalculation, sheets: readonly { name: string; cells: readonly LabelCell[] }[]): Map<string, Map<number, { col: number; text: string }[]>> {
  const index = new Map<string, Map<number, { col: number; text: string }[]>>();
  for (const sheet of sheets) {
    if (sheet.name.toLowerCase() !== CHECKS_SHEET_NAME.toLowerCase()) continue;
    const rows = new Map<number, { col: number; text: string }[]>();
    for (const c of sheet.cells) {
      const text = c.formula !== undefined ? recalc.value(sheet.name, c.row, c.col) : c.value;
      if (typeof text !== "string" || text === "") continue;
      const list = rows.get(c.row) ?? [];
      list.push({ col: c.col, text });
      rows.set(c.row, list);
    }
    for (const list of rows.values()) list.sort((a, b) => a.col - b.col);
    index.set(sheet.name.toLowerCase(), rows);
  }
  return index;
}

/**
 * Every formula's value: the error cells (a spilling formula once, for its block) and the checks.
 * `sheets` gives the text cells that label checks (the workbook's cells).
 */
export function reviewRecalculation(recalc: Recalculation, sheets: readonly { name: string; cells: readonly LabelCell[] }[]): Review {
  const labels = labelIndex(recalc, sheets);
  const result: Review = { formulas: 0, errors: [], checks: [] };
  for (const f of recalc.formulas) {
    result.formulas++;
    const value = recalc.value(f.sheet, f.row, f.col);
    const address = f.block ? areaAddress(f.block) : cellAddress(f.row, f.col);
    if (isErrorValue(value)) {
      result.errors.push({ sheet: f.sheet, address, error: value.error, message: value.message });
      continue;
    }
    const rows = labels.get(f.sheet.toLowerCase());
    if (rows && typeof value === "boolean") {
      const label = rows.get(f.row)?.find((c) => c.col < f.col)?.text ?? "";
      result.checks.push({ sheet: f.sheet, address, label, passed: value });
    }
  }
  return result;
}

export function isClean(r: Review): boolean {
  return r.errors.length === 0 && r.checks.every((c) => c.passed);
}

/** The formulas kept at their saved values, grouped by reason and detail, in sheet order. */
export function keptFindings(recalc: Recalculation): KeptFinding[] {
  const groups = new Map<string, KeptFinding>();
  for (const f of recalc.formulas) {
    if (!f.kept) continue;
    const key = `${f.kept.reason}\u0000${f.kept.detail}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { reason: f.kept.reason, detail: f.kept.detail, cells: [] }));
    g.cells.push(`${f.sheet}!${f.block ? areaAddress(f.block) : cellAddress(f.row, f.col)}`);
  }
  return [...groups.values()];
}

const REASONS: Record<KeepReason, string> = {
  function: "uses a function the engine does not have",
  approximate: "uses a function the engine computes less exactly than Excel (it differs in the last digits)",
  external: "reaches outside the workbook (never followed)",
  "3d": "uses a reference across several sheets",
  union: "uses a name over several areas where the engine cannot take them",
  complex: "is too long or too deep for the engine",
  range: "uses a range too large for the engine in that place",
  reference: "refers to something the workbook does not have",
  engine: "cannot be read by the engine",
  circular: "is part of a circular reference",
};

/** Up to `max` cells, then how many more. */
export function cellList(cells: readonly string[], max = 20): string {
  return cells.length <= max ? cells.join(", ") : `${cells.slice(0, max).join(", ")} and ${cells.length - max} more`;
}

/** One warning line per group: "not recalculated\t<cells>\t<why>; Excel's saved values kept". */
export function describeKept(kept: readonly KeptFinding[]): string[] {
  return kept.map((k) => `not recalculated\t${cellList(k.cells)}\t${REASONS[k.reason]}: ${k.detail}; Excel's saved values kept`);
}

/**
 * What `recalc` and `template` print: a summary line, each failing check, then each error with
 * every cell that shows it (an error travels to the cells that use it, so one bad input can
 * show in dozens of cells: they are listed together, in sheet order, on one line).
 */
export function describeReview(r: Review): string[] {
  const failing = r.checks.filter((c) => !c.passed);
  const lines = [
    `${r.formulas} formulas recalculated; ${r.errors.length} error cell${r.errors.length === 1 ? "" : "s"}; ${r.checks.length - failing.length} of ${r.checks.length} checks TRUE`,
  ];
  for (const c of failing) lines.push(`FALSE\t${c.sheet}!${c.address}\t${c.label}`);
  const byError = new Map<string, { code: string; message: string; cells: string[] }>();
  for (const e of r.errors) {
    const key = `${e.error}\t${e.message}`;
    let entry = byError.get(key);
    if (!entry) byError.set(key, (entry = { code: e.error, message: e.message, cells: [] }));
    entry.cells.push(`${e.sheet}!${e.address}`);
  }
  for (const { code, message, cells } of byError.values()) lines.push(`${code}\t${cells.join(", ")}\t${message}`);
  return lines;
}

/**
 * Numbers agree when they are equal to about 12 significant digits: |a − b| ≤ 1e-12 × max(|a|, |b|),
 * or both within 1e-12 of zero. Excel saves 17 digits of a double; sums in another order differ
 * in the last one or two, which is float noise, not a different value.
 */
export const RELATIVE_TOLERANCE = 1e-12;

function numberOf(v: Cell): number | undefined {
  return typeof v === "number" ? v : undefined;
}

export function sameValue(saved: Cell, recalculated: Cell): boolean {
  // A blank result and empty text are the same cell to a reader.
  const a = saved === "" ? null : saved;
  const b = recalculated === "" ? null : recalculated;
  if (a === null || b === null) return a === b || (a === null && b === 0) || (b === null && a === 0);
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== undefined && y !== undefined) return x === y || Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y), 1);
  if (isErrorValue(a) || isErrorValue(b)) return isErrorValue(a) && isErrorValue(b) && a.error === b.error;
  return a === b;
}

export interface Difference {
  sheet: string;
  cell: string;
  formula: string;
  saved: Cell;
  recalculated: Cell;
  /** NOW, TODAY, RAND…: expected to differ. */
  volatile: boolean;
}

export interface Agreement {
  /** Formula cells with a saved value. */
  compared: number;
  /** Of those, recalculated to the saved value. */
  agree: number;
  /** Of those, kept at the saved value (not recalculated). */
  kept: number;
  /** Formula cells the file saved no value for (not compared). */
  unsaved: number;
  differences: Difference[];
}

/** Each recalculated formula against the value the file saved. Kept formulas are counted apart, never as agreeing. */
export function compareSaved(recalc: Recalculation): Agreement {
  const out: Agreement = { compared: 0, agree: 0, kept: 0, unsaved: 0, differences: [] };
  for (const f of recalc.formulas) {
    if (!f.hasSaved) {
      out.unsaved++;
      continue;
    }
    out.compared++;
    if (f.kept) {
      out.kept++;
      continue;
    }
    const value = recalc.value(f.sheet, f.row, f.col);
    if (sameValue(f.saved, value)) out.agree++;
    else out.differences.push({ sheet: f.sheet, cell: cellAddress(f.row, f.col), formula: f.formula, saved: f.saved, recalculated: value, volatile: f.volatile });
  }
  return out;
}

function shown(v: Cell): string {
  if (v === null) return "(blank)";
  if (isErrorValue(v)) return v.error;
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** `recalc --compare` lines: the agreement, then one line per differing cell. */
export function describeAgreement(a: Agreement): string[] {
  const lines = [`${a.agree} of ${a.compared} formula cells agree with the saved values${a.kept > 0 ? ` (${a.kept} kept as saved, not recalculated)` : ""}${a.unsaved > 0 ? `; ${a.unsaved} saved no value` : ""}`];
  for (const d of a.differences) lines.push(`differs\t${d.sheet}!${d.cell}\tsaved ${shown(d.saved)}\trecalculated ${shown(d.recalculated)}${d.volatile ? "\t(volatile: recalculates to a new value by design)" : ""}`);
  return lines;
}

export type { FormulaCell, ReadWorkbook };
