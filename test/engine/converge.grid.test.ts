/** ICS.CONVERGE in an allocation sheet: baselines and targets by place, growth from a formula, one spill. */
import { evaluateCell, evaluateRange } from "../helpers/engine";

// Illustrative figures in £000. A: place, B: baseline, C: target; growth in F1 (3% of the total), minimum uplift in F2.
const PLACES = {
  A1: "Place A", B1: 412000, C1: 405000,
  A2: "Place B", B2: 298500, C2: 310200,
  A3: "Place C", B3: 187250, C3: 196800,
  A4: "Place D", B4: 655100, C4: 690000,
  A5: "Place E", B5: 121400, C5: 133500,
  F2: "1.5%",
};

describe("grid: ICS.CONVERGE", () => {
  test("£50m growth with a 1.5% minimum uplift spills the new allocations, adding up to baselines + growth", () => {
    // Worked through in test/core/converge.test.ts.
    const grid = { ...PLACES, F1: 50000, D1: "=ICS.CONVERGE(B1:B5,C1:C5,F1,F2,1)", G1: "=SUM(D1:D5)=SUM(B1:B5)+F1" };
    expect(evaluateRange("D1:D5", grid)).toEqual([[418180], [306622], [193461], [677579], [128408]]);
    expect(evaluateCell("G1", grid)).toBe(true);
  });

  test("growth computed in the sheet (3% of the baselines) still adds up to the penny", () => {
    const grid = { ...PLACES, F1: "=SUM(B1:B5)*3%", D1: "=ICS.CONVERGE(B1:B5,C1:C5,F1,F2)", G1: "=ROUND(SUM(D1:D5)-SUM(B1:B5)-F1,6)" };
    expect(evaluateCell("G1", grid)).toBe(0);
    const out = evaluateRange("D1:D5", grid).map(([v]) => v as number);
    // Growth of 50,227.50 does not close every gap, so the places below target (B to E) stay at or
    // below it, and place A, above target, gets only its 1.5%.
    expect(out[0]).toBe(418180); // 412,000 × 1.015
    [310200, 196800, 690000, 133500].forEach((target, i) => expect(out[i + 1]).toBeLessThanOrEqual(target));
  });

  test("a blank row between places stays blank", () => {
    const grid = { B1: 100, C1: 90, B3: 100, C3: 110, B4: 100, C4: 120, D1: "=ICS.CONVERGE(B1:B4,C1:C4,15)" };
    expect(evaluateRange("D1:D4", grid)).toEqual([[100], [""], [105], [110]]);
  });

  test("negative growth is #VALUE! pointing to DELEGATE for a cash reduction", () => {
    expect(evaluateCell("D1", { ...PLACES, F1: -1000, D1: "=ICS.CONVERGE(B1:B5,C1:C5,F1)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.CONVERGE: growth: must be 0 or more, got -1000; CONVERGE shares out growth (split a cash reduction with ICS.DELEGATE)",
    });
  });

  test("a missing target is #VALUE! naming the row; an error cell travels on", () => {
    expect(evaluateCell("D1", { ...PLACES, C3: null, F1: 100, D1: "=ICS.CONVERGE(B1:B5,C1:C5,F1)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.CONVERGE: targets row 3: expected a number for this row's baseline, got a blank cell",
    });
    expect(evaluateCell("D1", { ...PLACES, C2: "=NA()", F1: 100, D1: "=ICS.CONVERGE(B1:B5,C1:C5,F1)" })).toMatchObject({ error: "#N/A" });
  });
});
