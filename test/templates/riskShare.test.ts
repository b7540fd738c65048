/** The risk-share template: scheme lines, each quarter shared by ICS.RISKSHARE, the year-end settlement (£000). */
import { Cell, Grid } from "../../src/core";
import { Edit, Generated, core, expectClean, failingChecks, fill, generate } from "./helpers";

// Generating, reading back and recalculating a template takes seconds on a busy machine.
jest.setTimeout(120000);

let t: Generated;
beforeAll(async () => {
  t = await generate("risk-share");
});

const sum = (cells: readonly Cell[]) => (cells as number[]).reduce((a, b) => a + b, 0);
const QUARTERS = ["Q1", "Q2", "Q3", "Q4"];

/** What the core shares for a quarter, with the agreement's terms as the file holds them. */
function shared(g: Generated, q: string): Cell[] {
  const method = g.scalar("Method");
  const underspend = g.scalar("UnderspendMethod");
  const bands = method === "bands" || underspend === "bands" ? g.read("Bands") : "";
  const out = core("RISKSHARE", g.read(`OwnVariance_${q}`), g.read("Contributions"), method, bands, g.scalar("Contingency"), g.read("Caps"), g.scalar("RoundTo"), underspend) as Grid;
  return out.map((r) => r[0]);
}

/** Σ transfers + contingency met and returned − underspend retained. */
function balance(g: Generated): number {
  return sum(g.column("SettlementTransfers")) + (g.scalar("ContingencyUsed") as number) + (g.scalar("ContingencyReturned") as number) - (g.scalar("UnderspendRetained") as number);
}

test("recalculates clean: no error cell and every check TRUE, the Cover's first", () => {
  expectClean(t);
  expect(t.review.checks[1].label).toMatch(/^Cover complete/);
  expect(t.spec.sheets.map((s) => s.name)).toEqual(["Cover", "About", "Agreement", "Lines", "Forecast", "Settlement", "Checks"]);
});

test("scheme lines: pooled or aligned, a lead commissioner, fixed or variable, and each line's method", () => {
  expect(t.column("LineNames").slice(0, 7)).toEqual([
    "Intermediate care and reablement",
    "Home care packages",
    "Community equipment service",
    "Discharge to assess beds",
    "Disabled facilities grant",
    "Carers' support",
    "Community health services (aligned)",
  ]);
  expect(t.column("LineTypes").slice(0, 7)).toEqual(["pooled", "pooled", "pooled", "pooled", "aligned", "pooled", "aligned"]);
  expect(t.column("LineCosts").slice(0, 7)).toEqual(["variable", "variable", "variable", "variable", "fixed", "fixed", "variable"]);
  expect(t.column("LineMethods").slice(0, 7)).toEqual(["agreement", "agreement", "agreement", "agreement", "lead", "lead", "lead"]);
  expect(t.column("LineLeads")[0]).toBe("Northmoor County Council");
  // Pooled contributions count only the lines shared under the agreement.
  expect(t.column("Contributions")).toEqual([35300, 37900, 10000]);
  expect(t.scalar("PoolTotal")).toBe(83200);
  expect(t.column("Partners")).toEqual(["Northmoor and Vale ICB", "Northmoor County Council", "Vale Borough Council"]);
});

test("each partner's own variance is the variance on the lines it leads under the agreement", () => {
  expect(t.column("OwnVariance_Q4")).toEqual([-620, 1450 + 900, -350]);
  expect(t.column("Outside_Q4")).toEqual([380, 40, 0]);
});

test("every quarter is ICS.RISKSHARE of the partners' own variances under the agreement (waterfall, retain)", () => {
  expect(t.scalar("Method")).toBe("waterfall");
  expect(t.scalar("UnderspendMethod")).toBe("retain");
  for (const q of QUARTERS) expect(t.column(`Borne_${q}`)).toEqual(shared(t, q));
});

test("the year-end waterfall: 2,350 − 620 − 350 = 1,380 net, 750 from the contingency, the other 630 on the council that overspent", () => {
  expect(t.column("Borne_Q4")).toEqual([0, 630, 0]);
  expect(t.scalar("ContingencyUsed")).toBe(750);
  // Q1: 700 − 50 = 650 net, inside the contingency, so nobody bears anything.
  expect(t.column("Borne_Q1")).toEqual([0, 0, 0]);
  expect(t.read("ContingencyUsedByQuarter")[0][0]).toBe(650);
});

