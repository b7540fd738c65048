/** ICS.INDICATIVE in a real engine: a five-year plan spilling across a row. */
import { evaluateCell, evaluateRange } from "../helpers/engine";

describe("grid: ICS.INDICATIVE", () => {
  test("growth rates in a row spill one column per year", () => {
    // A1 the base (£000); B1:D1 growth typed as percentages; the plan spills into B2:D2.
    const sheet = { A1: 2112000, B1: "3.1%", C1: "2.8%", D1: "2.5%", B2: "=ICS.INDICATIVE(A1,B1:D1,1)" };
    expect(evaluateRange("B2:D2", sheet)).toEqual([[2177472, 2238441, 2294402]]);
  });

  test("growth rates in a column still spill across a row", () => {
    const sheet = { A1: 1234.56, A2: 0.0566, A3: 0.0566, A4: 0.0566, A5: 0.0566, A6: 0.0566, B1: "=ICS.INDICATIVE(A1,A2:A6)" };
    expect(evaluateRange("B1:F1", sheet)).toEqual([[1304.44, 1378.27, 1456.28, 1538.7, 1625.79]]);
  });

  test("the spill adds up with SUM like any other range", () => {
    // 1,050 + 1,102.50 + 1,157.63 = 3,310.13.
    expect(evaluateCell("A3", { A1: "=ICS.INDICATIVE(1000,{0.05,0.05,0.05})", A3: "=SUM(A1:C1)" })).toBeCloseTo(3310.13, 10);
  });

  test("a year with no growth rate is #VALUE! naming it", () => {
    const sheet = { A1: 1000, B1: 0.05, C1: null, D1: 0.05, B2: "=ICS.INDICATIVE(A1,B1:D1)" };
    expect(evaluateCell("B2", sheet)).toEqual({
      error: "#VALUE!",
      message: "ICS.INDICATIVE: growth_rates row 2: year 2 needs a growth rate; enter 0 for no growth",
    });
  });
});
