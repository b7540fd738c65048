/**
 * Worked cases: a read workbook recalculated on the engine gives Excel's value, or keeps Excel's
 * saved value and says why. Each case cites the Excel behaviour it checks.
 */
import type { Cell } from "../../../src/core";
import { recalculate, Recalculation } from "../../../src/engine/workbook/recalculate";
import { compareSaved, describeKept, keptFindings, reviewRecalculation } from "../../../src/engine/workbook/review";
import { tokenize } from "../../../src/engine/workbook/tokens";
import { LIMITS, without } from "../../../src/engine/workbook/translate";
import { cellAddress, parseCell } from "../../../src/workbook/a1";
import type { DefinedName, ReadCell, ReadSheet, ReadWorkbook, TableDef } from "../../../src/xlsx/model";

type CellSpec = Omit<ReadCell, "row" | "col"> | number | string | boolean;

/** A sheet from { "A1": value or cell }, in row-major order as the reader gives it. */
function sheet(name: string, cells: Record<string, CellSpec>): ReadSheet {
  const list: ReadCell[] = Object.entries(cells).map(([at, spec]) => {
    const { row, col } = parseCell(at);
    if (typeof spec === "object") return { row, col, ...spec };
    return { row, col, value: spec };
  });
  list.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name, part: `xl/worksheets/${name}.xml`, state: "visible", cells: list, protected: false, merges: [], validations: [] };
}

function workbook(sheets: ReadSheet[], extra: { names?: DefinedName[]; tables?: TableDef[]; date1904?: boolean } = {}): ReadWorkbook {
  return {
    sheets,
    names: extra.names ?? [],
    tables: extra.tables ?? [],
    date1904: extra.date1904 ?? false,
    calc: { mode: "auto", fullCalcOnLoad: false },
    customProperties: {},
    hasMacros: false,
    externalLinks: 0,
    warnings: [],
  };
}

const name = (n: string, refersTo: string, scope?: string): DefinedName => ({ name: n, refersTo, hidden: false, ...(scope ? { scope } : {}) });
const f = (formula: string, saved?: Cell | undefined, more: Partial<ReadCell> = {}): Omit<ReadCell, "row" | "col"> => ({
  formula,
  formulaKind: "plain",
  ...(saved === undefined || saved === null ? {} : typeof saved === "object" ? { error: saved.error } : { value: saved }),
  ...more,
});

const open: Recalculation[] = [];
afterAll(() => open.forEach((r) => r.destroy()));

function calc(wb: ReadWorkbook): Recalculation {
  const r = recalculate(wb);
  open.push(r);
  return r;
}

function at(r: Recalculation, sheetName: string, address: string): Cell {
  const { row, col } = parseCell(address);
  return r.value(sheetName, row, col);
}

describe("array formulas", () => {
  // Excel: a Ctrl+Shift+Enter formula evaluates its ranges as arrays: {=SUM(A1:A3*B1:B3)} is the
  // sum of the products, 1×10 + 2×10 + 3×10 = 60; the same text as a plain formula in row 2 takes
  // the row-2 values (implicit intersection): 2×10 = 20.
  const wb = workbook([
    sheet("S", {
      A1: 1,
      A2: 2,
      A3: 3,
      B1: 10,
      B2: 10,
      B3: 10,
      C1: f("SUM(A1:A3*B1:B3)", 60, { formulaKind: "array", ref: "C1" }),
      C2: f("SUM(A1:A3*B1:B3)", 20),
      // A legacy array over a block: each cell its product; a single value fills its whole block.
      D1: f("A1:A3*B1:B3", 10, { formulaKind: "array", ref: "D1:D3" }),
      D2: 20,
      D3: 30,
      E1: f("SUM(A1:A3)", 6, { formulaKind: "array", ref: "E1:E2" }),
      E2: 6,
      // A dynamic array spills, and A1# (saved as ANCHORARRAY) is its block.
      F1: f("_xlfn.SEQUENCE(3)", 1, { formulaKind: "dynamic", ref: "F1:F3" }),
      F2: 2,
      F3: 3,
      G1: f("SUM(_xlfn.ANCHORARRAY(F1))", 6),
    }),
  ]);
  const r = calc(wb);

  test("{=SUM(A1:A3*B1:B3)} is 60, the plain formula 20", () => {
    expect(at(r, "S", "C1")).toBe(60);
    expect(at(r, "S", "C2")).toBe(20);
  });

  test("a legacy block holds each value; a single value fills the block", () => {
    expect(["D1", "D2", "D3"].map((a) => at(r, "S", a))).toEqual([10, 20, 30]);
    expect(["E1", "E2"].map((a) => at(r, "S", a))).toEqual([6, 6]);
  });

  test("a dynamic array spills and F1# is its block", () => {
    expect(["F1", "F2", "F3"].map((a) => at(r, "S", a))).toEqual([1, 2, 3]);
    expect(at(r, "S", "G1")).toBe(6);
  });

  test("every value agrees with what Excel saved", () => {
    expect(compareSaved(r)).toMatchObject({ agree: 6, compared: 6, differences: [] });
  });
});

