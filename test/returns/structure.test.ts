/**
 * The structural comparison on workbooks built from the template specs themselves (the file layer's
 * model, no file): every template in every mode compares clean with the released spec of its own
 * name, version and shape, and each way a return goes wrong is one finding of its kind at its cell.
 * The same changes made to real files are in returns.test.ts.
 */
import { asReadWorkbook, specContent } from "../../src/templates/calc";
import { TEMPLATES, templateSpec } from "../../src/templates";
import type { DelegationSystem, TemplateSpec } from "../../src/templates";
import { SAMPLE_DELEGATION } from "../../src/templates/sample";
import { SAMPLE_MERGER } from "../../src/templates/merger";
import type { MergerSystem } from "../../src/templates";
import { releasedSpec, currentVersion, releasedVersions } from "../../src/returns/released";
import { compareStructure } from "../../src/returns/structure";
import { decodeShape, encodeShape } from "../../src/templates/shape";
import type { ReadCell, ReadSheet, ReadWorkbook } from "../../src/xlsx/model";
import { parseCell } from "../../src/workbook/a1";

/** A template as a saved return would read: its cells, its names, its sheets protected as the spec says. */
function asReturn(spec: TemplateSpec): ReadWorkbook {
  const wb = asReadWorkbook(specContent(spec));
  return { ...wb, sheets: wb.sheets.map((s, i) => ({ ...s, protected: spec.sheets[i].protect })) };
}

function reference(spec: TemplateSpec): TemplateSpec {
  return releasedSpec(spec.name, spec.version, spec.shape)!;
}

function editSheet(wb: ReadWorkbook, name: string, edit: (s: ReadSheet) => ReadSheet): ReadWorkbook {
  return { ...wb, sheets: wb.sheets.map((s) => (s.name === name ? edit(s) : s)) };
}

function editCell(wb: ReadWorkbook, sheet: string, at: string, edit: (c: ReadCell) => ReadCell): ReadWorkbook {
  const { row, col } = parseCell(at);
  return editSheet(wb, sheet, (s) => ({ ...s, cells: s.cells.map((c) => (c.row === row && c.col === col ? edit(c) : c)) }));
}

const kinds = (wb: ReadWorkbook, spec: TemplateSpec) => compareStructure(wb, reference(spec)).findings.map((f) => [f.kind, f.sheet, f.cell]);

describe("every template, as generated, is what its released spec says", () => {
  const cases: [string, TemplateSpec][] = [];
  for (const t of TEMPLATES) {
    cases.push([`${t.name} sample`, templateSpec(t.name)]);
    cases.push([`${t.name} blank`, templateSpec(t.name, { mode: "blank" })]);
  }
  cases.push(["risk-share blank for 5 partners", templateSpec("risk-share", { mode: "blank", partners: 5 })]);
  const oneLess: DelegationSystem = { ...SAMPLE_DELEGATION, practices: SAMPLE_DELEGATION.practices.slice(1) };
  cases.push(["place-delegation prefilled for another system", templateSpec("place-delegation", { system: oneLess })]);
  // A boundary change: Kingsholt leaves the fictional Vale ICB (QZV), which carries on with Vale, for Northmoor ICB (QZM).
  const after = (formerBody: string, place: string) => (place === "Kingsholt" || formerBody === "QZM" ? "QZM" : "QZV");
  const movedFootprint: MergerSystem = {
    ...SAMPLE_MERGER,
    bodiesAfter: [
      { code: "QZM", name: "NHS Northmoor ICB (fictional)" },
      { code: "QZV", name: "NHS Vale ICB (fictional)" },
    ],
    // Places of one body after are listed together: Kingsholt moves up beside Northmoor and Eastbridge.
    places: ["Northmoor", "Eastbridge", "Kingsholt", "Vale"].map((name) => {
      const p = SAMPLE_MERGER.places.find((x) => x.name === name)!;
      return { ...p, bodyAfter: after(p.formerBody, p.name), moved: name === "Kingsholt" };
    }),
    practices: ["Northmoor", "Eastbridge", "Kingsholt", "Vale"].flatMap((name) =>
      SAMPLE_MERGER.practices.filter((p) => p.place === name).map((p) => ({ ...p, bodyAfter: after(p.formerBody, p.place), moved: name === "Kingsholt" })),
    ),
  };
  cases.push(["merger prefilled for a boundary change", templateSpec("merger", { mode: "prefilled", footprint: movedFootprint })]);
  test.each(cases)("%s", (_, spec) => {
    expect(kinds(asReturn(spec), spec)).toEqual([]);
  });

  test("a shape decides the layout: the merger's bodies and places are in it", () => {
    const spec = templateSpec("merger", { mode: "prefilled", footprint: movedFootprint });
    expect(spec.shape).toEqual({ formers: ["QZM", "QZV"], afters: ["QZM", "QZV"], placeFormer: [0, 0, 1, 1], placeAfter: [0, 0, 0, 1], placeMoved: [0, 0, 1, 0], practicesPerPlace: expect.any(Array) });
    // Compared with the sample's layout instead, the moved place shows (the shape is what makes the comparison exact).
    expect(compareStructure(asReturn(spec), templateSpec("merger")).findings.length).toBeGreaterThan(0);
  });

  test("the current version of every template is released (raising a version without keeping the old one fails here)", () => {
    for (const t of TEMPLATES) {
      expect(currentVersion(t.name)).toBe(t.version);
      expect(releasedVersions(t.name)).toContain(t.version);
    }
  });
});

