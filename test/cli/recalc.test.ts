/**
 * `ics-finance recalc`: a filled-in return recalculated on the engine, its failing checks and
 * error cells reported with sheet, cell and message, and its values written back.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "xlsx";
import { main } from "../../src/cli/main";
import { normaliseFormula } from "../../src/cli/recalc";
import { templateSpec } from "../../src/templates";
import { renderWorkbook } from "../../src/templates/xlsx";

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, lines: out.join("\n").split("\n"), err: err.join("\n") };
}

// Rendering and recalculating a template takes seconds on a busy machine.
jest.setTimeout(120000);

const BIN = path.join(__dirname, "..", "..", "bin", "ics-finance.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ics-recalc-"));

/** A template as a system returns it, with one edit made to it. */
async function returned(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const { workbook } = await renderWorkbook(templateSpec(name));
  edit(workbook);
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("ics-finance recalc on templates", () => {
  test("a clean return exits 0 with a one-line summary", async () => {
    const file = await returned("capital", () => undefined);
    const r = await cli("recalc", file);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([`${file}: 7 sheets, 364 formulas recalculated; 0 error cells; 25 of 25 checks TRUE`]);
  });

  test("text in an allocation: the line's check, and the error from its cell to every place it reaches", async () => {
    const file = await returned("place-delegation", (wb) => {
      wb.getWorksheet("Lines")!.getCell("D9").value = "1,200";
    });
    const r = await cli("recalc", file);
    expect(r.code).toBe(1);
    expect(r.lines).toContainEqual(expect.stringMatching(/^FALSE\tChecks!B7\tEvery service line is complete/));
    expect(r.lines).toContain("FALSE\tChecks!B8\tEvery line is split to places without error");
    expect(r.lines.find((l) => l.startsWith("#VALUE!"))).toMatch(/^#VALUE!\tLines!G9, .*Places!E25:E28, Places!H25:H28, .*Practices!M5:M18, /);
  });

  test("a partner's share over 100% in the bands: the check, and the RISKSHARE error in each quarter, written to --out", async () => {
    const file = await returned("risk-share", (wb) => {
      wb.getWorksheet("Agreement")!.getCell("B5").value = "bands";
      wb.getWorksheet("Agreement")!.getCell("D20").value = 1.5; // the County Council's share of band 2
    });
    const out = path.join(dir, "risk-share-recalculated.xlsx");
    const r = await cli("recalc", file, "--out", out);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/; \d+ error cells; 7 of 13 checks TRUE; values written to /);
    expect(r.lines).toContain("FALSE\tChecks!B11\tEvery band share is between 0% and 100%, and each band's shares add up to 100% (or are all blank)");
    expect(r.lines).toContain("FALSE\tChecks!B13\tEvery quarter is shared without error");
    const bandError = r.lines.find((l) => l.includes("ICS.RISKSHARE:"))!;
    expect(bandError).toMatch(/^#VALUE!\tForecast!B10:B12, Forecast!C10:C12, /);
    expect(bandError).toMatch(/\tICS\.RISKSHARE: bands row 2: the shares add up to 2\.25; they must add up to 1 \(as fractions, 100%\) or 100 \(as percentages\)$/);
    const written = XLSX.readFile(out, { cellFormula: true });
    expect(written.Sheets.Forecast.B10).toMatchObject({ t: "e", w: "#VALUE!", F: "B10:B12" });
    expect(written.Sheets.Forecast.B11).toMatchObject({ t: "e", w: "#VALUE!" });
    expect(written.Sheets.Checks.B11).toMatchObject({ t: "b", v: false });
    expect(written.Sheets.Agreement.D20.v).toBe(1.5);
  });

  test("reallocations that do not net to zero fail the neutrality check without any error cell", async () => {
    const file = await returned("system-plan", (wb) => {
      // The acute trust takes 2,800 instead of 1,500 in 2026/27, and its I&E says so too.
      wb.getWorksheet("Bridge")!.getCell("K18").value = 2800;
      wb.getWorksheet("I&E")!.getCell("D18").value = 203200;
    });
    const r = await cli("recalc", file);
    expect(r.code).toBe(1);
    expect(r.lines.slice(1)).toEqual(["FALSE\tChecks!B4\tAll checks pass", "FALSE\tChecks!B25\tIn-year reallocations in 2026/27 are financially neutral (ICS.NEUTRAL)"]);
    expect(r.lines[0]).toContain("0 error cells; 36 of 38 checks TRUE");
  });

  test("capital bids below the amount to split: the unallocated capital's check, and no error", async () => {
    const file = await returned("capital", (wb) => {
      // 2027/28 bids of 81,000 against 90,300 to split.
      [2000, 40000, 25000, 5000, 9000].forEach((bid, i) => (wb.getWorksheet("Split")!.getCell(`B${26 + i}`).value = bid));
    });
    const r = await cli("recalc", file);
    expect(r.code).toBe(1);
    expect(r.lines.slice(1)).toEqual(["FALSE\tChecks!B4\tAll checks pass", "FALSE\tChecks!B13\t2027/28: no capital is left unallocated (it cannot be rolled forward)"]);
    expect(r.lines[0]).toContain("0 error cells; 23 of 25 checks TRUE");
  });

  test("one organisation planning a deficit in one year: exit 1, naming that organisation's breakeven check (through the real bin)", async () => {
    const file = await returned("system-plan", (wb) => {
      // Eastbridge and Kingsholt's 2028/29 non-recurrent efficiency is not found: a 300 deficit, in its I&E too.
      wb.getWorksheet("Bridge")!.getCell("H39").value = 0;
      wb.getWorksheet("I&E")!.getCell("D39").value = 120800;
    });
    const r = spawnSync(process.execPath, [BIN, "recalc", file], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split("\n").slice(1)).toEqual([
      "FALSE\tChecks!B4\tAll checks pass",
      "FALSE\tChecks!B21\tEastbridge and Kingsholt Hospitals NHS Trust breaks even in 2028/29: planned surplus/(deficit) of 0 or more",
    ]);
  });
});

describe("a workbook as Excel saves it", () => {
  let file: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const places = wb.addWorksheet("Places");
    places.getCell("A1").value = 1;
    places.getCell("A2").value = 1;
    places.getCell("A3").value = 1;
    places.getCell("D1").value = 100;
    // Excel names add-in functions _xldudf_<NAMESPACE>_<NAME>; a spill is saved as an array formula with stale values.
    places.getCell("B1").value = { formula: "_xldudf_ICS_DELEGATE(Amount,A1:A3)", shareType: "array", ref: "B1:B3", result: 0 } as unknown as ExcelJS.CellValue;
    places.getCell("B2").value = 0;
    places.getCell("B3").value = 0;
    const checks = wb.addWorksheet("Checks");
    checks.getCell("A1").value = "Places add up to the amount";
    checks.getCell("B1").value = { formula: "IF(SUM(Places!B1:B3)=Amount,TRUE,FALSE)", result: false };
    checks.getCell("A2").value = "A newer built-in";
    checks.getCell("B2").value = { formula: "_xlfn.XOR(TRUE,FALSE)", result: false };
    wb.definedNames.add("Places!$D$1", "Amount");
    file = path.join(dir, "excel-saved.xlsx");
    await wb.xlsx.writeFile(file);
  });

  test("recalculates _xldudf_ICS_ and _xlfn. formulas, names and TRUE/FALSE, and writes the new values", async () => {
    const out = path.join(dir, "excel-saved-recalculated.xlsx");
    const r = await cli("recalc", file, "--out", out);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.lines[0]).toContain("3 formulas recalculated; 0 error cells; 2 of 2 checks TRUE");
    const written = XLSX.readFile(out, { cellFormula: true });
    expect([1, 2, 3].map((row) => written.Sheets.Places[`B${row}`].v)).toEqual([33.34, 33.33, 33.33]);
    expect(written.Sheets.Places.B1.f).toBe("_xldudf_ICS_DELEGATE(Amount,A1:A3)");
    expect(written.Sheets.Checks.B1).toMatchObject({ t: "b", v: true });
  });
});

