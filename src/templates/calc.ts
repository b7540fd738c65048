/**
 * A workbook's cells and names on the headless engine: how a template gets the cached values its
 * file carries, and how `ics-finance recalc` recalculates a filled-in return. Both go through here,
 * so a template and a return are calculated, and checked, the same way.
 */
import type { HyperFormula, RawCellContent } from "hyperformula";
import { Cell, ErrorCode, isErrorValue } from "../core";
import { createEngine, valueToCell } from "../engine";
import { cellAddress, parseCell, parseRange, rangeAddress, sheetReference } from "../workbook/a1";
import { CHECKS_SHEET, Scalar, TemplateSpec } from "./spec";

export interface ContentCell {
  row: number;
  col: number;
  value?: Scalar;
  /** An error value typed or saved in the cell, e.g. "#N/A". */
  error?: ErrorCode;
  /** Without the leading "=". */
  formula?: string;
  /** The block an array (spilling) formula fills, e.g. "F19:F22". */
  spill?: string;
}

export interface WorkbookContent {
  sheets: { name: string; cells: ContentCell[] }[];
  names: { name: string; sheet: string; range: string }[];
}

export interface Calculated {
  value(sheet: string, row: number, col: number): Cell;
  /** The engine, for callers that need more; destroy() when done. */
  engine: HyperFormula;
}

/**
 * Each defined name replaced by its reference, outside quoted text and quoted sheet names. HyperFormula 3.5's named
 * expressions fail two ways a template relies on: a spilling function sized by a named range
 * reserves one cell ("Cell range not allowed."), and a name over the block of a spilling formula
 * that errors stops the whole engine ("Unknown array"). Written with their references the same
 * formulas calculate as Excel calculates them with the names (files keep the names).
 */
export function inlineNames(formula: string, references: ReadonlyMap<string, string>): string {
  if (references.size === 0) return formula;
  const names = [...references.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.\\]/g, "\\$&"));
  const pattern = new RegExp(`(?<![A-Za-z0-9_.!$'\\\\])(${names.join("|")})(?![A-Za-z0-9_.(!])`, "gi");
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(pattern, (name: string) => references.get(name.toLowerCase()) ?? name)))
    .join("");
}

function raw(cell: ContentCell, references: ReadonlyMap<string, string>): RawCellContent {
  if (cell.formula !== undefined) return `=${inlineNames(cell.formula, references)}`;
  if (cell.error !== undefined) return cell.error;
  const v = cell.value ?? null;
  // A leading apostrophe keeps text as text ("0.5", "TRUE", "=x" typed as words).
  return typeof v === "string" ? (v === "" ? null : `'${v}`) : v;
}

export function calculate(content: WorkbookContent): Calculated {
  const references = new Map(content.names.map((n) => [n.name.toLowerCase(), sheetReference(n.sheet, n.range)]));
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of content.sheets) {
    const rows: RawCellContent[][] = [];
    for (const cell of sheet.cells) {
      while (rows.length <= cell.row) rows.push([]);
      rows[cell.row][cell.col] = raw(cell, references);
    }
    sheets[sheet.name] = rows;
  }
  const engine = createEngine(sheets);
  return {
    engine,
    value: (sheet, row, col) => {
      const id = engine.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet "${sheet}"`);
      return valueToCell(engine.getCellValue({ sheet: id, row, col }));
    },
  };
}

/** A template's cells as workbook content. */
export function specContent(spec: TemplateSpec): WorkbookContent {
  return {
    sheets: spec.sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.cells.map((cell) => {
        const { row, col } = parseCell(cell.at);
        return "formula" in cell ? { row, col, formula: cell.formula, spill: cell.spill } : { row, col, value: cell.value };
      }),
    })),
    names: spec.names.map((n) => ({ name: n.name, sheet: n.sheet, range: rangeAddress(parseRange(n.range)) })),
  };
}

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

export interface Review {
  formulas: number;
  errors: ErrorFinding[];
  checks: CheckFinding[];
}

/**
 * The row's first text to the left of a check, which says what it checks: typed, or calculated
 * (a label that names an organisation follows the organisation's name as typed).
 */
function labelOf(sheet: string, cells: readonly ContentCell[], row: number, col: number, calc: Calculated): string {
  const left = cells.filter((c) => c.row === row && c.col < col).sort((a, b) => a.col - b.col);
  for (const c of left) {
    const text = c.formula !== undefined ? calc.value(sheet, c.row, c.col) : c.value;
    if (typeof text === "string" && text !== "") return text;
  }
  return "";
}

/**
 * Every formula's value: the error cells (a spilling formula once, for its block) and the checks,
 * the TRUE/FALSE formulas on the Checks sheet.
 */
export function review(content: WorkbookContent, calc: Calculated): Review {
  const result: Review = { formulas: 0, errors: [], checks: [] };
  for (const sheet of content.sheets) {
    const isChecks = sheet.name.toLowerCase() === CHECKS_SHEET.toLowerCase();
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      result.formulas++;
      const value = calc.value(sheet.name, cell.row, cell.col);
      const address = cell.spill ?? cellAddress(cell.row, cell.col);
      if (isErrorValue(value)) result.errors.push({ sheet: sheet.name, address, error: value.error, message: value.message });
      else if (isChecks && typeof value === "boolean") result.checks.push({ sheet: sheet.name, address, label: labelOf(sheet.name, sheet.cells, cell.row, cell.col, calc), passed: value });
    }
  }
  return result;
}

export function isClean(r: Review): boolean {
  return r.errors.length === 0 && r.checks.every((c) => c.passed);
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
  const byError = new Map<string, ErrorFinding[]>();
  for (const e of r.errors) {
    const key = `${e.error}\t${e.message}`;
    byError.set(key, [...(byError.get(key) ?? []), e]);
  }
  for (const [key, cells] of byError) {
    const [code, message] = key.split("\t");
    lines.push(`${code}\t${cells.map((c) => `${c.sheet}!${c.address}`).join(", ")}\t${message}`);
  }
  return lines;
}
