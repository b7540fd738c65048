import { ArgReader } from "../args";
import { ArgValue } from "../cells";
import { icsError } from "../errors";
import { Decimal, roundToUnit, toUnits, unitsToDecimal, unitsToNumber } from "../money";
import { DelegateError, delegateUnits } from "../rules/delegate";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR, column } from "./types";

/** Row weights: n×1, or n×k multiplied across (population × need index); blanks weigh nothing. */
export function readWeights(reader: ArgReader, argument: string, value: ArgValue): number[] {
  const table = reader.numberTable(argument, value);
  const rows = table.length === 1 && table[0].length > 1 ? table[0].map((v) => [v]) : table;
  const weights: number[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    let w = 1;
    for (let c = 0; c < rows[r].length; c++) {
      const cell = rows[r][c];
      if (cell !== null && cell < 0) {
        throw icsError(reader.site(argument, r + 1, rows[r].length > 1 ? c + 1 : undefined), `expected a weight of 0 or more, got ${cell}`);
      }
      w *= cell ?? 0;
    }
    weights[r] = w;
  }
  return weights;
}

/**
 * Floors round up and caps round down to the unit, so both still hold after rounding. Shared with
 * CAPITAL (minimums and bids), whose rows follow `reference` instead of weights.
 */
export function readBounds(reader: ArgReader, argument: string, value: ArgValue, rows: number, unit: Decimal, up: boolean, reference = "weights"): (bigint | null)[] | undefined {
  const column = reader.optionalNumberColumn(argument, value);
  if (!column) return undefined;
  reader.sameLength(argument, column.length, reference, rows);
  return column.map((v, i) => {
    if (v === null) return null;
    if (v < 0) throw icsError(reader.site(argument, i + 1), `expected an amount of 0 or more, got ${v}`);
    const units = new Decimal(v).dividedBy(unit);
    return BigInt((up ? units.ceil() : units.floor()).toFixed(0));
  });
}

export const DELEGATE: FunctionSpec = {
  name: "DELEGATE",
  description: "Split an amount across places (or practices, PCNs, providers) in proportion to weights, with optional floors and caps; the parts add up to the amount exactly.",
  args: [
    { name: "amount", kind: "scalar", optional: false, help: "The amount to delegate, in the workbook's units." },
    { name: "weights", kind: "range", optional: false, help: "n×1 weights (e.g. weighted population), or n×k multiplied across each row (population × need index); 0 or more." },
    { name: "floors", kind: "range", optional: true, help: "n×1 minimum amount per row (blank = none), e.g. last year's cash so nobody loses." },
    { name: "caps", kind: "range", optional: true, help: "n×1 maximum amount per row (blank = none), e.g. a bid." },
    ROUND_TO_ARG,
  ],
  result: { kind: "spill", describe: "n×1, one amount per row of weights, adding up to amount exactly.", size: ([, weights]) => column(weights) },
  examples: [
    { formula: "=ICS.DELEGATE(100,{1;1;1})", result: "33.34\n33.33\n33.33" },
    { formula: "=ICS.DELEGATE(1000,{600;300;100},{0;0;150})", result: "566.67\n283.33\n150" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "a weight is negative, all weights are zero, floors or caps have a different number of rows from weights, or a floor or cap is negative", fix: "Make every weight 0 or more with at least one above 0, make floors and caps 0 or more (or blank), and point them at the same rows as the weights." },
    { code: "#VALUE!", when: "floors add up to more than amount, or caps (all given) add up to less, saying by how much", fix: "The message says by how much: lower some floors (or raise some caps) by that amount, or change the amount being delegated." },
    { code: "#VALUE!", when: "floors or caps are given with a negative amount", fix: "Floors and caps only make sense for a positive amount. To share a reduction, leave floors and caps out." },
    ROUND_TO_ERROR,
  ],
  compute: ([amountArg, weightsArg, floorsArg, capsArg, roundTo]) => {
    const reader = new ArgReader("DELEGATE");
    const { unit, exponent } = reader.roundTo(roundTo);
    const amount = roundToUnit(reader.decimal("amount", amountArg), unit);
    const weights = readWeights(reader, "weights", weightsArg);
    const floors = readBounds(reader, "floors", floorsArg, weights.length, unit, true);
    const caps = readBounds(reader, "caps", capsArg, weights.length, unit, false);
    if ((floors || caps) && amount.isNegative() && !amount.isZero()) {
      throw icsError(reader.site("amount"), "floors and caps need an amount of 0 or more; delegate a reduction without them");
    }
    floors?.forEach((f, i) => {
      const c = caps?.[i];
      if (f !== null && c !== null && c !== undefined && f > c) {
        throw icsError(reader.site("floors", i + 1), `floor ${unitsToDecimal(f, unit)} is above the cap ${unitsToDecimal(c, unit)}`);
      }
    });
    const sign = amount.isNegative() ? -1n : 1n;
    const total = toUnits(amount.abs(), unit);
    try {
      const parts = delegateUnits({ total, weights, floors, caps });
      return parts.map((p) => [unitsToNumber(p * sign, unit, exponent)]);
    } catch (e) {
      if (!(e instanceof DelegateError)) throw e;
      const p = e.problem;
      const money = (units: bigint) => unitsToDecimal(units, unit).toString();
      if (p.kind === "floors-exceed") {
        throw icsError(reader.site("floors"), `add up to ${money(p.floorTotal)}, more than the amount ${money(total)} by ${money(p.floorTotal - total)}`);
      }
      if (p.kind === "caps-short") {
        throw icsError(reader.site("caps"), `add up to ${money(p.capTotal)}, less than the amount ${money(total)} by ${money(total - p.capTotal)}`);
      }
      throw icsError(reader.site("weights"), `${money(p.remaining)} is left with no place to go: every remaining row has zero weight`);
    }
  },
};
