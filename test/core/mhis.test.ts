import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { mhisMinimumExact } from "../../src/core/rules/mhis";
import { call } from "../helpers/core";

describe("ICS.MHIS worked examples", () => {
  test("an ICB with £100m prior mental health spend and 5.6% allocation growth must spend at least £105.6m", () => {
    // In £000: 100,000 × 2,112,000 / 2,000,000 = 100,000 × 1.056 = 105,600.
    expect(call("MHIS", 100000, 2000000, 2112000)).toBe(105600);
  });

  test("computed from unrounded growth, as the standard asks", () => {
    // 2,469,135 / 2,345,678 = 1.0526316911…; 123,456.78 × that = 129,954.519… → £129,955.
    // Rounding the growth first would give 5.26% → 129,951 or 5.3% → 130,000: both wrong.
    expect(call("MHIS", 123456.78, 2345678, 2469135, 1)).toBe(129955);
    expect(call("MHIS", 123456.78, 2345678, 2469135)).toBe(129954.52);
    expect(Math.round(123456.78 * 1.0526)).toBe(129951);
  });

  test("flat allocation keeps the prior spend; a cut lowers the minimum in proportion", () => {
    expect(call("MHIS", 87654.32, 1500000, 1500000)).toBe(87654.32);
    // 80,000 × 1,470,000 / 1,500,000 = 80,000 × 0.98 = 78,400.
    expect(call("MHIS", 80000, 1500000, 1470000)).toBe(78400);
  });

  test("in £000 rounded to £000 with round_to 1000 (plans in £m)", () => {
    // 432,100 × 1.0425 = 450,464.25 → 450,000.
    expect(call("MHIS", 432100, 4000000, 4170000, 1000)).toBe(450000);
  });
});

describe("ICS.MHIS properties", () => {
  // Amounts in pence and allocations in whole pounds, so the exact answer is a rational we can
  // round in BigInt: minimum in pence = round half up (spend_p × allocation / prior_allocation).
  const spendPence = fc.bigInt({ min: 0n, max: 10n ** 13n });
  const allocation = fc.bigInt({ min: 1n, max: 10n ** 12n });
  const growth = fc.bigInt({ min: -(10n ** 4n), max: 10n ** 5n }); // −10% .. +100%, in steps of 0.001%

  test("equals the exact rational rounded half away from zero to the penny", () => {
    fc.assert(
      fc.property(spendPence, allocation, growth, (s, p, g) => {
        const a = (p * (10n ** 5n + g)) / 10n ** 5n; // a realistic next-year allocation (integer pounds)
        const num = s * a;
        const expected = (2n * num + p) / (2n * p); // floor(num/p + 1/2) for num ≥ 0
        fc.pre(expected < 10n ** 13n); // a result with 15 significant digits, all a double holds exactly
        const got = call("MHIS", Number(s) / 100, Number(p), Number(a)) as number;
        expect(BigInt(Math.round(got * 100))).toBe(expected);
        expect(new Decimal(got).times(100).isInteger()).toBe(true);
      }),
    );
  });

  test("never below prior spend when the allocation grows, and proportional to it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), (s, p, extra) => {
        const grown = call("MHIS", s, p, p + extra) as number;
        expect(grown).toBeGreaterThanOrEqual(s);
        const exact = mhisMinimumExact({ priorSpend: new Decimal(s), priorAllocation: new Decimal(p), allocation: new Decimal(p + extra) });
        expect(exact.times(p).minus(new Decimal(s).times(p + extra)).abs().lte(new Decimal("1e-40"))).toBe(true);
      }),
    );
  });
});

describe("ICS.MHIS: the growth-rate form", () => {
  test("a standard set as a growth rate: pass 1 and 1 + rate", () => {
    // Where a year's standard keeps mental health spend in line with a rate (DOMAIN.md "Mental
    // Health Investment Standard": the 2026/27 basis is reported as inflation rather than
    // allocation growth): 98,640 × 1.0436 = 102,940.704 → 102,940.70.
    expect(call("MHIS", 98640, 1, 1.0436)).toBe(102940.7);
    // The same as the allocation form with allocations in that ratio.
    expect(call("MHIS", 98640, 1, 1.0436)).toBe(call("MHIS", 98640, 2500000, 2609000));
    // Whole £000: 102,941.
    expect(call("MHIS", 98640, 1, 1.0436, 1)).toBe(102941);
  });
});