describe("defined names of every kind", () => {
  // Excel: a name may stand for a constant (VAT = 0.2), a formula, a reference, several areas, and
  // be scoped to one sheet; on a sheet, its own sheet-scoped name wins over the workbook's.
  const wb = workbook(
    [
      sheet("Inputs", { A1: 100, A2: 200, C1: 5 }),
      sheet("North", { A1: 1, B1: f("Rate*10", 10), B2: f("Price*(1+VAT)", 120), B3: f("SUM(Both)", 305), B4: f("Double", 400) }),
      sheet("South", { A1: 2, A3: 3, B1: f("Rate*10", 20), B2: f("North!Rate*10", 10), B3: f("Left", 3) }),
    ],
    {
      names: [
        name("VAT", "0.2"),
        name("Price", "Inputs!$A$1"),
        name("Both", "Inputs!$A$1:$A$2,Inputs!$C$1"),
        name("Double", "Inputs!$A$2*2"),
        // One name on two sheets: each sheet sees its own.
        name("Rate", "North!$A$1", "North"),
        name("Rate", "South!$A$1", "South"),
        // Relative references in a name are relative to A1 and move with the cell using it, wrapping
        // round the sheet: XFD1 is "one column left, same row", so from South!B3 it is South!A3.
        name("Left", "South!XFD1"),
      ],
    },
  );
  const r = calc(wb);

  test("a constant, a formula, a reference and several areas", () => {
    expect(at(r, "North", "B2")).toBeCloseTo(120, 12);
    expect(at(r, "North", "B3")).toBe(305);
    expect(at(r, "North", "B4")).toBe(400);
  });

  test("a name defined on two sheets is two names", () => {
    expect(at(r, "North", "B1")).toBe(10);
    expect(at(r, "South", "B1")).toBe(20);
    expect(at(r, "South", "B2")).toBe(10);
  });

  test("a relative name moves with its cell", () => {
    expect(at(r, "South", "B3")).toBe(3);
  });

  test("nothing kept, everything agrees", () => {
    expect(compareSaved(r)).toMatchObject({ kept: 0, differences: [] });
  });
});

describe("names that look like regular expressions", () => {
  // The old rewrite built a regular expression from the names: a 32-letter name took 24 s and a
  // name like "x(" threw "Invalid regular expression". Names are now looked up token by token.
  const odd = ["x(", "a.*b", "(a+)+$", "[abc]", "\\d+", "a".repeat(32), "b|c", "^", "$x"];
  const wb = workbook([sheet("S", { A1: 7, B1: f(`${"a".repeat(32)}+${"a".repeat(31)}x`, { error: "#NAME?", message: "" }), B2: f("SUM(A1)*2", 14) })], {
    names: odd.map((n) => name(n, "S!$A$1")),
  });

  test("they neither hang nor throw, and a name is only a whole token", () => {
    const r = calc(wb);
    expect(at(r, "S", "B2")).toBe(14);
    // 32 a's is the name (7); 31 a's then x is no name: #NAME?, as Excel shows for an unknown name.
    expect(at(r, "S", "B1")).toMatchObject({ error: "#NAME?" });
  });
});

describe("tables (structured references)", () => {
  // Excel: Budget[Amount] is the column's data rows; [#Totals] the totals row; [[#This Row],[Amount]]
  // (shown as [@Amount]) the same row; [#All] header to totals; a table name alone is its data.
  const wb = workbook(
    [
      sheet("Data", {
        B2: "Item",
        C2: "Amount",
        D2: "Double",
        B3: "Rent",
        C3: 100,
        D3: f("Budget[[#This Row],[Amount]]*2", 200),
        B4: "Rates",
        C4: 250,
        D4: f("Budget[@Amount]*2", 500),
        B5: "Total",
        C5: f("SUBTOTAL(109,Budget[Amount])", 350),
        F1: f("SUM(Budget[Amount])", 350),
        F2: f("Budget[[#Totals],[Amount]]", 350),
        F3: f("COUNTA(Budget[#All])", 11),
        F4: f("ROWS(Budget)", 2),
        F5: f("COUNTA(Budget[#Headers])", 3),
      }),
    ],
    { tables: [{ name: "Budget", sheet: "Data", ref: "B2:D5", columns: ["Item", "Amount", "Double"], headerRows: 1, totalsRows: 1 }] },
  );
  const r = calc(wb);

  test("each form as Excel resolves it", () => {
    expect(["D3", "D4", "C5", "F1", "F2", "F3", "F4", "F5"].map((a) => at(r, "Data", a))).toEqual([200, 500, 350, 350, 350, 11, 2, 3]);
    expect(compareSaved(r).differences).toEqual([]);
  });
});

