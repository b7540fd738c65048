import { ArgReader } from "../args";
import { ArgValue, Cell, isGrid } from "../cells";
import { icsError } from "../errors";
import { Decimal, roundToUnit, sum, toUnits, unitsToNumber } from "../money";
import { ConvergeError, convergeLevels, convergeUnits } from "../rules/converge";
import { roundParts } from "../rules/roundsplit";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR, column } from "./types";

/** A rate of 0 or more; `row` for a column of rates. */
function rate(reader: ArgReader, argument: string, value: number, row?: number): Decimal {
  if (value < 0) throw icsError(reader.site(argument, row), `expected a rate of 0 or more such as 0.01 for 1%, got ${value}`);
  return new Decimal(value);
}

/** One rate for everyone (a single value or a 1×1 range), or an n×1 column with one per body (blank = 0). */
function readMinUplift(reader: ArgReader, value: ArgValue, rows: number): Decimal | Decimal[] {
  const single = !isGrid(value) || (value.length === 1 && value[0].length === 1);
  if (single) return rate(reader, "min_uplift", reader.optionalNumber("min_uplift", value, 0));
  const cells = reader.numberColumn("min_uplift", value);
  reader.sameLength("min_uplift", cells.length, "baselines", rows);
  return cells.map((c, i) => rate(reader, "min_uplift", c ?? 0, i + 1));
}

