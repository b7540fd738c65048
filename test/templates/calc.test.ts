/** Calculating a workbook's content on the engine: names, spills, errors and checks. */
import { WorkbookContent, calculate, describeReview, review } from "../../src/templates/calc";

describe("calculate and review", () => {
  // A spilling DELEGATE fed by a named amount, a SUM over the spill by name, and two checks.
  const content = (amount: number | string): WorkbookContent => ({
    sheets: [
      {
        name: "Split",
        cells: [
          { row: 0, col: 0, value: 1 },
          { row: 1, col: 0, value: 1 },
          { row: 2, col: 0, value: 1 },
          { row: 0, col: 3, value: amount },
          { row: 0, col: 1, formula: "ICS.DELEGATE(Amount,A1:A3)", spill: "B1:B3" },
          { row: 3, col: 1, formula: "SUM(Parts)" },
        ],
      },
      {
        name: "Checks",
        cells: [
          { row: 0, col: 0, value: "Parts add up to the amount" },
          { row: 0, col: 1, formula: "IFERROR(SUM(Parts)=Amount,FALSE())" },
          { row: 1, col: 0, value: "Three parts" },
          { row: 1, col: 1, formula: "COUNT(Parts)=3" },
        ],
      },
    ],
    // A name exactly over an erroring spill is what stops HyperFormula's own named expressions.
    names: [
      { name: "Amount", sheet: "Split", range: "D1" },
      { name: "Parts", sheet: "Split", range: "B1:B3" },
    ],
  });

  test("clean: values, and each TRUE/FALSE formula on Checks labelled by its row", () => {
    const calc = calculate(content(100));
    expect([0, 1, 2].map((r) => calc.value("Split", r, 1))).toEqual([33.34, 33.33, 33.33]);
    const r = review(content(100), calc);
    expect(r).toEqual({
      formulas: 4,
      errors: [],
      checks: [
        { sheet: "Checks", address: "B1", label: "Parts add up to the amount", passed: true },
        { sheet: "Checks", address: "B2", label: "Three parts", passed: true },
      ],
    });
    expect(describeReview(r)).toEqual(["4 formulas recalculated; 0 error cells; 2 of 2 checks TRUE"]);
  });

  test("broken: the spill's error once for its block, the cells it reaches, and the failing checks", () => {
    const broken = content("one hundred");
    const r = review(broken, calculate(broken));
    const message = 'ICS.DELEGATE: amount: expected a number, got "one hundred"';
    expect(r.errors).toEqual([
      { sheet: "Split", address: "B1:B3", error: "#VALUE!", message },
      { sheet: "Split", address: "B4", error: "#VALUE!", message },
    ]);
    expect(describeReview(r)).toEqual([
      "4 formulas recalculated; 2 error cells; 0 of 2 checks TRUE",
      "FALSE\tChecks!B1\tParts add up to the amount",
      "FALSE\tChecks!B2\tThree parts",
      `#VALUE!\tSplit!B1:B3, Split!B4\t${message}`,
    ]);
  });
});
