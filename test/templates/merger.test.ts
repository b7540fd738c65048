/**
 * The merger template: its fictional sample (two fictional ICBs combine), and real footprints from
 * NHS England's practice file (QU9 and QNQ combining; Berkshire East moving from Frimley to QU9).
 */
import { Cell, Grid } from "../../src/core";
import { mergerFootprint } from "../../src/cli/merger";
import { PracticeRecord, readPracticeFile } from "../../src/cli/practices";
import { STREAMS } from "../../src/core/rules/streams";
import { MergerSystem } from "../../src/templates";
import { SAMPLE_MERGER } from "../../src/templates/merger";
import { PRACTICES_FILE, describeIfPractices } from "../helpers/practices";
import { Generated, asColumn, core, expectClean, failingChecks, fill, generate } from "./helpers";
import { ENGLAND_CORE, POTS, addresses, filledIn } from "./mergerFill";

jest.setTimeout(180000);

const RECONCILES = /^Stream by stream, each body after holds/;
const NOTHING_LOST = /^Nothing is lost/;
const numbers = (cells: readonly Cell[]) => cells as number[];
const total = (cells: readonly Cell[]) => numbers(cells).reduce((a, b) => a + b, 0);

const streamIndex = (key: string) => STREAMS.findIndex((s) => s.key === key);

