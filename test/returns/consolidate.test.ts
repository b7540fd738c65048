/**
 * The consolidated workbook (src/returns/consolidate.ts) from a hand-built collection: read back
 * with SheetJS (an independent reader) and with our own reader, validated against ECMA-376, the
 * same bytes every time; and every template's declared tables checked against its defined names.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "xlsx";
import { checkReturn, collectReturns } from "../../src/returns";
import { consolidatedWorkbook, tableRows } from "../../src/returns/consolidate";
import type { Collection, ReturnResult } from "../../src/returns/types";
import { TEMPLATES, templateSpec } from "../../src/templates";
import { FORMAT } from "../../src/templates/builder";
import type { TemplateSpec } from "../../src/templates/spec";
import { parseRange, rectColumns, rectRows } from "../../src/workbook/a1";
import { readWorkbook } from "../../src/xlsx/read";
import { sheetNameProblem } from "../../src/xlsx/write";
import { schemasMissing, validatePackage } from "../helpers/ooxml";
import { withoutXmlSpaceOnText } from "../helpers/xmlSpace";

const POUNDS = FORMAT.pounds;
const THOUSANDS = FORMAT.thousands;

const WEST_YORKSHIRE: ReturnResult = {
  file: "returns/QWO place delegation.xlsx",
  template: "place-delegation",
  templateVersion: "2026.1",
  organisationCode: "QWO",
  organisationName: "NHS West Yorkshire ICB",
  icbCode: "QWO",
  financialYear: "2026/27",
  submissionRound: "Plan v1",
  verdict: "clean",
  keyFigures: { DelegatedPot: 1000000, TopSlicesTotal: 50000, DelegatedToPlaces: 950000, PlaceNames: ["Leeds", "Bradford"], PlaceBudgets: [600000, 350000], PlaceDFT: [0.01, -0.02] },
  findings: [],
  tables: {
    places: [
      ["Leeds", 800000, 810000.5, 1.01, 600000, 750, 590000, 0.0169],
      ["Bradford", 550000, 540000, 0.98, 350000, 636, 360000, -0.0278],
    ],
    lines: [
      ["Prescribing", "Prescr WP", "target", 500000, 25000, 475000],
      [null, null, "target", 0, 0, 0],
      [null, null, null, 0, 12, 0],
    ],
    practices: [
      ["B82001", "Leeds", 12000, 100000, 80000],
      ["B82002", "Bradford", 9000, 90000, 70000],
    ],
  },
};

const NORTH_EAST: ReturnResult = {
  file: "returns/QHM.xlsx",
  template: "place-delegation",
  templateVersion: "2026.1",
  organisationCode: "QHM",
  organisationName: "NHS North East and North Cumbria ICB",
  icbCode: "QHM",
  financialYear: "2026/27",
  submissionRound: "Plan v1",
  verdict: "findings",
  keyFigures: { DelegatedPot: { error: "#DIV/0!" }, TopSlicesTotal: 0, DelegatedToPlaces: [7] },
  findings: [
    { kind: "hard-coded", file: "returns/QHM.xlsx", sheet: "Places", cell: "J16", message: "Places!J16 held a formula in the template; the return has the typed value 600000." },
    { kind: "check-false", file: "returns/QHM.xlsx", sheet: "Checks", cell: "B7", message: "Places plus top-slices do not add up to the delegated pot." },
  ],
  tables: { places: [["=1+1", 1000, 1000, 1, 5, 0.005, 5, { error: "#N/A" }]] },
};

const RISK_SHARE: ReturnResult = {
  file: "risk/QOQ risk share.xlsx",
  template: "risk-share",
  templateVersion: "2026.1",
  organisationCode: "QOQ",
  organisationName: "NHS Humber and North Yorkshire ICB",
  icbCode: "QOQ",
  financialYear: "2026/27",
  submissionRound: "M12",
  verdict: "clean",
  keyFigures: { PoolTotal: 1234.5, ContingencyUsed: 10, UnderspendRetained: 0, Partners: ["ICB", "Council"] },
  findings: [{ kind: "not-recalculated", file: "risk/QOQ risk share.xlsx", sheet: "Lines", cell: "J6", message: "Lines!J6 uses a function the engine lacks; Excel's saved value is kept." }],
  tables: {
    partners: [
      ["NHS Humber and North Yorkshire ICB", "ICB", "QOQ", 800, null, -12, -8, 1, -5, -9],
      ["Hull City Council", "Council", "00FA", 434.5, 200, 12, 8, 0, 4, 8],
    ],
  },
};

const UNREADABLE: ReturnResult = {
  file: "returns/old.xls",
  verdict: "unreadable",
  keyFigures: {},
  findings: [{ kind: "unreadable", file: "returns/old.xls", message: "An old Excel 97–2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx)." }],
};

const COLLECTION: Collection = {
  returns: [WEST_YORKSHIRE, NORTH_EAST, RISK_SHARE, UNREADABLE],
  findings: [
    { kind: "duplicate", files: ["returns/QWO place delegation.xlsx", "returns/QWO again.xlsx"], organisationCode: "QWO", message: "QWO sent two returns for 2026/27 Plan v1." },
    { kind: "missing-return", organisationCode: "QMM", message: "QMM is expected but sent no return." },
  ],
  summary: { returns: 4, clean: 2, withFindings: 1, unreadable: 1, missing: 1 },
};

function rowsOf(wb: XLSX.WorkBook, sheet: string): unknown[][] {
  // Errors have no raw value in SheetJS: show them by their text.
  const ws = wb.Sheets[sheet];
  for (const [ref, cell] of Object.entries(ws)) {
    const c = cell as XLSX.CellObject;
    if (!ref.startsWith("!") && c.t === "e") ws[ref] = { t: "s", v: `error ${c.w}` };
  }
  return XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null });
}

const IDENTITY = ["File", "Organisation code", "Organisation name", "ICB", "Financial year", "Submission round", "Template", "Template version", "Verdict", "Findings"];

describe("the consolidated workbook of a collection", () => {
  const bytes = consolidatedWorkbook(COLLECTION);
  const wb = XLSX.read(bytes, { type: "array", cellNF: true });

  test("a Summary, a Findings sheet and one sheet per table of each template present", () => {
    expect(wb.SheetNames).toEqual(["Summary", "Findings", "Places", "Service lines", "Practices", "Partners", "Scheme lines"]);
  });

  test("the Summary has a row per return, the unreadable one included, and each template's one-cell key figures", () => {
    expect(rowsOf(wb, "Summary")).toEqual([
      [...IDENTITY, "Delegated pot £", "Top-slices £", "Delegated to places £", "Pooled fund £000", "Met from the contingency £000", "Underspend retained £000"],
      ["returns/QWO place delegation.xlsx", "QWO", "NHS West Yorkshire ICB", "QWO", "2026/27", "Plan v1", "place-delegation", "2026.1", "clean", 0, 1000000, 50000, 950000, null, null, null],
      ["returns/QHM.xlsx", "QHM", "NHS North East and North Cumbria ICB", "QHM", "2026/27", "Plan v1", "place-delegation", "2026.1", "findings", 2, "error #DIV/0!", 0, 7, null, null, null],
      ["risk/QOQ risk share.xlsx", "QOQ", "NHS Humber and North Yorkshire ICB", "QOQ", "2026/27", "M12", "risk-share", "2026.1", "clean", 1, null, null, null, 1234.5, 10, 0],
      ["returns/old.xls", null, null, null, null, null, null, null, "unreadable", 1, null, null, null, null, null, null],
    ]);
    const summary = wb.Sheets["Summary"];
    expect(summary["K2"].z).toBe(POUNDS);
    expect(summary["M3"].z).toBe(POUNDS);
    expect(summary["N4"].z).toBe(THOUSANDS);
    expect(summary["J3"].z).toBe("#,##0");
    expect(summary["!autofilter"]).toEqual({ ref: "A1:P5" });
  });

  test("the Findings sheet holds every finding, the collection's own included, with filters", () => {
    expect(rowsOf(wb, "Findings")).toEqual([
      ["File", "Organisation code", "Organisation name", "Kind", "Sheet", "Cell", "Message"],
      ["returns/QHM.xlsx", "QHM", "NHS North East and North Cumbria ICB", "hard-coded", "Places", "J16", NORTH_EAST.findings[0].message],
      ["returns/QHM.xlsx", "QHM", "NHS North East and North Cumbria ICB", "check-false", "Checks", "B7", NORTH_EAST.findings[1].message],
      ["risk/QOQ risk share.xlsx", "QOQ", "NHS Humber and North Yorkshire ICB", "not-recalculated", "Lines", "J6", RISK_SHARE.findings[0].message],
      ["returns/old.xls", null, null, "unreadable", null, null, UNREADABLE.findings[0].message],
      ["returns/QWO place delegation.xlsx, returns/QWO again.xlsx", "QWO", "NHS West Yorkshire ICB", "duplicate", null, null, "QWO sent two returns for 2026/27 Plan v1."],
      [null, "QMM", null, "missing-return", null, null, "QMM is expected but sent no return."],
    ]);
    expect(wb.Sheets["Findings"]["!autofilter"]).toEqual({ ref: "A1:G7" });
  });

  test("each table sheet gathers its rows across returns, keyed by organisation, formatted like the template; spare rows left out", () => {
    expect(rowsOf(wb, "Places")).toEqual([
      ["Organisation code", "Organisation name", "Place", "Registered population", "Final WP (core)", "Need index (Final WP)", "Delegated budget £", "£ per head", "Total at target £", "Distance from target", "File"],
      ["QWO", "NHS West Yorkshire ICB", "Leeds", 800000, 810000.5, 1.01, 600000, 750, 590000, 0.0169, WEST_YORKSHIRE.file],
      ["QWO", "NHS West Yorkshire ICB", "Bradford", 550000, 540000, 0.98, 350000, 636, 360000, -0.0278, WEST_YORKSHIRE.file],
      ["QHM", "NHS North East and North Cumbria ICB", "=1+1", 1000, 1000, 1, 5, 0.005, 5, "error #N/A", NORTH_EAST.file],
    ]);
    const places = wb.Sheets["Places"];
    expect(places["D2"].z).toBe("#,##0");
    expect(places["F2"].z).toBe(FORMAT.index);
    expect(places["G2"].z).toBe(POUNDS);
    expect(places["J2"].z).toBe("0.00%");
    // Text that looks like a formula stays text.
    expect(places["C4"]).toMatchObject({ t: "s", v: "=1+1" });
    expect(places["C4"].f).toBeUndefined();
    expect(places["!autofilter"]).toEqual({ ref: "A1:K4" });

    expect(rowsOf(wb, "Service lines")).toEqual([
      ["Organisation code", "Organisation name", "Service line", "Basis", "Method", "Allocation £", "Top-slice kept by the system £", "Delegated to places £", "File"],
      ["QWO", "NHS West Yorkshire ICB", "Prescribing", "Prescr WP", "target", 500000, 25000, 475000, WEST_YORKSHIRE.file],
      // A line with no name but a top-slice is kept: it is a figure the return holds.
      ["QWO", "NHS West Yorkshire ICB", null, null, null, 0, 12, 0, WEST_YORKSHIRE.file],
    ]);
    expect(rowsOf(wb, "Practices")).toEqual([
      ["Organisation code", "Organisation name", "Practice code", "Place", "Registered population", "Primary medical care budget £", "Prescribing budget £", "File"],
      ["QWO", "NHS West Yorkshire ICB", "B82001", "Leeds", 12000, 100000, 80000, WEST_YORKSHIRE.file],
      ["QWO", "NHS West Yorkshire ICB", "B82002", "Bradford", 9000, 90000, 70000, WEST_YORKSHIRE.file],
    ]);
    const partners = rowsOf(wb, "Partners");
    expect(partners[0]).toEqual([
      "Organisation code",
      "Organisation name",
      "Partner",
      "Type",
      "ODS code",
      "Pooled contribution £000",
      "Cap on exposure to an overspend £000",
      "Own variance £000",
      "Bears under the agreement £000",
      "Unused contingency returned to it £000",
      "Transfer £000 (+ pays in, − receives)",
      "Year-end position £000 (+ cost, − gain)",
      "File",
    ]);
    expect(partners.slice(1)).toEqual(RISK_SHARE.tables!.partners.map((r) => ["QOQ", "NHS Humber and North Yorkshire ICB", ...r, RISK_SHARE.file]));
    expect(wb.Sheets["Partners"]["F2"].z).toBe(THOUSANDS);
    expect(rowsOf(wb, "Scheme lines")).toHaveLength(1);
  });

  test("our own reader reads it too: sheets, values and the hidden filter names", () => {
    const book = readWorkbook(bytes);
    expect(book.warnings).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(wb.SheetNames);
    const summary = book.sheets[0];
    const at = (row: number, col: number) => summary.cells.find((c) => c.row === row && c.col === col);
    expect(at(1, 10)?.value).toBe(1000000);
    expect(at(2, 10)?.error).toBe("#DIV/0!");
    expect(at(4, 8)?.value).toBe("unreadable");
    expect(book.names.filter((n) => n.name === "_xlnm._FilterDatabase").map((n) => [n.scope, n.refersTo, n.hidden])).toEqual([
      ["Summary", "Summary!$A$1:$P$5", true],
      ["Findings", "Findings!$A$1:$G$7", true],
      ["Places", "Places!$A$1:$K$4", true],
      ["Service lines", "'Service lines'!$A$1:$I$3", true],
      ["Practices", "Practices!$A$1:$H$3", true],
      ["Partners", "Partners!$A$1:$M$3", true],
      ["Scheme lines", "'Scheme lines'!$A$1:$J$1", true],
    ]);
    expect(book.sheets.every((s) => s.cells.every((c) => c.formula === undefined))).toBe(true);
  });

  test("the same collection gives the same bytes", () => {
    expect(Buffer.from(consolidatedWorkbook(COLLECTION)).equals(Buffer.from(bytes))).toBe(true);
  });

  const missing = schemasMissing();
  if (missing) console.warn(`Skipping the ECMA-376 validation of the consolidated workbook: ${missing}.`);
  (missing ? test.skip : test)("every part validates against ECMA-376", () => {
    expect(validatePackage(withoutXmlSpaceOnText(bytes)).errors).toEqual([]);
  });

  const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
  if (!soffice) console.warn("Skipping the LibreOffice reading of the consolidated workbook: soffice is not installed.");
  (soffice ? test : test.skip)(
    "LibreOffice opens it headless and shows every sheet as formatted",
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ics-consolidated-"));
      try {
        const file = path.join(dir, "all.xlsx");
        fs.writeFileSync(file, bytes);
        // Every sheet (-1), each cell as shown (its number format applied).
        execFileSync(soffice, ["--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir, file], {
          env: { ...process.env, HOME: dir },
          timeout: 60000,
          stdio: "pipe",
        });
        const csv = (sheet: string) => fs.readFileSync(path.join(dir, `all-${sheet}.csv`), "utf8").trim().split("\n");
        expect(csv("Summary")[1]).toBe('returns/QWO place delegation.xlsx,QWO,NHS West Yorkshire ICB,QWO,2026/27,Plan v1,place-delegation,2026.1,clean,0,"£1,000,000","£50,000","£950,000",,,');
        expect(csv("Summary")[3].endsWith(",1,,,,\"1,235\",10,0")).toBe(true);
        expect(csv("Places")[3]).toBe('QHM,NHS North East and North Cumbria ICB,=1+1,"1,000","1,000",1.0000,£5,£0,£5,#N/A,returns/QHM.xlsx');
        expect(csv("Findings")).toHaveLength(7);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    90000,
  );

  test("a collection with no returns still has its Summary and Findings", () => {
    const empty = XLSX.read(consolidatedWorkbook({ returns: [], findings: [], summary: { returns: 0, clean: 0, withFindings: 0, unreadable: 0, missing: 0 } }), { type: "array" });
    expect(empty.SheetNames).toEqual(["Summary", "Findings"]);
    expect(rowsOf(empty, "Summary")).toEqual([IDENTITY]);
  });
});

describe("two templates that would clash", () => {
  // A risk share whose table sheet is called "Places" and whose pooled fund is labelled as place delegation's pot.
  const real = templateSpec("risk-share");
  const clashing: TemplateSpec = {
    ...real,
    keyFigures: real.keyFigures.map((k) => (k.name === "PoolTotal" ? { ...k, label: "Delegated pot £" } : k)),
    tables: real.tables.map((t, i) => (i === 0 ? { ...t, sheet: "places" } : { ...t, sheet: "Summary" })),
  };
  const specOf = (name: string) => (name === "risk-share" ? clashing : templateSpec(name));
  const wb = XLSX.read(consolidatedWorkbook(COLLECTION, { specOf }), { type: "array" });

  test("sheet names are made unique (ignoring case) with the template's name", () => {
    expect(wb.SheetNames).toEqual(["Summary", "Findings", "Places", "Service lines", "Practices", "places (risk-share)", "Summary (risk-share)"]);
    expect(rowsOf(wb, "places (risk-share)")).toHaveLength(3);
  });

  test("a label two templates share is prefixed by each template", () => {
    const header = rowsOf(wb, "Summary")[0];
    expect(header.slice(IDENTITY.length)).toEqual(["place-delegation: Delegated pot £", "Top-slices £", "Delegated to places £", "risk-share: Delegated pot £", "Met from the contingency £000", "Underspend retained £000"]);
  });

  test("a return of a template nobody knows still gets its Summary row, with no key figures", () => {
    const stray: ReturnResult = { file: "x.xlsx", template: "no-such-template", verdict: "findings", keyFigures: { Pot: 1 }, findings: [{ kind: "not-a-return", file: "x.xlsx", message: "Not a return." }] };
    const book = XLSX.read(consolidatedWorkbook({ ...COLLECTION, returns: [stray] }), { type: "array" });
    expect(book.SheetNames).toEqual(["Summary", "Findings"]);
    expect(rowsOf(book, "Summary")[1]).toEqual(["x.xlsx", null, null, null, null, null, "no-such-template", null, "findings", 1]);
  });
});

describe("every template's consolidated tables", () => {
  const cells = (range: string) => {
    const r = parseRange(range);
    return rectRows(r) * rectColumns(r);
  };
  /** The number format the template gives a name's first cell (undefined for General). */
  const formatOf = (spec: TemplateSpec, name: string): string | undefined => {
    const n = spec.names.find((x) => x.name === name)!;
    const first = parseRange(n.range.split(":")[0]);
    let format: string | undefined;
    for (const r of spec.sheets.find((s) => s.name === n.sheet)!.ranges) {
      if (!r.format) continue;
      const b = parseRange(r.range);
      if (first.top >= b.top && first.top <= b.bottom && first.left >= b.left && first.left <= b.right) format = r.format;
    }
    return format === "General" ? undefined : format;
  };
  const variants: [string, TemplateSpec][] = [
    ...TEMPLATES.flatMap((t): [string, TemplateSpec][] => [
      [`${t.name} (sample)`, templateSpec(t.name)],
      [`${t.name} (blank)`, templateSpec(t.name, { mode: "blank" })],
    ]),
    ["risk-share (blank, 5 partners)", templateSpec("risk-share", { mode: "blank", partners: 5 })],
  ];

  test.each(variants)("%s: columns cover the same number of cells (or one), and each range key figure is in a table", (_, spec) => {
    expect(spec.tables.length).toBeGreaterThan(0);
    const sizes = new Map(spec.names.map((n) => [n.name, cells(n.range)]));
    const keys = new Set<string>();
    for (const table of spec.tables) {
      expect(keys.has(table.key)).toBe(false);
      keys.add(table.key);
      expect(sheetNameProblem(table.sheet)).toBeUndefined();
      const lengths = new Set(table.columns.map((c) => sizes.get(c.name)!).filter((n) => n !== 1));
      expect({ table: table.key, lengths: [...lengths] }).toEqual({ table: table.key, lengths: lengths.size ? [[...lengths][0]] : [] });
      for (const c of table.columns) expect({ column: c.name, label: c.label.length > 0 }).toEqual({ column: c.name, label: true });
    }
    const inTables = new Set(spec.tables.flatMap((t) => t.columns.map((c) => c.name)));
    const ranges = spec.keyFigures.filter((k) => spec.names.find((n) => n.name === k.name)!.range.includes(":"));
    for (const k of ranges) expect({ keyFigure: k.name, inATable: inTables.has(k.name) }).toEqual({ keyFigure: k.name, inATable: true });
  });

  test.each(variants)("%s: key figures and table columns carry the template's own number formats", (_, spec) => {
    for (const k of spec.keyFigures) expect({ keyFigure: k.name, format: k.format }).toEqual({ keyFigure: k.name, format: formatOf(spec, k.name) });
    for (const t of spec.tables) for (const c of t.columns) expect({ table: t.key, column: c.name, format: c.format }).toEqual({ table: t.key, column: c.name, format: formatOf(spec, c.name) });
  });

  test("table sheet names are unique within a template, and unlike Summary and Findings", () => {
    for (const t of TEMPLATES) {
      const names = templateSpec(t.name).tables.map((x) => x.sheet.toUpperCase());
      expect(new Set(names).size).toBe(names.length);
      expect(names).not.toContain("SUMMARY");
      expect(names).not.toContain("FINDINGS");
    }
  });
});

