/** `ics-finance template`: listing, writing each template, prefilling from NHS England's practice file. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "xlsx";
import { main } from "../../src/cli/main";
import { describeIfPractices, PRACTICES_FILE, placesOf, readPractices } from "../helpers/practices";
import { Generated, asColumn, core, expectClean, generate } from "../templates/helpers";
import { delegationSystem, readPracticeFile } from "../../src/cli/practices";

const BIN = path.join(__dirname, "..", "..", "bin", "ics-finance.js");

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "ics-template-cli-"));

describe("ics-finance template", () => {
  test("--list names the four templates (through the real bin)", () => {
    const r = spawnSync(process.execPath, [BIN, "template", "--list"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").map((line) => line.split(/\s+/)[0])).toEqual(["place-delegation", "risk-share", "system-plan", "capital"]);
  });

  test("writes <name>.xlsx in the current folder by default, and says it is clean", () => {
    const dir = scratch();
    const r = spawnSync(process.execPath, [BIN, "template", "capital"], { encoding: "utf8", cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("wrote capital.xlsx: Capital plan (capital 2026.2, the fictional sample), 7 sheets");
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

  test("usage errors exit 2: no name, an unknown template, a stray flag, --practices without --icb or on another template", async () => {
    expect((await cli("template")).code).toBe(2);
    expect(await cli("template", "budget")).toMatchObject({ code: 2, err: expect.stringContaining('no template "budget"; templates are place-delegation, risk-share, system-plan, capital') });
    expect((await cli("template", "capital", "--colour", "red")).code).toBe(2);
    expect((await cli("template", "capital", "--out")).code).toBe(2);
    expect((await cli("template", "place-delegation", "--practices", "x.csv")).code).toBe(2);
    expect((await cli("template", "capital", "--practices", "x.csv", "--icb", "QWO")).code).toBe(2);
  });

  test("a practice file that is not NHS England's format is a usage error naming what is missing", async () => {
    const file = path.join(scratch(), "bad.csv");
    fs.writeFileSync(file, "code,name\nA1,Somewhere\n");
    const r = await cli("template", "place-delegation", "--practices", file, "--icb", "QWO", "--out", path.join(scratch(), "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("no column matching Practice_Code");
  });
});

describeIfPractices("place-delegation prefilled for West Yorkshire (QWO) from the 2024/25 practice file", () => {
  let t: Generated;
  let printed: string;
  beforeAll(async () => {
    const dir = scratch();
    const r = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QWO", "--out", path.join(dir, "qwo.xlsx"));
    expect(r.code).toBe(0);
    printed = r.out;
    // The same system, through the reader the CLI used, regenerated for inspection.
    t = await generate("place-delegation", { system: delegationSystem(readPracticeFile(PRACTICES_FILE), "QWO") }, dir);
  });

  test("recalculates clean with every check TRUE", () => {
    expect(printed).toMatch(/0 error cells; 10 of 10 checks TRUE/);
    expectClean(t);
  });

  test("places are the ICB's upper-tier local authorities, with their practices' summed weighted populations", () => {
    const expected = placesOf("QWO").sort((a, b) => a.name.localeCompare(b.name));
    expect(t.column("PlaceNames")).toEqual(["Bradford", "Calderdale", "Craven", "Kirklees", "Leeds", "Wakefield"]);
    expect(t.column("PlaceNames")).toEqual(expected.map((p) => p.name));
    (t.column("PlaceWP") as number[]).forEach((wp, i) => expect(wp).toBeCloseTo(expected[i].weightedPopulation, 4));
    (t.column("PlacePopulation") as number[]).forEach((pop, i) => expect(pop).toBeCloseTo(expected[i].population, 4));
    const practices = readPractices().filter((p) => p.icb === "QWO");
    expect(t.column("PracticeCodes")).toHaveLength(practices.length);
    expect(new Set(t.column("PracticeCodes"))).toEqual(new Set(practices.map((p) => p.code)));
  });

  test("place budgets and need indices are the core's, and each place's practices add up to it exactly", () => {
    expect(t.read("PlaceBudgets")).toEqual(core("DELEGATE", t.scalar("Delegated"), t.read("PlaceWP"), t.read("PlaceFloors"), undefined, t.scalar("RoundTo")));
    expect(t.read("NeedIndex")).toEqual(core("NEEDINDEX", t.read("PlaceWP"), t.read("PlacePopulation")));
    const budgets = t.column("PlaceBudgets") as number[];
    const places = t.column("PracticePlaces");
    const wp = t.column("PracticeWP");
    const practiceBudgets = t.column("PracticeBudgets");
    (t.column("PlaceNames") as string[]).forEach((place, k) => {
      const rows = places.map((p, i) => (p === place ? i : -1)).filter((i) => i >= 0);
      const split = core("DELEGATE", budgets[k], asColumn(rows.map((i) => wp[i])), undefined, undefined, t.scalar("RoundTo")) as number[][];
      expect(rows.map((i) => practiceBudgets[i])).toEqual(split.map((r) => r[0]));
    });
  });

  test("an unknown ICB is a usage error listing the ICBs in the file", async () => {
    const r = await cli("template", "place-delegation", "--practices", PRACTICES_FILE, "--icb", "QXX", "--out", path.join(scratch(), "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no practices for ICB "QXX"; the file has 42 ICBs: .*QWO/);
  });
});
