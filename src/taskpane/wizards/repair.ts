/**
 * "Repair ICS formulas": workbooks already out there may hold ICS calls Excel never bound to the
 * add-in (saved as `ICS.` text, they stay at #NAME? however often the add-in loads; only entering
 * the formula again binds it). This finds them through the Workbook port and enters each again,
 * unprotecting a protected sheet with the empty password templates use and protecting it again
 * with the options it had.
 * A legacy array (an old template's fixed block, every cell showing the same formula) is cleared
 * whole and entered once at its top-left, where it now spills.
 */
import { CATALOGUE } from "../../core";
import { cellAddress, parseCell } from "../../workbook/a1";
import { CellReading, SheetFormulas, WorkbookOp, WorkbookPort } from "../../workbook/port";
import { callsIcs, fromFileFormula, icsCalls } from "../../xlsx/write/formula";

export interface RepairResult {
  /** Every formula entered again, by sheet and address (a legacy array's block once, e.g. "F7:G17"). */
  repaired: { sheet: string; address: string; formula: string }[];
  /** Sheets that could not be repaired, with why. */
  failed: { sheet: string; message: string }[];
  /** What to tell the user. */
  message: string;
}

const SPILLING = new Set(CATALOGUE.filter((f) => f.result.kind === "spill").map((f) => f.name));

function isError(value: CellReading, code: string): boolean {
  return typeof value === "object" && value !== null && value.error === code;
}

/** A formula that cannot be bound as it stands: #NAME? on an ICS call, or the saved name as text. */
export function isBroken(cell: SheetFormulas["cells"][number]): boolean {
  return callsIcs(cell.formula) && (isError(cell.value, "#NAME?") || /_xldudf_ICS_/i.test(cell.formula));
}

interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
  formula: string;
}

/**
 * The cells to enter again as blocks: identical formulas that call a spilling ICS function and
 * fill a rectangle are one legacy array (two such formulas side by side could not both spill);
 * every other formula is its own cell.
 */
export function repairBlocks(cells: SheetFormulas["cells"]): Block[] {
  const at = new Map<string, string>();
  const positioned = cells.map((c) => ({ ...parseCell(c.address), formula: c.formula }));
  for (const c of positioned) at.set(`${c.row},${c.col}`, c.formula);
  const done = new Set<string>();
  const blocks: Block[] = [];
  positioned.sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of positioned) {
    if (done.has(`${c.row},${c.col}`)) continue;
    let right = c.col;
    let bottom = c.row;
    if (icsCalls(c.formula).some((id) => SPILLING.has(id))) {
      const same = (r: number, col: number) => !done.has(`${r},${col}`) && at.get(`${r},${col}`) === c.formula;
      while (same(c.row, right + 1)) right++;
      const rowMatches = (r: number) => Array.from({ length: right - c.col + 1 }, (_, i) => c.col + i).every((col) => same(r, col));
      while (rowMatches(bottom + 1)) bottom++;
    }
    for (let r = c.row; r <= bottom; r++) for (let col = c.col; col <= right; col++) done.add(`${r},${col}`);
    blocks.push({ top: c.row, left: c.col, bottom, right, formula: c.formula });
  }
  return blocks;
}

function blockAddress(b: Block): string {
  const tl = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellAddress(b.bottom, b.right)}`;
}

function summary(repaired: RepairResult["repaired"], failed: RepairResult["failed"]): string {
  const parts: string[] = [];
  if (repaired.length === 0 && failed.length === 0) return "No ICS formula needed repair.";
  if (repaired.length > 0) {
    const bySheet = new Map<string, string[]>();
    for (const r of repaired) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r.address]);
    const where = [...bySheet].map(([sheet, cells]) => `${sheet} (${cells.join(", ")})`).join("; ");
    parts.push(`Re-entered ${repaired.length} ICS formula${repaired.length === 1 ? "" : "s"}: ${where}.`);
  }
  for (const f of failed) parts.push(`${f.sheet} was not repaired: ${f.message}`);
  return parts.join(" ");
}

/**
 * Enters ICS formulas again. `all` re-enters every ICS formula (the button: a call saved as text
 * may still show its saved value); otherwise only those that show they are broken (on load).
 */
export async function repairIcsFormulas(port: WorkbookPort, options: { all: boolean }): Promise<RepairResult> {
  const repaired: RepairResult["repaired"] = [];
  const failed: RepairResult["failed"] = [];
  for (const sheet of await port.readFormulaCells()) {
    const targets = sheet.cells.filter((c) => (options.all ? callsIcs(c.formula) : isBroken(c)));
    if (targets.length === 0) continue;
    const blocks = repairBlocks(targets);
    const ops: WorkbookOp[] = [];
    if (sheet.protected) ops.push({ op: "unprotect", sheet: sheet.sheet });
    for (const b of blocks) {
      if (b.bottom > b.top || b.right > b.left) ops.push({ op: "clear", sheet: sheet.sheet, range: blockAddress(b) });
      ops.push({ op: "cells", sheet: sheet.sheet, at: cellAddress(b.top, b.left), cells: [[fromFileFormula(b.formula)]] });
    }
    if (sheet.protected) ops.push({ op: "protect", sheet: sheet.sheet, ...(sheet.protectionOptions ? { options: sheet.protectionOptions } : {}) });
    try {
      await port.apply(ops);
      for (const b of blocks) repaired.push({ sheet: sheet.sheet, address: blockAddress(b), formula: fromFileFormula(b.formula) });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      failed.push({ sheet: sheet.sheet, message: sheet.protected ? `${why} (if the sheet has a password, unprotect it, then repair again)` : why });
    }
  }
  return { repaired, failed, message: summary(repaired, failed) };
}
