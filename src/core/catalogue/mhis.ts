import { ArgReader } from "../args";
import { ArgValue } from "../cells";
import { icsError } from "../errors";
import { Decimal, toNumber } from "../money";
import { mhisMinimum } from "../rules/mhis";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR } from "./types";

/** A spend or an allocation: 0 or more. */
function amount(reader: ArgReader, argument: string, value: ArgValue): Decimal {
  const d = reader.decimal(argument, value);
  if (d.isNegative() && !d.isZero()) throw icsError(reader.site(argument), `expected an amount of 0 or more, got ${d.toString()}`);
  return d;
}

export const MHIS: FunctionSpec = {
  name: "MHIS",
  description:
    "Mental Health Investment Standard minimum: last year's mental health spend grown in line with the recurrent baseline allocation, prior_spend × allocation / prior_allocation, from unrounded growth. Where a year's standard is a growth rate instead (e.g. in line with inflation), pass 1 and 1 + rate.",
  args: [
    { name: "prior_spend", kind: "scalar", optional: false, help: "Last year's in-scope mental health spend (excluding learning disability, autism, dementia, ADHD, specialised services and transformation-funded spend)." },
    { name: "prior_allocation", kind: "scalar", optional: false, help: "Last year's recurrent baseline allocation, in the same units as allocation; or 1 when the standard is a growth rate." },
    { name: "allocation", kind: "scalar", optional: false, help: "This year's recurrent baseline allocation; or 1 + the growth rate (e.g. 1.0436) with prior_allocation 1." },
    ROUND_TO_ARG,
  ],
  result: { kind: "scalar", type: "number", describe: "The minimum mental health spend for this year, rounded once to round_to." },
  examples: [
    { formula: "=ICS.MHIS(100000,2000000,2112000)", result: "105600" },
    { formula: "=ICS.MHIS(123456.78,2345678,2469135,1)", result: "129955" },
    // The growth-rate form: last year's 98,640 grown by 4.36% = 102,940.704 → 102,940.70.
    { formula: "=ICS.MHIS(98640,1,1.0436)", result: "102940.7" },
    { formula: "=ICS.MHIS(100000,0,2112000)", result: "#DIV/0!\tICS.MHIS: prior_allocation: is zero, so there is no growth to apply" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "prior_spend, prior_allocation or allocation is negative" },
    { code: "#DIV/0!", when: "prior_allocation is zero" },
    ROUND_TO_ERROR,
  ],
  compute: ([priorSpendArg, priorAllocationArg, allocationArg, roundTo]) => {
    const reader = new ArgReader("MHIS");
    const { unit } = reader.roundTo(roundTo);
    const priorSpend = amount(reader, "prior_spend", priorSpendArg);
    const priorAllocation = amount(reader, "prior_allocation", priorAllocationArg);
    const allocation = amount(reader, "allocation", allocationArg);
    if (priorAllocation.isZero()) throw icsError(reader.site("prior_allocation"), "is zero, so there is no growth to apply", "#DIV/0!");
    return toNumber(mhisMinimum({ priorSpend, priorAllocation, allocation }, unit));
  },
};
