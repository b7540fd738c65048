/**
 * Mental Health Investment Standard (DOMAIN.md "MHIS"): mental health spend must grow at least in
 * line with the recurrent baseline allocation. NHS England asks for the minimum from unrounded
 * growth, so the product is formed before the one division and only the result is rounded.
 */
import { Decimal, roundToUnit } from "../money";

export interface MhisInputs {
  /** Last year's in-scope mental health spend. */
  priorSpend: Decimal;
  /** Last year's recurrent baseline allocation; must not be zero. */
  priorAllocation: Decimal;
  /** This year's recurrent baseline allocation. */
  allocation: Decimal;
}

/** prior_spend × allocation / prior_allocation, exact to the house precision (60 digits). */
export function mhisMinimumExact({ priorSpend, priorAllocation, allocation }: MhisInputs): Decimal {
  return priorSpend.times(allocation).dividedBy(priorAllocation);
}

export function mhisMinimum(inputs: MhisInputs, unit: Decimal): Decimal {
  return roundToUnit(mhisMinimumExact(inputs), unit);
}
