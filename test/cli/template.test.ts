/** `ics-finance template`: listing, writing each template, prefilling from NHS England's practice file. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "xlsx";
import { main } from "../../src/cli/main";
import { describeIfPractices, PRACTICES_FILE, readPractices } from "../helpers/practices";
import { Edit, Generated, asColumn, core, coverEdits, expectClean, failingChecks, fill, generate } from "../templates/helpers";
import { delegationSystem, readPlaceMapping, readPracticeFile } from "../../src/cli/practices";

// Generating, reading back and recalculating a template takes seconds on a busy machine.
jest.setTimeout(180000);

const BIN = path.join(__dirname, "..", "..", "bin", "ics-finance.js");

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "ics-template-cli-"));

describe("ics-finance template", () => {
  test("--list names the five templates (through the real bin)", () => {
    const r = spawnSync(process.execPath, [BIN, "template", "--list"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").map((line) => line.split(/\s+/)[0])).toEqual(["place-delegation", "risk-share", "system-plan", "capital", "merger"]);
  });

  test("writes <name>.xlsx in the current folder by default, and says it is clean", () => {
    const dir = scratch();
    const r = spawnSync(process.execPath, [BIN, "template", "capital"], { encoding: "utf8", cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("wrote capital.xlsx: Capital plan (capital 2026.1, the fictional sample), 7 sheets");
    expect(r.stdout).toMatch(/\d+ formulas recalculated; 0 error cells; 25 of 25 checks TRUE/);
    expect(XLSX.readFile(path.join(dir, "capital.xlsx")).SheetNames).toEqual(["Cover", "About", "Envelope", "Split", "Funding", "Schemes", "Checks"]);
  });

  test.each(["place-delegation", "risk-share", "system-plan", "capital"])("%s --out writes that file, exit 0", async (name) => {
    const file = path.join(scratch(), "return.xlsx");
    const r = await cli("template", name, "--out", file);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(/ 0 error cells; (\d+) of \1 checks TRUE/);
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
  });

  test.each(["place-delegation", "risk-share"])("%s --blank writes the copy for distribution: exit 0, its checks FALSE until filled in", async (name) => {
    const file = path.join(scratch(), "blank.xlsx");
    const r = await cli("template", name, "--blank", "--out", file);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("blank, for distribution");
    expect(r.out).toMatch(/ 0 error cells; /);
    expect(r.out).toMatch(/FALSE\tChecks!B6\tCover complete/);
    expect(r.out).toMatch(/incomplete until filled in: \d+ checks FALSE/);
  });

  test("risk-share --blank --partners 4 makes room for four partners; --partners goes with a blank risk-share only", async () => {
    const file = path.join(scratch(), "four.xlsx");
    const r = await cli("template", "risk-share", "--blank", "--partners", "4", "--out", file);
    expect(r.code).toBe(0);
    const agreement = XLSX.utils.sheet_to_json<unknown[]>(XLSX.readFile(file).Sheets.Agreement, { header: 1, blankrows: true });
    expect(agreement[14][3]).toBe(0); // row 15: the fourth partner's pooled contribution, blank as yet
    expect(agreement[15][0]).toBe("Total");
    expect((await cli("template", "risk-share", "--partners", "4", "--out", file)).code).toBe(2);
    expect((await cli("template", "capital", "--blank", "--partners", "4", "--out", file)).code).toBe(2);
    expect((await cli("template", "risk-share", "--blank", "--partners", "1", "--out", file)).code).toBe(2);
  });

  test("risk-share writes a return with scheme lines, a settlement sheet and sign-off, behind its Cover", async () => {
    const file = path.join(scratch(), "risk-share.xlsx");
    expect((await cli("template", "risk-share", "--out", file)).code).toBe(0);
    const wb = XLSX.readFile(file);
    expect(wb.SheetNames).toEqual(["Cover", "About", "Agreement", "Lines", "Forecast", "Settlement", "Checks"]);
    const settlement = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Settlement, { header: 1 }).flat();
    expect(settlement).toContain("Chief executive");
    expect(settlement).toContain("Section 151 officer (councils)");
    expect(settlement).toContain("Transfer £000 (+ pays in, − receives)");
  });

  test("usage errors exit 2: no name, an unknown template, a stray flag, --practices without --icb or on another template", async () => {
    expect((await cli("template")).code).toBe(2);
    expect(await cli("template", "budget")).toMatchObject({ code: 2, err: expect.stringContaining('no template "budget"; templates are place-delegation, risk-share, system-plan, capital, merger') });
    expect((await cli("template", "capital", "--colour", "red")).code).toBe(2);
    expect((await cli("template", "capital", "--out")).code).toBe(2);
    expect((await cli("template", "place-delegation", "--practices", "x.csv")).code).toBe(2);
    expect((await cli("template", "capital", "--practices", "x.csv", "--icb", "QWO")).code).toBe(2);
    expect((await cli("template", "place-delegation", "--places", "x.csv")).code).toBe(2);
  });

  test("a practice file that is not NHS England's format is a usage error naming what is missing", async () => {
    const file = path.join(scratch(), "bad.csv");
    fs.writeFileSync(file, "code,name\nA1,Somewhere\n");
    const r = await cli("template", "place-delegation", "--practices", file, "--icb", "QWO", "--out", path.join(scratch(), "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("no column matching Practice_Code");
  });
});

/** The money a system fills in on a prefilled place-delegation: each line's allocation and top-slice, and last year's budgets. */
function moneyEdits(t: Generated): Edit[] {
  const population = t.column("PlacePopulation") as number[];
  const total = population.reduce((a, b) => a + b, 0);
  const perHead = [175, 240, 175, 95]; // primary medical care, community, prescribing, CHC: £ a head
  const edits: Edit[] = [];
  perHead.forEach((rate, k) => {
    const allocation = Math.round(rate * total);
    const topSlice = Math.round(allocation / 100);
    edits.push({ sheet: "Lines", at: `D${9 + k}`, value: allocation }, { sheet: "Lines", at: `E${9 + k}`, value: topSlice });
    // Last year's budgets: about 4% less, by population, so every line grows.
    const baselines = t.content.names.find((n) => n.name === `Line${k + 1}Baselines`)!;
    const first = Number(baselines.range.split(":")[0].slice(1));
    population.forEach((pop, i) => edits.push({ sheet: "Places", at: `C${first + i}`, value: Math.round(((allocation - topSlice) * pop) / total / 1.04) }));
  });
  return edits;
}

