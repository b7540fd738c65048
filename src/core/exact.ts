/**
 * Decimal arithmetic with no precision limit, for the sums and products whose exact value a rule
 * depends on (a zero test, a rounding boundary). Sums and products of finite decimals are finite
 * decimals, so nothing is ever rounded here; the house 60 digits would lose the small end of a sum
 * spanning more than 60 orders of magnitude (1e-264 + 7e-309 − 1e-264 − 7e-309 would not be 0).
 * Never divide with it: a quotient can need infinitely many digits.
 */
import { Decimal } from "./money";

export const ExactDecimal = Decimal.clone({ precision: 1e9 });
export type ExactDecimal = InstanceType<typeof ExactDecimal>;

export function exactSum(values: readonly Decimal[]): Decimal {
  let total = new ExactDecimal(0);
  for (const v of values) total = total.plus(v);
  return new Decimal(total);
}

/** Running products: [a·f1, a·f1·f2, ...], each exact. */
export function exactRunningProducts(start: Decimal, factors: readonly Decimal[]): Decimal[] {
  let running = new ExactDecimal(start);
  return factors.map((factor) => {
    running = running.times(factor);
    return new Decimal(running);
  });
}
