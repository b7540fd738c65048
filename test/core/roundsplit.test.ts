import fc from "fast-check";
import { call, col, sumUnits } from "../helpers/core";

describe("ICS.ROUNDSPLIT", () => {
  test("the published table whose rows did not add up", () => {
    // Rows 10.333 + 10.333 + 10.334 = 31.000. Rounded alone: 10.33 + 10.33 + 10.33 = 30.99.
    // Largest remainder: floors 10.33 × 3 = 30.99, 1p to the largest remainder (.4 on row 3).
    expect(call("ROUNDSPLIT", col(10.333, 10.333, 10.334), 0.01)).toEqual([[10.33], [10.33], [10.34]]);
  });

  test("thirds to whole pounds with a stated total", () => {
    expect(call("ROUNDSPLIT", col(33.333, 33.333, 33.333), 1, 100)).toEqual([[34], [33], [33]]);
  });

  test("keeps the shape and leaves blanks blank", () => {
    expect(call("ROUNDSPLIT", [[1.005, null], [2.004, 3.001]], 0.01)).toEqual([[1.01, ""], [2, 3]]);
  });

  test("an all-negative table rounds like its mirror image", () => {
    expect(call("ROUNDSPLIT", col(-10.333, -10.333, -10.334))).toEqual([[-10.33], [-10.33], [-10.34]]);
  });

  test("a total far from the sum is rescaling, not rounding", () => {
    expect(call("ROUNDSPLIT", col(1, 2), 1, 10)).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("ICS.ROUNDSPLIT: total: differs from the sum of values by 7") });
  });

  test("parts always add up to the rounded sum, each within one unit of its value", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 40 }), (mills) => {
        const values = mills.map((m) => m / 1000);
        const out = (call("ROUNDSPLIT", values.map((v) => [v])) as number[][]).map((r) => r[0]);
        const exactSumMills = mills.reduce((a, b) => a + b, 0);
        // Σ rounded = the exact sum rounded half away from zero to pence.
        const expected = BigInt(Math.sign(exactSumMills) * Math.floor((Math.abs(exactSumMills) + 5) / 10));
        expect(sumUnits(out)).toBe(expected);
        out.forEach((p, i) => expect(Math.abs(p - values[i])).toBeLessThan(0.01 + 1e-9));
      }),
    );
  });
});
