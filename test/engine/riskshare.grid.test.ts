/** ICS.RISKSHARE as formulas in a real engine, the way a risk-share schedule in a workbook uses it. */
import { formatOutput } from "../../src/cli/format";
import { findFunction } from "../../src/core";
import { createEngine, evaluateFormula, valueToCell } from "../../src/engine";
import { evaluateCell, evaluateRange } from "../helpers/engine";

describe("grid: ICS.RISKSHARE in HyperFormula", () => {
  test("a formula with array constants spills one part per contribution", () => {
    expect(evaluateFormula("=ICS.RISKSHARE(300,{100;200})")).toEqual([[100], [200]]);
  });

  test.each(findFunction("RISKSHARE")!.examples.map((e) => [e.formula, e.result]))("catalogue example %s prints as documented", (formula, result) => {
    expect(formatOutput(evaluateFormula(formula))).toBe(result);
  });

  test("a section 75 schedule on a sheet: per-partner variances, contributions, contingency; the spill adds up to what is shared", () => {
    // Columns: A partner, B contribution, C own variance. F1 the contingency.
    // Net 412,345.67 − 62,345.67 + 0 = 350,000; less contingency 123,456.78 = 226,543.22 shared.
    const sheet = [
      ["ICB", 7200000, 412345.67, "=ICS.RISKSHARE(C1:C3,B1:B3,,,F1)", null, 123456.78],
      ["Council", 4800000, -62345.67],
      ["Hospice", 0, null],
      [null, null, null, "=SUM(D1:D3)"],
    ];
    const hf = createEngine({ Sheet1: sheet });
    try {
      const values = hf.getSheetValues(0).map((row) => row.map(valueToCell));
      expect(values.slice(0, 3).map((row) => row[3])).toEqual([135925.93, 90617.29, 0]);
      // SUM adds the doubles as Excel does (float noise in the 11th decimal); the parts themselves are exact.
      expect(values[3][3]).toBeCloseTo(226543.22, 6);
    } finally {
      hf.destroy();
    }
  });

  test("a band table on the sheet, with a genuinely blank last limit for the rest", () => {
    // Bands in A5:C7; the host (row 1) takes the first 1m, the next 2m 50:50, the rest pro rata.
    const grid = {
      A1: 6000000, A2: 4000000,
      B1: 5000000,
      D1: '=ICS.RISKSHARE(B1,A1:A2,"bands",A5:C7)',
      A5: 1000000, B5: 1, C5: 0,
      A6: 3000000, B6: "50%", C6: "50%",
    };
    // "50%" typed into a cell is the number 0.5 in the engine, as in Excel.
    expect(evaluateRange("D1:D2", grid)).toEqual([[3200000], [1800000]]);
  });

  test("editing the variance recalculates the spill", () => {
    const hf = createEngine({ Sheet1: [[300, 100, "=ICS.RISKSHARE(A1,B1:B2)"], [null, 200]] });
    try {
      expect(valueToCell(hf.getCellValue({ sheet: 0, row: 1, col: 2 }))).toBe(200);
      hf.setCellContents({ sheet: 0, row: 0, col: 0 }, -30);
      expect(valueToCell(hf.getCellValue({ sheet: 0, row: 0, col: 2 }))).toBe(-10);
      expect(valueToCell(hf.getCellValue({ sheet: 0, row: 1, col: 2 }))).toBe(-20);
    } finally {
      hf.destroy();
    }
  });

  test("an error in a referenced cell travels on", () => {
    const out = evaluateCell("C1", { A1: 100, A2: "=1/0", B1: 300, C1: "=ICS.RISKSHARE(B1,A1:A2)" });
    expect(out).toMatchObject({ error: "#DIV/0!" });
  });

  test("text in a contributions cell is #VALUE! naming the argument and row", () => {
    const out = evaluateCell("C1", { A1: 100, A2: "1,000", B1: 300, C1: "=ICS.RISKSHARE(B1,A1:A2)" });
    expect(out).toEqual({ error: "#VALUE!", message: 'ICS.RISKSHARE: contributions row 2: expected a number, got "1,000"' });
  });

  test("formula-level errors carry the catalogue's messages", () => {
    expect(evaluateFormula('=ICS.RISKSHARE(300,{100;200},"pro rata")')).toEqual({
      error: "#VALUE!",
      message: 'ICS.RISKSHARE: method: unknown method "pro rata"; valid methods are "proportional", "equal", "own", "waterfall", "lead", "bands"',
    });
    expect(evaluateFormula("=ICS.RISKSHARE({1;2;3},{100;200})")).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: variance: has 3 rows but contributions has 2; they must match row for row",
    });
    expect(evaluateFormula('=ICS.RISKSHARE(300,{100;200},"bands",{1000,0.6,0.6})')).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: bands row 1: the shares add up to 1.2; they must add up to 1 (as fractions, 100%) or 100 (as percentages)",
    });
    expect(evaluateFormula("=ICS.RISKSHARE(2000000000000000,{1;1})")).toEqual({
      error: "#NUM!",
      message: "ICS.RISKSHARE: variance: 2000000000000000 is beyond ±1e15, Excel's 15 significant digits",
    });
  });
});
