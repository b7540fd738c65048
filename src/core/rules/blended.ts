/**
 * Blended payment (DOMAIN.md "Blended payment"; NHS Payment Scheme "aligned payment and
 * incentive"): a fixed element funding the agreed baseline, a variable element for activity above
 * the baseline (up to an activity ceiling, e.g. the indicative activity plan) at one share of unit
 * prices and below it at another (0 where under-delivery is not clawed back, as in 2022/23), less
 * the quality element not achieved.
 */
import { ExactDecimal } from "../exact";
import { Decimal, roundToUnit } from "../money";

export interface BlendedInputs {
  fixed: Decimal;
  /** Value at unit prices of the baseline activity the fixed element funds. */
  baselineValue: Decimal;
  /** Value at unit prices of the activity actually delivered. */
  actualValue: Decimal;
  /** Share of unit prices paid on activity above baseline, 0..1 (1 from 2023/24, 0.75 in 2022/23). */
  variableRate: Decimal;
  /** Share of unit prices taken back on activity below baseline, 0..1; left out, the variable rate. */
  rateBelow?: Decimal;
  /** The highest activity value paid for (≥ baseline); activity above it earns nothing. Left out, none. */
  activityCeiling?: Decimal;
  /** The quality (e.g. CQUIN) element at stake, ≥ 0. */
  qualityValue: Decimal;
  /** Fraction 0..1 of the quality element earned. */
  qualityAchieved: Decimal;
}

/**
 * fixed + variable − quality_value × (1 − quality_achieved), exactly, where variable is
 * variable_rate × (MIN(actual, ceiling) − baseline) above baseline and rate_below × (actual −
 * baseline) below it.
 */
export function blendedPaymentExact(p: BlendedInputs): Decimal {
  const above = p.actualValue.gte(p.baselineValue);
  const paidFor = above && p.activityCeiling !== undefined && p.actualValue.gt(p.activityCeiling) ? p.activityCeiling : p.actualValue;
  const rate = above ? p.variableRate : (p.rateBelow ?? p.variableRate);
  const variable = new ExactDecimal(paidFor).minus(p.baselineValue).times(rate);
  const qualityWithheld = new ExactDecimal(1).minus(p.qualityAchieved).times(p.qualityValue);
  return new Decimal(new ExactDecimal(p.fixed).plus(variable).minus(qualityWithheld));
}

/** Rounded once, from the exact total, so the elements are never rounded separately. */
export function blendedPayment(p: BlendedInputs, unit: Decimal): Decimal {
  return roundToUnit(blendedPaymentExact(p), unit);
}