describe("the 1904 date system", () => {
  // Excel for Mac before 2011: serial 0 is 1 January 1904, so every serial is 1,462 less than in
  // the 1900 system.
  const wb = workbook([sheet("S", { A1: f("DATE(2020,1,1)", 42369), A2: f("YEAR(0)", 1904), A3: f('TEXT(42369,"yyyy-mm-dd")', "2020-01-01") })], { date1904: true });

  test("serials and dates as the file means them", () => {
    const r = calc(wb);
    expect(["A1", "A2", "A3"].map((a) => at(r, "S", a))).toEqual([42369, 1904, "2020-01-01"]);
  });

  test("the 1900 system keeps Excel's 29 February 1900 (serial 60)", () => {
    const r = calc(workbook([sheet("S", { A1: f("DATE(1900,1,1)", 1), A2: f("DATE(1900,3,1)", 61), A3: f('TEXT(60,"d mmm yyyy")', "29 Feb 1900") })]));
    expect(["A1", "A2", "A3"].map((a) => at(r, "S", a))).toEqual([1, 61, "29 Feb 1900"]);
  });
});

describe("built-ins as Excel has them", () => {
  const cases: [string, Cell][] = [
    // ROUND rounds the decimal Excel shows, half away from zero: 1.005 → 1.01, 2.675 → 2.68, -1.005 → -1.01.
    ["ROUND(1.005,2)", 1.01],
    ["ROUND(2.675,2)", 2.68],
    ["ROUND(-1.005,2)", -1.01],
    ["ROUND(1234.5,-2)", 1200],
    ["ROUNDUP(3.2,0)", 4],
    ["ROUNDUP(-3.14159,1)", -3.2],
    ["ROUNDDOWN(0.3*3,1)", 0.9],
    ["ROUNDDOWN(-3.14159,1)", -3.1],
    // MROUND: the nearest multiple, #NUM! when the signs differ (Excel's documented examples).
    ["MROUND(10,3)", 9],
    ["MROUND(-10,-3)", -9],
    ["MROUND(1.3,0.2)", 1.4],
    ["MROUND(5,-2)", { error: "#NUM!", message: "" }],
    ["CEILING(2.5,0)", 0],
    ["FLOOR.MATH(-5.5,2,-1)", -4],
    ["CEILING.MATH(-5.5,2,-1)", -6],
    // TEXT with number and date formats.
    ['TEXT(0.1234,"0.0%")', "12.3%"],
    ['TEXT(1234.5,"#,##0.00")', "1,234.50"],
    ['TEXT(-1234.5,"#,##0.00")', "-1,234.50"],
    ['TEXT(1.005,"0.00")', "1.01"],
    ['TEXT(45000,"dd/mm/yyyy")', "15/03/2023"],
    ['TEXT(45000,"mmmm yyyy")', "March 2023"],
    ['TEXT(45000.75,"hh:mm AM/PM")', "06:00 PM"],
    ['TEXT(1234567,"[$£-809]#,##0")', "£1,234,567"],
    ['TEXT(12345,"0.00E+00")', "1.23E+04"],
    ['TEXT("abc","@")', "abc"],
    // AND and OR skip blanks and text in ranges (Excel): AND over B1:B3 with a gap is TRUE.
    ["AND(B1:B3)", true],
    ["OR(B2:B3)", true],
    ["OR(B2)", { error: "#VALUE!", message: "" }],
    // Functions HyperFormula lacks, done as Excel documents them.
    ['CONCAT("a",B1:B3,1)', "aTRUETRUE1"],
    ["RANK.EQ(3,{1;3;3;5})", 2],
    ["RANK.AVG(3,{1;3;3;5})", 2.5],
    ["ERROR.TYPE(1/0)", 2],
    ["LOOKUP(4,{1;3;5},{10;30;50})", 30],
    ["AGGREGATE(9,6,{1;2;3})", 6],
    ["AGGREGATE(14,6,{1;5;3},2)", 3],
  ];
  const cells: Record<string, CellSpec> = { B1: true, B3: true };
  cases.forEach(([formula], i) => (cells[`D${i + 1}`] = f(formula, 0)));
  const r = calc(workbook([sheet("S", cells)]));

  test.each(cases.map(([formula, value], i) => [formula, value, i]))("%s is %p", (_, value, i) => {
    const got = at(r, "S", `D${(i as number) + 1}`);
    if (typeof value === "object" && value !== null) expect(got).toMatchObject({ error: (value as { error: string }).error });
    else if (typeof value === "number") expect(got).toBeCloseTo(value, 12);
    else expect(got).toBe(value);
  });

  test("a formula over an empty cell shows 0, not a blank (=D53 on an empty D53)", () => {
    const r2 = calc(workbook([sheet("S", { A1: f("D53", 0), A2: f('IF(TRUE,D53,"")', 0) })]));
    expect([at(r2, "S", "A1"), at(r2, "S", "A2")]).toEqual([0, 0]);
  });

  test("a plain formula shows an array's first value, never a spill", () => {
    const r2 = calc(workbook([sheet("S", { A1: f("Grid", 1), B1: 9 })], { names: [name("Grid", "{1,2,3;4,5,6}")] }));
    expect([at(r2, "S", "A1"), at(r2, "S", "B1")]).toEqual([1, 9]);
  });
});

