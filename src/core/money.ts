/**
 * Exact money. A number enters through `toDecimal` and leaves through `toNumber` after rounding to
 * `round_to`; everything in between is decimal.js.
 */
import DecimalBase from "decimal.js";

/** 60 significant digits: exact for every product and quotient of Excel-sized inputs we form. */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 30 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const DEFAULT_ROUND_TO = new Decimal("0.01");

/**
 * How far a set of shares may be from 100% and still count as 100%: shares typed as =1/3 add up
 * to 0.9999999999999999 in a double. Far below any share a person means.
 */
export const SHARE_SUM_TOLERANCE = new Decimal("1e-9");

/** Excel holds 15 significant digits; anything bigger is #NUM!. */
export const MAX_MAGNITUDE = 1e15;

/** From a double as Excel shows it (shortest round-trip form), so 0.1 is exactly 0.1. */
export function toDecimal(value: number): Decimal {
  return new Decimal(value);
}

/** Rounds half away from zero to a positive power-of-ten unit. */
export function roundToUnit(value: Decimal, unit: Decimal): Decimal {
  return value.toNearest(unit, Decimal.ROUND_HALF_UP);
}

/** Exponent e of a unit 10^e, or undefined when the unit is not a positive power of ten. */
export function powerOfTenExponent(unit: Decimal): number | undefined {
  if (!unit.isFinite() || unit.lte(0)) return undefined;
  const [mantissa, exponent] = unit.toExponential().split("e");
  if (mantissa !== "1") return undefined;
  return Number(exponent);
}

/** The number of whole units in `value`, which must already be a multiple of `unit`. */
export function toUnits(value: Decimal, unit: Decimal): bigint {
  return BigInt(value.dividedBy(unit).toFixed(0));
}

/** units × unit as the nearest double. Exact division by a power of ten where the integer allows it. */
export function unitsToNumber(units: bigint, unit: Decimal, exponent: number): number {
  const small = units >= -9007199254740991n && units <= 9007199254740991n;
  if (small && exponent <= 0 && exponent >= -22) return Number(units) / 10 ** -exponent;
  if (small && exponent >= 0 && exponent <= 22) {
    const product = Number(units) * 10 ** exponent;
    if (Number.isSafeInteger(product)) return product;
  }
  return new Decimal(units.toString()).times(unit).toNumber();
}

export function unitsToDecimal(units: bigint, unit: Decimal): Decimal {
  return new Decimal(units.toString()).times(unit);
}

/** A Decimal result as a plain number at the edge of the core. */
export function toNumber(value: Decimal): number {
  const n = value.toNumber();
  return Object.is(n, -0) ? 0 : n;
}

export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
