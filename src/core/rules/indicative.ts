/**
 * Multi-year indicative allocations (DOMAIN.md "Multi-year plans"): the base compounded by each
 * year's growth rate. Every year is rounded from the exact compound value, never from last year's
 * rounded figure, so rounding cannot drift over five years.
 */
import { exactRunningProducts, exactSum } from "../exact";
import { Decimal, ONE, roundToUnit } from "../money";

/**
 * base × Π_{j≤k} (1 + g_j) for each year k, exactly: the compound of y rates has up to
 * 15 + 17·y significant digits, beyond the house 60 after a few years.
 */
export function compoundValues(base: Decimal, growthRates: readonly Decimal[]): Decimal[] {
  return exactRunningProducts(base, growthRates.map((rate) => exactSum([ONE, rate])));
}

export function indicativeAllocations(base: Decimal, growthRates: readonly Decimal[], unit: Decimal): Decimal[] {
  return compoundValues(base, growthRates).map((value) => roundToUnit(value, unit));
}
