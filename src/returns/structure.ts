/**
 * A return against the template it was sent as: its sheets, defined names, protection and every
 * locked formula (../shared/spec/RETURNS.md: missing-sheet, missing-name, rows-changed,
 * unprotected, hard-coded, formula-changed). A renamed sheet is found by where the template's
 * names on it now point (or its place in the workbook) and compared under its template name, so
 * one rename is one finding, not one per formula that mentions it. A sheet whose rows moved is
 * reported once and its cells are not compared cell by cell (every cell below would differ).
 */
import { Rect, parseRange, parseReference, rangeAddress, rectContains, rectColumns, rectRows, cellAddress } from "../workbook/a1";
import type { ReadCell, ReadSheet, ReadWorkbook } from "../xlsx/model";
import type { SheetSpec, TemplateSpec } from "../templates/spec";
import { canonicalFormula, sheetsReferred } from "./formulaText";
import type { Finding } from "./types";

export interface StructureResult {
  findings: Finding[];
  /** Template sheet name → the return's sheet holding it (renamed or not); absent when missing. */
  sheets: Map<string, ReadSheet>;
}

/** Formulas quoted in messages are cut to this many characters. */
const QUOTE_LENGTH = 90;

function quoted(formula: string): string {
  const text = `=${formula}`;
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1)}…` : text;
}

function shownValue(cell: ReadCell | undefined): string {
  if (!cell || (cell.value === undefined && cell.error === undefined)) return "nothing (it was cleared)";
  if (cell.error !== undefined) return `the error ${cell.error}`;
  if (typeof cell.value === "string") return `the text "${cell.value.length > 40 ? `${cell.value.slice(0, 39)}…` : cell.value}"`;
  if (typeof cell.value === "boolean") return `the typed value ${cell.value ? "TRUE" : "FALSE"}`;
  return `the typed value ${cell.value}`;
}

function returnNames(wb: ReadWorkbook): Map<string, { sheet: string; range: string } | "unresolved"> {
  const names = new Map<string, { sheet: string; range: string } | "unresolved">();
  for (const n of wb.names) {
    if (n.scope !== undefined || n.name.startsWith("_xlnm.")) continue;
    names.set(n.name.toLowerCase(), parseReference(n.refersTo) ?? "unresolved");
  }
  return names;
}

/** Which of the return's sheets holds each template sheet: by name, else where the template's names on it point, else by position. */
function matchSheets(wb: ReadWorkbook, spec: TemplateSpec, names: ReturnType<typeof returnNames>): { matched: Map<string, ReadSheet>; renamed: Map<string, string> } {
  const byName = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s]));
  const templateNames = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const matched = new Map<string, ReadSheet>();
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const sheet of spec.sheets) {
    const same = byName.get(sheet.name.toLowerCase());
    if (same) {
      matched.set(sheet.name, same);
      taken.add(same.name.toLowerCase());
    }
  }
  const free = (s: ReadSheet | undefined) => s !== undefined && !templateNames.has(s.name.toLowerCase()) && !taken.has(s.name.toLowerCase());
  spec.sheets.forEach((sheet, index) => {
    if (matched.has(sheet.name)) return;
    const votes = new Map<string, number>();
    for (const n of spec.names) {
      if (n.sheet !== sheet.name) continue;
      const target = names.get(n.name.toLowerCase());
      if (target && target !== "unresolved") votes.set(target.sheet.toLowerCase(), (votes.get(target.sheet.toLowerCase()) ?? 0) + 1);
    }
    const voted = [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => byName.get(s)).find(free);
    const candidate = voted ?? (free(wb.sheets[index]) ? wb.sheets[index] : undefined);
    if (candidate) {
      matched.set(sheet.name, candidate);
      renamed.set(candidate.name.toLowerCase(), sheet.name);
      taken.add(candidate.name.toLowerCase());
    }
  });
  return { matched, renamed };
}

function describeMove(template: Rect, actual: Rect): string {
  const rows = rectRows(actual) - rectRows(template);
  const cols = rectColumns(actual) - rectColumns(template);
  if (rows < 0) return `${-rows} row${rows === -1 ? "" : "s"} fewer: rows were deleted inside the table`;
  if (rows > 0) return `${rows} row${rows === 1 ? "" : "s"} more: rows were inserted inside the table`;
  if (cols !== 0) return `${Math.abs(cols)} column${Math.abs(cols) === 1 ? "" : "s"} ${cols < 0 ? "fewer: columns were deleted" : "more: columns were inserted"} inside the table`;
  if (actual.top !== template.top) return `moved ${Math.abs(actual.top - template.top)} row${Math.abs(actual.top - template.top) === 1 ? "" : "s"} ${actual.top > template.top ? "down: rows were inserted" : "up: rows were deleted"} above it`;
  return `moved ${Math.abs(actual.left - template.left)} column${Math.abs(actual.left - template.left) === 1 ? "" : "s"}: columns were inserted or deleted before it`;
}

/** The template's input blocks on a sheet: cells there may be typed in, so a formula there is not locked. */
function inputRects(sheet: SheetSpec): Rect[] {
  return sheet.ranges.filter((r) => r.input).map((r) => parseRange(r.range));
}

export function compareStructure(wb: ReadWorkbook, spec: TemplateSpec): StructureResult {
  const findings: Finding[] = [];
  const names = returnNames(wb);
  const { matched, renamed } = matchSheets(wb, spec, names);

  for (const sheet of spec.sheets) {
    const found = matched.get(sheet.name);
    if (!found) {
      findings.push({ kind: "missing-sheet", sheet: sheet.name, message: `The sheet "${sheet.name}" of the template is missing: put it back from a fresh copy of the template (its cells were not checked).` });
    } else if (found.name !== sheet.name) {
      findings.push({ kind: "missing-sheet", sheet: sheet.name, message: `The sheet "${sheet.name}" was renamed "${found.name}": rename it back to "${sheet.name}" (the central team reads returns by sheet name). Its cells were checked under its template name.` });
    }
  }

  // Names: gone, pointing nowhere, or covering other rows than the template gave them.
  const moved = new Map<string, { name: string; template: Rect; actual: Rect; others: number }>();
  for (const n of spec.names) {
    const target = names.get(n.name.toLowerCase());
    const where = matched.get(n.sheet);
    if (!where) continue; // the missing sheet says it
    const templateRect = parseRange(n.range);
    if (target === undefined) {
      findings.push({ kind: "missing-name", sheet: n.sheet, cell: rangeAddress(templateRect), message: `The defined name ${n.name} (${n.sheet}!${rangeAddress(templateRect)}) is gone: the central team reads the return by it. Use a fresh copy of the template, or define the name again (Formulas > Name Manager).` });
      continue;
    }
    if (target === "unresolved" || target.sheet.toLowerCase() !== where.name.toLowerCase()) {
      findings.push({ kind: "missing-name", sheet: n.sheet, cell: rangeAddress(templateRect), message: `The defined name ${n.name} no longer refers to ${n.sheet}!${rangeAddress(templateRect)}${target === "unresolved" ? " (its cells were deleted: #REF!)" : ` but to ${target.sheet}!${target.range}`}. Use a fresh copy of the template.` });
      continue;
    }
    const actual = parseRange(target.range);
    if (rangeAddress(actual) === rangeAddress(templateRect)) continue;
    const entry = moved.get(n.sheet);
    if (entry) entry.others++;
    else moved.set(n.sheet, { name: n.name, template: templateRect, actual, others: 0 });
  }
  for (const [sheet, m] of moved) {
    const others = m.others === 0 ? "" : ` (and ${m.others} other name${m.others === 1 ? "" : "s"} on the sheet)`;
    findings.push({
      kind: "rows-changed",
      sheet,
      cell: rangeAddress(m.actual),
      message: `${m.name} covers ${rangeAddress(m.actual)} where the template gave it ${rangeAddress(m.template)}${others}: ${describeMove(m.template, m.actual)}. Put the rows back as the template had them (or copy your figures into a fresh template); the cells of this sheet were not compared one by one.`,
    });
  }

  for (const sheet of spec.sheets) {
    const found = matched.get(sheet.name);
    if (found && sheet.protect && !found.protected) {
      findings.push({ kind: "unprotected", sheet: sheet.name, message: `The sheet "${sheet.name}" is no longer protected, so its formulas can be typed over: protect it again (Review > Protect Sheet) before returning it.` });
    }
  }

  // Locked formulas, cell by cell, on every sheet that is there and whose rows did not move.
  const unreliable = new Set<string>([...moved.keys(), ...spec.sheets.filter((s) => !matched.has(s.name)).map((s) => s.name)].map((s) => s.toLowerCase()));
  const canonical = { sheetNames: renamed };
  for (const sheet of spec.sheets) {
    const found = matched.get(sheet.name);
    if (!found || unreliable.has(sheet.name.toLowerCase())) continue;
    const cells = new Map<number, ReadCell>();
    for (const c of found.cells) cells.set(c.row * 16384 + c.col, c);
    const inputs = inputRects(sheet);
    for (const spec of sheet.cells) {
      if (!("formula" in spec)) continue;
      const at = parseRange(spec.at);
      if (inputs.some((r) => rectContains(r, at.top, at.left))) continue;
      // A formula that reads a sheet whose rows moved reads other cells now, as Excel rewrote it.
      if (unreliable.size > 0 && [...sheetsReferred(spec.formula)].some((s) => unreliable.has(s))) continue;
      const cell = cells.get(at.top * 16384 + at.left);
      const address = cellAddress(at.top, at.left);
      if (cell?.unreadFormula !== undefined) continue; // the reader's warning says it
      if (cell?.formula === undefined) {
        findings.push({ kind: "hard-coded", sheet: sheet.name, cell: address, message: `${address} holds ${shownValue(cell)} where the template has the formula ${quoted(spec.formula)}: put the formula back (a typed figure does not update).` });
        continue;
      }
      // Most formulas are saved as the template wrote them: compare canonical forms only when not.
      if (cell.formula !== spec.formula && canonicalFormula(cell.formula, canonical) !== canonicalFormula(spec.formula)) {
        findings.push({ kind: "formula-changed", sheet: sheet.name, cell: address, message: `${address} holds ${quoted(cell.formula)} where the template has ${quoted(spec.formula)}: put the template's formula back.` });
      }
    }
  }
  return { findings, sheets: matched };
}