describe("SUBTOTAL skips nested subtotals", () => {
  // Excel: "If there are other subtotals within ref1, ref2,… (or nested subtotals), these nested
  // subtotals are ignored to avoid double counting." Two groups of 100+75 and 150+25, each with
  // its subtotal, and a grand SUBTOTAL over all six rows: 350, not 700.
  const wb = workbook([
    sheet("S", {
      A1: 100,
      A2: 75,
      A3: f("SUBTOTAL(9,A1:A2)", 175),
      A4: 150,
      A5: 25,
      A6: f("SUBTOTAL(9,A4:A5)", 175),
      A7: f("SUBTOTAL(9,A1:A6)", 350),
      A8: f("SUBTOTAL(2,A1:A7)", 4),
      A9: f("SUM(A1:A6)", 700),
      B1: f("_xlfn.AGGREGATE(9,4,A1:A6)", 700),
      B2: f("_xlfn.AGGREGATE(9,0,A1:A6)", 350),
    }),
  ]);
  const r = calc(wb);

  test("the grand subtotal counts each value once; SUM counts everything", () => {
    expect(["A7", "A8", "A9"].map((a) => at(r, "S", a))).toEqual([350, 4, 700]);
  });

  test("AGGREGATE skips them with options 0 to 3 only", () => {
    expect([at(r, "S", "B1"), at(r, "S", "B2")]).toEqual([700, 350]);
  });

  test("SUBTOTAL 101–111 and AGGREGATE's odd options leave out hidden rows; SUBTOTAL 1–11 counts them", () => {
    // Excel: function numbers 101–111 ignore rows hidden by hand, grouping or a filter; AGGREGATE
    // options 1, 3, 5 and 7 ignore hidden rows.
    const hidden: ReadSheet = {
      ...sheet("H", {
        A1: 1,
        A2: 2,
        A3: 4,
        A4: 8,
        B1: f("SUBTOTAL(109,A1:A4)", 9),
        B2: f("SUBTOTAL(9,A1:A4)", 15),
        B3: f("SUBTOTAL(109,A:A)", 9),
        B4: f("_xlfn.AGGREGATE(9,5,A1:A4)", 9),
        B5: f("_xlfn.AGGREGATE(9,4,A1:A4)", 15),
        B6: f("SUBTOTAL(C1,A1:A4)", 9),
        C1: 109,
      }),
      hiddenRows: [1, 2],
    };
    const r = calc(workbook([hidden]));
    expect(["B1", "B2", "B3", "B4", "B5", "B6"].map((a) => at(r, "H", a))).toEqual([9, 15, 9, 9, 15, 9]);
  });

  test("a range less some cells is the rectangles around them", () => {
    const area = { sheet: "S", top: 0, bottom: 5, left: 0, right: 1 };
    const key = (a: string) => ((p) => p.row * 16384 + p.col)(parseCell(a));
    const pieces = without(area, ["A3", "B5"].map(key).sort((a, b) => a - b));
    const covered = new Set<string>();
    for (const p of pieces) for (let row = p.top; row <= p.bottom; row++) for (let col = p.left; col <= p.right; col++) covered.add(cellAddress(row, col));
    expect(covered.size).toBe(10);
    expect(covered.has("A3") || covered.has("B5")).toBe(false);
  });
});

