/**
 * Pace of change (DOMAIN.md "Fair shares, targets and convergence"; FUNCTIONS.md CONVERGE), in
 * this order:
 *  1. everyone gets its minimum uplift on its baseline (one rate, or a rate per body, e.g. a lower
 *     floor for bodies far above target); if growth cannot fund them, they are all scaled down
 *     pro rata (growth split in proportion to each body's minimum uplift) and that is all;
 *  2. with max_below, bodies more than max_below below target are raised towards
 *     target × (1 − max_below) in proportion to their shortfall from that level, as far as growth
 *     allows ("bring everyone to within 5% of target first");
 *  3. what is left goes to those below target in proportion to their remaining gap, never past
 *     target;
 *  4. once everyone is at target, the rest is shared in proportion to target.
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
  /** Minimum uplift rate on baseline, ≥ 0 (0.01 = 1%): one for everyone, or one per body. */
  minUplift: Decimal | readonly Decimal[];
  /**
   * With max_below: each body's level target × (1 − max_below) in whole units, rounded down (so
   * never above its target). Left out, step 2 does not apply.
   */
  levels?: readonly bigint[];
}

/** target × (1 − max_below) in whole units, rounded down; targets in units of round_to, unrounded. */
export function convergeLevels(targetsInUnits: readonly Decimal[], maxBelow: Decimal): bigint[] {
  const keep = new Decimal(1).minus(maxBelow);
  return targetsInUnits.map((t) => BigInt(t.times(keep).floor().toFixed(0)));
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

/**
 * Step 1's total (Σ rate × baseline, rounded once, half up) and the weights it is split by. One
 * rate (or a column of equal rates) splits by baseline, exactly as a single rate always has; rates
 * that differ split by rate × baseline, computed in Decimal and passed as the nearest double.
 */
export function minimumUplift(baselines: readonly bigint[], minUplift: Decimal | readonly Decimal[]): { total: bigint; weights: number[] } {
  const rates = Array.isArray(minUplift) ? (minUplift as readonly Decimal[]) : undefined;
  const single = rates === undefined ? (minUplift as Decimal) : rates.every((r) => r.eq(rates[0] ?? 0)) ? (rates[0] ?? new Decimal(0)) : undefined;
  if (single !== undefined) {
    let baselineTotal = 0n;
    for (const b of baselines) baselineTotal += b;
    const total = BigInt(single.times(baselineTotal.toString()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    return { total, weights: baselines.map(weight) };
  }
  const exact = baselines.map((b, i) => rates![i].times(b.toString()));
  let sum = new Decimal(0);
  for (const u of exact) sum = sum.plus(u);
  return { total: BigInt(sum.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)), weights: exact.map((u) => u.toNumber()) };
}

/** New allocations in whole units, adding up to Σ baselines + growth exactly. */
export function convergeUnits(input: ConvergeInUnits): bigint[] {
  const { baselines, targets, growth } = input;
  const n = baselines.length;

  // Step 1: the minimum uplifts, as a total rounded once and split so it adds up.
  const { total: upliftTotal, weights: upliftWeights } = minimumUplift(baselines, input.minUplift);
  if (growth <= upliftTotal) {
    const uplift = apportion(growth, upliftWeights);
    return baselines.map((b, i) => b + uplift[i]);
  }
  const uplift = apportion(upliftTotal, upliftWeights);
  const allocation = baselines.map((b, i) => b + uplift[i]);
  let remaining = growth - upliftTotal;

  // Step 2: raise those more than max_below below target to target × (1 − max_below), in
  // proportion to their shortfall from it; the caps hold everyone at its level after rounding.
  if (input.levels) {
    const levels = input.levels;
    const shortfalls = allocation.map((a, i) => (levels[i] > a ? levels[i] - a : 0n));
    let shortfallTotal = 0n;
    for (const s of shortfalls) shortfallTotal += s;
    if (shortfallTotal > 0n) {
      if (remaining <= shortfallTotal) {
        const raising = delegateUnits({ total: remaining, weights: shortfalls.map(weight), caps: shortfalls });
        return allocation.map((a, i) => a + raising[i]);
      }
      shortfalls.forEach((s, i) => (allocation[i] += s));
      remaining -= shortfallTotal;
    }
  }

  // Step 3: close gaps to target in proportion to the gap. Proportional shares of no more than
  // the total gap never exceed a gap; the caps make that hold after rounding too.
  const gaps = allocation.map((a, i) => (targets[i] > a ? targets[i] - a : 0n));
  let gapTotal = 0n;
  for (const g of gaps) gapTotal += g;
  if (remaining <= gapTotal) {
    const closing = delegateUnits({ total: remaining, weights: gaps.map(weight), caps: gaps });
    return allocation.map((a, i) => a + closing[i]);
  }

  // Step 4: everyone reaches target; the rest is shared in proportion to target.
  remaining -= gapTotal;
  if (input.targetWeights.every((t) => t === 0)) throw new ConvergeError(remaining);
  const beyond = apportion(remaining, input.targetWeights);
  const result: bigint[] = new Array(n);
  for (let i = 0; i < n; i++) result[i] = allocation[i] + gaps[i] + beyond[i];
  return result;
}
