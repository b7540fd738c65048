/** ICS.NEUTRAL in a real engine: a control-total transfer schedule checked on the sheet. */
import { evaluateCell } from "../helpers/engine";

describe("grid: ICS.NEUTRAL", () => {
  // A: organisation, B: change to its control total (£000).
  const schedule = {
    A1: "Acute trust", B1: 1500,
    A2: "Community trust", B2: -900,
    A3: "Mental health trust", B3: -600,
    A4: "Ambulance trust", B4: null,
  };

  test("a transfer between trusts is neutral; the blank row is ignored", () => {
    expect(evaluateCell("D1", { ...schedule, D1: "=ICS.NEUTRAL(B1:B4)" })).toBe(true);
  });

  test("a change that does not net to zero is caught, unless within the tolerance cell", () => {
    const unbalanced = { ...schedule, B3: -599.6, E1: 0.5 };
    expect(evaluateCell("D1", { ...unbalanced, D1: "=ICS.NEUTRAL(B1:B4)" })).toBe(false);
    expect(evaluateCell("D1", { ...unbalanced, D1: "=ICS.NEUTRAL(B1:B4,E1)" })).toBe(true);
  });

  test("an IF around it reads like a template check", () => {
    expect(evaluateCell("D1", { ...schedule, D1: '=IF(ICS.NEUTRAL(B1:B4),"OK","Not neutral")' })).toBe("OK");
  });

  test("text in the schedule is #VALUE! naming the row; an error cell is passed on", () => {
    expect(evaluateCell("D1", { ...schedule, B2: "-900k", D1: "=ICS.NEUTRAL(B1:B4)" })).toEqual({
      error: "#VALUE!",
      message: 'ICS.NEUTRAL: adjustments row 2: expected a number, got "-900k"',
    });
    expect(evaluateCell("D1", { ...schedule, B2: "=1/0", D1: "=ICS.NEUTRAL(B1:B4)" })).toMatchObject({ error: "#DIV/0!" });
  });
});