describe("the fictional sample: Northmoor ICB and Vale ICB combine", () => {
  let t: Generated;
  beforeAll(async () => {
    t = await generate("merger");
  });

  test("recalculates clean, Cover first, with the key figures named", () => {
    expectClean(t);
    expect(t.spec.sheets.map((s) => s.name)).toEqual(["Cover", "About", "Pots", "Bodies", "Places", "Practices", "Checks"]);
    expect(t.spec.keyFigures.map((k) => k.name)).toEqual(expect.arrayContaining(["CombinedPot", "CombinedWeightedPopulation", "CombinedPopulation", "CombinedDFT"]));
  });

  test("the combined pot is the former pots added stream by stream (ICS.POT), and the combined body's populations come from every practice", () => {
    const former = [t.column("Former1Lines"), t.column("Former2Lines")];
    const combined = t.column("After1Lines");
    combined.forEach((v, i) => expect(v === null ? 0 : v).toBe(((former[0][i] as number) ?? 0) + ((former[1][i] as number) ?? 0)));
    expect(t.scalar("CombinedPot")).toBe(core("POT", asColumn(combined), asColumn(STREAMS.map((s) => s.key)), undefined, 1));
    expect(t.scalar("CombinedPot")).toBe(total(t.column("FormerBodyPots")));
    // The combined pot by stream is the core's POTSTREAMS: five streams and the total, the rest of its block blank.
    const byStream = core("POTSTREAMS", asColumn(combined), asColumn(STREAMS.map((s) => s.key)), undefined, 1) as Grid;
    expect(byStream).toHaveLength(6);
    expect(t.read("CombinedPotByStream").slice(0, 6)).toEqual(byStream);
    expect(byStream[5]).toEqual(["Total", t.scalar("CombinedPot")]);
    expect(t.scalar("CombinedPopulation")).toBeCloseTo(SAMPLE_MERGER.practices.reduce((a, p) => a + p.population, 0), 6);
    expect(t.scalar("CombinedWeightedPopulation")).toBeCloseTo(SAMPLE_MERGER.practices.reduce((a, p) => a + p.weighted.final, 0), 6);
  });

  test("targets and distance from target are the core's: England's core allocation split by weighted population (DELEGATE), then DFT", () => {
    const england = t.scalar("EnglandCoreAllocation") as number;
    const englandWp = t.scalar("EnglandWeightedPopulation") as number;
    for (const [prefix, lines] of [["FormerBody", ["Former1Lines", "Former2Lines"]], ["BodyAfter", ["After1Lines"]]] as const) {
      const wp = numbers(t.column(`${prefix}WeightedPopulation`));
      const weights = [...wp, englandWp - total(wp)];
      const targets = (core("DELEGATE", england, asColumn(weights), undefined, undefined, 1) as Grid).map((r) => r[0]);
      expect(t.column(`${prefix}Targets`)).toEqual(targets.slice(0, wp.length));
      const coreLines = lines.map((n) => t.column(n)[streamIndex("core")] as number);
      expect(t.column(`${prefix}DFT`)).toEqual(coreLines.map((a, i) => core("DFT", a, targets[i])));
    }
    expect(t.scalar("CombinedDFT")).toBe(t.column("BodyAfterDFT")[0]);
  });

  test("each place's fair share is the core's DELEGATE of its body's delegated total by Final WP, with NEEDINDEX and DFT", () => {
    const today = numbers(t.column("PlaceBudgetsToday"));
    const wp = t.column("PlaceWeightedPopulation");
    const fair = (core("DELEGATE", total(today), asColumn(wp), undefined, undefined, 1) as Grid).map((r) => r[0]);
    expect(t.column("PlaceFairShare")).toEqual(fair);
    expect(total(t.column("PlaceFairShare"))).toBe(total(today));
    expect(t.column("PlaceNeedIndex")).toEqual((core("NEEDINDEX", asColumn(wp), asColumn(t.column("PlacePopulation"))) as Grid).map((r) => r[0]));
    expect(t.column("PlaceDFT")).toEqual(today.map((a, i) => core("DFT", a, fair[i])));
  });

  test("a pot line changed on one side only makes the checks FALSE; changed on both sides they pass again", () => {
    const former = addresses(t, "Former1Lines");
    const after = addresses(t, "After1Lines");
    const row = streamIndex("pod");
    const pod = t.column("Former1Lines")[row] as number;
    const combinedPod = t.column("After1Lines")[row] as number;
    const oneSide = fill(t, [{ sheet: former.sheet, at: former.cells[row], value: pod + 1000 }]);
    expect(failingChecks(oneSide)).toEqual(expect.arrayContaining([expect.stringMatching(RECONCILES), expect.stringMatching(NOTHING_LOST)]));
    const otherSide = fill(t, [{ sheet: after.sheet, at: after.cells[row], value: combinedPod - 1 }]);
    expect(failingChecks(otherSide)).toEqual(expect.arrayContaining([expect.stringMatching(RECONCILES), expect.stringMatching(NOTHING_LOST)]));
    const both = fill(t, [
      { sheet: former.sheet, at: former.cells[row], value: pod + 1000 },
      { sheet: after.sheet, at: after.cells[row], value: combinedPod + 1000 },
    ]);
    expectClean(both, { filled: true });
  });

  test("a blank copy is honestly incomplete: no error cell, no sample money", async () => {
    const blank = await generate("merger", { mode: "blank" });
    expect(blank.review.errors).toEqual([]);
    expect(failingChecks(blank)).toEqual(expect.arrayContaining([expect.stringMatching(/^Cover complete/), expect.stringMatching(/^Every former body's pot is filled in/)]));
    expect(blank.column("Former1Lines").every((v) => v === null)).toBe(true);
    expect(blank.column("PlaceBudgetsToday").every((v) => v === null)).toBe(true);
  });
});

const DATA = PRACTICES_FILE;
const withData = describeIfPractices;

withData("real footprints from NHS England's practice file", () => {
  let records: PracticeRecord[];
  beforeAll(() => {
    records = readPracticeFile(DATA);
  });
  const sumOf = (rs: readonly PracticeRecord[], f: (r: PracticeRecord) => number) => rs.reduce((a, r) => a + f(r), 0);

  describe("QU9 and QNQ combine", () => {
    let system: MergerSystem;
    let t: Generated;
    let filled: Generated;
    beforeAll(async () => {
      system = mergerFootprint(records, { icbs: ["QU9", "qnq"], practicesFile: DATA });
      t = await generate("merger", { footprint: system });
      filled = filledIn(t, system);
    });

    test("every practice of both ICBs exactly once, and the weighted populations add up to the file's totals", () => {
      const expected = records.filter((r) => r.icb === "QU9" || r.icb === "QNQ");
      const codes = t.column("PracticeCodes") as string[];
      expect(new Set(codes).size).toBe(codes.length);
      expect([...codes].sort()).toEqual(expected.map((r) => r.code).sort());
      expect(t.column("FormerBodyCodes")).toEqual(["QU9", "QNQ"]);
      for (const [i, code] of ["QU9", "QNQ"].entries()) {
        const own = records.filter((r) => r.icb === code);
        expect(t.column("FormerBodyWeightedPopulation")[i]).toBeCloseTo(sumOf(own, (r) => r.weighted.final), 6);
        expect(t.column("FormerBodyPopulation")[i]).toBeCloseTo(sumOf(own, (r) => r.population), 6);
      }
      expect(t.scalar("CombinedWeightedPopulation")).toBeCloseTo(sumOf(expected, (r) => r.weighted.final), 6);
      expect(t.scalar("CombinedPopulation")).toBeCloseTo(sumOf(expected, (r) => r.population), 6);
      expect(t.scalar("EnglandWeightedPopulation")).toBeCloseTo(sumOf(records, (r) => r.weighted.final), 3);
      // Places are the former CCGs of both: Berkshire West, Buckinghamshire, Frimley, Oxfordshire.
      expect(t.column("PlaceNames")).toEqual(["Berkshire West", "Buckinghamshire", "Frimley", "Oxfordshire"]);
    });

    test("recalculates clean once the pot inputs are filled, and its key figures are the core's", () => {
      expect(t.review.errors).toEqual([]);
      expectClean(filled, { filled: true });
      const combinedLines = filled.column("After1Lines");
      expect(filled.scalar("CombinedPot")).toBe(core("POT", asColumn(combinedLines), asColumn(STREAMS.map((s) => s.key)), undefined, 1));
      expect(filled.scalar("CombinedPot")).toBe(total(Object.values(POTS.QU9)) + total(Object.values(POTS.QNQ)));
      const wp = numbers(filled.column("BodyAfterWeightedPopulation"));
      const target = (core("DELEGATE", ENGLAND_CORE, asColumn([...wp, sumOf(records, (r) => r.weighted.final) - total(wp)]), undefined, undefined, 1) as Grid)[0][0];
      expect(filled.scalar("CombinedDFT")).toBe(core("DFT", POTS.QU9.core + POTS.QNQ.core, target));
    });

    test("a pot line changed on one side only makes the checks FALSE", () => {
      const former = addresses(t, "Former2Lines");
      const changed = fill(filled, [{ sheet: former.sheet, at: former.cells[streamIndex("running_costs")], value: POTS.QNQ.running_costs + 1 }]);
      expect(failingChecks(changed)).toEqual(expect.arrayContaining([expect.stringMatching(RECONCILES), expect.stringMatching(NOTHING_LOST)]));
    });
  });

  describe("Berkshire East (Bracknell Forest, Slough, Windsor and Maidenhead) leaves Frimley for QU9", () => {
    const BERKSHIRE_EAST = ["Bracknell Forest", "Slough", "Windsor and Maidenhead"];
    let system: MergerSystem;
    let t: Generated;
    let filled: Generated;
    beforeAll(async () => {
      system = mergerFootprint(records, { icbs: ["QU9"], move: BERKSHIRE_EAST, practicesFile: DATA });
      t = await generate("merger", { footprint: system });
      filled = filledIn(t, system);
    });

    test("exactly Frimley's practices in those three local authorities move; QU9's own Bracknell Forest practice stays in Berkshire West", () => {
      const moving = records.filter((r) => r.icb === "QNQ" && BERKSHIRE_EAST.includes(r.laName ?? "")).map((r) => r.code).sort();
      expect(moving.length).toBeGreaterThan(0);
      expect(system.practices.filter((p) => p.moved).map((p) => p.code).sort()).toEqual(moving);
      expect(system.practices.filter((p) => p.bodyAfter === "QNQ").map((p) => p.code).sort()).toEqual(records.filter((r) => r.icb === "QNQ" && !moving.includes(r.code)).map((r) => r.code).sort());
      const qu9Bracknell = records.filter((r) => r.icb === "QU9" && r.laName === "Bracknell Forest");
      for (const r of qu9Bracknell) expect(system.practices.find((p) => p.code === r.code)).toMatchObject({ moved: false, bodyAfter: "QU9", place: "Berkshire West" });
      expect(t.column("FormerBodyCodes")).toEqual(["QU9", "QNQ"]);
      expect(t.column("BodyAfterCodes")).toEqual(["QU9", "QNQ"]);
      expect(t.column("PlaceNames")).toEqual(["Berkshire West", "Buckinghamshire", "Oxfordshire", "Bracknell Forest, Slough and Windsor and Maidenhead (from QNQ)", "Frimley"]);
      expect(t.column("PlaceMoved")).toEqual([null, null, null, "Yes", null]);
      const moved = records.filter((r) => moving.includes(r.code));
      expect(t.column("MovedWeightedPopulation")[0]).toBeCloseTo(sumOf(moved, (r) => r.weighted.final), 6);
      const qu9 = records.filter((r) => r.icb === "QU9");
      expect(t.scalar("CombinedWeightedPopulation")).toBeCloseTo(sumOf(qu9, (r) => r.weighted.final) + sumOf(moved, (r) => r.weighted.final), 6);
    });

    test("the moved place carries the core's exact share of each Frimley stream (Final WP; PMC WP for primary medical care), out of one body and into the other", () => {
      const moving = records.filter((r) => r.icb === "QNQ" && BERKSHIRE_EAST.includes(r.laName ?? ""));
      const staying = records.filter((r) => r.icb === "QNQ" && !moving.includes(r));
      const carried = numbers(filled.column("Moved1Carried"));
      STREAMS.forEach((s, i) => {
        const weight = (r: PracticeRecord) => (s.key === "primary_medical" ? r.weighted.pmc : r.weighted.final);
        const split = core("DELEGATE", POTS.QNQ[s.key] ?? 0, asColumn([sumOf(moving, weight), sumOf(staying, weight)]), undefined, undefined, 1) as Grid;
        expect(carried[i]).toBe(split[0][0]);
      });
      expectClean(filled, { filled: true });
      expect(filled.scalar("CombinedPot")).toBe(total(Object.values(POTS.QU9)) + total(carried));
      expect(total(numbers(filled.column("BodyAfterPots")))).toBe(total(numbers(filled.column("FormerBodyPots"))));
      // The moved place's delegated budget goes with it.
      expect(filled.column("MovedDelegatedBudget")[0]).toBe(filled.column("PlaceBudgetsToday")[3]);
    });

    test("an agreed transfer replaces the moved share; a pot line changed on one side only makes the checks FALSE", () => {
      const agreedCol = addresses(t, "Moved1Carried").cells[streamIndex("core")].replace(/^([A-Z]+)/, (c) => String.fromCharCode(c.charCodeAt(0) - 1));
      const agreed = fill(filled, [{ sheet: "Pots", at: agreedCol, value: 500000000 }]);
      expect(agreed.column("Moved1Carried")[streamIndex("core")]).toBe(500000000);
      expect(failingChecks(agreed)).toEqual(expect.arrayContaining([expect.stringMatching(RECONCILES)]));
      const after = addresses(t, "After2Lines");
      const oneSide = fill(filled, [{ sheet: after.sheet, at: after.cells[streamIndex("pod")], value: 1 }]);
      expect(failingChecks(oneSide)).toEqual(expect.arrayContaining([expect.stringMatching(RECONCILES), expect.stringMatching(NOTHING_LOST)]));
    });
  });

  test("unknown ICB codes and local authorities are refused, naming what the file has", () => {
    expect(() => mergerFootprint(records, { icbs: ["QU9", "QXX"] })).toThrow(/no practices for ICB "QXX"; the file has 42 ICBs: .*QNQ.*QU9/);
    expect(() => mergerFootprint(records, { icbs: ["QU9"], move: ["Slogh"] })).toThrow(/no practices in local authority "Slogh".*local authorities are: .*Slough/);
    expect(() => mergerFootprint(records, { icbs: ["QU9"] })).toThrow(/at least two ICBs/);
    expect(() => mergerFootprint(records, { icbs: ["QU9"], move: ["Reading"] })).toThrow(/already in QU9: nothing moves/);
    // Codes work as well as names.
    const byCode = mergerFootprint(records, { icbs: ["QU9"], move: ["E06000039"] });
    expect(byCode.practices.filter((p) => p.moved).length).toBe(records.filter((r) => r.icb === "QNQ" && r.laCode === "E06000039").length);
  });
});
