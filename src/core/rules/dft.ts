/**
 * Distance from target (DOMAIN.md "Fair shares, targets and convergence"):
 * (allocation − target) / target, positive when a body is funded above its fair share.
 */
import { Decimal } from "../money";

/** Unrounded (a ratio, formatted as a percentage by the workbook); target must not be zero. */
export function distanceFromTarget(allocation: Decimal, target: Decimal): Decimal {
  return allocation.minus(target).dividedBy(target);
}
