import { ArgReader } from "../args";
import { ArgValue, describeShape } from "../cells";
import { icsError } from "../errors";
import { Decimal, ONE, SHARE_SUM_TOLERANCE, ZERO, roundToUnit, toUnits, unitsToDecimal, unitsToNumber } from "../money";
import { CapitalError, CapitalTerm, capitalUnits } from "../rules/capital";
import { DelegateError } from "../rules/delegate";
import { readBounds } from "./delegate";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR, column } from "./types";

/** The three terms of the blend, in mix order, with the argument each one's values come from. */
const TERMS = ["depreciation", "backlog", "weighted_population"] as const;
const TERM_LABELS = "{depreciation, backlog, weighted population}";

/** A share basis: n×1 values of 0 or more, blanks counting 0. */
function readBasis(reader: ArgReader, argument: string, value: ArgValue): number[] {
  return reader.numberColumn(argument, value).map((v, i) => {
    if (v !== null && v < 0) throw icsError(reader.site(argument, i + 1), `expected 0 or more, got ${v}`);
    return v ?? 0;
  });
}

/** {α, β, γ}: three weights of 0 or more (blank = 0) adding up to 1 (=1/3 three times counts); default {1, 0, 0}. */
function readMix(reader: ArgReader, value: ArgValue): Decimal[] {
  if (value === undefined) return [ONE, ZERO, ZERO];
  const { cells, shape, sites } = reader.cellsWithSites("mix", value);
  if (cells.length !== 3 || (shape.rows !== 1 && shape.cols !== 1)) {
    throw icsError(reader.site("mix"), `expected 3 weights ${TERM_LABELS} as a 1×3 or 3×1 range, got a ${describeShape(shape)} range`);
  }
  const mix = cells.map((cell, i) => {
    const v = reader.cellNumber(cell, sites(i)) ?? 0;
    if (v < 0) throw icsError(sites(i), `expected a weight of 0 or more, got ${v}`);
    return new Decimal(v);
  });
  const total = mix[0].plus(mix[1]).plus(mix[2]);
  if (total.minus(1).abs().gt(SHARE_SUM_TOLERANCE)) {
    throw icsError(reader.site("mix"), `adds up to ${total.toString()}, not 1: the weights ${TERM_LABELS} must add up to 1 (100%)`);
  }
  return mix;
}

