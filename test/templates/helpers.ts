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
import { ContentCell, Review, WorkbookContent, calculate, review } from "../../src/templates/calc";
import { Scalar, TemplateSpec } from "../../src/templates/spec";
import { renderXlsx } from "../../src/templates/xlsx";
import { parseCell, parseRange } from "../../src/workbook/a1";

export const TEMPLATE_NAMES = ["place-delegation", "risk-share", "system-plan", "capital", "merger"] as const;

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
  /** The workbook as read back from the file. */
  content: WorkbookContent;
}

export async function generate(name: string, options: TemplateOptions = {}, dir = scratchDir()): Promise<Generated> {
  const spec = templateSpec(name, options);
  const { buffer, review: generatedReview } = await renderXlsx(spec, { prefilledFrom: spec.prefilledFrom });
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, buffer);
  const loaded = await loadWorkbook(file);
  return recalculated(spec, file, generatedReview, loaded.content);
}

/** A value typed into a cell of the file, as a user filling in the return would. */
export interface Edit {
  sheet: string;
  /** A cell address, or a defined name of a single cell. */
  at: string;
  value: Scalar;
}

/** The file read back with values typed into its cells, recalculated (the file itself is unchanged). */
export function fill(t: Generated, edits: readonly Edit[]): Generated {
  const sheets = t.content.sheets.map((s) => ({ name: s.name, cells: [...s.cells] }));
  for (const edit of edits) {
    const named = t.content.names.find((n) => n.name === edit.at);
    const sheetName = named ? named.sheet : edit.sheet;
    const sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, col } = parseCell(named ? named.range.split(":")[0] : edit.at);
    const i = sheet.cells.findIndex((c) => c.row === row && c.col === col);
    if (i >= 0 && sheet.cells[i].formula !== undefined) throw new Error(`${sheetName}!${edit.at} holds a formula: only inputs are filled in`);
    const cell: ContentCell = { row, col, value: edit.value };
    if (i >= 0) sheet.cells[i] = cell;
    else sheet.cells.push(cell);
  }
  return recalculated(t.spec, t.file, t.generatedReview, { sheets, names: t.content.names });
}

function recalculated(spec: TemplateSpec, file: string, generatedReview: Review, content: WorkbookContent): Generated {
  const loaded = { content };
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
    content,
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

/** No error cell, every check on the Checks sheet TRUE, and (unless filled in since) the file agrees with its generation. */
export function expectClean(t: Generated, { filled = false } = {}): void {
  expect(t.review.errors).toEqual([]);
  expect(t.review.checks).toHaveLength(checksIn(t.spec));
  expect(t.review.checks.filter((c) => !c.passed)).toEqual([]);
  if (!filled) expect(t.generatedReview).toEqual(t.review);
}

/** The labels of the checks that are FALSE. */
export function failingChecks(t: Generated): string[] {
  return t.review.checks.filter((c) => !c.passed).map((c) => c.label);
}

/** The Cover filled in for a fictional organisation, as an organisation filling in a return would. */
export function coverEdits(overrides: Partial<Record<string, Scalar>> = {}): Edit[] {
  const values: Record<string, Scalar> = {
    OrganisationCode: "QU9",
    OrganisationName: "NHS Buckinghamshire, Oxfordshire and Berkshire West ICB",
    ICBCode: "QU9",
    FinancialYear: "2026/27",
    SubmissionRound: "Plan v1",
    PreparedBy: "A tester, finance team",
    ApprovedBy: "A tester, chief finance officer",
    ApprovedOn: 46100,
    ...overrides,
  };
  return Object.entries(values).map(([at, value]) => ({ sheet: "Cover", at, value: value ?? null }));
}

/** Edits keyed "Sheet!B7" (or "Sheet!Name"), as a test writes a few of them. */
export function fillCells(t: Generated, edits: Readonly<Record<string, Scalar>>): Generated {
  return fill(
    t,
    Object.entries(edits).map(([key, value]) => {
      const [sheet, at] = key.split("!");
      return { sheet, at, value };
    }),
  );
}
