/**
 * Risk sharing (DOMAIN.md "Risk sharing"): how a system, a pooled fund (section 75) or a provider
 * collaborative shares a financial variance among its parties, exactly to the unit.
 *
 * Everything here is in whole units of round_to. Overspends are positive. Gains are not losses: a
 * net overspend is first absorbed by the contingency and what is left, S, is shared by `method`
 * within the caps; a net underspend is shared in full by the underspend method and never capped,
 * or retained in the pool (every part 0). The parts always add up to S (0 when retained) exactly.
 */
import { z } from "zod";
import { apportion } from "../split";
import { DelegateError, delegateUnits } from "./delegate";

/** How a net overspend is shared (FUNCTIONS.md `method`), in the order the catalogue lists them. */
export const RISK_SHARE_METHODS = ["proportional", "equal", "own", "waterfall", "lead", "bands"] as const;
export type RiskShareMethod = (typeof RISK_SHARE_METHODS)[number];

/** How a net underspend is shared (FUNCTIONS.md `underspend_method`): gains are not losses. */
export const UNDERSPEND_METHODS = ["proportional", "equal", "own", "lead", "retain", "bands"] as const;
export type UnderspendMethod = (typeof UNDERSPEND_METHODS)[number];

const methodSchema = z.enum(RISK_SHARE_METHODS);
const underspendSchema = z.enum(UNDERSPEND_METHODS);

