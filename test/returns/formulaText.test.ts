import { canonicalFormula, sheetsReferred } from "../../src/returns/formulaText";

describe("canonicalFormula: the same formula however the file spells it", () => {
  test("an add-in call as Excel saves it is the catalogue's call", () => {
    expect(canonicalFormula("_xldudf_ICS_DELEGATE(Lines!$G$9,B20:B23,,,RoundTo)")).toBe(canonicalFormula("ICS.DELEGATE(Lines!$G$9,B20:B23,,,RoundTo)"));
  });
  test("_xlfn. prefixes, case, spaces and TRUE() are spelling", () => {
    expect(canonicalFormula("=_xlfn.IFS(a1 > 0, TRUE, 1, FALSE)")).toBe(canonicalFormula("IFS(A1>0,TRUE(),1,FALSE())"));
    expect(canonicalFormula("'Lines'!A1")).toBe(canonicalFormula("Lines!A1"));
  });
  test("text in quotes is compared exactly", () => {
    expect(canonicalFormula('IF(A1="ok","Yes","No")')).not.toBe(canonicalFormula('IF(A1="OK","Yes","No")'));
    expect(canonicalFormula('"a b"')).toBe('"a b"');
  });
  test("a different range, sign or function is a different formula", () => {
    expect(canonicalFormula("SUM(D9:D16)")).not.toBe(canonicalFormula("SUM(D9:D15)"));
    expect(canonicalFormula("$A$1")).not.toBe(canonicalFormula("A1"));
    expect(canonicalFormula("SUM(A1:A3)")).not.toBe(canonicalFormula("AVERAGE(A1:A3)"));
  });
  test("a renamed sheet is read under its template name", () => {
    const sheetNames = new Map([["service lines", "Lines"]]);
    expect(canonicalFormula("'Service lines'!$G$9*2", { sheetNames })).toBe(canonicalFormula("Lines!$G$9*2"));
  });
  test("sheetsReferred lists the sheets a formula names", () => {
    expect([...sheetsReferred("SUM(Places!C20:C23)+'Risk share'!A1+B2")].sort()).toEqual(["places", "risk share"]);
  });
});
