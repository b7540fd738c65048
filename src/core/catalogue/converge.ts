import { ArgReader } from "../args";
import { Cell } from "../cells";
import { icsError } from "../errors";
import { Decimal, ZERO, roundToUnit, sum, toUnits, unitsToNumber } from "../money";
import { ConvergeError, convergeUnits } from "../rules/converge";
import { roundParts } from "../rules/roundsplit";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR, column } from "./types";

export const CONVERGE: FunctionSpec = {
  name: "CONVERGE",
  description:
    "Pace-of-change convergence towards fair-share targets: everyone gets the minimum uplift, the rest of growth goes to those below target in proportion to their gap (never past target), and growth left once all are at target is shared in proportion to target. The new allocations add up to baselines + growth exactly.",
  args: [
    { name: "baselines", kind: "range", optional: false, help: "n×1 current (baseline) allocation of each body, 0 or more; a row blank in both baselines and targets is skipped." },
    { name: "targets", kind: "range", optional: false, help: "n×1 fair-share target allocation of each body for the new year, 0 or more, same rows as baselines." },
    { name: "growth", kind: "scalar", optional: false, help: "Cash growth to share out, 0 or more, in the same units as baselines." },
    { name: "min_uplift", kind: "scalar", optional: true, help: "Minimum uplift rate everyone gets on its baseline, e.g. 0.01 for 1%. Default 0. Scaled down pro rata if growth cannot fund it." },
    ROUND_TO_ARG,
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
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "targets have a different number of rows from baselines, a row has only one of baseline and target, or a baseline or target is negative" },
    { code: "#VALUE!", when: "growth is negative (CONVERGE shares out growth; split a cash reduction with ICS.DELEGATE), or min_uplift is negative" },
    { code: "#VALUE!", when: "growth is left once everyone is at target but every target is 0" },
    ROUND_TO_ERROR,
  ],
  compute: ([baselinesArg, targetsArg, growthArg, minUpliftArg, roundTo]) => {
    const reader = new ArgReader("CONVERGE");
    const { unit, exponent } = reader.roundTo(roundTo);
    const baselineCells = reader.numberColumn("baselines", baselinesArg);
    const targetCells = reader.numberColumn("targets", targetsArg);
    reader.sameLength("targets", targetCells.length, "baselines", baselineCells.length);
    const growth = reader.decimal("growth", growthArg);
    if (growth.isNegative() && !growth.isZero()) {
      throw icsError(reader.site("growth"), `must be 0 or more, got ${growth.toString()}; CONVERGE shares out growth (split a cash reduction with ICS.DELEGATE)`);
    }
    const minUplift = reader.optionalDecimal("min_uplift", minUpliftArg, ZERO);
    if (minUplift.isNegative() && !minUplift.isZero()) throw icsError(reader.site("min_uplift"), `expected a rate of 0 or more such as 0.01 for 1%, got ${minUplift.toString()}`);

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
      parts = convergeUnits({ baselines: baselineUnits, targets: targetUnits, targetWeights, growth: growthUnits, minUplift });
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
