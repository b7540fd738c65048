/**
 * A template as Workbook port ops, for the task pane's "Insert template": formulas go in through
 * `range.formulas` at run time, so they bind to the add-in (a file's baked-in formulas may not).
 * A spilling formula is written once, at the top of its block, and spills there.
 */
import type { CellContent, WorkbookOp } from "../workbook/port";
import { CellSpec, Scalar, SheetSpec, TemplateSpec } from "./spec";
import { parseCell, cellAddress } from "../workbook/a1";
import { renameInFormula } from "./formula";

/** Text Excel would read as a number, a date or a formula is kept as text with a leading apostrophe. */
function asText(text: string): string {
  return /^[=+\-@]|^\s*[\d.,/:%£$€\s]+$/.test(text) || /^(true|false)$/i.test(text) ? `'${text}` : text;
}

function content(cell: CellSpec): CellContent {
  if ("formula" in cell) return `=${cell.formula}`;
  const value: Scalar = cell.value;
  return typeof value === "string" ? asText(value) : value;
}

/** Each row's cells as runs of adjacent cells, so no blank is written over a spill. */
function cellOps(sheet: SheetSpec): WorkbookOp[] {
  const byRow = new Map<number, { col: number; value: CellContent }[]>();
  for (const cell of sheet.cells) {
    const { row, col } = parseCell(cell.at);
    const cells = byRow.get(row) ?? [];
    cells.push({ col, value: content(cell) });
    byRow.set(row, cells);
  }
  const ops: WorkbookOp[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row)!.sort((a, b) => a.col - b.col);
    let run: typeof cells = [];
    const flush = () => {
      if (run.length > 0) ops.push({ op: "cells", sheet: sheet.name, at: cellAddress(row, run[0].col), cells: [run.map((c) => c.value)] });
      run = [];
    };
    for (const cell of cells) {
      if (run.length > 0 && cell.col !== run[run.length - 1].col + 1) flush();
      run.push(cell);
    }
    flush();
  }
  return ops;
}

function sheetOps(sheet: SheetSpec): WorkbookOp[] {
  const ops: WorkbookOp[] = cellOps(sheet);
  for (const r of sheet.ranges) {
    if (r.format) ops.push({ op: "numberFormat", sheet: sheet.name, range: r.range, format: r.format });
    if (r.style) ops.push({ op: "style", sheet: sheet.name, range: r.range, style: r.style });
    if (r.input) ops.push({ op: "locked", sheet: sheet.name, range: r.range, locked: false });
  }
  for (const [column, width] of Object.entries(sheet.widths)) ops.push({ op: "columnWidth", sheet: sheet.name, column, width });
  for (const v of sheet.validations) {
    if (v.kind === "list") ops.push({ op: "validationList", sheet: sheet.name, range: v.range, items: [...v.items] });
    else ops.push({ op: "validationNumber", sheet: sheet.name, range: v.range, ...(v.min !== undefined ? { min: v.min } : {}), ...(v.max !== undefined ? { max: v.max } : {}) });
  }
  return ops;
}

/**
 * Sheets first (formulas refer across them), then names (formulas use them), then each sheet's
 * cells and looks, protection last, and the About sheet shown.
 */
export function specOps(spec: TemplateSpec): WorkbookOp[] {
  const ops: WorkbookOp[] = spec.sheets.map((s) => ({ op: "addSheet", sheet: s.name }));
  for (const n of spec.names) ops.push({ op: "name", name: n.name, sheet: n.sheet, range: n.range, ...(n.comment ? { comment: n.comment } : {}) });
  for (const sheet of spec.sheets) ops.push(...sheetOps(sheet));
  for (const sheet of spec.sheets) if (sheet.protect) ops.push({ op: "protect", sheet: sheet.name });
  ops.push({ op: "activate", sheet: spec.sheets[0].name });
  return ops;
}

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

/** Where a template goes in a workbook that may already hold some of its sheet and defined names. */
export interface InsertPlan {
  /** The template's sheet name → the one it gets (only those that change). */
  sheets: Map<string, string>;
  /** The template's defined name → the one it gets (only those that change). */
  names: Map<string, string>;
}

function withSuffix(base: string, suffix: string, max: number): string {
  return `${base.slice(0, Math.max(1, max - suffix.length))}${suffix}`;
}

/**
 * Free names for a template, chosen as the wizards choose a sheet's: a taken sheet "Checks"
 * becomes "Checks 2" (or 3, ...), a taken name "RoundTo" becomes "RoundTo_2" (a suffix that can
 * never make a name read as a cell, as "Pot2" would). Excel compares both without case.
 */
export function insertPlan(spec: TemplateSpec, existingSheets: readonly string[], existingNames: readonly string[]): InsertPlan {
  const sheetsTaken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const namesTaken = new Set(existingNames.map((s) => s.toLowerCase()));
  const own = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const sheets = new Map<string, string>();
  for (const sheet of spec.sheets) {
    if (!sheetsTaken.has(sheet.name.toLowerCase())) continue;
    for (let k = 2; ; k++) {
      const candidate = withSuffix(sheet.name, ` ${k}`, MAX_SHEET_NAME);
      const lower = candidate.toLowerCase();
      if (!sheetsTaken.has(lower) && !own.has(lower)) {
        sheets.set(sheet.name, candidate);
        sheetsTaken.add(lower);
        break;
      }
    }
  }
  const ownNames = new Set(spec.names.map((n) => n.name.toLowerCase()));
  const names = new Map<string, string>();
  for (const { name } of spec.names) {
    if (!namesTaken.has(name.toLowerCase())) continue;
    for (let k = 2; ; k++) {
      const candidate = withSuffix(name, `_${k}`, 255);
      const lower = candidate.toLowerCase();
      if (!namesTaken.has(lower) && !ownNames.has(lower)) {
        names.set(name, candidate);
        namesTaken.add(lower);
        break;
      }
    }
  }
  return { sheets, names };
}

/**
 * The spec with its sheets and defined names renamed by the plan: every formula through the
 * tokenizer (sheet references and names, never text inside strings), each name's sheet, and the
 * text cells that are exactly a renamed sheet's name (the About sheet's list of sheets).
 */
export function renamedSpec(spec: TemplateSpec, plan: InsertPlan): TemplateSpec {
  if (plan.sheets.size === 0 && plan.names.size === 0) return spec;
  const sheet = (name: string) => plan.sheets.get(name) ?? name;
  const renames = { sheets: plan.sheets, names: plan.names };
  return {
    ...spec,
    sheets: spec.sheets.map((s) => ({
      ...s,
      name: sheet(s.name),
      cells: s.cells.map((cell): CellSpec => {
        if ("formula" in cell) return { ...cell, formula: renameInFormula(cell.formula, renames) };
        if (typeof cell.value === "string" && plan.sheets.has(cell.value)) return { ...cell, value: sheet(cell.value) };
        return cell;
      }),
    })),
    names: spec.names.map((n) => ({ ...n, name: plan.names.get(n.name) ?? n.name, sheet: sheet(n.sheet) })),
  };
}
