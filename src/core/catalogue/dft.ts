import { ArgReader } from "../args";
import { icsError } from "../errors";
import { toNumber } from "../money";
import { distanceFromTarget } from "../rules/dft";
import { COMMON_ERRORS, FunctionSpec } from "./types";

export const DFT: FunctionSpec = {
  name: "DFT",
  description: "Distance from target: (allocation − target) / target, positive when funded above fair share. Unrounded: format the cell as a percentage.",
  args: [
    { name: "allocation", kind: "scalar", optional: false, help: "The allocation actually received (or planned)." },
    { name: "target", kind: "scalar", optional: false, help: "The fair-share target allocation, in the same units; more than 0." },
  ],
  result: { kind: "scalar", type: "number", describe: "The distance from target as a fraction (0.03 is 3% above target, −0.015 is 1.5% below), unrounded." },
  examples: [
    { formula: "=ICS.DFT(2060000,2000000)", result: "0.03" },
    { formula: "=ICS.DFT(1970000,2000000)", result: "-0.015" },
    { formula: "=ICS.DFT(100,0)", result: "#DIV/0!\tICS.DFT: target: is zero; a distance from target needs a target above 0" },
  ],
  errors: [...COMMON_ERRORS, { code: "#VALUE!", when: "target is negative" }, { code: "#DIV/0!", when: "target is zero" }],
  compute: ([allocationArg, targetArg]) => {
    const reader = new ArgReader("DFT");
    const allocation = reader.decimal("allocation", allocationArg);
    const target = reader.decimal("target", targetArg);
    if (target.isZero()) throw icsError(reader.site("target"), "is zero; a distance from target needs a target above 0", "#DIV/0!");
    if (target.isNegative()) throw icsError(reader.site("target"), `expected a target above 0, got ${target.toString()}`);
    return toNumber(distanceFromTarget(allocation, target));
  },
};