export const CAPITAL: FunctionSpec = {
  name: "CAPITAL",
  description:
    "Split a system's operational capital envelope (CDEL) among organisations by a blend of depreciation, backlog maintenance and weighted population shares, with minimums and bids; the parts add up to the envelope exactly, or, when every organisation bid and the bids add up to less, each gets its bid and the rest is left unallocated.",
  args: [
    { name: "envelope", kind: "scalar", optional: false, help: "The capital envelope (CDEL) to split, 0 or more, in the workbook's units." },
    { name: "depreciation", kind: "range", optional: false, help: "n×1 depreciation of each organisation (blank = 0); the default basis of the split." },
    { name: "backlog", kind: "range", optional: true, help: "n×1 backlog maintenance of each organisation (blank = 0); needed when mix gives it a weight." },
    { name: "weighted_population", kind: "range", optional: true, help: "n×1 weighted population served by each organisation (blank = 0); needed when mix gives it a weight." },
    { name: "mix", kind: "range", optional: true, help: "Weights {depreciation, backlog, weighted population} as a 1×3 or 3×1 range or array constant adding up to 1, e.g. {0.6,0.3,0.1}. Default {1,0,0}." },
    { name: "minimums", kind: "range", optional: true, help: "n×1 minimum amount per organisation (blank = none)." },
    {
      name: "bids",
      kind: "range",
      optional: true,
      help: "n×1 amount each organisation bid for, the most it can receive (blank = no limit). When every organisation has a bid and they add up to less than the envelope, each gets its bid and the rest is unallocated: envelope − SUM(result).",
    },
    ROUND_TO_ARG,
  ],
  result: {
    kind: "spill",
    describe: "n×1, one amount per organisation, adding up to the envelope exactly; or, when all bids are given and add up to less than the envelope, the bids, with envelope − SUM(result) unallocated.",
    size: ([, depreciation]) => column(depreciation),
  },
  examples: [
    // Depreciation-led: 1,000 × 6/10, 3/10, 1/10.
    { formula: "=ICS.CAPITAL(1000,{60;30;10})", result: "600\n300\n100" },
    // Half depreciation, half backlog: 0.5×60/100 + 0.5×0/100 = 0.3; 0.5×30/100 + 0.5×20/100 = 0.25;
    // 0.5×10/100 + 0.5×80/100 = 0.45 → 300, 250, 450.
    { formula: "=ICS.CAPITAL(1000,{60;30;10},{0;20;80},,{0.5,0.5,0})", result: "300\n250\n450" },
    // Trust 1 bid only 500, so its excess is re-split 30:10 → 375 and 125.
    { formula: "=ICS.CAPITAL(1000,{60;30;10},,,,,{500;1000;1000})", result: "500\n375\n125" },
    // Every trust bid and the bids add up to 900: each gets its bid, and 100 of the envelope is unallocated.
    { formula: "=ICS.CAPITAL(1000,{60;30;10},,,,,{500;300;100})", result: "500\n300\n100" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "envelope is negative, a depreciation, backlog, weighted population, minimum or bid is negative, or a column has a different number of rows from depreciation" },
    { code: "#VALUE!", when: "mix is not 3 weights of 0 or more adding up to 1" },
    { code: "#VALUE!", when: "mix gives a weight to backlog or weighted_population but the column is left out, or a weighted column adds up to 0" },
    { code: "#VALUE!", when: "a minimum is above the bid on the same row, or minimums add up to more than the envelope, saying by how much (bids that add up to less than the envelope are not an error: the rest is unallocated)" },
    { code: "#VALUE!", when: "part of the envelope is left once the bids are met and no organisation below its bid has a share to take it" },
    ROUND_TO_ERROR,
  ],
  compute: ([envelopeArg, depreciationArg, backlogArg, weightedArg, mixArg, minimumsArg, bidsArg, roundTo]) => {
    const reader = new ArgReader("CAPITAL");
    const { unit, exponent } = reader.roundTo(roundTo);
    const envelope = roundToUnit(reader.decimal("envelope", envelopeArg), unit);
    if (envelope.isNegative() && !envelope.isZero()) throw icsError(reader.site("envelope"), `expected a capital envelope of 0 or more, got ${envelope.toString()}`);
    const columns: (number[] | undefined)[] = [depreciationArg, backlogArg, weightedArg].map((value, k) => {
      if (k > 0 && (value === undefined || value === null || value === "")) return undefined;
      return readBasis(reader, TERMS[k], value);
    });
    const rows = columns[0]!.length;
    columns.forEach((values, k) => values && reader.sameLength(TERMS[k], values.length, "depreciation", rows));
    const mix = readMix(reader, mixArg);
    const terms: CapitalTerm[] = [];
    const termArguments: string[] = [];
    mix.forEach((weight, k) => {
      const values = columns[k];
      if (weight.gt(0) && !values) throw icsError(reader.site(TERMS[k]), `is needed because mix gives it a weight of ${weight.toString()}`);
      if (values) {
        terms.push({ mix: weight, values });
        termArguments.push(TERMS[k]);
      }
    });
    const minimums = readBounds(reader, "minimums", minimumsArg, rows, unit, true, "depreciation");
    const bids = readBounds(reader, "bids", bidsArg, rows, unit, false, "depreciation");
    minimums?.forEach((m, i) => {
      const b = bids?.[i];
      if (m !== null && b !== null && b !== undefined && m > b) {
        throw icsError(reader.site("minimums", i + 1), `minimum ${unitsToDecimal(m, unit)} is above the bid ${unitsToDecimal(b, unit)}`);
      }
    });
    const total = toUnits(envelope, unit);
    const money = (units: bigint) => unitsToDecimal(units, unit).toString();
    try {
      return capitalUnits({ rows, total, terms, floors: minimums, caps: bids }).map((p) => [unitsToNumber(p, unit, exponent)]);
    } catch (e) {
      if (e instanceof CapitalError) {
        throw icsError(reader.site(termArguments[e.term]), `adds up to 0, so its weight of ${terms[e.term].mix.toString()} in mix has nothing to split by`);
      }
      if (!(e instanceof DelegateError)) throw e;
      const p = e.problem;
      if (p.kind === "floors-exceed") {
        throw icsError(reader.site("minimums"), `add up to ${money(p.floorTotal)}, more than the envelope ${money(total)} by ${money(p.floorTotal - total)}`);
      }
      // Bids (all given) below the envelope are met in full before any split (capitalUnits).
      if (p.kind === "caps-short") throw e;
      throw icsError(reader.site("bids"), `${money(p.remaining)} of the envelope is left with nowhere to go: every organisation below its bid has a zero share`);
    }
  },
};
