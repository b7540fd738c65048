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

  test("one formula down a table of systems spills a distance per row", () => {
    // B: allocation, C: target (£000) for four systems; D1 spills (B − C) / C row by row.
    const sheet = {
      B1: 2060000, C1: 2000000,
      B2: 1970000, C2: 2000000,
      B3: 1500000, C3: 1500000,
      B4: 3090000, C4: 3000000,
      D1: "=ICS.DFT(B1:B4,C1:C4)",
    };
    expect(evaluateRange("D1:D4", sheet)).toEqual([[0.03], [-0.015], [0], [0.03]]);
  });

  test("the column is the row-by-row formula: a zero target is #DIV/0! in its row only, a blank row stays blank", () => {
    const sheet = {
      B1: 2060000, C1: 2000000,
      B2: 100, C2: 0,
      B4: 1970000, C4: 2000000,
      D1: "=ICS.DFT(B1:B4,C1:C4)",
      E1: "=ICS.DFT(B1,C1)", E2: "=ICS.DFT(B2,C2)", E4: "=ICS.DFT(B4,C4)",
    };
    const values = evaluateRange("D1:E4", sheet);
    expect(values[0]).toEqual([0.03, 0.03]);
    expect(values[1][0]).toMatchObject({ error: "#DIV/0!", message: "ICS.DFT: target row 2: is zero; a distance from target needs a target above 0" });
    expect(values[1][1]).toMatchObject({ error: "#DIV/0!" });
    expect(values[2][0]).toBe("");
    expect(values[3]).toEqual([-0.015, -0.015]);
  });

  test("a column of allocations against one target in a cell", () => {
    expect(evaluateRange("D1:D3", { B1: 2060000, B2: 1970000, B3: 2000000, C1: 2000000, D1: "=ICS.DFT(B1:B3,C1)" })).toEqual([[0.03], [-0.015], [0]]);
  });

  test("columns of different lengths say so, naming both", () => {
    expect(evaluateRange("D1", { B1: 1, B2: 2, C1: 1, C2: 1, C3: 1, D1: "=ICS.DFT(B1:B2,C1:C3)" })[0][0]).toEqual({
      error: "#VALUE!",
      message: "ICS.DFT: target: has 3 rows but allocation has 2; they must match row for row",
    });
  });
});