describe("normaliseFormula", () => {
  test.each([
    ["_xldudf_ICS_POT(A1:A3)", "ICS.POT(A1:A3)"],
    ["=_xldudf_ics_delegate(100,{1;1})", "ICS.DELEGATE(100,{1;1})"],
    ["_xlfn.XOR(A1,B1)+_xlfn._xlws.SORT(C1:C3)", "XOR(A1,B1)+SORT(C1:C3)"],
    ["IF(A1,TRUE,FALSE)", "IF(A1,TRUE(),FALSE())"],
    ["AND(TRUE(),NOT(FALSE()))", "AND(TRUE(),NOT(FALSE()))"],
    ['IF(A1="TRUE","_xldudf_ICS_POT(",B1)', 'IF(A1="TRUE","_xldudf_ICS_POT(",B1)'],
    ["'TRUE data'!A1+TRUE_NAME", "'TRUE data'!A1+TRUE_NAME"],
  ])("%s → %s", (from, to) => {
    expect(normaliseFormula(from)).toBe(to);
  });
});

describe("usage", () => {
  test("no file, two files, a missing file and a file that is not a workbook exit 2", async () => {
    expect((await cli("recalc")).code).toBe(2);
    expect((await cli("recalc", "a.xlsx", "b.xlsx")).code).toBe(2);
    expect(await cli("recalc", path.join(dir, "missing.xlsx"))).toMatchObject({ code: 2, err: expect.stringContaining("no such file") });
    const text = path.join(dir, "notes.xlsx");
    fs.writeFileSync(text, "not a zip");
    expect(await cli("recalc", text)).toMatchObject({ code: 2, err: expect.stringContaining("this is a text file (CSV or similar) saved with an Excel file name, not a workbook: open it in Excel and save it as an Excel Workbook (.xlsx)") });
  });
});

