import { ArgReader } from "../args";
import { Cell } from "../cells";
import { icsError } from "../errors";
import { Decimal, toNumber } from "../money";
import { RoundSplitError, roundParts } from "../rules/roundsplit";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR } from "./types";

export const ROUNDSPLIT: FunctionSpec = {
  name: "ROUNDSPLIT",
  description: "Round a table of parts so they still add up to the total: each part is rounded to round_to by largest remainder.",
  args: [
    { name: "values", kind: "range", optional: false, help: "The unrounded parts (any range); blanks stay blank." },
    ROUND_TO_ARG,
    { name: "total", kind: "scalar", optional: true, help: "The total the rounded parts must add up to. Default: the sum of values, rounded." },
  ],
  result: { kind: "spill", describe: "Same shape as values, rounded parts that add up to total exactly.", size: ([values]) => values ?? { rows: 1, cols: 1 } },
  examples: [{ formula: "=ICS.ROUNDSPLIT({10.333;10.333;10.334},0.01)", result: "10.33\n10.33\n10.34" }, { formula: "=ICS.ROUNDSPLIT({33.333;33.333;33.333},1,100)", result: "34\n33\n33" }],
  errors: [
    ...COMMON_ERRORS,
    ROUND_TO_ERROR,
    { code: "#VALUE!", when: "total is more than one unit per part away from the sum of values (that is rescaling, not rounding: use ICS.DELEGATE)", fix: "Leave total out to round to the sum of the values, or use ICS.DELEGATE to share a different total in proportion." },
  ],
  compute: ([valuesArg, roundTo, totalArg]) => {
    const reader = new ArgReader("ROUNDSPLIT");
    const { unit } = reader.roundTo(roundTo);
    const { cells, shape, sites } = reader.cellsWithSites("values", valuesArg);
    const present: number[] = [];
    const values: Decimal[] = [];
    cells.forEach((cell, i) => {
      const v = reader.cellNumber(cell, sites(i));
      if (v === undefined) return;
      present.push(i);
      values.push(new Decimal(v));
    });
    const totalCell = reader.scalarCell("total", totalArg);
    const totalNumber = reader.cellNumber(totalCell ?? null, reader.site("total"));
    let rounded: Decimal[];
    try {
      rounded = roundParts(values, unit, totalNumber === undefined ? undefined : new Decimal(totalNumber));
    } catch (e) {
      if (!(e instanceof RoundSplitError)) throw e;
      throw icsError(reader.site("total"), `differs from the sum of values by ${e.shortBy.toString()}, more than one unit per part; ROUNDSPLIT only rounds (use ICS.DELEGATE to rescale)`);
    }
    const out: Cell[] = new Array(cells.length).fill("");
    present.forEach((idx, k) => (out[idx] = toNumber(rounded[k])));
    const grid: Cell[][] = [];
    for (let r = 0; r < shape.rows; r++) grid.push(out.slice(r * shape.cols, (r + 1) * shape.cols));
    return grid;
  },
};
