/**
 * The capital template (£000, 2026/27–2029/30): envelopes less top-slices split by ICS.CAPITAL,
 * unallocated capital shown and checked, funding sources, and schemes filled by priority.
 */
import { Generated, core, expectClean, generate, fillCells } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("capital");
}, 60000);

const YEARS = ["2026_27", "2027_28", "2028_29", "2029_30"];
const sum = (values: readonly unknown[]) => (values as number[]).reduce((a, b) => a + b, 0);

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("each year's allocations are ICS.CAPITAL of the envelope less the top-slices, and add up to it exactly", () => {
  const envelope = t.read("CapitalEnvelope")[0] as number[];
  const contingency = t.read("CapitalContingency")[0] as number[];
  const priority = t.read("CapitalPriorityTopSlice")[0] as number[];
  YEARS.forEach((year, y) => {
    const available = envelope[y] - contingency[y] - priority[y];
    expect(t.read("CapitalAvailable")[0][y]).toBe(available);
    const expected = core("CAPITAL", available, t.read("Depreciation"), t.read("Backlog"), t.read("WeightedPopulation"), t.read("Mix"), t.read(`Minimums_${year}`), t.read(`Bids_${year}`), t.scalar("RoundTo"));
    expect(t.read(`Allocations_${year}`)).toEqual(expected);
    expect(sum(t.column(`Allocations_${year}`))).toBe(available);
  });
  expect(t.read("CapitalAvailable")[0]).toEqual([89900, 90300, 95200, 97600]);
  expect(t.read("CapitalUnallocated")[0]).toEqual([0, 0, 0, 0]);
});

test("depreciation and backlog by default; the population term is there as a local choice, weighted 0%", () => {
  expect(t.read("Mix")).toEqual([[0.7, 0.3, 0]]);
  expect(t.at("Envelope", "D6")).toBe("Weighted population (a local choice)");
  // With no population weight, moving population changes nothing.
  expect(core("CAPITAL", 89900, t.read("Depreciation"), t.read("Backlog"), [[1], [1], [1], [1], [1]], t.read("Mix"), t.read("Minimums_2026_27"), t.read("Bids_2026_27"), 1)).toEqual(t.read("Allocations_2026_27"));
});

test("2026/27: bids cap and minimums floor: the community trust gets its 5,000 bid, the mental health trust its 12,500 minimum, the ICB its 1,500", () => {
  const allocations = t.column("Allocations_2026_27");
  expect(allocations[0]).toBe(1500);
  expect(allocations[3]).toBe(5000);
  expect(allocations[4]).toBe(12500);
});

test("bids below the amount to split: each gets its bid, the rest is shown unallocated and fails its check", async () => {
  // 2027/28 bids of 2,000 + 40,000 + 25,000 + 5,000 + 9,000 = 81,000 against 90,300 to split.
  const edited = fillCells(t, { "Split!B26": 2000, "Split!B27": 40000, "Split!B28": 25000, "Split!B29": 5000, "Split!B30": 9000 });
  expect(edited.review.errors).toEqual([]);
  expect([26, 27, 28, 29, 30].map((r) => edited.at("Split", `E${r}`))).toEqual([2000, 40000, 25000, 5000, 9000]);
  expect(edited.at("Envelope", "C16")).toBe(9300);
  expect(edited.at("Split", "E32")).toBe(9300);
  expect(edited.at("Funding", "C8")).toBe(9300);
  expect(edited.review.checks.filter((c) => !c.passed).map((c) => c.label)).toEqual(["All checks pass", "2027/28: no capital is left unallocated (it cannot be rolled forward)"]);
});

test("funding sources: operational capital is the envelope, and the total adds the other sources", () => {
  const envelope = t.read("CapitalEnvelope")[0] as number[];
  const other = t.read("OtherCapitalFunding");
  const resource = t.read("CapitalResource")[0];
  envelope.forEach((e, y) => {
    expect(t.at("Funding", `${"BCDE"[y]}9`)).toBe(e);
    expect(resource[y]).toBe(e + sum(other.map((row) => row[y])));
  });
  expect(resource[0]).toBe(96400 + 18500 + 6200 + 1500);
});

test("schemes are funded in priority order up to each organisation's four-year allocation", () => {
  const orgs = t.column("SchemeOrganisations");
  const priorities = t.column("SchemePriorities");
  const costs = t.column("SchemeCosts");
  const funded = t.column("SchemeFunded");
  const allocation = new Map((t.column("CapitalOrganisations") as string[]).map((o, i) => [o, t.column("FourYearAllocations")[i] as number]));
  for (const [org, envelope] of allocation) {
    const rows = orgs.map((o, i) => (o === org ? i : -1)).filter((i) => i >= 0).sort((a, b) => (priorities[a] as number) - (priorities[b] as number));
    let left = envelope;
    for (const i of rows) {
      const expected = Math.max(0, Math.min(costs[i] as number, left));
      expect(funded[i]).toBe(expected);
      left -= expected;
    }
    expect(left).toBe(0);
  }
  expect(t.column("AllocationWithoutScheme")).toEqual([0, 0, 0, 0, 0]);
  // The acute trust's fifth priority, the car park, gets what is left of its allocation.
  expect(t.at("Schemes", "I19")).toBe("Part funded");
});

test("the blank copy for distribution is honestly incomplete: Cover, envelopes, basis and schemes to fill in", async () => {
  const blank = await generate("capital", { mode: "blank" });
  const failing = blank.review.checks.filter((c) => !c.passed).map((c) => c.label);
  expect(failing).toEqual(expect.arrayContaining([expect.stringMatching(/^Cover complete/), "2026/27: every allocation is calculated (ICS.CAPITAL)", "Every organisation is named and its basis figures are numbers", "The envelope and top-slices are entered for every year (0 for none)"]));
  expect(blank.read("Mix")).toEqual([[0.7, 0.3, 0]]);
  expect(blank.column("Schemes").every((s) => s === null)).toBe(true);
});
