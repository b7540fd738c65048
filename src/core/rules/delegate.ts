/**
 * Delegation to place (DOMAIN.md "Delegation to place"): split an amount in proportion to weights,
 * with optional floors and caps honoured by water-filling, exactly to the unit.
 */
import { apportion, exactIntegerWeights } from "../split";

export interface DelegateInUnits {
  /** Whole units to split, ≥ 0. */
  total: bigint;
  /** Non-negative weights (doubles, taken exactly). */
  weights: readonly number[];
  /** Per-row minimum in whole units (already rounded up to the unit), or null for none. */
  floors?: readonly (bigint | null)[];
  /** Per-row maximum in whole units (already rounded down to the unit), or null for none. */
  caps?: readonly (bigint | null)[];
}

export type DelegateProblem =
  | { kind: "floors-exceed"; floorTotal: bigint }
  | { kind: "caps-short"; capTotal: bigint }
  | { kind: "no-weight-left"; remaining: bigint };

export class DelegateError extends Error {
  constructor(readonly problem: DelegateProblem) {
    super(problem.kind);
  }
}

/**
 * Water-filling: find the places held at a floor or cap, then split what is left among the others
 * by weight. Each round fixes the side (floors or caps) whose total violation is larger, which is
 * where the exact constrained proportional solution must hold them. Comparisons are exact
 * (integers on a common scale), so no place is ever left a unit outside its bounds.
 */
export function delegateUnits(input: DelegateInUnits): bigint[] {
  const { total, weights } = input;
  const n = weights.length;
  const floors = input.floors ?? new Array<bigint | null>(n).fill(null);
  const caps = input.caps ?? new Array<bigint | null>(n).fill(null);

  let floorTotal = 0n;
  for (const f of floors) if (f !== null) floorTotal += f;
  if (floorTotal > total) throw new DelegateError({ kind: "floors-exceed", floorTotal });
  if (caps.every((c) => c !== null)) {
    let capTotal = 0n;
    for (const c of caps) capTotal += c as bigint;
    if (capTotal < total) throw new DelegateError({ kind: "caps-short", capTotal });
  }

  const hasBounds = floors.some((f) => f !== null) || caps.some((c) => c !== null);
  if (!hasBounds) {
    if (weights.every((w) => w === 0)) throw new DelegateError({ kind: "no-weight-left", remaining: total });
    return apportion(total, weights);
  }

  const scaled = exactIntegerWeights(weights);
  const fixed: (bigint | null)[] = new Array(n).fill(null);
  for (;;) {
    let remaining = total;
    let freeWeight = 0n;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== null) remaining -= fixed[i] as bigint;
      else freeWeight += scaled[i];
    }
    // Share of place i is remaining·w_i/freeWeight; compare numerators against bound·freeWeight.
    const low: number[] = [];
    const high: number[] = [];
    let lowExcess = 0n;
    let highExcess = 0n;
    for (let i = 0; i < n; i++) {
      if (fixed[i] !== null) continue;
      const share = freeWeight === 0n ? 0n : remaining * scaled[i];
      const scale = freeWeight === 0n ? 1n : freeWeight;
      const f = floors[i];
      const c = caps[i];
      if (f !== null && share < f * scale) {
        low.push(i);
        lowExcess += f * scale - share;
      } else if (c !== null && share > c * scale) {
        high.push(i);
        highExcess += share - c * scale;
      }
    }
    if (low.length === 0 && high.length === 0) {
      if (freeWeight === 0n) {
        if (remaining !== 0n) throw new DelegateError({ kind: "no-weight-left", remaining });
        return fixed.map((v) => v ?? 0n);
      }
      const freeIndices: number[] = [];
      for (let i = 0; i < n; i++) if (fixed[i] === null) freeIndices.push(i);
      const parts = apportion(remaining, freeIndices.map((i) => weights[i]));
      const result = fixed.map((v) => v ?? 0n);
      freeIndices.forEach((i, k) => (result[i] = parts[k]));
      return result;
    }
    if (low.length > 0 && lowExcess >= highExcess) for (const i of low) fixed[i] = floors[i];
    else for (const i of high) fixed[i] = caps[i];
  }
}
