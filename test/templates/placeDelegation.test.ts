/** The place-delegation template on its fictional sample system, from the generated file. */
import { Cell, Grid } from "../../src/core";
import { BASES } from "../../src/templates/placeDelegation";
import { SAMPLE_DELEGATION } from "../../src/templates/sample";
import { Edit, Generated, asColumn, core, expectClean, failingChecks, fill, generate } from "./helpers";

// Generating, reading back and recalculating a template takes seconds on a busy machine.
jest.setTimeout(120000);

let t: Generated;
beforeAll(async () => {
  t = await generate("place-delegation");
});

const places = ["Northmoor", "Eastbridge", "Vale", "Kingsholt"];
const LINES = 8;
const sum = (cells: readonly Cell[]) => (cells as number[]).reduce((a, b) => a + b, 0);
/** Line k's value on the Lines sheet (row 9 is line 1). */
const line = (k: number, column: string) => t.at("Lines", `${column}${9 + k}`);

test("recalculates clean: no error cell and every check TRUE, the Cover's first", () => {
  expectClean(t);
  expect(t.review.checks[1].label).toMatch(/^Cover complete/);
  expect(t.spec.sheets.map((s) => s.name)).toEqual(["Cover", "About", "Lines", "Places", "Practices", "Checks"]);
});

test("the delegated pot is built line by line and only from delegated lines: no acute, specialised or elective money", () => {
  expect(t.column("LineNames").slice(0, 6)).toEqual([
    "Primary medical care (GP contracts)",
    "Community services",
    "Prescribing",
    "Continuing healthcare (CHC)",
    "Community mental health services",
    "Intermediate care and discharge",
  ]);
  expect(t.column("LineBases").slice(0, 6)).toEqual(["PMC WP", "CS WP", "Prescr WP", "Last year", "MH WP", "Final WP"]);
  expect(t.scalar("DelegatedPot")).toBe(176300000 + 241500000 + 178900000 + 96400000 + 64200000 + 38600000);
  expect(t.scalar("TopSlicesTotal")).toBe(2650000 + 4800000 + 2200000 + 1500000 + 600000);
  expect(t.scalar("DelegatedToPlaces")).toBe(795900000 - 11750000);
  expect(sum(t.column("PlaceBudgets")) + (t.scalar("TopSlicesTotal") as number)).toBe(t.scalar("DelegatedPot"));
});

test("each line's basis weight is its places' sum of that weighted-population column (or last year's budget for CHC)", () => {
  const column = { "PMC WP": "pmc", "CS WP": "community", "Prescr WP": "prescribing", "MH WP": "mentalHealth", "Final WP": "final" } as const;
  for (let k = 0; k < 6; k++) {
    const basis = line(k, "B") as keyof typeof column | "Last year";
    const targets = t.column(`Line${k + 1}Targets`);
    const toPlaces = line(k, "G") as number;
    const expectedWeights =
      basis === "Last year"
        ? (t.column(`Line${k + 1}Baselines`) as number[])
        : places.map((place) => SAMPLE_DELEGATION.practices.filter((p) => p.place === place).reduce((a, p) => a + p.weighted[column[basis]], 0));
    // Targets are the core's DELEGATE by those weights.
    const expected = core("DELEGATE", toPlaces, asColumn(expectedWeights), undefined, undefined, 1) as Grid;
    expect(targets).toEqual(expected.map((r) => r[0]));
  }
});

test("each line's budgets are ICS.CONVERGE from last year's baselines with the line's levers (or its targets for a \"target\" line)", () => {
  for (let k = 0; k < LINES; k++) {
    const method = line(k, "H");
    const baselines = t.column(`Line${k + 1}Baselines`);
    const targets = t.column(`Line${k + 1}Targets`);
    const start = method === "target" ? targets : baselines;
    const growth = (line(k, "G") as number) - sum(start);
    const maxBelow = method === "converge" && line(k, "J") ? line(k, "J") : "";
    const expected = core("CONVERGE", asColumn(start), asColumn(targets), growth, t.read(`Line${k + 1}MinUplift`), t.scalar("RoundTo"), maxBelow) as Grid;
    expect(t.column(`Line${k + 1}Budgets`)).toEqual(expected.map((r) => r[0]));
    expect(sum(t.column(`Line${k + 1}Budgets`))).toBe(line(k, "G"));
  }
  // Intermediate care goes straight to target; the spare lines hold nothing.
  expect(t.column("Line6Budgets")).toEqual(t.column("Line6Targets"));
  expect(t.column("Line7Budgets")).toEqual([0, 0, 0, 0]);
});

