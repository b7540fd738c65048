import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { compoundValues } from "../../src/core/rules/indicative";
import { call } from "../helpers/core";

describe("ICS.INDICATIVE worked examples", () => {
  test("a three-year plan at 3.1%, 2.8% and 2.5% growth on a £2,112m allocation (£000, to £000)", () => {
    // 2,112,000 × 1.031 = 2,177,472; × 1.028 = 2,238,441.216 → 2,238,441; × 1.025 = 2,294,402.2464 → 2,294,402.
    expect(call("INDICATIVE", 2112000, [[0.031], [0.028], [0.025]], 1)).toEqual([[2177472, 2238441, 2294402]]);
  });

  test("each year is rounded from the exact compound value, so rounding does not drift", () => {
    // Better Care Fund minimum contribution of £1,234.56k rising 5.66% a year (£000 to two places):
    // exact year 4 = 1,234.56 × 1.0566⁴ = 1,538.7023853… → 1,538.70;
    // rounding year on year would give 1,456.28 × 1.0566 = 1,538.705448 → 1,538.71 (drift).
    const plan = call("INDICATIVE", 1234.56, [[0.0566, 0.0566, 0.0566, 0.0566, 0.0566]]);
    expect(plan).toEqual([[1304.44, 1378.27, 1456.28, 1538.7, 1625.79]]);
  });

  test("three years at 5% from £1,000: the third year rounds 1,157.625 half away from zero", () => {
    expect(call("INDICATIVE", 1000, [[0.05, 0.05, 0.05]])).toEqual([[1050, 1102.5, 1157.63]]);
  });

  test("a column of rates gives the same row; a single rate gives one year", () => {
    expect(call("INDICATIVE", 1000, [[0.05], [0.05]])).toEqual([[1050, 1102.5]]);
    expect(call("INDICATIVE", 100, 0.05)).toEqual([[105]]);
  });

  test("a real-terms cut and a flat year", () => {
    // 500 × 0.98 = 490; × 1.00 = 490; × 1.02 = 499.8.
    expect(call("INDICATIVE", 500, [[-0.02, 0, 0.02]])).toEqual([[490, 490, 499.8]]);
  });

  test("a negative base (a recurring pressure) compounds and rounds half away from zero", () => {
    // −10.05 × 1.05 = −10.5525 → −10.55; × 1.05 = −11.080125 → −11.08.
    expect(call("INDICATIVE", -10.05, [[0.05, 0.05]])).toEqual([[-10.55, -11.08]]);
  });
});

/** base_p (pence) × Π (10,000 + g_bp) / 10,000^k, rounded half away from zero, in BigInt. */
function referencePence(basePence: bigint, ratesBp: bigint[]): bigint[] {
  let num = basePence;
  let den = 1n;
  return ratesBp.map((g) => {
    num *= 10000n + g;
    den *= 10000n;
    const abs = num < 0n ? -num : num;
    const rounded = (2n * abs + den) / (2n * den);
    return num < 0n ? -rounded : rounded;
  });
}

describe("ICS.INDICATIVE properties", () => {
  const basePence = fc.bigInt({ min: -(10n ** 11n), max: 10n ** 11n });
  const ratesBp = fc.array(fc.bigInt({ min: -500n, max: 1500n }), { minLength: 1, maxLength: 10 });

  test("never more than half a unit from the exact compound value (equal to it rounded half away from zero)", () => {
    fc.assert(
      fc.property(basePence, ratesBp, (b, gs) => {
        const got = call("INDICATIVE", Number(b) / 100, [gs.map((g) => Number(g) / 10000)]) as number[][];
        const expected = referencePence(b, gs);
        fc.pre(expected.every((p) => p < 10n ** 15n && p > -(10n ** 15n)));
        expect(got[0].map((v) => BigInt(Math.round(v * 100)))).toEqual(expected);
      }),
    );
  });

  test("the compound value stays exact however many digits the rates have", () => {
    // Rates with 15 significant digits over 30 years need ~500 digits: beyond the house 60.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -99999999, max: 99999999 }), { minLength: 30, maxLength: 30 }), (ints) => {
        const rates = ints.map((i) => new Decimal(i).dividedBy(1e9).plus("1e-15"));
        const values = compoundValues(new Decimal("123456789.012345"), rates);
        // Dividing back by each factor in turn recovers the base exactly only if nothing was rounded.
        let back = new Decimal(values[values.length - 1]);
        const Big = Decimal.clone({ precision: 2000 });
        let exact = new Big(back);
        for (let k = rates.length - 1; k >= 0; k--) exact = exact.dividedBy(new Big(1).plus(rates[k]));
        expect(exact.toString()).toBe("123456789.012345");
        back = values[0];
        expect(back.toString()).toBe(new Decimal("123456789.012345").times(new Decimal(1).plus(rates[0])).toString());
      }),
      { numRuns: 20 },
    );
  });
});