/** A method as users type it (any case, spaces around); undefined when it is not one we know. */
export function parseRiskShareMethod(text: string): RiskShareMethod | undefined {
  const parsed = methodSchema.safeParse(text.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/** An underspend method as users type it; undefined when it is not one we know. */
export function parseUnderspendMethod(text: string): UnderspendMethod | undefined {
  const parsed = underspendSchema.safeParse(text.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/**
 * The underspend method when `underspend_method` is left out: the same as `method`, except that a
 * band table describes how losses are tiered (so gains go back in proportion to contributions) and
 * a waterfall returns a net underspend to the parties that underspent ("own").
 */
export function defaultUnderspendMethod(method: RiskShareMethod): UnderspendMethod {
  if (method === "bands") return "proportional";
  if (method === "waterfall") return "own";
  return method;
}

/** One tier of a banded agreement. */
export interface RiskBand {
  /** Upper limit of the cumulative shared variance (magnitude), in units; null = no limit. */
  upper: bigint | null;
  /** Each party's share of this band (weights, taken exactly); null = in proportion to contributions. */
  shares: readonly number[] | null;
}

export interface RiskShareInUnits {
  /** How a net overspend (V ≥ 0) is shared. */
  method: RiskShareMethod;
  /** How a net underspend (V < 0) is shared; left out, `defaultUnderspendMethod(method)`. */
  underspendMethod?: UnderspendMethod;
  /** The net variance V, in units (positive = overspend). */
  variance: bigint;
  /** Each party's own variance, adding up to `variance`; needed by "own" and "waterfall". */
  ownVariances?: readonly bigint[];
  /** Each party's contribution (≥ 0); also fixes the number of parties. */
  contributions: readonly number[];
  /** Risk reserve ≥ 0 that absorbs a net overspend first. */
  contingency: bigint;
  /** Required for "bands" (either method); limits ascending, only the last may be null. */
  bands?: readonly RiskBand[];
  /** Maximum exposure per party to an overspend (already rounded down to the unit); null = none. Never applied to an underspend. */
  caps?: readonly (bigint | null)[];
}

export type RiskShareProblem =
  /**
   * Contributions are all zero but are needed as weights by the method named (`bandRow` when a
   * blank band row needs them).
   */
  | { kind: "no-contributions"; argument: "method" | "underspend_method"; method: RiskShareMethod | UnderspendMethod; bandRow?: number }
  | { kind: "beyond-last-band"; shared: bigint; lastLimit: bigint }
  /** What caps leave unshared of an overspend (caps never apply to an underspend). */
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

/** The underspend method in force: the one given, or the method's default. */
export function underspendMethodOf(input: Pick<RiskShareInUnits, "method" | "underspendMethod">): UnderspendMethod {
  return input.underspendMethod ?? defaultUnderspendMethod(input.method);
}

/**
 * What the parts add up to: the shared variance S, except that a retained underspend stays in the
 * pool, so every part is 0 (the amount retained is −V).
 */
export function partsTotal(input: RiskShareInUnits): bigint {
  if (input.variance < 0n && underspendMethodOf(input) === "retain") return 0n;
  return sharedVariance(input.variance, input.contingency);
}

/**
 * Each party's part of the shared variance, in units, adding up to `partsTotal` exactly. A net
 * overspend (V ≥ 0) is shared by `method` after the contingency and within the caps; a net
 * underspend (V < 0) by the underspend method, in full and never capped.
 */
export function riskShareUnits(input: RiskShareInUnits): bigint[] {
  checkWeights(input);
  if (input.variance < 0n) return underspendParts(input);

  const { method, contributions } = input;
  const n = contributions.length;
  const shared = sharedVariance(input.variance, input.contingency);
  const caps = input.caps?.some((c) => c !== null) ? input.caps : undefined;

  let parts: bigint[];
  if (method === "proportional" || method === "equal") {
    const weights = method === "equal" ? new Array<number>(n).fill(1) : contributions;
    return waterFill(shared, weights, caps);
  }
  if (method === "own") parts = ownParts(input, shared);
  else if (method === "waterfall") parts = waterfallParts(input, shared);
  else if (method === "lead") parts = contributions.map((_, i) => (i === 0 ? shared : 0n));
  else parts = bandParts(shared, input.bands ?? [], contributions);
  return reshareOverCaps(parts, caps, contributions);
}

/**
 * A net underspend, shared in full by the underspend method. Parts are worked out on its
 * magnitude and signed back; "own" keeps each party's own variance (mixed signs allowed) unless
 * the overspend method is the waterfall, when the gain goes back to the parties that underspent.
 */
function underspendParts(input: RiskShareInUnits): bigint[] {
  const { contributions } = input;
  const n = contributions.length;
  const magnitude = -input.variance;
  const method = underspendMethodOf(input);
  let parts: bigint[];
  if (method === "retain") return contributions.map(() => 0n);
  if (method === "own") {
    const own = ownVariancesOf(input);
    if (input.method !== "waterfall") return own.slice();
    parts = apportion(
      magnitude,
      own.map((v) => Number(v < 0n ? -v : 0n)),
    );
  } else if (method === "proportional" || method === "equal") {
    parts = waterFill(magnitude, method === "equal" ? new Array<number>(n).fill(1) : contributions, undefined);
  } else if (method === "lead") parts = contributions.map((_, i) => (i === 0 ? magnitude : 0n));
  else parts = bandParts(magnitude, input.bands ?? [], contributions);
  return parts.map((p) => -p);
}

/** Weights a method needs must not all be zero, whatever the variance (so the error does not come and go). */
function checkWeights(input: RiskShareInUnits): void {
  const allZero = input.contributions.every((c) => c === 0);
  if (!allZero) return;
  const blankRow = (input.bands ?? []).findIndex((b) => b.shares === null);
  const needs = (method: RiskShareMethod | UnderspendMethod, argument: "method" | "underspend_method") => {
    if (method === "proportional") throw new RiskShareError({ kind: "no-contributions", argument, method });
    if (method === "bands" && blankRow >= 0) throw new RiskShareError({ kind: "no-contributions", argument, method, bandRow: blankRow + 1 });
  };
  needs(input.method, "method");
  needs(underspendMethodOf(input), "underspend_method");
}

function ownVariancesOf(input: RiskShareInUnits): readonly bigint[] {
  const own = input.ownVariances;
  if (!own || own.length !== input.contributions.length) throw new Error("riskShareUnits: methods own and waterfall need one variance per party");
  return own;
}

/** Proportional and equal with caps: DELEGATE's exact water-filling, by the same weights. */
function waterFill(magnitude: bigint, weights: readonly number[], caps: readonly (bigint | null)[] | undefined): bigint[] {
  try {
    return delegateUnits({ total: magnitude, weights, caps });
  } catch (e) {
    if (!(e instanceof DelegateError)) throw e;
    const p = e.problem;
    if (p.kind === "caps-short") throw new RiskShareError({ kind: "unshared", remaining: magnitude - p.capTotal, reason: "all-capped" });
    if (p.kind === "no-weight-left") throw new RiskShareError({ kind: "unshared", remaining: p.remaining, reason: "no-weight" });
    throw e;
  }
}

/**
 * Each party bears its own variance. The contingency used on a net overspend (R = V − S) relieves
 * the overspending parties in proportion to their overspends; R ≤ V ≤ Σ overspends, so the
 * largest-remainder split never relieves a party of more than it overspent.
 */
function ownParts(input: RiskShareInUnits, shared: bigint): bigint[] {
  const own = ownVariancesOf(input);
  const relief = input.variance - shared;
  if (relief <= 0n) return own.slice();
  const overspends = own.map((v) => Number(v > 0n ? v : 0n));
  const reliefParts = apportion(relief, overspends);
  return own.map((v, i) => v - reliefParts[i]);
}

/**
 * The section 75 / Better Care Fund waterfall on a net overspend: underspends in the pool offset
 * the overspends (that is the netting to V), the contingency meets what it can (V − S), and S
 * falls on the overspending parties in proportion to their own overspends. S ≤ V ≤ Σ overspends,
 * so the largest-remainder split never charges a party more than it overspent; a party that did
 * not overspend bears 0.
 */
function waterfallParts(input: RiskShareInUnits, shared: bigint): bigint[] {
  const own = ownVariancesOf(input);
  if (shared === 0n) return own.map(() => 0n);
  return apportion(
    shared,
    own.map((v) => Number(v > 0n ? v : 0n)),
  );
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
 * Own, waterfall, lead and bands with caps (an overspend only): a party over its cap is held there
 * and the excess goes to the parties not at their cap in proportion to contributions, until nobody
 * is over. Each round holds at least one more party, so it ends within n rounds.
 */
function reshareOverCaps(parts: bigint[], caps: readonly (bigint | null)[] | undefined, contributions: readonly number[]): bigint[] {
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
      throw new RiskShareError({ kind: "unshared", remaining: excess, reason: held.every((h) => h) ? "all-capped" : "no-weight" });
    }
    const extra = apportion(
      excess,
      takers.map((i) => contributions[i]),
    );
    takers.forEach((i, k) => (result[i] += extra[k]));
  }
}
