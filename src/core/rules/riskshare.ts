/**
 * Risk sharing (DOMAIN.md "Risk sharing"): how a system, a pooled fund (section 75) or a provider
 * collaborative shares a financial variance among its parties, exactly to the unit.
 *
 * Everything here is in whole units of round_to. Overspends are positive. A net overspend is first
 * absorbed by the contingency; what is left (or a whole underspend) is the shared variance S, and
 * the parts always add up to S exactly.
 */
import { z } from "zod";
import { apportion } from "../split";
import { DelegateError, delegateUnits } from "./delegate";

export const RISK_SHARE_METHODS = ["proportional", "equal", "own", "lead", "bands"] as const;
export type RiskShareMethod = (typeof RISK_SHARE_METHODS)[number];

const methodSchema = z.enum(RISK_SHARE_METHODS);

/** A method as users type it (any case, spaces around); undefined when it is not one we know. */
export function parseRiskShareMethod(text: string): RiskShareMethod | undefined {
  const parsed = methodSchema.safeParse(text.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/** One tier of a banded agreement. */
export interface RiskBand {
  /** Upper limit of the cumulative shared variance (magnitude), in units; null = no limit. */
  upper: bigint | null;
  /** Each party's share of this band (weights, taken exactly); null = in proportion to contributions. */
  shares: readonly number[] | null;
}

export interface RiskShareInUnits {
  method: RiskShareMethod;
  /** The net variance V, in units (positive = overspend). */
  variance: bigint;
  /** Each party's own variance, adding up to `variance`; needed by "own". */
  ownVariances?: readonly bigint[];
  /** Each party's contribution (≥ 0); also fixes the number of parties. */
  contributions: readonly number[];
  /** Risk reserve ≥ 0 that absorbs a net overspend first. */
  contingency: bigint;
  /** Required for "bands"; limits ascending, only the last may be null. */
  bands?: readonly RiskBand[];
  /** Maximum exposure per party in magnitude (already rounded down to the unit); null = none. */
  caps?: readonly (bigint | null)[];
}

export type RiskShareProblem =
  /** Contributions are all zero but are needed as weights (`bandRow` when a blank band row needs them). */
  | { kind: "no-contributions"; bandRow?: number }
  | { kind: "beyond-last-band"; shared: bigint; lastLimit: bigint }
  /** `remaining` carries the sign of the shared variance. */
  | { kind: "unshared"; remaining: bigint; reason: "all-capped" | "no-weight" };

export class RiskShareError extends Error {
  constructor(readonly problem: RiskShareProblem) {
    super(problem.kind);
  }
}

/** S: a net overspend less the contingency (never below 0); an underspend is shared in full. */
export function sharedVariance(variance: bigint, contingency: bigint): bigint {
  if (variance <= 0n) return variance;
  return variance > contingency ? variance - contingency : 0n;
}

/** Each party's part of the shared variance, in units, adding up to `sharedVariance` exactly. */
export function riskShareUnits(input: RiskShareInUnits): bigint[] {
  const { method, contributions } = input;
  const n = contributions.length;
  checkWeights(input);

  const shared = sharedVariance(input.variance, input.contingency);
  const sign = shared < 0n ? -1n : 1n;
  const magnitude = shared * sign;
  const caps = input.caps?.some((c) => c !== null) ? input.caps : undefined;

  // Parts are worked out in the direction of S (positive = same sign as S), then signed back.
  let parts: bigint[];
  if (method === "proportional" || method === "equal") {
    const weights = method === "equal" ? new Array<number>(n).fill(1) : contributions;
    parts = waterFill(magnitude, weights, caps, sign);
  } else {
    if (method === "own") parts = ownParts(input, shared).map((p) => p * sign);
    else if (method === "lead") parts = contributions.map((_, i) => (i === 0 ? magnitude : 0n));
    else parts = bandParts(magnitude, input.bands ?? [], contributions);
    parts = reshareOverCaps(parts, caps, contributions, sign);
  }
  return parts.map((p) => p * sign);
}

/** Weights a method needs must not all be zero, whatever the variance (so the error does not come and go). */
function checkWeights(input: RiskShareInUnits): void {
  const allZero = input.contributions.every((c) => c === 0);
  if (!allZero) return;
  if (input.method === "proportional") throw new RiskShareError({ kind: "no-contributions" });
  if (input.method === "bands") {
    const blankRow = (input.bands ?? []).findIndex((b) => b.shares === null);
    if (blankRow >= 0) throw new RiskShareError({ kind: "no-contributions", bandRow: blankRow + 1 });
  }
}

/** Proportional and equal with caps: DELEGATE's exact water-filling, by the same weights. */
function waterFill(magnitude: bigint, weights: readonly number[], caps: readonly (bigint | null)[] | undefined, sign: bigint): bigint[] {
  try {
    return delegateUnits({ total: magnitude, weights, caps });
  } catch (e) {
    if (!(e instanceof DelegateError)) throw e;
    const p = e.problem;
    if (p.kind === "caps-short") throw new RiskShareError({ kind: "unshared", remaining: (magnitude - p.capTotal) * sign, reason: "all-capped" });
    if (p.kind === "no-weight-left") throw new RiskShareError({ kind: "unshared", remaining: p.remaining * sign, reason: "no-weight" });
    throw e;
  }
}

/**
 * Each party bears its own variance. The contingency used on a net overspend (R = V − S) relieves
 * the overspending parties in proportion to their overspends; R ≤ V ≤ Σ overspends, so the
 * largest-remainder split never relieves a party of more than it overspent.
 */
function ownParts(input: RiskShareInUnits, shared: bigint): bigint[] {
  const own = input.ownVariances;
  if (!own || own.length !== input.contributions.length) throw new Error("riskShareUnits: method own needs one variance per party");
  const relief = input.variance - shared;
  if (relief <= 0n) return own.slice();
  const overspends = own.map((v) => Number(v > 0n ? v : 0n));
  const reliefParts = apportion(relief, overspends);
  return own.map((v, i) => v - reliefParts[i]);
}

/** Tiers of |S|: the part falling in each band is split by that band's shares, then summed per party. */
function bandParts(magnitude: bigint, bands: readonly RiskBand[], contributions: readonly number[]): bigint[] {
  const parts: bigint[] = contributions.map(() => 0n);
  let lower = 0n;
  for (const band of bands) {
    const top = band.upper === null || band.upper > magnitude ? magnitude : band.upper;
    if (top > lower) {
      const split = apportion(top - lower, band.shares ?? contributions);
      split.forEach((p, i) => (parts[i] += p));
      lower = top;
    }
    if (band.upper === null || lower >= magnitude) return parts;
  }
  if (lower < magnitude) {
    const lastLimit = bands.length === 0 ? 0n : (bands[bands.length - 1].upper ?? 0n);
    throw new RiskShareError({ kind: "beyond-last-band", shared: magnitude, lastLimit });
  }
  return parts;
}

/**
 * Own, lead and bands with caps: a party over its cap is held there and the excess goes to the
 * parties not at their cap in proportion to contributions, until nobody is over. Each round holds
 * at least one more party, so it ends within n rounds. Parts and caps are in the direction of S.
 */
function reshareOverCaps(parts: bigint[], caps: readonly (bigint | null)[] | undefined, contributions: readonly number[], sign: bigint): bigint[] {
  if (!caps) return parts;
  const result = parts.slice();
  const held: boolean[] = result.map(() => false);
  for (;;) {
    let excess = 0n;
    result.forEach((p, i) => {
      const cap = caps[i];
      if (held[i] || cap === null || p < cap) return;
      excess += p - cap;
      result[i] = cap;
      held[i] = true;
    });
    if (excess === 0n) return result;
    const takers: number[] = [];
    result.forEach((_, i) => {
      if (!held[i] && contributions[i] > 0) takers.push(i);
    });
    if (takers.length === 0) {
      throw new RiskShareError({ kind: "unshared", remaining: excess * sign, reason: held.every((h) => h) ? "all-capped" : "no-weight" });
    }
    const extra = apportion(
      excess,
      takers.map((i) => contributions[i]),
    );
    takers.forEach((i, k) => (result[i] += extra[k]));
  }
}