test("the settlement: each transfer is what the partner bears less its own variance, and it all adds up to zero", () => {
  // The ICB and the borough council pay their underspends in; the county council receives its
  // overspend less the 630 it bears; the contingency pays out the other 750.
  expect(t.column("SettlementTransfers")).toEqual([620, -1720, 350]);
  expect(t.column("SettlementTransfers")).toEqual(t.column("SettlementBorne").map((b, i) => (b as number) - (t.column("SettlementOwnVariance")[i] as number)));
  expect(sum(t.column("SettlementTransfers"))).toBe(-750);
  expect(balance(t)).toBe(0);
  expect(t.scalar("SettlementBalance")).toBe(0);
  expect(t.scalar("ContingencyCarriedForward")).toBe(0);
});

test("a year-end underspend is retained in the pool and the unused contingency returned: the settlement still adds up", () => {
  // Every pooled line 300 under budget at the year end.
  const forecasts = [27100, 32600, 5400, 18100].map((budget, i): Edit => ({ sheet: "Lines", at: `M${6 + i}`, value: budget - 300 }));
  const g = fill(t, forecasts);
  expectClean(g, { filled: true });
  expect(g.column("OwnVariance_Q4")).toEqual([-300, -600, -300]);
  expect(g.column("Borne_Q4")).toEqual(shared(g, "Q4"));
  expect(g.column("Borne_Q4")).toEqual([0, 0, 0]);
  expect(g.scalar("UnderspendRetained")).toBe(1200);
  expect(g.scalar("ContingencyUsed")).toBe(0);
  expect(g.scalar("ContingencyReturned")).toBe(750);
  expect(g.read("ContingencyReturnedByPartner")).toEqual(core("DELEGATE", 750, g.read("Contributions"), undefined, undefined, 1));
  expect(sum(g.column("ContingencyReturnedByPartner"))).toBe(750);
  expect(balance(g)).toBe(0);
  // Returned to the partners instead (underspend method "proportional"): nothing retained.
  const h = fill(t, [...forecasts, { sheet: "Agreement", at: "UnderspendMethod", value: "proportional" }]);
  expect(h.column("Borne_Q4")).toEqual(shared(h, "Q4"));
  expect(h.scalar("UnderspendRetained")).toBe(0);
  expect(balance(h)).toBe(0);
  // Unused contingency carried forward rather than returned.
  const k = fill(t, [...forecasts, { sheet: "Agreement", at: "ContingencyUnused", value: "carried forward" }]);
  expect(k.scalar("ContingencyReturned")).toBe(0);
  expect(k.scalar("ContingencyCarriedForward")).toBe(750);
  expect(balance(k)).toBe(0);
});

test("caps hold a partner's exposure: the county council capped at 400 passes the rest to the others by contribution", () => {
  const g = fill(t, [{ sheet: "Agreement", at: "F13", value: 400 }]);
  expect(g.column("Caps")).toEqual([null, 400, 400]);
  expect(g.column("Borne_Q4")).toEqual(shared(g, "Q4"));
  expect((g.column("Borne_Q4") as number[])[1]).toBe(400);
  expect(sum(g.column("Borne_Q4"))).toBe(630);
  expect(balance(g)).toBe(0);
});

test("sign-off rows: each partner's chief executive, and each council's section 151 officer", () => {
  expect(t.column("SignedOff")).toEqual([true, true, true]);
  expect(failingChecks(fill(t, [{ sheet: "Settlement", at: "E22", value: null }]))).toContainEqual(expect.stringMatching(/^Signed off/));
  // The ICB needs no section 151 officer; a council does.
  expect(t.at("Settlement", "E20")).toBeNull();
  expect(t.at("Settlement", "E21")).toMatch(/s151 officer/);
});

test("a line whose lead commissioner is not a partner is incomplete", () => {
  expect(failingChecks(fill(t, [{ sheet: "Lines", at: "C6", value: "Somewhere Council" }]))).toContainEqual(expect.stringMatching(/^Every scheme line is complete/));
});