describe("the shipped templates, checked and consolidated", () => {
  test("every declared table gives rows from the sample files, and each one-cell key figure a Summary value", () => {
    const results = TEMPLATES.map((t) => checkReturn(`${t.name}.xlsx`, new Uint8Array(fs.readFileSync(path.resolve(__dirname, "..", "..", "assets", "templates", `${t.name}.xlsx`)))));
    expect(results.map((r) => r.verdict)).toEqual(TEMPLATES.map(() => "clean"));
    const wb = XLSX.read(consolidatedWorkbook(collectReturns(results)), { type: "array" });
    const tableSheets = TEMPLATES.flatMap((t) => templateSpec(t.name).tables.map((table) => ({ template: t.name, table })));
    expect(wb.SheetNames).toEqual(["Summary", "Findings", ...tableSheets.map((x) => x.table.sheet)]);
    expect(rowsOf(wb, "Summary")).toHaveLength(1 + TEMPLATES.length);
    expect(rowsOf(wb, "Findings")).toHaveLength(1);
    for (const { template, table } of tableSheets) {
      const rows = rowsOf(wb, table.sheet).slice(1);
      // Every row is the sample organisation's, named in the table's first column, with a figure somewhere.
      expect({ sheet: table.sheet, rows: rows.length > 0 }).toEqual({ sheet: table.sheet, rows: true });
      for (const row of rows) {
        expect(row.slice(0, 2)).toEqual(["QZN", "NHS Northmoor and Vale ICB (fictional)"]);
        expect(row[row.length - 1]).toBe(`${template}.xlsx`);
        // A table by year has no label column (the years are headers, not names): its rows are in year order.
        if (table.columns[0].format === undefined) expect({ sheet: table.sheet, label: typeof row[2] }).toEqual({ sheet: table.sheet, label: "string" });
        if (table.columns.some((c) => c.format)) expect({ sheet: table.sheet, row, number: row.slice(2, -1).some((v) => typeof v === "number") }).toMatchObject({ number: true });
      }
    }
    // The sample place delegation: its four places, and its pot in the Summary.
    const places = rowsOf(wb, "Places").slice(1);
    expect(places.map((r) => r[2])).toEqual(templateSpec("place-delegation").sheets.find((s) => s.name === "Places")!.cells.filter((c) => /^A(8|9|10|11)$/.test(c.at)).map((c) => ("value" in c ? c.value : null)));
    const summary = rowsOf(wb, "Summary");
    const pot = summary[0].indexOf("Delegated pot £");
    expect(typeof summary[1][pot]).toBe("number");
    expect(summary[1][pot]).toBeGreaterThan(0);
    // Spare scheme lines of the risk share (no name, nothing in them) are left out.
    const schemeLines = rowsOf(wb, "Scheme lines").slice(1);
    const lineRows = rectRows(parseRange(templateSpec("risk-share").names.find((n) => n.name === "LineNames")!.range));
    expect(schemeLines.length).toBeGreaterThan(0);
    expect(schemeLines.length).toBeLessThan(lineRows);
    expect(schemeLines.every((r) => typeof r[2] === "string")).toBe(true);
  });
});

test("tableRows: a table's rows from its columns, one-cell names repeated, a shorter or missing column blank", () => {
  const table = { key: "t", sheet: "T", columns: [{ name: "Names", label: "Name" }, { name: "Round", label: "Round" }, { name: "Budgets", label: "£" }, { name: "Gone", label: "Gone" }] };
  const values: Record<string, ReturnType<Parameters<typeof tableRows>[1]>> = { Names: ["Leeds", "Bradford", "Wakefield"], Round: "Plan v1", Budgets: [1, { error: "#N/A" }] };
  expect(tableRows(table, (name) => values[name])).toEqual([
    ["Leeds", "Plan v1", 1, null],
    ["Bradford", "Plan v1", { error: "#N/A" }, null],
    ["Wakefield", "Plan v1", null, null],
  ]);
  expect(tableRows(table, () => undefined)).toEqual([]);
  // A table of one row whose names are each one cell (a merger with one body after).
  expect(tableRows(table, (name) => (name === "Names" ? "QXX" : name === "Budgets" ? 5 : undefined))).toEqual([["QXX", null, 5, null]]);
});
