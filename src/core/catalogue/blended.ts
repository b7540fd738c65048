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
  description: "Blended payment (NHS Payment Scheme aligned payment and incentive): fixed + variable_rate × (actual_value − baseline_value) − quality_value × (1 − quality_achieved), rounded once.",
  args: [
    { name: "fixed", kind: "scalar", optional: false, help: "The fixed element, which funds the agreed baseline of activity." },
    { name: "baseline_value", kind: "scalar", optional: false, help: "The agreed baseline activity valued at unit prices." },
    { name: "actual_value", kind: "scalar", optional: false, help: "The activity actually delivered, valued at unit prices." },
    { name: "variable_rate", kind: "scalar", optional: true, help: "Share of unit prices paid for activity above or below the baseline, 0..1. Default 1 (100%, from 2023/24); 0.75 in 2022/23." },
    { name: "quality_value", kind: "scalar", optional: true, help: "The quality element at stake (e.g. CQUIN), 0 or more. Default 0." },
    { name: "quality_achieved", kind: "scalar", optional: true, help: "Fraction 0..1 of the quality element earned. Default 1 (all of it)." },
    ROUND_TO_ARG,
  ],
  result: { kind: "scalar", type: "number", describe: "The payment due, rounded once to round_to." },
  examples: [
    { formula: "=ICS.BLENDED(10000,2000,2300)", result: "10300" },
    { formula: "=ICS.BLENDED(10000,2000,2300,0.75,150,0.5)", result: "10150" },
    { formula: "=ICS.BLENDED(10000,2000,1800,1,150)", result: "9800" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "variable_rate or quality_achieved is outside 0..1, or quality_value is negative" },
    ROUND_TO_ERROR,
  ],
  compute: ([fixedArg, baselineArg, actualArg, rateArg, qualityArg, achievedArg, roundTo]) => {
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
    return toNumber(blendedPayment({ fixed, baselineValue, actualValue, variableRate, qualityValue, qualityAchieved }, unit));
  },
};
