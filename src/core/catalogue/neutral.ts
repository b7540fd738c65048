import { ArgReader } from "../args";
import { icsError } from "../errors";
import { Decimal } from "../money";
import { isNeutral } from "../rules/neutral";
import { COMMON_ERRORS, FunctionSpec } from "./types";

export const NEUTRAL: FunctionSpec = {
  name: "NEUTRAL",
  description: "TRUE when a set of control-total changes is financially neutral: the changes add up to exactly zero (or to within tolerance).",
  args: [
    { name: "adjustments", kind: "range", optional: false, help: "The changes to organisations' control totals (any range, + for an increase, − for a reduction); blanks are ignored." },
    { name: "tolerance", kind: "scalar", optional: true, help: "How far from zero the net may be and still count as neutral, 0 or more, in the workbook's units (e.g. 0.5 in £000). Default: exactly zero." },
  ],
  result: { kind: "scalar", type: "boolean", describe: "TRUE when the adjustments net to zero (within tolerance), else FALSE." },
  examples: [
    { formula: "=ICS.NEUTRAL({1500;-900;-600})", result: "TRUE" },
    { formula: "=ICS.NEUTRAL({0.1;0.2;-0.3})", result: "TRUE" },
    { formula: "=ICS.NEUTRAL({1500;-900;-599.6})", result: "FALSE" },
    { formula: "=ICS.NEUTRAL({1500;-900;-599.6},0.5)", result: "TRUE" },
  ],
  errors: [...COMMON_ERRORS, { code: "#VALUE!", when: "tolerance is negative", fix: "Give a tolerance of 0 or more (e.g. 0.5 to allow rounding), or leave it out for an exact zero." }],
  compute: ([adjustmentsArg, toleranceArg]) => {
    const reader = new ArgReader("NEUTRAL");
    const { cells, sites } = reader.cellsWithSites("adjustments", adjustmentsArg);
    const adjustments: Decimal[] = [];
    cells.forEach((cell, i) => {
      const v = reader.cellNumber(cell, sites(i));
      if (v !== undefined) adjustments.push(new Decimal(v));
    });
    const toleranceCell = reader.scalarCell("tolerance", toleranceArg);
    const tolerance = reader.cellNumber(toleranceCell ?? null, reader.site("tolerance"));
    if (tolerance !== undefined && tolerance < 0) throw icsError(reader.site("tolerance"), `expected 0 or more, got ${tolerance}`);
    return isNeutral(adjustments, tolerance === undefined ? undefined : new Decimal(tolerance));
  },
};