test("the levers bite: primary medical care's 2% minimum uplift holds Northmoor above target, the 5% band lifts Vale first", () => {
  const baselines = t.column("Line1Baselines") as number[];
  const targets = t.column("Line1Targets") as number[];
  const budgets = t.column("Line1Budgets") as number[];
  expect(budgets[0]).toBe(Math.round(baselines[0] * 1.02));
  expect(budgets[0]).toBeGreaterThan(targets[0]);
  // Vale's baseline is more than 5% below target, so it gets at least to within 5% of it.
  expect(baselines[2]).toBeLessThan(targets[2] * 0.95);
  expect(budgets[2]).toBeGreaterThanOrEqual(Math.floor(targets[2] * 0.95));
});

test("distance from target is ICS.DFT of budget against target, by line and by place", () => {
  for (let k = 0; k < 6; k++) {
    const budgets = t.column(`Line${k + 1}Budgets`);
    const targets = t.column(`Line${k + 1}Targets`);
    expect(t.column(`Line${k + 1}DFT`)).toEqual(budgets.map((b, i) => core("DFT", b, targets[i])));
  }
  const totals = t.column("PlaceBudgets");
  const targets = t.column("PlaceTargets");
  expect(t.column("PlaceDFT")).toEqual(totals.map((b, i) => core("DFT", b, targets[i])));
});

test("practice budgets exist only for primary medical care and prescribing, each place's split by its practices' PMC WP and Prescr WP", () => {
  const practiceBudgetNames = t.spec.names.filter((n) => n.sheet === "Practices" && /Budgets$/.test(n.name)).map((n) => n.name);
  expect(practiceBudgetNames).toEqual(["PracticePmcBudgets", "PracticePrescribingBudgets"]);
  expect(t.column("PracticeCodes")).toEqual(SAMPLE_DELEGATION.practices.map((p) => p.code));
  const practicePlaces = t.column("PracticePlaces");
  for (const [budgets, weights, lineBudgets] of [
    ["PracticePmcBudgets", "PracticePmcWP", "Line1Budgets"],
    ["PracticePrescribingBudgets", "PracticePrescrWP", "Line3Budgets"],
  ]) {
    const placeBudgets = t.column(lineBudgets);
    places.forEach((place, k) => {
      const rows = practicePlaces.map((p, i) => (p === place ? i : -1)).filter((i) => i >= 0);
      const expected = core("DELEGATE", placeBudgets[k], asColumn(rows.map((i) => t.column(weights)[i])), undefined, undefined, 1) as Grid;
      expect(rows.map((i) => t.column(budgets)[i])).toEqual(expected.map((r) => r[0]));
    });
  }
});

test("places show their population, weighted populations and local authority codes; need indices are ICS.NEEDINDEX", () => {
  expect(t.column("PlaceNames")).toEqual(places);
  expect(t.column("PlacePopulation")).toEqual([412300, 268900, 183400, 151700].map((p) => expect.closeTo(p, 6)));
  expect(t.read("NeedIndex")).toEqual(core("NEEDINDEX", t.read("PlaceFinalWP"), t.read("PlacePopulation")));
  expect(t.at("Places", "C8")).toBe("E06009901 Northmoor");
  expect(t.at("Places", "B4")).toBe("QZN NHS Northmoor and Vale ICB (fictional)");
});

test("the basis list is the practice file's weighted-population columns, registered population and last year", () => {
  expect(BASES).toEqual(["Final WP", "PMC WP", "CS WP", "MH WP", "Prescr WP", "Population", "Last year"]);
});

describe("the checks catch a return that is not sound", () => {
  const checksAfter = (edits: Edit[]) => failingChecks(fill(t, edits));

  test("an allocation typed in £000 instead of £ fails the per-head plausibility check", () => {
    expect(checksAfter([{ sheet: "Lines", at: "D9", value: 176300 }])).toContainEqual(expect.stringMatching(/£ per head on each line is within/));
  });

  test("a converging line without a baseline for a place is incomplete", () => {
    expect(checksAfter([{ sheet: "Places", at: t.spec.names.find((n) => n.name === "Line2Baselines")!.range.split(":")[0], value: null }])).toContainEqual(expect.stringMatching(/^Every service line is complete/));
  });

  test("a top-slice larger than its line is incomplete", () => {
    expect(checksAfter([{ sheet: "Lines", at: "E10", value: 300000000 }])).toContainEqual(expect.stringMatching(/^Every service line is complete/));
  });

  test("an other line given a name and money but no basis is incomplete; given a basis it is split", () => {
    const named: Edit[] = [
      { sheet: "Lines", at: "A15", value: "Enhanced services" },
      { sheet: "Lines", at: "D15", value: 4000000 },
    ];
    expect(checksAfter(named)).toContainEqual(expect.stringMatching(/^Every service line is complete/));
    const filled = fill(t, [...named, { sheet: "Lines", at: "B15", value: "Population" }]);
    expectClean(filled, { filled: true });
    expect(filled.read("Line7Budgets")).toEqual(core("DELEGATE", 4000000, filled.read("PlacePopulation"), undefined, undefined, 1));
  });
});