describe("what the engine cannot match keeps Excel's saved value", () => {
  const wb = workbook([
    sheet("S", {
      A1: 5,
      B1: f("INDIRECT(\"A1\")", 5),
      B2: f('WEBSERVICE("https://example.org/rate")', 0.05),
      B3: f("[1]Sheet1!$A$1*2", 84),
      B4: f("B1*2", 10),
      B5: f("_xlfn.FORECAST.ETS(1,A1:A1,A1:A1)", 3),
      B6: f("Excel|Sheet1!A1", 7),
      B7: f("B7+1", 1),
      B8: f("SUM(Sheet1:Sheet3!A1)", 12),
    }),
  ]);
  const r = calc(wb);

  test("each cell shows its saved value, and the cells using it calculate from it", () => {
    expect(["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"].map((a) => at(r, "S", a))).toEqual([5, 0.05, 84, 10, 3, 7, 1, 12]);
  });

  test("each is reported not recalculated, naming the function or the link and the cells", () => {
    const kept = keptFindings(r);
    expect(kept.map((k) => [k.reason, k.cells.join(",")])).toEqual([
      ["function", "S!B1"],
      ["external", "S!B2"],
      ["external", "S!B3"],
      ["function", "S!B5"],
      ["external", "S!B6"],
      ["circular", "S!B7"],
      ["3d", "S!B8"],
    ]);
    const lines = describeKept(kept);
    expect(lines[0]).toBe("not recalculated\tS!B1\tuses a function the engine does not have: INDIRECT; Excel's saved values kept");
    expect(lines[1]).toContain("WEBSERVICE");
    expect(lines[3]).toContain("FORECAST.ETS");
  });

  test("no error the file does not have", () => {
    const review = reviewRecalculation(r, wb.sheets);
    expect(review.errors).toEqual([]);
  });
});

describe("sizes and limits", () => {
  test("ranges to the last row and over the whole sheet calculate without walking a million cells", () => {
    const r = calc(
      workbook([
        sheet("S", { A1: 1, A2: 2, B1: f("SUM(A1:A1048576)", 3), B2: f("SUM(A2:A1048576)", 2), B3: f("COUNT($A$1:$XFD$1048576)", 2), B4: f("SUM(A:A)", 3), B5: f("ROWS(A1:A1048576)", 1048576) }),
      ]),
    );
    expect(["B1", "B2", "B3", "B4", "B5"].map((a) => at(r, "S", a))).toEqual([3, 2, 2, 3, 1048576]);
  });

  test("a legal 6,093-character formula and a deeply nested one are one finding each, the rest still calculates", () => {
    const long = Array.from({ length: 1220 }, (_, i) => `$A$${(i % 2) + 1}`).join("+");
    const deep = `${"(".repeat(120)}1${")".repeat(120)}`;
    const r = calc(workbook([sheet("S", { A1: 1, A2: 2, B1: f(long, 1830), B2: f(deep, 1), B3: f("A1+A2", 3) })]));
    expect(long.length).toBeGreaterThanOrEqual(6093);
    expect(["B1", "B2", "B3"].map((a) => at(r, "S", a))).toEqual([1830, 1, 3]);
    expect(keptFindings(r).map((k) => k.reason)).toEqual(["complex", "complex"]);
  });

  test("a formula within the limits that still overflows the engine's parser is kept, not the file lost", () => {
    const depth = LIMITS.depth;
    LIMITS.depth = 100000;
    try {
      const deep = `${"(".repeat(3000)}1${")".repeat(3000)}`;
      const r = calc(workbook([sheet("S", { A1: 1, B1: f(deep, 1), B2: f("A1*2", 2) })]));
      expect([at(r, "S", "B1"), at(r, "S", "B2")]).toEqual([1, 2]);
      expect(keptFindings(r)).toEqual([{ reason: "complex", detail: "too long or too deeply nested for the engine", cells: ["S!B1"] }]);
    } finally {
      LIMITS.depth = depth;
    }
  });

  test("the tokenizer is linear: a 100,000-character formula of names tokenizes at once", () => {
    const text = Array.from({ length: 10000 }, () => "abcdefghi").join("+");
    expect(tokenize(text)).toHaveLength(19999);
  });
});
