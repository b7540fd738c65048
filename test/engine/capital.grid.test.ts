/** ICS.CAPITAL in a capital plan sheet: trusts in rows, the mix in three cells, one spilling formula. */
import { evaluateCell, evaluateRange } from "../helpers/engine";

// Illustrative figures in £000. A: trust, B: depreciation, C: backlog, D: weighted population, E: bid; mix in H1:J1, envelope in L1.
const PLAN = {
  A1: "Trust A", B1: 12400, C1: 9800, D1: 620000,
  A2: "Trust B", B2: 8150, C2: 14200, D2: 410000,
  A3: "Trust C", B3: 5300, C3: 3100, D3: 280000,
  A4: "Trust D", B4: 2150, C4: 900, D4: 150000,
  H1: 0.6, I1: 0.3, J1: 0.1,
  L1: 48250,
};

describe("grid: ICS.CAPITAL", () => {
  test("a 60/30/10 blend of a £48.25m envelope spills one amount per trust and adds up", () => {
    // See test/core/capital.test.ts for the arithmetic: 19,935.94…, 17,122.38…, 8,007.75…, 3,183.93… → whole £000.
    const grid = { ...PLAN, F1: "=ICS.CAPITAL(L1,B1:B4,C1:C4,D1:D4,H1:J1,,,1)", G1: "=SUM(F1:F4)=L1" };
    expect(evaluateRange("F1:F4", grid)).toEqual([[19936], [17122], [8008], [3184]]);
    expect(evaluateCell("G1", grid)).toBe(true);
  });

  test("the mix as percentages typed in cells and as an array constant read the same", () => {
    const asPercent = { ...PLAN, H1: "60%", I1: "30%", J1: "10%", F1: "=ICS.CAPITAL(L1,B1:B4,C1:C4,D1:D4,H1:J1,,,1)" };
    const asConstant = { ...PLAN, F1: "=ICS.CAPITAL(L1,B1:B4,C1:C4,D1:D4,{0.6,0.3,0.1},,,1)" };
    expect(evaluateRange("F1:F4", asPercent)).toEqual([[19936], [17122], [8008], [3184]]);
    expect(evaluateRange("F1:F4", asConstant)).toEqual([[19936], [17122], [8008], [3184]]);
  });

  test("bids with blanks cap only the trusts that bid; the rest is re-split by depreciation", () => {
    const grid = { ...PLAN, E1: 18000, F1: "=ICS.CAPITAL(L1,B1:B4,,,,,E1:E4,1)" };
    expect(evaluateRange("F1:F4", grid)).toEqual([[18000], [15804], [10277], [4169]]);
  });

  test("a mix that does not add up to 100% is #VALUE! saying by how much it is out", () => {
    expect(evaluateCell("F1", { ...PLAN, J1: 0.05, F1: "=ICS.CAPITAL(L1,B1:B4,C1:C4,D1:D4,H1:J1)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.CAPITAL: mix: adds up to 0.95, not 1: the weights {depreciation, backlog, weighted population} must add up to 1 (100%)",
    });
  });

  test("an error in a depreciation cell travels on", () => {
    expect(evaluateCell("F1", { ...PLAN, B2: "=1/0", F1: "=ICS.CAPITAL(L1,B1:B4)" })).toMatchObject({ error: "#DIV/0!" });
  });

  test("text in a backlog cell is #VALUE! naming the row", () => {
    expect(evaluateCell("F1", { ...PLAN, C3: "tbc", F1: "=ICS.CAPITAL(L1,B1:B4,C1:C4,,{0.5,0.5,0})" })).toEqual({
      error: "#VALUE!",
      message: 'ICS.CAPITAL: backlog row 3: expected a number, got "tbc"',
    });
  });
});
