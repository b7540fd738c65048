/** ICS.BLENDED in a real engine: an aligned payment and incentive contract laid out on a sheet. */
import { evaluateCell } from "../helpers/engine";

describe("grid: ICS.BLENDED", () => {
  // £000: fixed element, baseline and actual elective activity at unit prices, variable rate,
  // CQUIN-style quality element and the share of it achieved (typed as a percentage).
  const contract = { B1: 10000, B2: 2000, B3: 2300, B4: 0.75, B5: 150, B6: "50%" };

  test("2022/23 terms: 10,000 + 0.75 × 300 − 150 × 50% = 10,150", () => {
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B3,B4,B5,B6)" })).toBe(10150);
  });

  test("optional arguments left out or skipped take their defaults", () => {
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B3)" })).toBe(10300);
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B3,,B5,B6)" })).toBe(10225);
  });

  test("a variable rate typed as 75 rather than 75% is caught", () => {
    expect(evaluateCell("C1", { ...contract, B4: 75, C1: "=ICS.BLENDED(B1,B2,B3,B4)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.BLENDED: variable_rate: expected a fraction between 0 and 1 (0% to 100%), got 75",
    });
  });
});
