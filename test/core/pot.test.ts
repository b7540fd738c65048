import fc from "fast-check";
import { call, col, sumUnits } from "../helpers/core";

describe("ICS.POT", () => {
  test("the pot is each line times its pooled share", () => {
    // Core £1,000 + POD £250.50 + 85% of specialised £80 (= £68) = £1,318.50.
    expect(call("POT", col(1000, 250.5, 80), col("core", "pod", "specialised"), col(1, 1, 0.85))).toBe(1318.5);
  });

  test("no streams or shares: a plain exact sum (no float drift)", () => {
    // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in floating point; exactly 0.6 in decimal.
    expect(call("POT", col(0.1, 0.2, 0.3))).toBe(0.6);
  });

  test("blank amounts are ignored and blank shares mean 100%", () => {
    expect(call("POT", col(100, null, 50), col("core", null, "other"), col(null, null, 0.5))).toBe(125);
  });

  test("display names are accepted in any case", () => {
    expect(call("POT", col(10, 20), col("PRIMARY MEDICAL CARE", "Running costs"))).toBe(30);
  });

  test("rounded to £000 when asked", () => {
    // 12,345.6 + 0.5 × 1,001 = 12,846.1 → 13,000 at £000.
    expect(call("POT", col(12345.6, 1001), undefined, col(1, 0.5), 1000)).toBe(13000);
  });

  test("a 2-D block of lines", () => {
    expect(call("POT", [[1, 2], [3, 4]], [["core", "pod"], ["core", "other"]])).toBe(10);
  });
});

describe("ICS.POTSTREAMS", () => {
  test("one row per stream present, in catalogue order, then the total", () => {
    const out = call("POTSTREAMS", col(80, 1000, 250.5, 20), col("specialised", "core", "pod", "core"), col(0.85, 1, 1, 1));
    expect(out).toEqual([
      ["Core services", 1020],
      ["Pharmacy, optometry and dental", 250.5],
      ["Specialised services", 68],
      ["Total", 1338.5],
    ]);
  });

  test("stream rows are rounded so they add up to the rounded total", () => {
    // Three streams of £0.005 each. Rounded alone each would be 0.01 (Σ 0.03), but the pot is
    // 0.015 → 0.02; largest remainder (ties to the earlier row) gives 0.01, 0.01, 0.00.
    const out = call("POTSTREAMS", col(0.005, 0.005, 0.005), col("core", "pod", "other")) as [string, number][];
    expect(out.map((r) => r[1])).toEqual([0.01, 0.01, 0, 0.02]);
  });

  test("the rows always add up to the total, which equals ICS.POT", () => {
    const stream = fc.constantFrom("core", "primary_medical", "pod", "specialised", "other_direct", "running_costs", "system_support", "transformation", "elective_recovery", "other");
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: -1e9, max: 1e9 }), stream, share: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 30 }),
        (lines) => {
          const amounts = lines.map((l) => [l.amount / 1000]);
          const streams = lines.map((l) => [l.stream]);
          const shares = lines.map((l) => [l.share / 100]);
          const out = call("POTSTREAMS", amounts, streams, shares) as [string, number][];
          const total = out[out.length - 1];
          expect(total[0]).toBe("Total");
          expect(sumUnits(out.slice(0, -1).map((r) => r[1]))).toBe(sumUnits([total[1]]));
          expect(call("POT", amounts, streams, shares)).toBe(total[1]);
        },
      ),
    );
  });
});
