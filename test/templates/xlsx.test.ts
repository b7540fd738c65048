/**
 * The generated files read by independent readers: SheetJS for formulas, cached values and names;
 * exceljs for locks, protection, validation, formats and print settings; LibreOffice (when
 * installed) converting them headless; and the shipped copies in assets/templates/ kept current.
 */
import { execFileSync, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import * as XLSX from "xlsx";
import { RISK_SHARE_METHODS, UNDERSPEND_METHODS } from "../../src/core/rules/riskshare";
import { SUBMISSION_ROUNDS } from "../../src/templates/cover";
import { BASES } from "../../src/templates/placeDelegation";
import { Cell, isErrorValue } from "../../src/core";
import { templateSpec } from "../../src/templates";
import { calculate, specContent } from "../../src/templates/calc";
import { shippedFile } from "../../src/templates/ship";
import { renderXlsx } from "../../src/templates/xlsx";
import { Package, toFileFormula, writePackage } from "../../src/xlsx/write";
import { parseCell, parseRange, sheetReference } from "../../src/workbook/a1";
import { TEMPLATE_NAMES, scratchDir } from "./helpers";

// Rendering and reading back four templates takes seconds on a busy machine.
jest.setTimeout(120000);

const root = path.join(__dirname, "..", "..");
const dir = scratchDir();
const files = new Map<string, string>();

beforeAll(async () => {
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, (await renderXlsx(templateSpec(name))).buffer);
    files.set(name, file);
  }
  // Four templates rendered and recalculated on a shared machine.
}, 60000);

/** A SheetJS cell's cached value as a core cell. */
function sheetJsValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell || cell.t === "z") return null;
  if (cell.t === "e") return { error: cell.w as never, message: "" };
  return cell.v as Cell;
}

describe.each(TEMPLATE_NAMES)("%s read back with SheetJS", (name) => {
  test("every formula is in the file as written, with the engine's value cached", () => {
    const spec = templateSpec(name);
    const wb = XLSX.readFile(files.get(name)!, { cellFormula: true });
    expect(wb.SheetNames).toEqual(spec.sheets.map((s) => s.name));
    const calc = calculate(specContent(spec));
    let formulas = 0;
    for (const sheet of spec.sheets) {
      for (const cell of sheet.cells) {
        if (!("formula" in cell)) continue;
        formulas++;
        const read = wb.Sheets[sheet.name][cell.at];
        expect(read?.f).toBe(toFileFormula(cell.formula));
        // A spill is saved over its result's extent, from the formula's cell, inside the room the spec leaves.
        if (cell.spill) expect(read?.F).toMatch(new RegExp(`^${cell.at}(:[A-Z]+\\d+)?$`));
        const { row, col } = parseCell(cell.at);
        const expected = calc.value(sheet.name, row, col);
        const cached = sheetJsValue(read);
        if (isErrorValue(expected)) expect(cached).toMatchObject({ error: expected.error });
        else expect(cached).toEqual(expected);
      }
    }
    expect(formulas).toBeGreaterThan(20);
    calc.engine.destroy();
  });

  test("every defined name is there, and formulas use names, never structured references", () => {
    const spec = templateSpec(name);
    const wb = XLSX.readFile(files.get(name)!, { cellFormula: true });
    const names = new Map((wb.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]));
    for (const n of spec.names) expect(names.get(n.name)).toBe(sheetReference(n.sheet, n.range));
    const formulas = spec.sheets.flatMap((s) => s.cells.flatMap((c) => ("formula" in c ? [c.formula] : [])));
    expect(formulas.some((f) => /\b(RoundTo|AllChecksPass)\b/.test(f))).toBe(true);
    for (const f of formulas) expect(f).not.toMatch(/\w\[[^\]]*\]/);
  });
});

describe.each(TEMPLATE_NAMES)("%s read back with exceljs", (name) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get(name)!);
  });

  test("inputs are unlocked, formulas locked, and every sheet is protected", () => {
    const spec = templateSpec(name);
    for (const sheet of spec.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      // exceljs reads <sheetProtection> into this property; its typings omit it.
      expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
      const inputs = sheet.ranges.filter((r) => r.input);
      for (const r of inputs) {
        const { top, left, bottom, right } = parseRange(r.range);
        for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) expect(ws.getCell(row + 1, col + 1).protection?.locked).toBe(false);
      }
      // Every sheet takes inputs but About, Checks and risk-share's Forecast (all calculated).
      expect(inputs.length > 0 || ["About", "Checks", "Forecast"].includes(sheet.name)).toBe(true);
      for (const cell of sheet.cells) {
        if ("formula" in cell) expect(ws.getCell(cell.at).protection?.locked).not.toBe(false);
      }
    }
  });

  test("money is formatted in £ or £000, and each sheet prints to one page wide", () => {
    const spec = templateSpec(name);
    const formats = spec.sheets.flatMap((s) => s.ranges.flatMap((r) => (r.format ? [r.format] : [])));
    expect(formats.some((f) => f.includes("£") || f.startsWith("#,##0"))).toBe(true);
    const headers = spec.sheets.flatMap((s) => s.cells.flatMap((c) => ("value" in c && typeof c.value === "string" ? [c.value] : [])));
    expect(headers.some((h) => / £(000)?\b| £$/.test(h))).toBe(true);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
      expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
    }
  });

  test("the About sheet carries ICS.VERSION() for the audit trail", () => {
    const about = wb.getWorksheet("About")!;
    const version: ExcelJS.Cell[] = [];
    about.eachRow((row) => row.eachCell((c) => c.formula === "_xldudf_ICS_VERSION()" && version.push(c)));
    expect(version).toHaveLength(1);
    expect(String((version[0].value as ExcelJS.CellFormulaValue).result)).toMatch(/^ics-finance \d+\.\d+\.\d+; catalogue /);
  });
});

