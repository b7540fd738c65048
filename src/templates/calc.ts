/**
 * A template's cells and names on the headless engine: how a template gets the cached values its
 * file carries. The calculation is the one `ics-finance recalc` applies to a returned workbook
 * (`src/engine/workbook`), so a template and a return are calculated, and checked, the same way.
 */
import type { HyperFormula } from "hyperformula";
import { Cell, ErrorCode } from "../core";
import { Recalculation, recalculate } from "../engine/workbook/recalculate";
import { CheckFinding, ErrorFinding, Review, describeReview, isClean, reviewRecalculation } from "../engine/workbook/review";
import { parseCell, parseRange, rangeAddress, sheetReference } from "../workbook/a1";
import type { ReadCell, ReadWorkbook } from "../xlsx/model";
import { Scalar, TemplateSpec } from "./spec";

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
  /** The recalculation behind it: formulas, kept cells. */
  recalculation: Recalculation;
}

/** Content as the file layer's workbook, so a template and a returned file calculate the same way. */
export function asReadWorkbook(content: WorkbookContent): ReadWorkbook {
  return {
    sheets: content.sheets.map((sheet) => ({
      name: sheet.name,
      part: "",
      state: "visible",
      protected: false,
      merges: [],
      validations: [],
      cells: [...sheet.cells]
        .sort((a, b) => a.row - b.row || a.col - b.col)
        .map((c): ReadCell => {
          const at = { row: c.row, col: c.col };
          if (c.formula !== undefined) return { ...at, formula: c.formula, formulaKind: c.spill ? "dynamic" : "plain", ...(c.spill ? { ref: c.spill } : {}) };
          if (c.error !== undefined) return { ...at, error: c.error };
          return c.value === undefined || c.value === null ? at : { ...at, value: c.value };
        }),
    })),
    names: content.names.map((n) => ({ name: n.name, refersTo: sheetReference(n.sheet, n.range), hidden: false })),
    tables: [],
    date1904: false,
    calc: { mode: "auto", fullCalcOnLoad: false },
    customProperties: {},
    hasMacros: false,
    externalLinks: 0,
    warnings: [],
  };
}

/** Calculates content on the engine through the same recalculation as a returned workbook. */
export function calculate(content: WorkbookContent): Calculated {
  const recalculation = recalculate(asReadWorkbook(content));
  return { engine: recalculation.engine, value: recalculation.value, recalculation };
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

/**
 * Every formula's value: the error cells (a spilling formula once, for its block) and the checks,
 * the TRUE/FALSE formulas on the Checks sheet, each labelled by the text at the start of its row.
 */
export function review(content: WorkbookContent, calc: Calculated): Review {
  return reviewRecalculation(calc.recalculation, content.sheets);
}

export { describeReview, isClean };
export type { CheckFinding, ErrorFinding, Review };
