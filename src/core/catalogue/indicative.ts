import { ArgReader } from "../args";
import { icsError } from "../errors";
import { Decimal, MAX_MAGNITUDE, toNumber } from "../money";
import { indicativeAllocations } from "../rules/indicative";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR } from "./types";

export const INDICATIVE: FunctionSpec = {
  name: "INDICATIVE",
  description: "Multi-year indicative allocations: base compounded by each year's growth rate, one column per year, each year rounded from the exact compound value (no drift).",
  args: [
    { name: "base", kind: "scalar", optional: false, help: "The starting allocation (the year before the first growth rate)." },
    { name: "growth_rates", kind: "range", optional: false, help: "One growth rate per year, a 1×y row or y×1 column (0.03 or 3% for 3%); every year needs one (enter 0 for no growth)." },
    ROUND_TO_ARG,
  ],
  result: {
    kind: "spill",
    describe: "1×y: a row with one allocation per year, in the order of growth_rates.",
    size: ([, rates]) => ({ rows: 1, cols: rates ? Math.max(rates.rows, rates.cols) : 1 }),
  },
  examples: [
    { formula: "=ICS.INDICATIVE(1000,{0.05,0.05,0.05})", result: "1050\t1102.5\t1157.63" },
    { formula: "=ICS.INDICATIVE(2112000,{0.031;0.028;0.025},1)", result: "2177472\t2238441\t2294402" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "growth_rates is not a single row or column, a rate is blank (a year needs a rate), or a rate is below −100%", fix: "Give one growth rate per year in a single row or column (e.g. 3.2%, 2.9%, 2.8%), with no blanks." },
    { code: "#NUM!", when: "a year's allocation comes out beyond ±1e15", fix: "The compounded figure is too large for Excel: check the base and the rates (5% typed as 5 is 500%)." },
    ROUND_TO_ERROR,
  ],
  compute: ([baseArg, ratesArg, roundTo]) => {
    const reader = new ArgReader("INDICATIVE");
    const { unit } = reader.roundTo(roundTo);
    const base = reader.decimal("base", baseArg);
    const rates = reader.numberColumn("growth_rates", ratesArg).map((rate, i) => {
      const site = reader.site("growth_rates", i + 1);
      if (rate === null) throw icsError(site, `year ${i + 1} needs a growth rate; enter 0 for no growth`);
      if (rate < -1) throw icsError(site, `expected a growth rate of -100% or more, got ${rate}`);
      return new Decimal(rate);
    });
    const years = indicativeAllocations(base, rates, unit);
    const tooBig = years.findIndex((v) => v.abs().gt(MAX_MAGNITUDE));
    if (tooBig >= 0) {
      throw icsError(reader.site("growth_rates", tooBig + 1), `year ${tooBig + 1} comes to ${years[tooBig].toString()}, beyond ±1e15`, "#NUM!");
    }
    return [years.map(toNumber)];
  },
};
