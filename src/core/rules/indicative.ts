/**
 * Multi-year indicative allocations (DOMAIN.md "Multi-year plans"): the base compounded by each
 * year's growth rate. Every year is rounded from the exact compound value, never from last year's
 * rounded figure, so rounding cannot drift over five years.
 */
import { Decimal, ONE, roundToUnit } from "../money";

/**
 * Products only, with no precision limit: the compound of y rates has up to 15 + 17·y significant
 * digits, more than the house 60 after a few years, and a product rounded there could in principle
 * land on a rounding boundary. Multiplication never needs more digits than its operands hold.
 */
const ExactProduct = Decimal.clone({ precision: 1e9 });

/** base × Π_{j≤k} (1 + g_j) for each year k, exactly. */
export function compoundValues(base: Decimal, growthRates: readonly Decimal[]): Decimal[] {
  let running = new ExactProduct(base);
  return growthRates.map((rate) => {
    running = running.times(new ExactProduct(ONE).plus(rate));
    return new Decimal(running);
  });
}

export function indicativeAllocations(base: Decimal, growthRates: readonly Decimal[], unit: Decimal): Decimal[] {
  return compoundValues(base, growthRates).map((value) => roundToUnit(value, unit));
}
