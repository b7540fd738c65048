/**
 * Operational capital (DOMAIN.md "Capital"): a system's CDEL envelope split among its trusts by a
 * blend of depreciation, backlog maintenance and weighted population shares, minimums as floors
 * and bids as caps. The bounded split is DELEGATE's water-filling (`delegateUnits`), reused. Bids
 * (all given) below the envelope are met in full and leave the rest unallocated: a result, not an
 * error.
 */
import { Decimal, ZERO } from "../money";
import { delegateUnits } from "./delegate";

/** One term of the blend: its weight in the mix and each organisation's value (0 for blank). */
export interface CapitalTerm {
  mix: Decimal;
  values: readonly number[];
}

export interface CapitalInUnits {
  /** The number of organisations (rows). */
  rows: number;
  /** The envelope in whole units of round_to, ≥ 0. */
  total: bigint;
  terms: readonly CapitalTerm[];
  /** Minimums in whole units (rounded up), null for none. */
  floors?: readonly (bigint | null)[];
  /** Bids in whole units (rounded down), null for none. */
  caps?: readonly (bigint | null)[];
}

export class CapitalError extends Error {
  /** A term with a positive weight in the mix whose values add up to 0 (index into terms). */
  constructor(readonly term: number) {
    super(`term ${term} adds up to 0`);
  }
}

/**
 * Each organisation's blended weight for the split, as a double.
 *
 * With one term in the mix (the default, depreciation-led) the term's own values are passed: the
 * split is then exact on the values as given, identical to ICS.DELEGATE on that column. A real
 * blend Σ mix_k·v_ik/ΣV_k is a rational whose common denominator (ΣV_1·ΣV_2·ΣV_3 at up to ~20
 * digits each) no double can hold, so it is computed in Decimal (60 digits) and passed as the
 * nearest double: each weight is then within 2^-53 (1.1e-16) relative of its exact share, which
 * can move a unit only when an exact share lies within that distance of a rounding boundary.
 */
export function blendedWeights(terms: readonly CapitalTerm[], n: number): number[] {
  const active = terms.filter((t) => t.mix.gt(0));
  active.forEach((t) => {
    if (t.values.every((v) => v === 0)) throw new CapitalError(terms.indexOf(t));
  });
  if (active.length === 1) return active[0].values.slice();
  const scaled = active.map((t) => {
    let total = ZERO;
    for (const v of t.values) total = total.plus(v);
    return { values: t.values, factor: t.mix.dividedBy(total) };
  });
  const weights: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let share = ZERO;
    for (const t of scaled) if (t.values[i] !== 0) share = share.plus(t.factor.times(t.values[i]));
    weights[i] = share.toNumber();
  }
  return weights;
}

/**
 * Bids that are all given and add up to less than the envelope: each organisation gets its bid and
 * the rest is unallocated capital, which the system must see and decide on (DOMAIN.md "Capital").
 */
export function bidsBelowEnvelope(input: Pick<CapitalInUnits, "total" | "caps">): boolean {
  const caps = input.caps;
  if (!caps || caps.length === 0 || caps.some((c) => c === null)) return false;
  let bidTotal = 0n;
  for (const c of caps) bidTotal += c as bigint;
  return bidTotal < input.total;
}

/**
 * The envelope split in whole units. The parts add up to the envelope, except when every bid is
 * given and the bids add up to less: then each part is its bid and envelope − Σ parts is
 * unallocated. Throws CapitalError or DelegateError (floors, no weight left).
 */
export function capitalUnits(input: CapitalInUnits): bigint[] {
  const weights = blendedWeights(input.terms, input.rows);
  if (bidsBelowEnvelope(input)) return (input.caps as bigint[]).slice();
  return delegateUnits({ total: input.total, weights, floors: input.floors, caps: input.caps });
}