describeIfPractices("place-delegation prefilled from the 2024/25 practice file", () => {
  const records = () => readPracticeFile(PRACTICES_FILE);

  describe("Buckinghamshire, Oxfordshire and Berkshire West (QU9), as the CLI writes it", () => {
    let t: Generated;
    let printed: { code: number; out: string };
    let written: string;
    beforeAll(async () => {
      const dir = scratch();
      written = path.join(dir, "qu9.xlsx");
      printed = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QU9", "--out", written);
      t = await generate("place-delegation", { system: delegationSystem(records(), "QU9", { practicesFile: PRACTICES_FILE }) }, dir);
    });

    test("writes the file (exit 0), says it is incomplete until the money is in, and is the same file as the spec renders", () => {
      expect(printed.code).toBe(0);
      expect(printed.out).toContain("prefilled from practice-weighted-populations-2024-25.csv, ICB QU9, money inputs blank");
      expect(printed.out).toMatch(/ 0 error cells; /);
      expect(printed.out).toMatch(/incomplete until filled in: \d+ checks FALSE/);
      expect(fs.readFileSync(written).equals(fs.readFileSync(t.file))).toBe(true);
      expect(t.spec.prefilledFrom).toBe("practice-weighted-populations-2024-25.csv, ICB QU9");
    });

    test("three places, the former CCGs: Berkshire West, Buckinghamshire, Oxfordshire, with their local authorities' codes", () => {
      expect(t.column("PlaceNames")).toEqual(["Berkshire West", "Buckinghamshire", "Oxfordshire"]);
      expect(t.at("Places", "B8")).toBe("Former NHS Berkshire West CCG (15A)");
      expect(t.at("Places", "C10")).toMatch(/E07000178 Oxford/);
      const practices = readPractices().filter((p) => p.icb === "QU9");
      expect(new Set(t.column("PracticeCodes"))).toEqual(new Set(practices.map((p) => p.code)));
      (t.column("PlacePopulation") as number[]).forEach((pop, i) => {
        const ccg = ["NHS Berkshire West CCG", "NHS Buckinghamshire CCG", "NHS Oxfordshire CCG"][i];
        expect(pop).toBeCloseTo(practices.filter((p) => p.formerCcg === ccg).reduce((a, p) => a + p.population, 0), 4);
      });
      expect(t.scalar("ICBCode")).toBe("QU9");
      expect(t.scalar("OrganisationCode")).toBe("QU9");
      expect(t.scalar("OrganisationName")).toBe("NHS Buckinghamshire, Oxfordshire and Berkshire West ICB");
      expect(t.scalar("FinancialYear")).toBeNull();
    });

    test("practice budgets only on primary medical care and prescribing; no sample money survives", () => {
      expect(t.spec.names.filter((n) => n.sheet === "Practices" && /Budgets$/.test(n.name)).map((n) => n.name)).toEqual(["PracticePmcBudgets", "PracticePrescribingBudgets"]);
      expect(t.column("LineAllocations").every((v) => v === null)).toBe(true);
      expect(t.column("TopSlices").every((v) => v === null)).toBe(true);
      for (let k = 1; k <= 8; k++) expect(t.column(`Line${k}Baselines`).every((v) => v === null)).toBe(true);
      expect(t.column("LineNames").slice(4).every((v) => v === null)).toBe(true);
      expect(t.scalar("DelegatedPot")).toBe(0);
      expect(t.column("PlaceBudgets")).toEqual([0, 0, 0]);
      expect(failingChecks(t)).toContainEqual(expect.stringMatching(/^Cover complete/));
      expect(failingChecks(t)).toContainEqual(expect.stringMatching(/^Every service line is complete/));
    });

    test("every check is TRUE once its money inputs and the Cover are filled in, and the figures are the core's", () => {
      const filled = fill(t, [...coverEdits(), ...moneyEdits(t)]);
      expectClean(filled, { filled: true });
      const budgets = filled.column("Line1Budgets");
      expect(filled.read("Line1Targets")).toEqual(core("DELEGATE", filled.at("Lines", "G9"), filled.read("PlacePmcWP"), undefined, undefined, 1));
      expect((budgets as number[]).reduce((a, b) => a + b, 0)).toBe(filled.at("Lines", "G9"));
      const places = filled.column("PracticePlaces");
      const wp = filled.column("PracticePmcWP");
      const pmc = filled.column("PracticePmcBudgets");
      filled.column("PlaceNames").forEach((place, k) => {
        const rows = places.map((p, i) => (p === place ? i : -1)).filter((i) => i >= 0);
        const split = core("DELEGATE", budgets[k], asColumn(rows.map((i) => wp[i])), undefined, undefined, 1) as number[][];
        expect(rows.map((i) => pmc[i])).toEqual(split.map((r) => r[0]));
      });
      // The per-head check: primary medical care typed in £000 fails it.
      expect(failingChecks(fill(filled, [{ sheet: "Lines", at: "D9", value: Math.round((filled.at("Lines", "D9") as number) / 1000) }]))).toContainEqual(expect.stringMatching(/£ per head/));
    });

    test("--places maps practices to places of the system's own choosing", async () => {
      const dir = scratch();
      const mapping = path.join(dir, "places.csv");
      const practices = readPractices().filter((p) => p.icb === "QU9");
      fs.writeFileSync(mapping, ["Practice_Code,Place", ...practices.map((p) => `${p.code},"${p.formerCcg === "NHS Oxfordshire CCG" ? "Oxfordshire" : "Bucks and Berks West"}"`)].join("\n"));
      const r = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QU9", "--places", mapping, "--out", path.join(dir, "mapped.xlsx"));
      expect(r.code).toBe(0);
      const g = await generate("place-delegation", { system: delegationSystem(records(), "QU9", { practicesFile: PRACTICES_FILE, places: readPlaceMapping(mapping), placesFile: mapping }) }, dir);
      expect(g.column("PlaceNames")).toEqual(["Bucks and Berks West", "Oxfordshire"]);
      expect(g.at("Places", "B8")).toBe("From places.csv");
      // A mapping that leaves a practice out is refused, naming it.
      fs.writeFileSync(mapping, ["Practice_Code,Place", ...practices.slice(1).map((p) => `${p.code},X`)].join("\n"));
      const refused = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QU9", "--places", mapping, "--out", path.join(dir, "x.xlsx"));
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`the place mapping has no place for 1 of QU9's 159 practices: ${practices[0].code}`);
    });
  });

  describe("West Yorkshire (QWO)", () => {
    let t: Generated;
    beforeAll(async () => {
      t = await generate("place-delegation", { system: delegationSystem(records(), "QWO", { practicesFile: PRACTICES_FILE }) });
    });

    test("places are the five former CCGs (Craven stays in Bradford District and Craven), practice-level lines only, money blank", () => {
      expect(t.column("PlaceNames")).toEqual(["Bradford District and Craven", "Calderdale", "Kirklees", "Leeds", "Wakefield"]);
      expect(t.review.errors).toEqual([]);
      expect(t.spec.names.filter((n) => n.sheet === "Practices" && /Budgets$/.test(n.name)).map((n) => n.name)).toEqual(["PracticePmcBudgets", "PracticePrescribingBudgets"]);
      expect(t.column("LineAllocations").every((v) => v === null)).toBe(true);
      expect(t.scalar("DelegatedPot")).toBe(0);
      expect(t.column("PracticeCodes")).toHaveLength(readPractices().filter((p) => p.icb === "QWO").length);
      expect(t.read("NeedIndex")).toEqual(core("NEEDINDEX", t.read("PlaceFinalWP"), t.read("PlacePopulation")));
    });

    test("filled in, it is clean: West Yorkshire's figures a head are plausible", () => {
      const filled = fill(t, [...coverEdits({ OrganisationCode: "QWO", ICBCode: "QWO", OrganisationName: "NHS West Yorkshire ICB" }), ...moneyEdits(t)]);
      expectClean(filled, { filled: true });
      for (const perHead of filled.column("PlacePerHead") as number[]) expect(perHead).toBeGreaterThan(600);
    });
  });

  test("an unknown ICB is a usage error listing the ICBs in the file", async () => {
    const r = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QXX", "--out", path.join(scratch(), "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no practices for ICB "QXX"; the file has 42 ICBs: .*QWO/);
  });
});
