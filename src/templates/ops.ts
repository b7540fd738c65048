/**
 * A template as Workbook port ops, for the task pane's "Insert template": formulas go in through
 * `range.formulas` at run time, so they bind to the add-in (a file's baked-in formulas may not).
 * A spilling formula is written once, at the top of its block, and spills there.
 */
import type { CellContent, WorkbookOp } from "../workbook/port";
import { CellSpec, Scalar, SheetSpec, TemplateSpec } from "./spec";
import { parseCell, cellAddress } from "../workbook/a1";

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
