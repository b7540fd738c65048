/**
 * Blended payment (DOMAIN.md "Blended payment"; NHS Payment Scheme "aligned payment and
 * incentive"): a fixed element funding the agreed baseline, a variable element for activity above
 * or below the baseline at a share of unit prices, less the quality element not achieved.
 */
import { ExactDecimal } from "../exact";
import { Decimal, roundToUnit } from "../money";

export interface BlendedInputs {
  fixed: Decimal;
  /** Value at unit prices of the baseline activity the fixed element funds. */
  baselineValue: Decimal;
  /** Value at unit prices of the activity actually delivered. */
  actualValue: Decimal;
  /** Share of unit prices paid on the variance, 0..1 (1 from 2023/24, 0.75 in 2022/23). */
  variableRate: Decimal;
  /** The quality (e.g. CQUIN) element at stake, ≥ 0. */
  qualityValue: Decimal;
  /** Fraction 0..1 of the quality element earned. */
  qualityAchieved: Decimal;
}

/** fixed + variable_rate × (actual − baseline) − quality_value × (1 − quality_achieved), exactly. */
export function blendedPaymentExact(p: BlendedInputs): Decimal {
  const variable = new ExactDecimal(p.actualValue).minus(p.baselineValue).times(p.variableRate);
  const qualityWithheld = new ExactDecimal(1).minus(p.qualityAchieved).times(p.qualityValue);
  return new Decimal(new ExactDecimal(p.fixed).plus(variable).minus(qualityWithheld));
}

/** Rounded once, from the exact total, so the elements are never rounded separately. */
export function blendedPayment(p: BlendedInputs, unit: Decimal): Decimal {
  return roundToUnit(blendedPaymentExact(p), unit);
}
