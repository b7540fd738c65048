/** ICS.MHIS in a real engine: the standard computed from a plan's allocation lines. */
import { evaluateCell } from "../helpers/engine";

describe("grid: ICS.MHIS", () => {
  // £000: B1 last year's in-scope MH spend, B2 last year's allocation, B3 this year's.
  const plan = { B1: 100000, B2: 2000000, B3: 2112000 };

  test("the minimum for an ICB with £100m prior spend and 5.6% growth", () => {
    expect(evaluateCell("C1", { ...plan, C1: "=ICS.MHIS(B1,B2,B3)" })).toBe(105600);
  });

  test("compliance check against planned spend", () => {
    expect(evaluateCell("C2", { ...plan, C1: 105700, C2: "=C1>=ICS.MHIS(B1,B2,B3)" })).toBe(true);
    expect(evaluateCell("C2", { ...plan, C1: 105599.99, C2: "=C1>=ICS.MHIS(B1,B2,B3)" })).toBe(false);
  });

  test("round_to from a cell (whole £000)", () => {
    // 123,456.78 × 2,469,135 / 2,345,678 = 129,954.519… → 129,955.
    expect(evaluateCell("C1", { B1: 123456.78, B2: 2345678, B3: 2469135, B4: 1, C1: "=ICS.MHIS(B1,B2,B3,B4)" })).toBe(129955);
  });

  test("a zero prior allocation is #DIV/0!; text is #VALUE! naming the argument", () => {
    expect(evaluateCell("C1", { ...plan, B2: 0, C1: "=ICS.MHIS(B1,B2,B3)" })).toMatchObject({ error: "#DIV/0!" });
    expect(evaluateCell("C1", { ...plan, B3: "2.1bn", C1: "=ICS.MHIS(B1,B2,B3)" })).toEqual({
      error: "#VALUE!",
      message: 'ICS.MHIS: allocation: expected a number, got "2.1bn"',
    });
  });
});
