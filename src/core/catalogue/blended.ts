import { ArgReader } from "../args";
import { ArgValue } from "../cells";
import { icsError } from "../errors";
import { Decimal, ONE, ZERO, toNumber } from "../money";
import { blendedPayment } from "../rules/blended";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR } from "./types";

/** An optional fraction 0..1 (a percentage cell counts: 75% is 0.75). */
function fraction(reader: ArgReader, argument: string, value: ArgValue, fallback: Decimal): Decimal {
  const d = reader.optionalDecimal(argument, value, fallback);
  if (d.lt(0) || d.gt(1)) throw icsError(reader.site(argument), `expected a fraction between 0 and 1 (0% to 100%), got ${d.toString()}`);
  return d;
}

export const BLENDED: FunctionSpec = {
  name: "BLENDED",
  description:
    "Blended payment (NHS Payment Scheme aligned payment and incentive): fixed + variable element − quality_value × (1 − quality_achieved), rounded once; the variable element is variable_rate × (MIN(actual_value, activity_ceiling) − baseline_value) above baseline and rate_below × (actual_value − baseline_value) below it.",
  notes: [
    "Which parameters applied in which year: 2022/23, variable_rate 0.75 above baseline and no clawback below it (the proposed clawback was not implemented), so rate_below 0: =ICS.BLENDED(fixed,baseline,actual,0.75,,,,0). From 2023/24, 100% of unit prices (variable_rate 1, the default) for elective activity. From 2026/27 elective payment centres on indicative activity plans: activity above the plan is not paid without agreement, so pass the plan's value as activity_ceiling.",
    "Low-volume relationships (expected activity below £1.5m a year from 2025/26, £0.5m before) are not blended: they get a fixed low-volume activity block payment and no other in-year transactions. Templates apply that rule; BLENDED prices the blended relationships.",
  ],
  args: [
    { name: "fixed", kind: "scalar", optional: false, help: "The fixed element, which funds the agreed baseline of activity." },
    { name: "baseline_value", kind: "scalar", optional: false, help: "The agreed baseline activity valued at unit prices." },
    { name: "actual_value", kind: "scalar", optional: false, help: "The activity actually delivered, valued at unit prices." },
    { name: "variable_rate", kind: "scalar", optional: true, help: "Share of unit prices paid for activity above the baseline (and, unless rate_below is given, taken back below it), 0..1. Default 1 (100%, from 2023/24); 0.75 in 2022/23." },
    { name: "quality_value", kind: "scalar", optional: true, help: "The quality element at stake (e.g. CQUIN), 0 or more. Default 0." },
    { name: "quality_achieved", kind: "scalar", optional: true, help: "Fraction 0..1 of the quality element earned. Default 1 (all of it)." },
    ROUND_TO_ARG,
    {
      name: "rate_below",
      kind: "scalar",
      optional: true,
      help: "Share of unit prices taken back for activity below the baseline, 0..1. Default variable_rate; 0 where under-delivery is not clawed back (2022/23).",
    },
    {
      name: "activity_ceiling",
      kind: "scalar",
      optional: true,
      help: "The highest activity value paid for, at least baseline_value, e.g. the indicative activity plan's value (blank = none); activity above it earns nothing.",
    },
  ],
  result: { kind: "scalar", type: "number", describe: "The payment due, rounded once to round_to." },
  examples: [
    { formula: "=ICS.BLENDED(10000,2000,2300)", result: "10300" },
    { formula: "=ICS.BLENDED(10000,2000,2300,0.75,150,0.5)", result: "10150" },
    { formula: "=ICS.BLENDED(10000,2000,1800,1,150)", result: "9800" },
    // 2022/23 as it ran: 75% above baseline, no clawback below it, so under-delivery costs nothing.
    { formula: "=ICS.BLENDED(104000,104000,98000,0.75,,,,0)", result: "104000" },
    // Without rate_below, 75% is taken back too: 104,000 − 0.75 × 6,000 = 99,500.
    { formula: "=ICS.BLENDED(104000,104000,98000,0.75)", result: "99500" },
    // 2026/27: activity above the indicative activity plan (107,000) earns nothing: 104,000 + 3,000.
    { formula: "=ICS.BLENDED(104000,104000,109500,1,,,,,107000)", result: "107000" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "variable_rate, rate_below or quality_achieved is outside 0..1, or quality_value is negative" },
    { code: "#VALUE!", when: "activity_ceiling is below baseline_value (the fixed element already pays for the baseline)" },
    ROUND_TO_ERROR,
  ],
  compute: ([fixedArg, baselineArg, actualArg, rateArg, qualityArg, achievedArg, roundTo, rateBelowArg, ceilingArg]) => {
    const reader = new ArgReader("BLENDED");
    const { unit } = reader.roundTo(roundTo);
    const fixed = reader.decimal("fixed", fixedArg);
    const baselineValue = reader.decimal("baseline_value", baselineArg);
    const actualValue = reader.decimal("actual_value", actualArg);
    const variableRate = fraction(reader, "variable_rate", rateArg, ONE);
    const qualityValue = reader.optionalDecimal("quality_value", qualityArg, ZERO);
    if (qualityValue.isNegative() && !qualityValue.isZero()) {
      throw icsError(reader.site("quality_value"), `expected an amount of 0 or more (the element withheld when quality is not achieved), got ${qualityValue.toString()}`);
    }
    const qualityAchieved = fraction(reader, "quality_achieved", achievedArg, ONE);
    const rateBelow = fraction(reader, "rate_below", rateBelowArg, variableRate);
    const ceilingNumber = reader.cellNumber(reader.scalarCell("activity_ceiling", ceilingArg) ?? null, reader.site("activity_ceiling"));
    const activityCeiling = ceilingNumber === undefined ? undefined : new Decimal(ceilingNumber);
    if (activityCeiling && activityCeiling.lt(baselineValue)) {
      throw icsError(
        reader.site("activity_ceiling"),
        `${activityCeiling.toString()} is below baseline_value ${baselineValue.toString()}; the ceiling is the highest activity paid for, at least the baseline the fixed element funds`,
      );
    }
    return toNumber(blendedPayment({ fixed, baselineValue, actualValue, variableRate, rateBelow, activityCeiling, qualityValue, qualityAchieved }, unit));
  },
};
