/**
 * Pace of change (DOMAIN.md "Fair shares, targets and convergence"). Our documented design:
 *  1. everyone gets the minimum uplift on its baseline; if growth cannot fund it, growth is split
 *     by baseline instead (everyone gets the same, smaller, uplift) and that is all;
 *  2. what is left goes to those below target in proportion to their remaining gap, never past
 *     target;
 *  3. once everyone is at target, the rest is shared in proportion to target.
 * All amounts are whole units of round_to, and every split is exact (largest remainder).
 */
import { Decimal } from "../money";
import { apportion } from "../split";
import { delegateUnits } from "./delegate";

export interface ConvergeInUnits {
  /** Baselines in whole units, ≥ 0. */
  baselines: readonly bigint[];
  /** Targets in whole units, rounded down so "up to target" never passes the exact target; ≥ 0. */
  targets: readonly bigint[];
  /** Targets in units of round_to, unrounded: the weights for sharing growth beyond target (step 3). */
  targetWeights: readonly number[];
  /** Cash growth in whole units, ≥ 0. */
  growth: bigint;
  /** Minimum uplift rate on baseline, ≥ 0 (0.01 = 1%). */
  minUplift: Decimal;
}

export class ConvergeError extends Error {
  /** Growth left once everyone is at target, with every target 0 so nobody can take it. */
  constructor(readonly leftOver: bigint) {
    super(`${leftOver} units left with every target 0`);
  }
}

/**
 * A bigint as a split weight. Exact up to 2^53 units (£90 trillion in pence); beyond that the
 * nearest double, and the caps passed alongside still hold every part to its bound.
 */
function weight(units: bigint): number {
  return Number(units);
}

/** New allocations in whole units, adding up to Σ baselines + growth exactly. */
export function convergeUnits(input: ConvergeInUnits): bigint[] {
  const { baselines, targets, growth, minUplift } = input;
  const n = baselines.length;
  let baselineTotal = 0n;
  for (const b of baselines) baselineTotal += b;
  const baselineWeights = baselines.map(weight);

  // Step 1: the minimum uplift, as a total rounded once and split by baseline so it adds up.
  const upliftTotal = BigInt(minUplift.times(baselineTotal.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  if (growth <= upliftTotal) {
    const uplift = apportion(growth, baselineWeights);
    return baselines.map((b, i) => b + uplift[i]);
  }
  const uplift = apportion(upliftTotal, baselineWeights);
  const allocation = baselines.map((b, i) => b + uplift[i]);

  // Step 2: close gaps to target in proportion to the gap. Proportional shares of no more than
  // the total gap never exceed a gap; the caps make that hold after rounding too.
  let remaining = growth - upliftTotal;
  const gaps = allocation.map((a, i) => (targets[i] > a ? targets[i] - a : 0n));
  let gapTotal = 0n;
  for (const g of gaps) gapTotal += g;
  if (remaining <= gapTotal) {
    const closing = delegateUnits({ total: remaining, weights: gaps.map(weight), caps: gaps });
    return allocation.map((a, i) => a + closing[i]);
  }

  // Step 3: everyone reaches target; the rest is shared in proportion to target.
  remaining -= gapTotal;
  if (input.targetWeights.every((t) => t === 0)) throw new ConvergeError(remaining);
  const beyond = apportion(remaining, input.targetWeights);
  const result: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) result[i] = allocation[i] + gaps[i] + beyond[i];
  return result;
}
