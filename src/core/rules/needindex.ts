/**
 * Relative need index (DOMAIN.md "Fair shares, targets and convergence"): a place's weighted
 * population per head over its reference's, (WP_p / Pop_p) / (ΣWP / ΣPop), exactly as NHS
 * England's place-based allocation tool computes it from the practice file.
 */
import { Decimal, ZERO } from "../money";

export interface NeedRow {
  weighted: Decimal;
  population: Decimal;
}

/** The population (and weighted population) an index is relative to: the ICB's or England's. */
export interface NeedReference {
  weighted: Decimal;
  population: Decimal;
}

export type NeedIndexProblem =
  /** A place with no population has no per-head need (0-based index into the rows). */
  | { kind: "zero-population"; row: number }
  /** The reference has no weighted population or no population, so there is no average to index against. */
  | { kind: "zero-reference"; side: "weighted" | "population" };

export class NeedIndexError extends Error {
  constructor(readonly problem: NeedIndexProblem) {
    super(problem.kind);
  }
}

/** The reference by default: the sum of the rows given (a place relative to its ICB). */
export function referenceOf(rows: readonly (NeedRow | null)[]): NeedReference {
  let weighted = ZERO;
  let population = ZERO;
  for (const r of rows) {
    if (r === null) continue;
    weighted = weighted.plus(r.weighted);
    population = population.plus(r.population);
  }
  return { weighted, population };
}

/**
 * One index per row (null rows stay null). Computed as one division, (WP_p·ΣPop)/(Pop_p·ΣWP):
 * the products are exact at 60 digits, so the only rounding is the quotient's at 60 digits, far
 * below a double's, and the caller's conversion gives the double nearest the exact index.
 */
export function needIndices(rows: readonly (NeedRow | null)[], reference: NeedReference = referenceOf(rows)): (Decimal | null)[] {
  rows.forEach((r, i) => {
    if (r !== null && r.population.isZero()) throw new NeedIndexError({ kind: "zero-population", row: i });
  });
  if (!rows.some((r) => r !== null)) return rows.map(() => null);
  if (reference.population.isZero()) throw new NeedIndexError({ kind: "zero-reference", side: "population" });
  if (reference.weighted.isZero()) throw new NeedIndexError({ kind: "zero-reference", side: "weighted" });
  return rows.map((r) => (r === null ? null : r.weighted.times(reference.population).dividedBy(r.population.times(reference.weighted))));
}
