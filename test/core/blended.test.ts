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

describe("ICS.BLENDED: each year's terms (rate_below, activity_ceiling)", () => {
  test("2022/23 as it ran: 75% of unit prices above baseline, and no clawback below it", () => {
    // HFMA, "National prices return for elective activity" (5 January 2023) on 2022/23: agreed
    // elective activity was in the fixed payment, "with a variable payment at 75% of unit prices
    // for activity above this level. A proposed clawback for under-performance was not implemented".
    // £000: fixed 104,000 funds a baseline of 104,000; the trust delivered 98,000 → still 104,000.
    expect(call("BLENDED", 104000, 104000, 98000, 0.75, undefined, undefined, undefined, 0)).toBe(104000);
    // With rate_below left out it follows variable_rate, the clawback as proposed: 104,000 − 0.75 × 6,000.
    expect(call("BLENDED", 104000, 104000, 98000, 0.75)).toBe(99500);
    // Above baseline, 75%: 104,000 + 0.75 × 5,500 = 108,125.
    expect(call("BLENDED", 104000, 104000, 109500, 0.75, undefined, undefined, undefined, 0)).toBe(108125);
  });

  test("2023/24 onward: 100% of unit prices either way", () => {
    // HFMA, "Payment mechanism to support elective recovery remains complex" (16 June 2023): in
    // 2023/24 "providers are being paid at full national unit prices", above target "also at 100%".
    expect(call("BLENDED", 104000, 104000, 109500)).toBe(109500);
    expect(call("BLENDED", 104000, 104000, 98000)).toBe(98000);
  });

  test("2026/27: activity above the indicative activity plan earns nothing", () => {
    // DOMAIN.md "Blended payment": from 2026/27 elective payment centres on indicative activity
    // plans, and activity above the plan is not paid without agreement. Plan 107,000.
    expect(call("BLENDED", 104000, 104000, 109500, 1, undefined, undefined, undefined, undefined, 107000)).toBe(107000);
    // Up to the plan it is paid in full; below baseline the ceiling plays no part.
    expect(call("BLENDED", 104000, 104000, 106000, 1, undefined, undefined, undefined, undefined, 107000)).toBe(106000);
    expect(call("BLENDED", 104000, 104000, 98000, 1, undefined, undefined, undefined, undefined, 107000)).toBe(98000);
    // A ceiling equal to the baseline pays nothing above it.
    expect(call("BLENDED", 104000, 104000, 109500, 1, undefined, undefined, undefined, undefined, 104000)).toBe(104000);
  });

  test("the quality element is withheld the same way under each year's terms", () => {
    // 104,000 + 0 − 1,250 × (1 − 0.6) = 103,500.
    expect(call("BLENDED", 104000, 104000, 98000, 0.75, 1250, 0.6, undefined, 0)).toBe(103500);
  });

  test("bad input: rate_below outside 0..1, activity_ceiling below the baseline or not a number", () => {
    expect(call("BLENDED", 1, 1, 1, 1, 0, 1, 0.01, 1.5)).toEqual({ error: "#VALUE!", message: "ICS.BLENDED: rate_below: expected a fraction between 0 and 1 (0% to 100%), got 1.5" });
    expect(call("BLENDED", 1, 1, 1, 1, 0, 1, 0.01, -0.1)).toEqual({ error: "#VALUE!", message: "ICS.BLENDED: rate_below: expected a fraction between 0 and 1 (0% to 100%), got -0.1" });
    expect(call("BLENDED", 104000, 104000, 109500, 1, 0, 1, 0.01, undefined, 100000)).toEqual({
      error: "#VALUE!",
      message: "ICS.BLENDED: activity_ceiling: 100000 is below baseline_value 104000; the ceiling is the highest activity paid for, at least the baseline the fixed element funds",
    });
    expect(call("BLENDED", 1, 1, 1, 1, 0, 1, 0.01, 0, "plan")).toEqual({ error: "#VALUE!", message: 'ICS.BLENDED: activity_ceiling: expected a number, got "plan"' });
    expect(call("BLENDED", 1, 1, 1, 1, 0, 1, 0.01, 0, Number.NaN)).toEqual({ error: "#NUM!", message: "ICS.BLENDED: activity_ceiling: expected a finite number, got NaN" });
    expect(call("BLENDED", 1, 1, 1, 1, 0, 1, 0.01, 0, 1, 1)).toEqual({ error: "#VALUE!", message: "ICS.BLENDED: takes at most 9 arguments, got 10" });
  });
});

describe("ICS.BLENDED properties of rate_below and activity_ceiling", () => {
  const pounds = fc.integer({ min: 0, max: 1e9 });
  const percent = fc.integer({ min: 0, max: 100 });

  test("with no clawback, delivering less than the baseline never pays less than delivering it", () => {
    fc.assert(
      fc.property(pounds, pounds, pounds, percent, (f, b, a, r) => {
        fc.pre(a <= b);
        expect(call("BLENDED", f, b, a, r / 100, undefined, undefined, undefined, 0)).toBe(call("BLENDED", f, b, b, r / 100));
      }),
    );
  });

  test("the ceiling: the payment never exceeds what the ceiling's activity earns, and is the uncapped payment up to it", () => {
    fc.assert(
      fc.property(pounds, pounds, pounds, pounds, percent, (f, b, a, extra, r) => {
        const ceiling = b + extra;
        const capped = call("BLENDED", f, b, a, r / 100, undefined, undefined, undefined, undefined, ceiling) as number;
        const atCeiling = call("BLENDED", f, b, ceiling, r / 100) as number;
        expect(capped).toBeLessThanOrEqual(atCeiling);
        if (a <= ceiling) expect(capped).toBe(call("BLENDED", f, b, a, r / 100));
        else expect(capped).toBe(atCeiling);
      }),
    );
  });

  test("rate_below equal to variable_rate is the same as leaving it out", () => {
    fc.assert(
      fc.property(pounds, pounds, pounds, percent, (f, b, a, r) => {
        expect(call("BLENDED", f, b, a, r / 100, undefined, undefined, undefined, r / 100)).toBe(call("BLENDED", f, b, a, r / 100));
      }),
    );
  });
});
