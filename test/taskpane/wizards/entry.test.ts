import fc from "fast-check";
import { entryCell, usedRows } from "../../../src/taskpane/wizards/entry";
import { freeSheetName, moneyFormat, namePrefix, decimalPlaces, asText } from "../../../src/taskpane/wizards/sheet";

describe("typed entries are read as Excel reads a cell entry", () => {
  test.each([
    ["1250.5", 1250.5],
    ["1,250.5", 1250.5],
    ["£1,250", 1250],
    ["-£40", -40],
    ["£-40", -40],
    ["+7", 7],
    [".5", 0.5],
    ["85%", 0.85],
    ["57.5%", 0.575],
    ["-0", 0],
  ])("%s is the number %p", (text, value) => {
    expect(entryCell(text)).toBe(value);
  });

  test.each(["1,0000", "12,34", "£", "-", "abc", "1e5", "£85%", "-£-4", "1.2.3"])("%s stays text, for the core to name", (text) => {
    expect(entryCell(text)).toBe(text);
  });

  test("a blank box is a blank cell", () => {
    expect(entryCell("   ")).toBeNull();
  });

  test("any number typed plainly comes back as itself", () => {
    fc.assert(fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (n) => Object.is(entryCell(String(n)), n === 0 ? 0 : n) || String(n).includes("e")));
  });

  test("rows after the last one with anything in it are left off", () => {
    const rows = [["a", ""], ["", ""], ["", "3"], ["", ""], [" ", ""]];
    expect(usedRows(rows, (r) => r)).toEqual([["a", ""], ["", ""], ["", "3"]]);
  });
});

describe("sheet conventions", () => {
  test("a sheet name that is taken (in any case) gets the next number", () => {
    expect(freeSheetName(["Sheet1"], "Pot")).toBe("Pot");
    expect(freeSheetName(["pot", "Pot 2"], "Pot")).toBe("Pot 3");
  });

  test("defined names come from the sheet name", () => {
    expect(namePrefix("Pot")).toBe("Pot");
    expect(namePrefix("Risk share 2")).toBe("RiskShare2");
    expect(namePrefix("2026 plan")).toBe("S2026Plan");
  });

  test("money formats follow the units and the rounding", () => {
    expect(moneyFormat("£", 0.01)).toBe("£#,##0.00;[Red]-£#,##0.00");
    expect(moneyFormat("£000", 1)).toBe("#,##0;[Red]-#,##0");
    expect(moneyFormat("£000", 1000)).toBe("#,##0;[Red]-#,##0");
    expect(decimalPlaces("x")).toBe(0);
  });

  test("labels that Excel would read as numbers or dates are kept as text", () => {
    expect(asText("2025/26")).toBe("'2025/26");
    expect(asText("Northmoor")).toBe("Northmoor");
  });
});
