/**
 * The 2026/27 rules through the engine, laid out as a finance team would: a pooled fund's
 * waterfall and underspend treatment, a blended contract under each year's terms, capital bids
 * below the envelope, and a convergence step with a per-body floor and a within-5% first step.
 */
import { evaluateCell, evaluateRange } from "../helpers/engine";

describe("grid: ICS.RISKSHARE waterfall and underspends", () => {
  // A: partner, B: contribution, C: own variance (£000); F1 contingency, F2 method, F3 underspend treatment.
  const fund = {
    A1: "Kestrel Vale ICB", B1: 42500, C1: 1200,
    A2: "Kestrel County Council", B2: 18200, C2: -500,
    A3: "Kestrel City Council", B3: 9300, C3: 0,
    F1: 300, F2: "waterfall",
  };

  test("the waterfall: the council's underspend and the contingency meet the ICB's overspend first; the ICB pays 400", () => {
    const grid = { ...fund, D1: "=ICS.RISKSHARE(C1:C3,B1:B3,F2,,F1)", G1: "=SUM(D1:D3)" };
    expect(evaluateRange("D1:D3", grid)).toEqual([[400], [0], [0]]);
    expect(evaluateCell("G1", grid)).toBe(400);
  });

  test("a net underspend under the waterfall goes back to those that underspent; retained, nobody's share moves", () => {
    const under = { ...fund, C1: -900, C2: 300, C3: -300 };
    expect(evaluateRange("D1:D3", { ...under, D1: "=ICS.RISKSHARE(C1:C3,B1:B3,F2,,F1)" })).toEqual([[-675], [0], [-225]]);
    expect(evaluateRange("D1:D3", { ...under, F3: "retain", D1: "=ICS.RISKSHARE(C1:C3,B1:B3,F2,,F1,,,F3)" })).toEqual([[0], [0], [0]]);
    // A blank underspend cell is the method's default.
    expect(evaluateRange("D1:D3", { ...under, D1: "=ICS.RISKSHARE(C1:C3,B1:B3,F2,,F1,,,F3)" })).toEqual([[-675], [0], [-225]]);
  });

  test("caps bind on a loss, never on a gain", () => {
    const capped = { ...fund, E1: 100, E2: 100, E3: 100 };
    // A 700 loss shared 42,500 : 18,200 : 9,300 would put 425 on the ICB; caps of 100 each cannot hold 700.
    expect(evaluateCell("D1", { ...capped, D1: "=ICS.RISKSHARE(700,B1:B3,,,,E1:E3)" })).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: caps: 400 is left unshared: every party is at its cap",
    });
    expect(evaluateRange("D1:D3", { ...capped, D1: "=ICS.RISKSHARE(-700,B1:B3,,,,E1:E3)" })).toEqual([[-425], [-182], [-93]]);
  });

  test("a bad underspend treatment names underspend_method", () => {
    expect(evaluateCell("D1", { ...fund, F3: "carry forward", D1: "=ICS.RISKSHARE(C1:C3,B1:B3,F2,,F1,,,F3)" })).toEqual({
      error: "#VALUE!",
      message: 'ICS.RISKSHARE: underspend_method: unknown method "carry forward"; valid methods are "proportional", "equal", "own", "lead", "retain", "bands"',
    });
  });
});

describe("grid: ICS.BLENDED under each year's terms", () => {
  // £000: fixed 104,000 funds the baseline of 104,000; delivered 98,000 (B3) or 109,500 (B4); the plan in B5.
  const contract = { B1: 104000, B2: 104000, B3: 98000, B4: 109500, B5: 107000, B6: 0.75 };

  test("2022/23: 75% above baseline, no clawback below it", () => {
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B3,B6,,,,0)" })).toBe(104000);
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B4,B6,,,,0)" })).toBe(108125);
  });

  test("2026/27: 100%, and nothing above the indicative activity plan", () => {
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B4,,,,,,B5)" })).toBe(107000);
    expect(evaluateCell("C1", { ...contract, C1: "=ICS.BLENDED(B1,B2,B3,,,,,,B5)" })).toBe(98000);
  });
});

describe("grid: ICS.CAPITAL with bids below the envelope", () => {
  test("each trust gets its bid and the sheet shows what is unallocated", () => {
    const grid = { B1: 60, B2: 30, B3: 10, C1: 500, C2: 300, C3: 100, E1: 1000, D1: "=ICS.CAPITAL(E1,B1:B3,,,,,C1:C3)", F1: "=E1-SUM(D1:D3)" };
    expect(evaluateRange("D1:D3", grid)).toEqual([[500], [300], [100]]);
    expect(evaluateCell("F1", grid)).toBe(100);
  });
});

describe("grid: ICS.CONVERGE with a floor per body and max_below", () => {
  // B: baseline, C: target, D: each body's minimum uplift; growth in F1, max_below in F2.
  const places = { B1: 100, C1: 100, D1: 0, B2: 100, C2: 110, D2: 0, B3: 100, C3: 130, D3: 0, F1: 10, F2: "5%" };

  test("those more than 5% below target are raised towards 95% of it first", () => {
    const grid = { ...places, E1: "=ICS.CONVERGE(B1:B3,C1:C3,F1,D1:D3,,F2)", G1: "=SUM(E1:E3)" };
    expect(evaluateRange("E1:E3", grid)).toEqual([[100], [101.61], [108.39]]);
    expect(evaluateCell("G1", grid)).toBe(310);
  });

  test("a lower floor for the body above target, as a column", () => {
    const grid = { B1: 100, C1: 90, D1: 0, B2: 100, C2: 110, D2: 0.01, B3: 100, C3: 120, D3: 0.01, F1: 30, E1: "=ICS.CONVERGE(B1:B3,C1:C3,F1,D1:D3)" };
    expect(evaluateRange("E1:E3", grid)).toEqual([[100], [110], [120]]);
  });
});
