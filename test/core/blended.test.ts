import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { blendedPayment } from "../../src/core/rules/blended";
import { call } from "../helpers/core";

describe("ICS.BLENDED worked examples (£000)", () => {
  test("2023/24 onward: activity above baseline is paid at 100% of unit prices", () => {
    // Fixed £10m funds a baseline worth £2.0m at unit prices; the trust delivered £2.3m.
    // 10,000 + 1 × (2,300 − 2,000) = 10,300.
    expect(call("BLENDED", 10000, 2000, 2300)).toBe(10300);
  });

  test("2022/23: 75% of unit prices, and half the quality element withheld", () => {
    // 10,000 + 0.75 × 300 − 150 × (1 − 0.5) = 10,000 + 225 − 75 = 10,150.
    expect(call("BLENDED", 10000, 2000, 2300, 0.75, 150, 0.5)).toBe(10150);
  });

  test("activity below baseline reduces the payment; quality fully achieved withholds nothing", () => {
    // 10,000 + 1 × (1,800 − 2,000) − 150 × (1 − 1) = 9,800.
    expect(call("BLENDED", 10000, 2000, 1800, 1, 150)).toBe(9800);
  });

  test("rounded once from the exact total, not element by element", () => {
    // 1,000 + 0.755 × 0.01 − 0.01 × (1 − 0.505) = 1,000 + 0.00755 − 0.00495 = 1,000.0026 → 1,000.00.
    // Rounding each element to the penny first: 1,000 + 0.01 − 0 = 1,000.01.
    expect(call("BLENDED", 1000, 0, 0.01, 0.755, 0.01, 0.505)).toBe(1000);
  });

  test("blank optional arguments take their defaults (rate 1, quality 0, achieved 1)", () => {
    expect(call("BLENDED", 10000, 2000, 2300, null, null, null, null)).toBe(10300);
  });

  test("round_to 1 for whole pounds", () => {
    // 5,000.4 + 0.75 × 1.0 = 5,001.15 → 5,001.
    expect(call("BLENDED", 5000.4, 10, 11, 0.75, 0, 1, 1)).toBe(5001);
  });
});

describe("ICS.BLENDED properties", () => {
  // Whole pounds for amounts, whole percent for rates: the exact answer in hundredths of a
  // percent-pound is an integer, so a BigInt reference can round it exactly to the penny.
  const pounds = fc.integer({ min: -1e9, max: 1e9 });
  const percent = fc.integer({ min: 0, max: 100 });

  test("equals the integer reference rounded half away from zero to the penny", () => {
    fc.assert(
      fc.property(pounds, pounds, pounds, percent, fc.integer({ min: 0, max: 1e9 }), percent, (f, b, a, r, q, k) => {
        // Exact payment × 10,000 (both rates are in percent): f·1e4 + r·100·(a − b) − q·100·(100 − k).
        const scaled = BigInt(f) * 10000n + BigInt(r) * 100n * BigInt(a - b) - BigInt(q) * 100n * BigInt(100 - k);
        // to pence: scaled / 100, half away from zero
        const abs = scaled < 0n ? -scaled : scaled;
        const pence = ((abs + 50n) / 100n) * (scaled < 0n ? -1n : 1n);
        const got = call("BLENDED", f, b, a, r / 100, q, k / 100) as number;
        expect(BigInt(Math.round(got * 100))).toBe(pence);
      }),
    );
  });

  test("on baseline the variable rate does not matter; with quality achieved the quality value does not", () => {
    fc.assert(
      fc.property(pounds, pounds, percent, percent, fc.integer({ min: 0, max: 1e6 }), (f, b, r1, r2, q) => {
        expect(call("BLENDED", f, b, b, r1 / 100, q, 0.5)).toBe(call("BLENDED", f, b, b, r2 / 100, q, 0.5));
        expect(call("BLENDED", f, b, b + 7, r1 / 100, q, 1)).toBe(call("BLENDED", f, b, b + 7, r1 / 100));
      }),
    );
  });

  test("the rule agrees with the catalogue entry", () => {
    const unit = new Decimal("0.01");
    const inputs = { fixed: new Decimal(10000), baselineValue: new Decimal(2000), actualValue: new Decimal(2300), variableRate: new Decimal(0.75), qualityValue: new Decimal(150), qualityAchieved: new Decimal(0.5) };
    expect(blendedPayment(inputs, unit).toNumber()).toBe(call("BLENDED", 10000, 2000, 2300, 0.75, 150, 0.5));
  });
});
