/**
 * `ics-finance returns` over a folder of real .xlsx returns: generated from the templates, then
 * changed the way real returns go wrong (src/fixtures/tamper.ts). Each planted change is reported
 * with its kind and cell, and nothing else is reported for the clean ones.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { changeFormula, changeSavedValue, clearCover, removeName, renameSheet, setCoverInputs, setTemplateVersion, truncated, typeOverFormula, typeValues, unprotectSheet, asOldExcel } from "../../src/fixtures/tamper";
import type { DelegationSystem } from "../../src/templates";
import { templateSpec } from "../../src/templates";
import { SAMPLE_DELEGATION } from "../../src/templates/sample";
import { renderXlsx } from "../../src/templates/xlsx";
import type { Collection, Finding } from "../../src/returns";

jest.setTimeout(120000);

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["returns", ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const render = async (name: string, options = {}) => new Uint8Array((await renderXlsx(templateSpec(name, options))).buffer);
const where = (f: Finding) => [f.kind, f.sheet ?? null, f.cell ?? null];

let dir: string;
/** file → the findings planted in it, as [kind, sheet, cell]. */
const planted: Record<string, (string | null)[][]> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ics-returns-"));
  const delegation = await render("place-delegation");
  const as = (code: string, bytes = delegation) => setCoverInputs(bytes, { OrganisationCode: code });
  const put = (file: string, bytes: Uint8Array, findings: (string | null)[][]) => {
    fs.writeFileSync(path.join(dir, file), bytes);
    planted[file] = findings;
  };
  put("01-clean.xlsx", delegation, []);
  put("02-clean-risk-share.xlsx", setCoverInputs(await render("risk-share"), { OrganisationCode: "QZR" }), []);
  put("03-typed-over.xlsx", typeOverFormula(as("QZA"), "Lines", "G9"), [["hard-coded", "Lines", "G9"]]);
  put("04-saved-value.xlsx", changeSavedValue(as("QZB"), "Lines", "G10", 12345), [["value-differs", "Lines", "G10"]]);
  // A practice's row deleted in Excel: the layout of a system one practice smaller, with the
  // TemplateShape it was sent with (Excel leaves custom properties as they are).
  const smaller: DelegationSystem = { ...SAMPLE_DELEGATION, practices: SAMPLE_DELEGATION.practices.filter((_, i) => i !== 3) };
  const shrunk = { ...templateSpec("place-delegation", { system: smaller, mode: "sample" }), shape: templateSpec("place-delegation").shape };
  put("05-deleted-row.xlsx", setCoverInputs(new Uint8Array((await renderXlsx(shrunk)).buffer), { OrganisationCode: "QZC" }), [["rows-changed", "Practices", `A5:A${4 + smaller.practices.length}`]]);
  put("06-renamed-sheet.xlsx", renameSheet(as("QZD"), "Lines", "Service lines"), [["missing-sheet", "Lines", null]]);
  put("07-unprotected.xlsx", unprotectSheet(as("QZE"), "Places"), [["unprotected", "Places", null]]);
  put("08-old-version.xlsx", setTemplateVersion(as("QZF"), "2025.1"), [["old-version", null, null]]);
  put(
    "09-blank-cover.xlsx",
    clearCover(delegation),
    ["B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12"].map((cell) => ["cover-incomplete", "Cover", cell]),
  );
  put("10-sent-twice.xlsx", delegation, []);
  put("11-cut-short.xlsx", truncated(delegation), [["unreadable", null, null]]);
  put("12-formula-changed.xlsx", changeFormula(as("QZG"), "Lines", "D17", "SUM(D9:D15)"), [["formula-changed", "Lines", "D17"]]);
  put("13-name-removed.xlsx", removeName(as("QZH"), "TopSlicesTotal"), [["missing-name", "Lines", "E17"]]);
  put("14-old-excel.xlsx", asOldExcel(), [["unreadable", null, null]]);
  fs.writeFileSync(path.join(dir, "expected.csv"), "OrganisationCode,OrganisationName\nQZN,Northmoor\nQZR,x\nQZA,x\nQZB,x\nQZC,x\nQZD,x\nQZE,x\nQZF,x\nQZG,x\nQZH,x\nQZX,Never sent\n");
  fs.writeFileSync(path.join(dir, "notes.txt"), "not a workbook: not looked at");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("ics-finance returns <folder> --expect codes.csv --json", () => {
  let result: Run;
  let report: Collection;
  const out = () => path.join(dir, "..", `${path.basename(dir)}-all.xlsx`);
  beforeAll(async () => {
    result = await run(dir, "--expect", path.join(dir, "expected.csv"), "--out", out(), "--json");
    report = JSON.parse(result.out) as Collection;
  });
  afterAll(() => fs.rmSync(out(), { force: true }));

  test("--out writes the consolidated workbook: one Summary row per return, every finding, the tables (read back with SheetJS)", async () => {
    const XLSX = await import("xlsx");
    const wb = XLSX.read(fs.readFileSync(out()), { type: "buffer" });
    expect(wb.SheetNames.slice(0, 2)).toEqual(["Summary", "Findings"]);
    const summary = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Summary);
    expect(summary).toHaveLength(14);
    expect(summary.map((r) => path.basename(String(r.File)))).toEqual(report.returns.map((r) => path.basename(r.file)));
    const findings = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets.Findings);
    const count = report.returns.reduce((n, r) => n + r.findings.length, 0) + report.findings.length;
    expect(findings).toHaveLength(count);
    expect(wb.SheetNames.length).toBeGreaterThan(2);
  });

  test("exits 1 and says on stderr which file it is at", () => {
    expect(result.code).toBe(1);
    expect(result.err.split("\n")[0]).toBe(`[1/14] ${path.join(dir, "01-clean.xlsx")}`);
  });

  test("each return reports exactly the planted findings, by kind, sheet and cell", () => {
    const got = Object.fromEntries(report.returns.map((r) => [path.basename(r.file), r.findings.map(where)]));
    expect(got).toEqual(planted);
  });

  test("verdicts, identities and key figures", () => {
    const byFile = new Map(report.returns.map((r) => [path.basename(r.file), r]));
    const clean = byFile.get("01-clean.xlsx")!;
    expect(clean).toMatchObject({ verdict: "clean", template: "place-delegation", templateVersion: "2026.1", organisationCode: "QZN", financialYear: "2026/27", submissionRound: "Plan v1" });
    expect(clean.keyFigures.DelegatedPot).toBe(795900000); // the sample's six lines: 176.3 + 241.5 + 178.9 + 96.4 + 64.2 + 38.6 (£m)
    expect((clean.keyFigures.PlaceNames as string[]).length).toBe(4);
    expect(byFile.get("11-cut-short.xlsx")!.verdict).toBe("unreadable");
    expect(byFile.get("08-old-version.xlsx")!.verdict).toBe("findings");
    expect(byFile.get("08-old-version.xlsx")!.findings[0].message).toMatch(/2025\.1 is not one ics-finance knows/);
    expect(byFile.get("03-typed-over.xlsx")).not.toHaveProperty("tables");
  });

  test("the return sent twice and the organisation that sent none are reported once each", () => {
    expect(report.findings.map((f) => [f.kind, f.organisationCode, f.files?.map((x) => path.basename(x))])).toEqual([
      ["duplicate", "QZN", ["01-clean.xlsx", "10-sent-twice.xlsx"]],
      ["missing-return", "QZX", undefined],
    ]);
    expect(report.summary).toEqual({ returns: 14, clean: 3, withFindings: 9, unreadable: 2, missing: 1 });
  });
});

