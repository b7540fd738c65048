/** The place-delegation template on its fictional sample system, from the generated file. */
import { Cell, Grid } from "../../src/core";
import { SAMPLE_DELEGATION } from "../../src/templates/sample";
import { Generated, asColumn, core, expectClean, generate } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("place-delegation");
});

const places = [...new Set(SAMPLE_DELEGATION.practices.map((p) => p.place))];

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("the pot is ICS.POT of the budget lines: 352.6m + 36.9m + 27.45m + 85% × 61.8m + 1.95m + 4.4m + 2.75m + 5.6m", () => {
  const expected = core("POT", t.read("PotAmounts"), t.read("PotStreams"), t.read("PotShares"), t.scalar("RoundTo"));
  expect(t.scalar("Pot")).toBe(expected);
  expect(t.scalar("Pot")).toBe(484180000);
});

test("the pot by stream spills beside the lines and adds up to the pot", () => {
  const spilled = t.spec.sheets.find((s) => s.name === "Pot")!.cells.find((c) => "formula" in c && c.formula.startsWith("ICS.POTSTREAMS"));
  expect(spilled && "spill" in spilled && spilled.spill).toBe("F7:G17");
  const expected = core("POTSTREAMS", t.read("PotAmounts"), t.read("PotStreams"), t.read("PotShares"), t.scalar("RoundTo")) as Grid;
  expect(expected).toHaveLength(9); // eight streams and the total
  expected.forEach((row, i) => {
    expect(t.at("Pot", `F${7 + i}`)).toBe(row[0]);
    expect(t.at("Pot", `G${7 + i}`)).toBe(row[1]);
  });
  expect(t.at("Pot", "F15")).toBe("Total");
  expect(t.at("Pot", "G15")).toBe(484180000);
  // The block has room for all ten streams; the rows this pot does not need stay blank.
  expect(t.at("Pot", "F16")).toBeNull();
  expect(t.at("Pot", "F17")).toBeNull();
});

test("top-slices come off the pot: 484.18m − (4.4m + 52.53m + 2.42m + 24.8m) = 400.03m delegated", () => {
  expect(t.scalar("Delegated")).toBe(400030000);
});

test("places get ICS.DELEGATE of the delegated amount by weighted population, floors honoured", () => {
  const wp = t.column("PlaceWP");
  const expected = core("DELEGATE", t.scalar("Delegated"), asColumn(wp), t.read("PlaceFloors"), undefined, t.scalar("RoundTo"));
  expect(t.read("PlaceBudgets")).toEqual(expected);
  const budgets = t.column("PlaceBudgets") as number[];
  expect(budgets.reduce((a, b) => a + b, 0)).toBe(400030000);
  // Riverside's weight alone would give 400.03m × 48,170.2 / 235,425.9 ≈ 81.85m: its 84.5m floor binds.
  const riverside = places.indexOf("Riverside");
  expect((400030000 * (wp[riverside] as number)) / (wp as number[]).reduce((a, b) => a + b, 0)).toBeLessThan(84500000);
  expect(budgets[riverside]).toBe(84500000);
});

test("place weighted populations are the sums of their practices'", () => {
  const wp = t.column("PlaceWP") as number[];
  places.forEach((place, i) => {
    const practices = SAMPLE_DELEGATION.practices.filter((p) => p.place === place);
    expect(wp[i]).toBeCloseTo(practices.reduce((a, p) => a + p.weightedPopulation, 0), 6);
  });
});

test("need indices are ICS.NEEDINDEX: Riverside (48,170.2 / 56,060.1) / (235,425.9 / 219,128) ≈ 0.7998", () => {
  expect(t.read("NeedIndex")).toEqual(core("NEEDINDEX", t.read("PlaceWP"), t.read("PlacePopulation")));
  expect(t.column("NeedIndex")[places.indexOf("Riverside")]).toBeCloseTo((48170.2 / 56060.1) / (235425.9 / 219128), 10);
});

test("each place's budget is split across its own practices by ICS.DELEGATE, adding up to the place exactly", () => {
  const budgets = t.column("PlaceBudgets");
  const practiceBudgets = t.column("PracticeBudgets");
  const practiceWp = t.column("PracticeWP");
  const practicePlaces = t.column("PracticePlaces");
  places.forEach((place, k) => {
    const rows = practicePlaces.map((p, i) => (p === place ? i : -1)).filter((i) => i >= 0);
    const expected = core("DELEGATE", budgets[k], asColumn(rows.map((i) => practiceWp[i])), undefined, undefined, t.scalar("RoundTo")) as Grid;
    expect(rows.map((i) => practiceBudgets[i])).toEqual(expected.map((r) => r[0]));
    expect(rows.reduce((a, i) => a + (practiceBudgets[i] as number), 0)).toBe(budgets[k]);
  });
});

test("every practice of the sample is listed once, grouped by place", () => {
  const codes: Cell[] = t.column("PracticeCodes");
  expect(codes).toEqual(SAMPLE_DELEGATION.practices.map((p) => p.code));
  expect(t.column("PlaceNames")).toEqual(places);
});
