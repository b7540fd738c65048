/**
 * Moving a shared formula's references to another cell, as Excel fills a shared range: the
 * scanner's cases one by one.
 */
import { formulaDepth, isValidDefinedName, shiftFormula } from "../../src/xlsx/read/formula";

describe("shiftFormula", () => {
  test.each([
    ["A1+B2", 1, 1, "B2+C3"],
    ["$A1+A$1+$A$1", 2, 3, "$A3+D$1+$A$1"],
    ["SUM(A1:B2)", 1, 0, "SUM(A2:B3)"],
    ["SUM(A:A)+SUM($B:C)", 5, 1, "SUM(B:B)+SUM($B:D)"],
    ["SUM(1:1)+SUM($2:3)", 1, 7, "SUM(2:2)+SUM($2:4)"],
    ["Sheet2!A1+'My sheet'!B1+[1]Ext!C1", 1, 0, "Sheet2!A2+'My sheet'!B2+[1]Ext!C2"],
    [`"A1"&'A1'!A1`, 1, 0, `"A1"&'A1'!A2`],
    ["Budget[Amount]+Budget[[#This Row],[A1]]+A1", 1, 0, "Budget[Amount]+Budget[[#This Row],[A1]]+A2"],
    ["LOG10(A1)+ATAN2(A1,B1)", 0, 1, "LOG10(B1)+ATAN2(B1,C1)"],
    ["1E5+1.5E-3+A1", 1, 0, "1E5+1.5E-3+A2"],
    ["_xlfn.XLOOKUP(A1,B:B,C:C)", 1, 1, "_xlfn.XLOOKUP(B2,C:C,D:D)"],
    ["VAT*A1+TAX2019", 1, 0, "VAT*A2+TAX2020"],
    ["A1#+#REF!+#N/A", 1, 0, "A2#+#REF!+#N/A"],
    ["Sheet1:Sheet3!A1", 0, 1, "Sheet1:Sheet3!B1"],
    ["XFD1+A1048576", 1, 1, "#REF!+#REF!"],
    ["a1+b$2", 1, 1, "B2+C$2"],
    ["Données!A1", 1, 0, "Données!A2"],
  ])("%s moved by (%i, %i) is %s", (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });

  test("moved by nothing, the very same string", () => {
    const f = "A1+B2";
    expect(shiftFormula(f, 0, 0)).toBe(f);
  });

  test("a long flat formula is moved in linear time", () => {
    const f = Array.from({ length: 50000 }, (_, i) => `A${i + 1}`).join("+");
    const moved = shiftFormula(f, 1, 1);
    expect(moved.startsWith("B2+B3+")).toBe(true);
    expect(moved.endsWith("+B50001")).toBe(true);
  });
});

describe("formulaDepth and names", () => {
  test("depth counts parentheses and array braces outside strings", () => {
    expect(formulaDepth("SUM(IF(A1,(1),{1,2}))")).toBe(3);
    expect(formulaDepth(`"((((("&A1`)).toBe(0);
    expect(formulaDepth("(".repeat(100000))).toBe(100000);
  });

  test("defined names as Excel accepts them", () => {
    for (const ok of ["VAT", "_xlnm.Print_Area", "\\back", "a.b?c", "Rate_2024", "abcdefghijklmnopqrstuvwxyzabcdef", "Ümlaut"]) expect(isValidDefinedName(ok)).toBe(true);
    for (const bad of ["x(", "A1", "xfd1048576", "R1C1", "R", "c", "1abc", "two words", "", "a".repeat(256), "a+b"]) expect(isValidDefinedName(bad)).toBe(false);
  });
});