describe("the installed command checks on worker threads and reports the same", () => {
  const bin = path.join(__dirname, "..", "..", "bin", "ics-finance.js");
  const built = fs.existsSync(path.join(__dirname, "..", "..", "dist-cli", "cli", "returnsWorker.js"));
  (built ? test : test.skip)("bin/ics-finance.js returns <folder> --json: the same report, exit 1, progress on stderr", async () => {
    const { spawnSync } = await import("child_process");
    // Two threads asked for, whatever the machine's cores (on two cores the command uses none).
    const child = spawnSync(process.execPath, [bin, "returns", dir, "--expect", path.join(dir, "expected.csv"), "--json"], { encoding: "utf8", env: { ...process.env, ICS_RETURNS_THREADS: "2" } });
    const inProcess = await run(dir, "--expect", path.join(dir, "expected.csv"), "--json");
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse(inProcess.out));
    expect(child.stderr.split("\n").filter((l) => /^\[\d+\/14\] /.test(l))).toHaveLength(14);
  });
  if (!built) console.warn("Skipping the worker-thread test: dist-cli/ is not built (npm run build:cli; npm test builds it).");
});

describe("ics-finance returns: the text report, --template, usage", () => {
  test("clean returns only: exit 0, one line each and a summary", async () => {
    const r = await run(path.join(dir, "01-clean.xlsx"), path.join(dir, "02-clean-risk-share.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([`${path.join(dir, "01-clean.xlsx")}: clean (QZN, place-delegation 2026.1)`, `${path.join(dir, "02-clean-risk-share.xlsx")}: clean (QZR, risk-share 2026.1)`, "2 returns: 2 clean, 0 with findings, 0 unreadable"]);
  });

  test("a finding is a line with its kind, sheet!cell and message", async () => {
    const r = await run(path.join(dir, "03-typed-over.xlsx"));
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[1]).toBe('  hard-coded\tLines!G9\tG9 holds the typed value 173650000 where the template has the formula =IF(D9="",0,D9)-IF(E9="",0,E9): put the formula back (a typed figure does not update).');
  });

  test("--template: a return of another template is wrong-template, not checked against the wrong spec", async () => {
    const r = await run(path.join(dir, "02-clean-risk-share.xlsx"), "--template", "place-delegation", "--json");
    const report = JSON.parse(r.out) as Collection;
    expect(report.returns[0].findings.map(where)).toEqual([["wrong-template", null, null]]);
    expect(r.code).toBe(1);
  });

  test("text in an amount: error cells and the checks that fail, each at its cell", async () => {
    const file = path.join(dir, "..", `${path.basename(dir)}-text.xlsx`);
    fs.writeFileSync(file, typeValues(fs.readFileSync(path.join(dir, "01-clean.xlsx")), "Lines", { D9: "176.3m" }));
    try {
      const report = JSON.parse((await run(file, "--json")).out) as Collection;
      const kinds = new Set(report.returns[0].findings.map((f) => f.kind));
      expect([...kinds].sort()).toEqual(["check-false", "error"]);
      expect(report.returns[0].findings).toContainEqual(expect.objectContaining({ kind: "error", sheet: "Lines", cell: "G9" }));
    } finally {
      fs.rmSync(file);
    }
  });

  test("a workbook that is no return is not-a-return", async () => {
    const XLSX = await import("xlsx");
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Budget", 100]]), "Sheet1");
    const file = path.join(os.tmpdir(), `not-a-return-${process.pid}.xlsx`);
    fs.writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }));
    try {
      const report = JSON.parse((await run(file, "--json")).out) as Collection;
      expect(report.returns[0].findings.map(where)).toEqual([["not-a-return", null, null]]);
    } finally {
      fs.rmSync(file);
    }
  });

  test.each([
    [["--template", "nonesuch", "x.xlsx"], /no template "nonesuch"/],
    [["/no/such/folder"], /\/no\/such\/folder: no such file or folder/],
    [["--expect", "/no/such.csv", "x.xlsx"], /--expect \/no\/such\.csv: no such file or folder/],
    [[], /^Usage: ics-finance returns/],
  ])("usage error %j: exit 2 with a plain message", async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+|TypeError|undefined/);
  });

  test("a folder with no workbooks is a usage error that says so", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ics-empty-"));
    try {
      const r = await run(empty);
      expect(r.code).toBe(2);
      expect(r.err).toBe(`ics-finance returns: no .xlsx or .xlsm file in ${empty}`);
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });
});
