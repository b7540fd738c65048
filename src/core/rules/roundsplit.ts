/**
 * Rounding parts so they still add up (DOMAIN.md "Rounding"): each part goes to a whole unit
 * below or above its exact value, and the units left over go to the largest remainders, ties to
 * the earlier row. Shared by ROUNDSPLIT, POTSTREAMS and every rule that rounds a set of parts.
 */
import { Decimal, ZERO, roundToUnit } from "../money";

export class RoundSplitError extends Error {
  constructor(readonly shortBy: Decimal) {
    super(`total differs from the parts by ${shortBy.toString()}`);
  }
}

/**
 * Parts rounded to `unit` that add up to `total` (default: the rounded sum). All-negative parts
 * are mirrored so the rule treats an underspend like an overspend. Throws RoundSplitError when
 * the total is more than one unit per part away from the sum (that is rescaling, not rounding).
 */
export function roundParts(values: readonly Decimal[], unit: Decimal, total?: Decimal): Decimal[] {
  let exactSum = ZERO;
  for (const v of values) exactSum = exactSum.plus(v);
  const target = roundToUnit(total ?? exactSum, unit);
  const mirrored = values.every((v) => v.lte(0)) && target.lte(0) && values.some((v) => v.lt(0));
  if (mirrored) return roundParts(values.map((v) => v.negated()), unit, target.negated()).map((v) => v.negated());

  const floors: Decimal[] = new Array(values.length);
  const remainders: Decimal[] = new Array(values.length);
  let floorSum = ZERO;
  values.forEach((v, i) => {
    const units = v.dividedBy(unit);
    floors[i] = units.floor();
    remainders[i] = units.minus(floors[i]);
    floorSum = floorSum.plus(floors[i]);
  });
  const leftOver = target.dividedBy(unit).minus(floorSum);
  if (leftOver.lt(0) || leftOver.gt(values.length)) throw new RoundSplitError(target.minus(exactSum));
  const order = values.map((_, i) => i);
  order.sort((a, b) => {
    const c = remainders[b].comparedTo(remainders[a]);
    return c === 0 ? a - b : c;
  });
  const bumps = leftOver.toNumber();
  for (let k = 0; k < bumps; k++) floors[order[k]] = floors[order[k]].plus(1);
  return floors.map((f) => f.times(unit));
}
