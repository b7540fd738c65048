/** ICS.DFT in a real engine: distance from target down a column of systems. */
import { evaluateRange } from "../helpers/engine";

describe("grid: ICS.DFT", () => {
  test("one formula per row, filled down, as a finance user lays it out", () => {
    // B: allocation, C: target (£000); D = (B − C) / C.
    const sheet = {
      B1: 2060000, C1: 2000000, D1: "=ICS.DFT(B1,C1)",
      B2: 1970000, C2: 2000000, D2: "=ICS.DFT(B2,C2)",
      B3: 1500000, C3: 1500000, D3: "=ICS.DFT(B3,C3)",
      B4: 100, C4: 0, D4: "=ICS.DFT(B4,C4)",
    };
    const values = evaluateRange("D1:D4", sheet);
    expect(values.slice(0, 3)).toEqual([[0.03], [-0.015], [0]]);
    expect(values[3][0]).toMatchObject({ error: "#DIV/0!" });
  });

  test("a range where one value is needed says so", () => {
    expect(evaluateRange("D1", { B1: 1, B2: 2, C1: 1, D1: "=ICS.DFT(B1:B2,C1)" })).toEqual([
      [{ error: "#VALUE!", message: "ICS.DFT: allocation: expected a single value, got a 2×1 range" }],
    ]);
  });
});
