/** The foundation functions as formulas in a real engine, the way a workbook uses them. */
import { createEngine } from "../../src/engine";
import { evaluateCell, evaluateRange } from "../helpers/engine";

describe("grid: ICS.* formulas in HyperFormula", () => {
  test("a pot over a range of budget lines", () => {
    expect(
      evaluateCell("D1", {
        A1: 1000, B1: "core", C1: 1,
        A2: 250.5, B2: "pod", C2: 1,
        A3: 80, B3: "specialised", C3: 0.85,
        D1: "=ICS.POT(A1:A3,B1:B3,C1:C3)",
      }),
    ).toBe(1318.5);
  });

  test("the pot by stream spills (k+1)×2", () => {
    const grid = {
      A1: 1000, B1: "core",
      A2: 250.5, B2: "pod",
      A3: 80, B3: "core",
      D1: "=ICS.POTSTREAMS(A1:A3,B1:B3)",
    };
    expect(evaluateRange("D1:E3", grid)).toEqual([
      ["Core services", 1080],
      ["Pharmacy, optometry and dental", 250.5],
      ["Total", 1330.5],
    ]);
  });

  test("one spilling DELEGATE per table, rows aligned with the places", () => {
    const grid = {
      A1: 100000, B1: 1.1,
      A2: 150000, B2: 0.9,
      D1: 49000,
      C1: "=ICS.DELEGATE(D1,A1:B2)",
    };
    expect(evaluateRange("C1:C2", grid)).toEqual([[22000], [27000]]);
  });

  test("the spill recalculates and still adds up: SUM over it equals the amount", () => {
    expect(evaluateCell("E1", { A1: 1, A2: 1, A3: 1, D1: 100, B1: "=ICS.DELEGATE(D1,A1:A3)", E1: "=SUM(B1:B3)=D1" })).toBe(true);
  });

  test("array constants and named expressions work as arguments", () => {
    expect(evaluateRange("A1:A3", { A1: "=ICS.DELEGATE(100,{1;1;1})" })).toEqual([[33.34], [33.33], [33.33]]);
    expect(evaluateCell("A1", { A1: "=ICS.ROUNDSPLIT({1.005,2.004},0.01)" })).toBe(1.01);
  });

  test("an argument computed by an array expression (population × need index)", () => {
    const grid = { A1: 100000, A2: 150000, B1: 1.1, B2: 0.9, C1: "=ICS.DELEGATE(49000,A1:A2*B1:B2)" };
    expect(evaluateRange("C1:C2", grid)).toEqual([[22000], [27000]]);
  });

  test("skipped optional arguments are left out", () => {
    expect(evaluateRange("B1:B2", { A1: 1, A2: 3, B1: "=ICS.DELEGATE(1000,A1:A2,,,1000)" })).toEqual([[0], [1000]]);
  });

  test("a reference to a blank cell is a blank cell, not a left-out argument (as in Excel)", () => {
    expect(evaluateCell("A1", { A1: "=ICS.NEUTRAL(B1)" })).toBe(true);
    expect(evaluateCell("A1", { A1: "=ICS.MHIS(100,B1,110)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.MHIS: prior_allocation: expected a number, got a blank cell",
    });
    // A blank optional argument takes its default: round_to blank means 0.01.
    expect(evaluateRange("A1:A3", { A1: "=ICS.DELEGATE(100,{1;1;1},,,B9)" })).toEqual([[33.34], [33.33], [33.33]]);
  });

  test("a bad cell gives #VALUE! with the catalogue's message", () => {
    expect(evaluateCell("B1", { A1: "1,000", A2: 5, B1: "=ICS.DELEGATE(100,A1:A2)" })).toEqual({
      error: "#VALUE!",
      message: 'ICS.DELEGATE: weights row 1: expected a number, got "1,000"',
    });
  });

  test("an error in an input propagates as in Excel", () => {
    expect(evaluateCell("B1", { A1: "=1/0", A2: 5, B1: "=ICS.POT(A1:A2)" })).toMatchObject({ error: "#DIV/0!" });
  });

  test("ids are case-insensitive, as Excel's", () => {
    expect(evaluateCell("A1", { A1: "=ics.pot({1;2})" })).toBe(3);
  });

  test("VERSION is text", () => {
    expect(evaluateCell("A1", { A1: "=ICS.VERSION()" })).toMatch(/^ics-finance /);
  });
});

describe("grid: defined names as arguments", () => {
  test("a spill sized by a defined name reserves the name's rows", () => {
    const hf = createEngine({ Places: [["A", 1], ["B", 1], ["C", 1]], Calc: [[100]] });
    hf.addNamedExpression("Weights", "=Places!$B$1:$B$3");
    hf.addNamedExpression("Amount", "=Calc!$A$1");
    hf.setCellContents({ sheet: 1, row: 0, col: 1 }, [["=ICS.DELEGATE(Amount,Weights)"]]);
    expect(hf.getRangeValues({ start: { sheet: 1, row: 0, col: 1 }, end: { sheet: 1, row: 2, col: 1 } })).toEqual([[33.34], [33.33], [33.33]]);
    // …and keeps working when the inputs change.
    hf.setCellContents({ sheet: 1, row: 0, col: 0 }, [[10]]);
    expect(hf.getRangeValues({ start: { sheet: 1, row: 0, col: 1 }, end: { sheet: 1, row: 2, col: 1 } })).toEqual([[3.34], [3.33], [3.33]]);
    hf.destroy();
  });
});

test("a defined name over a spill that turns into an error keeps the engine working", () => {
  const hf = createEngine({ Calc: [[100, "=ICS.DELEGATE(A1,{1;1;1})"]] });
  hf.addNamedExpression("Parts", "=Calc!$B$1:$B$3");
  hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=SUM(Parts)"]]);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe(100);
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [["x"]]);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toMatchObject({ type: "VALUE", message: 'ICS.DELEGATE: amount: expected a number, got "x"' });
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[10]]);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe(10);
  hf.destroy();
});

test("a spill whose argument is an error keeps its block, so a function over the block gets the error (the engine goes on)", () => {
  const hf = createEngine({ Calc: [["x", 10, "=ICS.DELEGATE(A1*2,{1;1;1})", "=ICS.CONVERGE(C1:C3,{1;1;1},5)", "=SUM(C1:C3)"], [null, 20], [null, 30]] });
  expect(hf.getCellValue({ sheet: 0, row: 1, col: 2 })).toMatchObject({ type: "VALUE" });
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toMatchObject({ type: "VALUE" });
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 4 })).toMatchObject({ type: "VALUE" });
  hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[30]]);
  expect(hf.getCellValue({ sheet: 0, row: 0, col: 4 })).toBe(60);
  hf.destroy();
});
