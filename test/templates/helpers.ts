/**
 * A template as a user gets it: generated to an .xlsx file, read back from the file and
 * recalculated on the engine, with its named ranges readable for comparison with the core.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ArgValue, Cell, Grid, Output, evaluate, findFunction } from "../../src/core";
import { loadWorkbook } from "../../src/cli/recalc";
import { TemplateOptions, templateSpec } from "../../src/templates";
import { Review, calculate, review } from "../../src/templates/calc";
import { Scalar, TemplateSpec } from "../../src/templates/spec";
import { renderXlsx } from "../../src/templates/xlsx";
import { parseCell, parseRange } from "../../src/workbook/a1";

export const TEMPLATE_NAMES = ["place-delegation", "risk-share", "system-plan", "capital"] as const;

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "ics-templates-"));
}

export interface Generated {
  spec: TemplateSpec;
  file: string;
  /** The engine's verdict when the file was generated. */
  generatedReview: Review;
  /** The verdict after reading the file back and recalculating it. */
  review: Review;
  /** The values of a named range, recalculated from the file. */
  read(name: string): Grid;
  column(name: string): Cell[];
  scalar(name: string): Cell;
  /** A cell by sheet and address. */
  at(sheet: string, address: string): Cell;
}

export async function generate(name: string, options: TemplateOptions = {}, dir = scratchDir()): Promise<Generated> {
  const spec = templateSpec(name, options);
  const { buffer, review: generatedReview } = await renderXlsx(spec);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, buffer);
  const loaded = await loadWorkbook(file);
  const calc = calculate(loaded.content);
  const names = new Map(loaded.content.names.map((n) => [n.name, n]));
  const block = (sheet: string, range: string): Grid => {
    const r = parseRange(range);
    const out: Grid = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Cell[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(calc.value(sheet, row, col));
      out.push(line);
    }
    return out;
  };
  const read = (n: string): Grid => {
    const found = names.get(n);
    if (!found) throw new Error(`no name ${n} in ${file}`);
    return block(found.sheet, found.range);
  };
  return {
    spec,
    file,
    generatedReview,
    review: review(loaded.content, calc),
    read,
    column: (n) => read(n).map((row) => row[0]),
    scalar: (n) => read(n)[0][0],
    at: (sheet, address) => block(sheet, address)[0][0],
  };
}

/** The core's answer for the same arguments, as the faces call it. */
export function core(name: string, ...args: ArgValue[]): Output {
  const spec = findFunction(name);
  if (!spec) throw new Error(`ICS.${name} is not in the catalogue`);
  return evaluate(spec, args);
}

/** A column of cells as a range argument. */
export function asColumn(cells: readonly Cell[]): Grid {
  return cells.map((c) => [c]);
}

function checksIn(spec: TemplateSpec): number {
  const checks = spec.sheets.find((s) => s.name === "Checks");
  // The check formulas are in column B; column A may hold calculated labels.
  return checks ? checks.cells.filter((c) => "formula" in c && c.at.startsWith("B")).length : 0;
}

/** No error cell, every check on the Checks sheet TRUE, and the file agrees with its generation. */
export function expectClean(t: Generated): void {
  expect(t.review.errors).toEqual([]);
  expect(t.review.checks).toHaveLength(checksIn(t.spec));
  expect(t.review.checks.filter((c) => !c.passed)).toEqual([]);
  expect(t.generatedReview).toEqual(t.review);
}

export interface Edited {
  review: Review;
  at(sheet: string, address: string): Cell;
}

/**
 * A generated file with some inputs typed over ("Sheet!B7" → value), recalculated as
 * `ics-finance recalc` would: how a test fills in a return differently from the sample.
 */
export async function recalcEdited(file: string, edits: Readonly<Record<string, Scalar>>): Promise<Edited> {
  const { content } = await loadWorkbook(file);
  for (const [key, value] of Object.entries(edits)) {
    const [sheetName, address] = key.split("!");
    const sheet = content.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName} in ${file}`);
    const { row, col } = parseCell(address);
    const cell = sheet.cells.find((c) => c.row === row && c.col === col);
    if (cell?.formula !== undefined) throw new Error(`${key} is a formula, not an input`);
    if (cell) cell.value = value;
    else sheet.cells.push({ row, col, value });
  }
  const calc = calculate(content);
  const at = (sheet: string, address: string): Cell => {
    const { row, col } = parseCell(address);
    return calc.value(sheet, row, col);
  };
  return { review: review(content, calc), at };
}