test("bases, methods and shares are chosen from validation lists", async () => {
  const list = async (name: string, sheet: string, address: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get(name)!);
    return wb.getWorksheet(sheet)!.getCell(address).dataValidation;
  };
  expect(await list("place-delegation", "Lines", "B13")).toMatchObject({ type: "list", formulae: [`"${BASES.join(",")}"`] });
  expect(await list("place-delegation", "Cover", "B9")).toMatchObject({ type: "list", formulae: [`"${SUBMISSION_ROUNDS.join(",")}"`] });
  expect(await list("risk-share", "Agreement", "B5")).toMatchObject({ type: "list", formulae: [`"${RISK_SHARE_METHODS.join(",")}"`] });
  expect(await list("risk-share", "Agreement", "B6")).toMatchObject({ type: "list", formulae: [`"${UNDERSPEND_METHODS.join(",")}"`] });
  expect(await list("risk-share", "Agreement", "C19")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
});

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const describeIfLibreOffice = soffice ? describe : describe.skip;
if (!soffice) console.warn("Skipping the LibreOffice conversion test: soffice is not installed (apt-get install libreoffice-calc-nogui to run it).");

describeIfLibreOffice("LibreOffice", () => {
  test.each(TEMPLATE_NAMES)("converts %s headless to CSV, its Cover as typed", (name) => {
    const out = path.join(dir, `lo-${name}`);
    fs.mkdirSync(out, { recursive: true });
    execFileSync(soffice, ["--headless", "--norestore", "--convert-to", "csv", "--outdir", out, files.get(name)!], {
      env: { ...process.env, HOME: out },
      timeout: 60000,
      stdio: "pipe",
    });
    const csv = fs.readFileSync(path.join(out, `${name}.csv`), "utf8");
    // The Cover, first: its typed entries and the identity it shows come through. LibreOffice 7.4
    // recalculates array formulas on open, so the ICS cells (dynamic arrays, as Excel 365 saves
    // them) show #NAME? there without the add-in: README, "Known limits".
    expect(csv).toContain(templateSpec(name).title);
    expect(csv).toContain(`Template version,${templateSpec(name).version}`);
  }, 90000);
});

/** Each part of the zip as text. */
async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file) out.set(name, await file.async("string"));
  }
  return out;
}

test.each(TEMPLATE_NAMES)("the shipped assets/templates/%s.xlsx is current (else run npm run templates)", async (name) => {
  const shipped = shippedFile(root, name);
  expect(fs.existsSync(shipped)).toBe(true);
  const rendered = (await renderXlsx(templateSpec(name))).buffer;
  const committed = fs.readFileSync(shipped);
  if (rendered.equals(committed)) return;
  // Say which part moved, to make the failure readable.
  const current = await parts(rendered);
  const before = await parts(committed);
  const moved = [...new Set([...current.keys(), ...before.keys()])].filter((part) => current.get(part) !== before.get(part));
  throw new Error(`${path.relative(root, shipped)} is stale (${moved.join(", ") || "zip container"} differs); run npm run templates`);
});

test("a render is byte-stable: every part is stamped the same date, whenever it was written", async () => {
  const pkg = () => new Package([["xl/workbook.xml", new TextEncoder().encode("<workbook/>")], ["docProps/core.xml", new TextEncoder().encode("<core/>")]]);
  const early = writePackage(pkg());
  await new Promise((resolve) => setTimeout(resolve, 2100)); // past a DOS timestamp's 2-second resolution
  const late = Buffer.from(writePackage(pkg()));
  expect(late.equals(Buffer.from(early))).toBe(true);
  const reread = await JSZip.loadAsync(late);
  expect(await reread.file("xl/workbook.xml")!.async("string")).toBe("<workbook/>");
  expect(reread.file("docProps/core.xml")!.date.getFullYear()).toBe(2025);
  expect((await renderXlsx(templateSpec("capital"))).buffer.equals((await renderXlsx(templateSpec("capital"))).buffer)).toBe(true);
});