describe("recalc --compare on a corpus file", () => {
  const corpus = path.join(__dirname, "..", "..", "..", "shared", "corpus", "real");
  const stale = path.join(corpus, "qax-os+excelize__test_CalcChain.xlsx");
  const clean = path.join(corpus, "ClosedXML+ClosedXML__ClosedXML.Tests_Resource_TryToLoad_LO_xlsx_ceiling-floor.xlsx");
  const present = fs.existsSync(stale) && fs.existsSync(clean);
  if (!present) console.log(`Skipping recalc --compare on corpus files: ${corpus} is absent (see shared/corpus/README.md).`);
  const testIfCorpus = present ? test : test.skip;

  testIfCorpus("a cached value the library left stale is reported, with sheet, cell, saved and recalculated value", async () => {
    // Sheet1!A1 and B1 are both =SUM(C1:D1) over empty cells; the file saved 0 and 1.
    const r = await cli("recalc", stale, "--compare");
    expect(r.code).toBe(1);
    expect(r.lines).toContain("1 of 2 formula cells agree with the saved values");
    expect(r.lines).toContain("differs\tSheet1!B1\tsaved 1\trecalculated 0");
    const json = JSON.parse((await cli("recalc", stale, "--compare", "--json")).lines.join("\n"));
    expect(json.compare).toMatchObject({ compared: 2, agree: 1, differences: [{ cell: "Sheet1!B1", saved: 1, recalculated: 0 }] });
  });

  testIfCorpus("a LibreOffice test sheet of CEILING and FLOOR recalculates to every saved value", async () => {
    const r = await cli("recalc", clean, "--compare");
    const summary = r.lines.find((l) => l.includes("formula cells agree"))!;
    const [agree, of] = /^(\d+) of (\d+) /.exec(summary)!.slice(1).map(Number);
    expect(agree).toBe(of);
    expect(r.lines.filter((l) => l.startsWith("differs"))).toEqual([]);
  });
});