export const CONVERGE: FunctionSpec = {
  name: "CONVERGE",
  description:
    "Pace-of-change convergence towards fair-share targets: everyone gets its minimum uplift, those more than max_below below target are brought to within it first, the rest of growth goes to those below target in proportion to their gap (never past target), and growth left once all are at target is shared in proportion to target. The new allocations add up to baselines + growth exactly.",
  args: [
    { name: "baselines", kind: "range", optional: false, help: "n×1 current (baseline) allocation of each body, 0 or more; a row blank in both baselines and targets is skipped." },
    { name: "targets", kind: "range", optional: false, help: "n×1 fair-share target allocation of each body for the new year, 0 or more, same rows as baselines." },
    { name: "growth", kind: "scalar", optional: false, help: "Cash growth to share out, 0 or more, in the same units as baselines." },
    {
      name: "min_uplift",
      kind: "range",
      optional: true,
      help: "Minimum uplift rate on baseline, e.g. 0.01 for 1%: one rate for everyone, or an n×1 column with one per body (e.g. a lower floor for bodies far above target; blank = 0). Default 0. All scaled down pro rata if growth cannot fund them.",
    },
    ROUND_TO_ARG,
    {
      name: "max_below",
      kind: "scalar",
      optional: true,
      help: "A rate such as 0.05: after the minimum uplifts, bodies more than this below target are first raised towards target × (1 − max_below), in proportion to their shortfall, as far as growth allows. Left out, no such step.",
    },
  ],
  result: { kind: "spill", describe: "n×1 new allocation per body, adding up to the baselines plus growth exactly.", size: ([baselines]) => column(baselines) },
  examples: [
    // 1% each: 101, 101, 101; 27 left for the gaps 0, 9, 19 (Σ 28): 27×9/28 = 8.678…→8.68,
    // 27×19/28 = 18.321…→18.32; the one above target gets only the minimum.
    { formula: "=ICS.CONVERGE({100;100;100},{90;110;120},30,0.01)", result: "101\n109.68\n119.32" },
    // Gaps 0, 10, 20 all closed with 30 of the 40; the last 10 is shared 90:110:120 → 2.81, 3.44, 3.75.
    { formula: "=ICS.CONVERGE({100;100;100},{90;110;120},40)", result: "102.81\n113.44\n123.75" },
    // Growth 2 cannot fund a 1% uplift (3): split by baseline, about 0.67 each.
    { formula: "=ICS.CONVERGE({100;100;100},{90;110;120},2,0.01)", result: "100.67\n100.67\n100.66" },
    // A rate per body: none for the one above target, 1% for the others (2 in all); the 28 left
    // closes the gaps of 9 and 19 exactly.
    { formula: "=ICS.CONVERGE({100;100;100},{90;110;120},30,{0;0.01;0.01})", result: "100\n110\n120" },
    // Within 5% of target first: levels 95, 104.5, 123.5; shortfalls 0, 4.5, 23.5 take all 10,
    // 10×4.5/28 = 1.607… → 1.61 and 10×23.5/28 = 8.392… → 8.39 (by gap alone it would be 2.5 and 7.5).
    { formula: "=ICS.CONVERGE({100;100;100},{100;110;130},10,0,,0.05)", result: "100\n101.61\n108.39" },
    // With 34: the shortfalls (28) are met, then the 6 left closes the gaps 5.5 and 6.5 → 2.75, 3.25.
    { formula: "=ICS.CONVERGE({100;100;100},{100;110;130},34,0,,0.05)", result: "100\n107.25\n126.75" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "targets have a different number of rows from baselines, a row has only one of baseline and target, or a baseline or target is negative" },
    { code: "#VALUE!", when: "growth is negative (CONVERGE shares out growth; split a cash reduction with ICS.DELEGATE), or a min_uplift rate is negative" },
    { code: "#VALUE!", when: "min_uplift as a column has a different number of rows from baselines, or is wider than one column" },
    { code: "#VALUE!", when: "max_below is negative or above 1" },
    { code: "#VALUE!", when: "growth is left once everyone is at target but every target is 0" },
    ROUND_TO_ERROR,
  ],
  compute: ([baselinesArg, targetsArg, growthArg, minUpliftArg, roundTo, maxBelowArg]) => {
    const reader = new ArgReader("CONVERGE");
    const { unit, exponent } = reader.roundTo(roundTo);
    const baselineCells = reader.numberColumn("baselines", baselinesArg);
    const targetCells = reader.numberColumn("targets", targetsArg);
    reader.sameLength("targets", targetCells.length, "baselines", baselineCells.length);
    const growth = reader.decimal("growth", growthArg);
    if (growth.isNegative() && !growth.isZero()) {
      throw icsError(reader.site("growth"), `must be 0 or more, got ${growth.toString()}; CONVERGE shares out growth (split a cash reduction with ICS.DELEGATE)`);
    }
    const minUpliftRates = readMinUplift(reader, minUpliftArg, baselineCells.length);
    const maxBelowNumber = reader.cellNumber(reader.scalarCell("max_below", maxBelowArg) ?? null, reader.site("max_below"));
    const maxBelow = maxBelowNumber === undefined ? undefined : new Decimal(maxBelowNumber);
    if (maxBelow && (maxBelow.lt(0) || maxBelow.gt(1))) {
      throw icsError(reader.site("max_below"), `expected a rate between 0 and 1 such as 0.05 for 5% below target, got ${maxBelow.toString()}`);
    }

    const present: number[] = [];
    const baselines: Decimal[] = [];
    const targets: number[] = [];
    baselineCells.forEach((b, i) => {
      const t = targetCells[i];
      if (b === null && t === null) return;
      if (b === null) throw icsError(reader.site("baselines", i + 1), "expected a number for this row's target, got a blank cell");
      if (t === null) throw icsError(reader.site("targets", i + 1), "expected a number for this row's baseline, got a blank cell");
      if (b < 0) throw icsError(reader.site("baselines", i + 1), `expected 0 or more, got ${b}`);
      if (t < 0) throw icsError(reader.site("targets", i + 1), `expected 0 or more, got ${t}`);
      present.push(i);
      baselines.push(new Decimal(b));
      targets.push(t);
    });
    const minUplift = Array.isArray(minUpliftRates) ? present.map((row) => minUpliftRates[row]) : minUpliftRates;

    // Baselines rounded so they still add up, and the total is Σ baselines + growth rounded once:
    // the growth handed out is exactly the difference, so the new allocations add up to it.
    const baselineUnits = roundParts(baselines, unit).map((b) => toUnits(b, unit));
    const totalUnits = toUnits(roundToUnit(sum(baselines).plus(growth), unit), unit);
    let growthUnits = totalUnits;
    for (const b of baselineUnits) growthUnits -= b;
    // Targets round down, so "up to target" never passes the target as given; as weights for
    // sharing beyond target they are taken in units, so targets given to the unit weigh exactly
    // as their decimals (the doubles 0.1 and 0.3 are not exactly 1 : 3).
    const targetInUnits = targets.map((t) => new Decimal(t).dividedBy(unit));
    const targetUnits = targetInUnits.map((t) => BigInt(t.floor().toFixed(0)));
    const targetWeights = targetInUnits.map((t) => t.toNumber());

    let parts: bigint[];
    try {
      const levels = maxBelow === undefined ? undefined : convergeLevels(targetInUnits, maxBelow);
      parts = convergeUnits({ baselines: baselineUnits, targets: targetUnits, targetWeights, growth: growthUnits, minUplift, levels });
    } catch (e) {
      if (!(e instanceof ConvergeError)) throw e;
      const left = unitsToNumber(e.leftOver, unit, exponent);
      if (present.length === 0) throw icsError(reader.site("baselines"), `has no rows with a baseline and a target to share the growth of ${left} among`);
      throw icsError(reader.site("targets"), `are all 0, so the ${left} of growth left once everyone is at target has nowhere to go`);
    }
    const out: Cell[][] = baselineCells.map(() => [""]);
    present.forEach((row, k) => (out[row] = [unitsToNumber(parts[k], unit, exponent)]));
    return out;
  },
};
