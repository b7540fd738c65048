/** The formula tokenizer and renaming: sheets and names inside formulas, never text in strings. */
import { isCellLike, renameInFormula, tokenize } from "../../src/templates/formula";

const renames = {
  sheets: new Map([
    ["Pot", "Pot 2"],
    ["Risk share", "Risk share 2"],
    ["Checks", "Checks 2"],
  ]),
  names: new Map([
    ["RoundTo", "RoundTo_2"],
    ["Pot", "Pot_2"],
  ]),
};

describe("tokenize", () => {
  test("the tokens join back to the formula", () => {
    const formulas = [
      "ICS.POT(PotAmounts,PotStreams,PotShares,RoundTo)",
      `IF(A1>0,"Pot!A1 and RoundTo",'O''Neill''s'!$B$2:$C$9)`,
      "SUM($A:$A,3:5,{1,2;3,4})+#N/A&TRUE",
      "Table1[Amount]*1.5E+3",
    ];
    for (const f of formulas) expect(tokenize(f).map((t) => t.text).join("")).toBe(f);
  });

  test("kinds: functions, names, references, sheets, strings", () => {
    const kinds = tokenize(`SUM(Pot!B2:B9,RoundTo,"x")`).map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(["function:SUM", "other:(", "sheet:Pot!", "reference:B2", "other::", "reference:B9", "other:,", "name:RoundTo", "other:,", 'string:"x"', "other:)"]);
  });

  test("cell-like words are references, not names", () => {
    expect(isCellLike("B12")).toBe(true);
    expect(isCellLike("POT2")).toBe(true);
    expect(isCellLike("XFE1")).toBe(false);
    expect(isCellLike("RoundTo_2")).toBe(false);
    expect(isCellLike("R1C1")).toBe(true);
  });
});

describe("renameInFormula", () => {
  test("sheet prefixes, quoted or not, get the new sheet name (quoted when it needs quotes)", () => {
    expect(renameInFormula("Pot!$B$4+'Risk share'!B5", renames)).toBe("'Pot 2'!$B$4+'Risk share 2'!B5");
    expect(renameInFormula("pot!B4", renames)).toBe("'Pot 2'!B4");
  });

  test("names are renamed, but not inside strings, not as functions, not after a sheet", () => {
    expect(renameInFormula(`ROUND(Pot,-LOG10(RoundTo))&"RoundTo"&Checks!RoundTo`, renames)).toBe(`ROUND(Pot_2,-LOG10(RoundTo_2))&"RoundTo"&'Checks 2'!RoundTo`);
    expect(renameInFormula("ICS.POT(A1:A3)+POT(1)", { names: new Map([["POT", "X"], ["ICS.POT", "Y"]]) })).toBe("ICS.POT(A1:A3)+POT(1)");
  });

  test("a name that only starts like another is left alone", () => {
    expect(renameInFormula("RoundToPence+PotShares", renames)).toBe("RoundToPence+PotShares");
  });
});
