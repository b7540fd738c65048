/**
 * The engine adapter: the same ops a wizard sends to Excel, applied to HyperFormula, with live
 * formulas, names and the metadata the playground's grid shows.
 */
import { EngineWorkbook } from "../../src/workbook/engine";
import { WorkbookOp } from "../../src/workbook/port";

function workbookWith(ops: WorkbookOp[]): EngineWorkbook {
  const wb = new EngineWorkbook();
  wb.applyNow(ops);
  return wb;
}

const BUDGET: WorkbookOp[] = [
  { op: "addSheet", sheet: "Budget lines" },
  { op: "cells", sheet: "Budget lines", at: "A1", cells: [["Line", "Amount"], ["Core", 1000], ["POD", 250.5], ["Specialised", 80]] },
  { op: "name", name: "Amounts", sheet: "Budget lines", range: "B2:B4", comment: "the lines" },
  // Pot = 1000 + 250.5 + 80 = 1330.5
  { op: "cells", sheet: "Budget lines", at: "D1", cells: [["=ICS.POT(Amounts)", "=SUM('Budget lines'!B2:B4)=D1"]] },
  { op: "numberFormat", sheet: "Budget lines", range: "B2:B4", format: "£#,##0.00" },
  { op: "style", sheet: "Budget lines", range: "A1:B1", style: { bold: true } },
  { op: "style", sheet: "Budget lines", range: "A1", style: { fill: "#DDEBF7" } },
  { op: "columnWidth", sheet: "Budget lines", column: "A", width: 30 },
  { op: "locked", sheet: "Budget lines", range: "B2:B4", locked: false },
  { op: "activate", sheet: "Budget lines" },
];

describe("EngineWorkbook", () => {
  test("writes values and live formulas, and reads them back", async () => {
    const wb = workbookWith(BUDGET);
    expect(await wb.sheetNames()).toEqual(["Sheet1", "Budget lines"]);
    expect(await wb.readRange("Budget lines", "D1:E1")).toEqual([[1330.5, true]]);
    expect(await wb.readFormulas("Budget lines", "A2:B2")).toEqual([["Core", 1000]]);
    expect(await wb.readFormulas("Budget lines", "D1")).toEqual([["=ICS.POT(Amounts)"]]);
    expect(wb.activeSheet).toBe("Budget lines");
  });

  test("a name reads as the cells it refers to", async () => {
    const wb = workbookWith(BUDGET);
    expect(await wb.readName("Amounts")).toEqual([[1000], [250.5], [80]]);
    expect(wb.definedNames()).toEqual([{ name: "Amounts", refersTo: "='Budget lines'!$B$2:$B$4", comment: "the lines" }]);
    await expect(wb.readName("Nope")).rejects.toThrow("There is no name Nope");
  });

  test("editing an input recalculates the formulas that depend on it", async () => {
    const wb = workbookWith(BUDGET);
    let changes = 0;
    wb.subscribe(() => changes++);
    // 1000 + 250.5 + 100 = 1350.5
    expect(wb.enter("Budget lines", "B4", "100")).toBeUndefined();
    expect(await wb.readRange("Budget lines", "D1")).toEqual([[1350.5]]);
    expect(changes).toBe(1);
  });

  test("errors read back with their code and the core's message", async () => {
    const wb = workbookWith(BUDGET);
    wb.enter("Budget lines", "B3", "n/a");
    const [[pot]] = await wb.readRange("Budget lines", "D1");
    expect(pot).toEqual({ error: "#VALUE!", message: 'ICS.POT: amounts row 2: expected a number, got "n/a"' });
  });

  test("formats, styles, widths and locks are kept for the grid", () => {
    const wb = workbookWith(BUDGET);
    const a1 = wb.cell("Budget lines", 0, 0);
    expect(a1.style).toEqual({ bold: true, fill: "#DDEBF7" });
    expect(a1.locked).toBe(true);
    const b3 = wb.cell("Budget lines", 2, 1);
    expect(b3).toMatchObject({ address: "B3", value: 250.5, content: 250.5, format: "£#,##0.00", locked: false });
    expect(wb.columnWidth("Budget lines", 0)).toBe(30);
    expect(wb.extent("Budget lines")).toEqual({ rows: 4, cols: 5 });
  });

  test("spilled cells are told apart from the formula's own cell", () => {
    const wb = workbookWith([{ op: "cells", sheet: "Sheet1", at: "A1", cells: [["=ICS.DELEGATE(100,{1;1;1})"]] }]);
    // 100 / 3 = 33.33 each with one penny left over, which goes to the first row (ties to the earlier row).
    expect(wb.readValues("Sheet1", "A1:A3")).toEqual([[33.34], [33.33], [33.33]]);
    expect(wb.cell("Sheet1", 0, 0).spilled).toBe(false);
    expect(wb.cell("Sheet1", 1, 0).spilled).toBe(true);
  });

  test("adding a sheet or a name that exists fails, as in Excel", () => {
    const wb = workbookWith(BUDGET);
    expect(() => wb.applyNow([{ op: "addSheet", sheet: "budget LINES" }])).toThrow(/already exists/);
    expect(() => wb.applyNow([{ op: "name", name: "Amounts", sheet: "Budget lines", range: "B2" }])).toThrow(/already present/);
  });

  test("validation and protection refuse entries as Excel does", () => {
    const wb = workbookWith([
      ...BUDGET,
      { op: "validationList", sheet: "Budget lines", range: "A2:A4", items: ["Core", "POD", "Specialised"] },
      { op: "validationNumber", sheet: "Budget lines", range: "B2:B4", min: 0 },
      { op: "protect", sheet: "Budget lines" },
    ]);
    expect(wb.enter("Budget lines", "D1", "1")).toBe("D1 is locked: the sheet is protected");
    expect(wb.enter("Budget lines", "B2", "-5")).toBe("Enter a number of at least 0");
    expect(wb.enter("Budget lines", "B2", "5")).toBeUndefined();
    expect(wb.cell("Budget lines", 1, 0).validation).toEqual({ kind: "list", items: ["Core", "POD", "Specialised"] });
  });

  test("list items with commas are refused, since Excel's list source cannot carry them", () => {
    const wb = new EngineWorkbook();
    expect(() => wb.applyNow([{ op: "validationList", sheet: "Sheet1", range: "A1", items: ["Pharmacy, optometry and dental"] }])).toThrow("holds a comma");
  });

  test("the selection is whatever the grid last set", async () => {
    const wb = workbookWith(BUDGET);
    wb.setSelection("budget lines", "B3");
    expect(await wb.getSelection()).toEqual({ sheet: "Budget lines", range: "B3" });
  });
});
