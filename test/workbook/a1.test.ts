import fc from "fast-check";
import {
  MAX_ROWS,
  blockAddress,
  cellAddress,
  columnIndex,
  columnLetters,
  offsetCell,
  parseCell,
  parseRange,
  parseReference,
  quoteSheet,
  rangeAddress,
  sheetReference,
} from "../../src/workbook/a1";

describe("A1 addresses", () => {
  test("columns run A..Z, AA..AZ, ... up to XFD", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    expect(() => columnLetters(16384)).toThrow("outside the sheet");
    expect(() => columnIndex("XFE")).toThrow("beyond the last column");
  });

  test("column letters and indices round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (col) => columnIndex(columnLetters(col)) === col));
  });

  test("cells, absolute cells and blocks", () => {
    expect(parseCell("$C$12")).toEqual({ row: 11, col: 2 });
    expect(cellAddress(11, 2, true)).toBe("$C$12");
    expect(blockAddress("B7", 3, 2)).toBe("B7:C9");
    expect(blockAddress("B7", 1, 1)).toBe("B7");
    expect(offsetCell("B7", 2, 1)).toBe("C9");
    expect(() => parseCell("7B")).toThrow("not a cell address");
  });

  test("ranges, including whole columns and rows, come back normalised", () => {
    expect(parseRange("D9:B2")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseRange("B:B")).toEqual({ top: 0, left: 1, bottom: MAX_ROWS - 1, right: 1 });
    expect(parseRange("3:5").top).toBe(2);
    expect(rangeAddress(parseRange("$B$2:$D$9"))).toBe("B2:D9");
  });

  test("sheet names are quoted when Excel would quote them", () => {
    expect(quoteSheet("Pot")).toBe("Pot");
    expect(quoteSheet("Risk share")).toBe("'Risk share'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("O'Neill")).toBe("'O''Neill'");
    expect(sheetReference("Risk share", "B4:B6")).toBe("'Risk share'!$B$4:$B$6");
  });

  test("references read back with or without quotes", () => {
    expect(parseReference("Pot!B12")).toEqual({ sheet: "Pot", range: "B12" });
    expect(parseReference("'Risk share'!$C$4:$C$6")).toEqual({ sheet: "Risk share", range: "C4:C6" });
    expect(parseReference("'O''Neill'!A1")).toEqual({ sheet: "O'Neill", range: "A1" });
    expect(parseReference("B12")).toBeUndefined();
    expect(parseReference("B12", "Pot")).toEqual({ sheet: "Pot", range: "B12" });
    expect(parseReference("Pot!total")).toBeUndefined();
  });
});