describe("each change to a place-delegation return is one finding of its kind at its cell", () => {
  const spec = templateSpec("place-delegation");
  const clean = asReturn(spec);

  test("a formula typed over with its own value is hard-coded", () => {
    const wb = editCell(clean, "Lines", "G9", ({ row, col }) => ({ row, col, value: 173650000 }));
    expect(kinds(wb, spec)).toEqual([["hard-coded", "Lines", "G9"]]);
    expect(compareStructure(wb, reference(spec)).findings[0].message).toBe('G9 holds the typed value 173650000 where the template has the formula =IF(D9="",0,D9)-IF(E9="",0,E9): put the formula back (a typed figure does not update).');
  });

  test("a cleared formula is hard-coded too", () => {
    const wb = editSheet(clean, "Lines", (s) => ({ ...s, cells: s.cells.filter((c) => !(c.row === 8 && c.col === 6)) }));
    expect(kinds(wb, spec)).toEqual([["hard-coded", "Lines", "G9"]]);
  });

  test("a different formula in a locked cell is formula-changed; the file's spelling of the same formula is not", () => {
    const changed = editCell(clean, "Lines", "D17", (c) => ({ ...c, formula: "SUM(D9:D15)" }));
    expect(kinds(changed, spec)).toEqual([["formula-changed", "Lines", "D17"]]);
    // As Excel saves an add-in call: the same formula.
    const delegate = spec.sheets.find((s) => s.name === "Places")!.cells.find((c) => "formula" in c && c.formula.startsWith("ICS.DELEGATE("))!;
    const respelt = editCell(clean, "Places", delegate.at, (c) => ({ ...c, formula: c.formula!.replace("ICS.DELEGATE(", "_xldudf_ICS_DELEGATE(") }));
    expect(respelt).not.toEqual(clean);
    expect(kinds(respelt, spec)).toEqual([]);
  });

  test("a sheet no longer protected is unprotected", () => {
    expect(kinds(editSheet(clean, "Places", (s) => ({ ...s, protected: false })), spec)).toEqual([["unprotected", "Places", undefined]]);
  });

  test("a deleted name is missing-name; a sheet gone is missing-sheet, its names and cells not reported one by one", () => {
    const noName = { ...clean, names: clean.names.filter((n) => n.name !== "DelegatedPot") };
    expect(kinds(noName, spec)).toEqual([["missing-name", "Lines", "D17"]]);
    const noSheet = { ...clean, sheets: clean.sheets.filter((s) => s.name !== "About") };
    expect(kinds(noSheet, spec)).toEqual([["missing-sheet", "About", undefined]]);
  });

  test("a renamed sheet is one finding, and formulas that name it still compare", () => {
    const rename = (text: string) => text.replace(/\bLines!/g, "'Service lines'!");
    const renamed: ReadWorkbook = {
      ...clean,
      sheets: clean.sheets.map((s) => ({ ...(s.name === "Lines" ? { ...s, name: "Service lines" } : s), cells: s.cells.map((c) => (c.formula ? { ...c, formula: rename(c.formula) } : c)) })),
      names: clean.names.map((n) => ({ ...n, refersTo: rename(n.refersTo) })),
    };
    const findings = compareStructure(renamed, reference(spec)).findings;
    expect(findings.map((f) => [f.kind, f.sheet])).toEqual([["missing-sheet", "Lines"]]);
    expect(findings[0].message).toMatch(/renamed "Service lines": rename it back to "Lines"/);
  });

  test("a practice's row deleted inside the Practices table is rows-changed, once, and nothing else", () => {
    // The return as Excel leaves it when one practice's row is deleted: the layout of a system one
    // practice smaller, with the shape it was sent with (Excel keeps custom properties as they are).
    const smaller: DelegationSystem = { ...SAMPLE_DELEGATION, practices: SAMPLE_DELEGATION.practices.filter((_, i) => i !== 3) };
    const sent = templateSpec("place-delegation", { system: SAMPLE_DELEGATION, mode: "prefilled" });
    const returned = asReturn(templateSpec("place-delegation", { system: smaller, mode: "prefilled" }));
    const findings = compareStructure(returned, reference(sent)).findings;
    expect(findings.map((f) => [f.kind, f.sheet])).toEqual([["rows-changed", "Practices"]]);
    const last = 4 + SAMPLE_DELEGATION.practices.length;
    expect(findings[0].cell).toBe(`A5:A${last - 1}`);
    expect(findings[0].message).toMatch(new RegExp(`^PracticeCodes covers A5:A${last - 1} where the template gave it A5:A${last} \\(and \\d+ other names on the sheet\\): 1 row fewer: rows were deleted inside the table`));
  });

  test("a practice's row inserted inside the table (a practice added by hand) is rows-changed too", () => {
    const added = SAMPLE_DELEGATION.practices[0];
    const larger: DelegationSystem = { ...SAMPLE_DELEGATION, practices: [added, { ...added, code: "Z99999", name: "Added by hand" }, ...SAMPLE_DELEGATION.practices.slice(1)] };
    const sent = templateSpec("place-delegation", { system: SAMPLE_DELEGATION, mode: "prefilled" });
    const findings = compareStructure(asReturn(templateSpec("place-delegation", { system: larger, mode: "prefilled" })), reference(sent)).findings;
    expect(findings.map((f) => [f.kind, f.sheet])).toEqual([["rows-changed", "Practices"]]);
    expect(findings[0].message).toMatch(/1 row more: rows were inserted inside the table/);
  });
});

describe("TemplateShape in the file", () => {
  test("numbers, lists and codes round-trip; anything else is no shape", () => {
    const shape = { practicesPerPlace: [12, 9, 8, 5], partners: 3, formers: ["QU9", "QNQ"], one: [7] };
    expect(decodeShape(encodeShape(shape))).toEqual({ ...shape, one: 7 });
    for (const bad of ["", "x", "a=1;b", "a=1,B2", "a=<script>", "a=" + "9".repeat(8), 42, undefined]) expect(decodeShape(bad)).toBeUndefined();
  });
  test("a shape no system could have is refused, and the return is compared with the template's default layout", () => {
    expect(() => releasedSpec("place-delegation", "2026.1", { practicesPerPlace: [100000] })).toThrow(/which no system has/);
    expect(() => releasedSpec("merger", "2026.1", { formers: ["QU9"], afters: ["QU9"], placeFormer: [3], placeAfter: [0], placeMoved: [0], practicesPerPlace: [1] })).toThrow(/a body it does not name/);
  });
});
