/**
 * Control totals and neutrality (DOMAIN.md "Control totals and neutrality"): systems may move
 * control totals between organisations only if the changes net to zero. Summed in exact decimals,
 * so 0.1 + 0.2 − 0.3 is neutral (a float sum is 5.55e-17 out).
 */
import { exactSum } from "../exact";
import { Decimal } from "../money";

/** The net of a set of control-total changes, exactly. */
export function netChange(adjustments: readonly Decimal[]): Decimal {
  return exactSum(adjustments);
}

/** Neutral when the net is exactly zero, or no further from zero than `tolerance` (≥ 0) when given. */
export function isNeutral(adjustments: readonly Decimal[], tolerance?: Decimal): boolean {
  const net = netChange(adjustments);
  return tolerance === undefined ? net.isZero() : net.abs().lte(tolerance);
}
