import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { distanceFromTarget } from "../../src/core/rules/dft";
import { call } from "../helpers/core";

describe("ICS.DFT worked examples", () => {
  test("an ICB funded £60m above a £2bn fair-share target is 3% over target", () => {
    // (2,060,000 − 2,000,000) / 2,000,000 = 0.03 (£000).
    expect(call("DFT", 2060000, 2000000)).toBe(0.03);
  });

  test("£30m below a £2bn target is 1.5% under target (negative)", () => {
    // (1,970,000 − 2,000,000) / 2,000,000 = −0.015.
    expect(call("DFT", 1970000, 2000000)).toBe(-0.015);
  });

  test("on target is exactly 0", () => {
    expect(call("DFT", 1234567.89, 1234567.89)).toBe(0);
  });

  test("exact in decimals: (0.3 − 0.1) / 0.1 is 2, where floating point gives 1.9999999999999998", () => {
    expect((0.3 - 0.1) / 0.1).not.toBe(2);
    expect(call("DFT", 0.3, 0.1)).toBe(2);
  });

  test("unrounded: a third above target is the nearest double to 1/3", () => {
    expect(call("DFT", 4, 3)).toBe(1 / 3);
  });
});

describe("ICS.DFT properties", () => {
  const money = fc.integer({ min: 0, max: 1e12 }).map((p) => p / 100);
  const target = fc.integer({ min: 1, max: 1e12 }).map((p) => p / 100);

  test("the sign says above (+), below (−) or on (0) fair share", () => {
    fc.assert(
      fc.property(money, target, (allocation, t) => {
        const dft = call("DFT", allocation, t) as number;
        expect(Math.sign(dft)).toBe(Math.sign(allocation - t) || 0);
      }),
    );
  });

  test("target × (1 + DFT) gives the allocation back, to the precision of a double", () => {
    fc.assert(
      fc.property(money, target, (allocation, t) => {
        const dft = call("DFT", allocation, t) as number;
        const exact = distanceFromTarget(new Decimal(allocation), new Decimal(t));
        // The double is the exact quotient correctly rounded.
        expect(dft).toBe(exact.toNumber());
        expect(Math.abs(t * (1 + dft) - allocation)).toBeLessThanOrEqual(Math.max(t, allocation) * 1e-14);
      }),
    );
  });
});
