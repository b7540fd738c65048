/**
 * Each generated template, and each `recalc --out` of one, as Excel 365 would have saved it:
 * add-in calls as `_xldudf_ICS_*` only, every ICS cell a dynamic array sized to its result with
 * plain cached values below, the metadata part it needs, calcId 191029, the add-in referenced
 * (the manifest's Id and Version), the template's identity in custom properties, and every part
 * valid against the ECMA-376 schemas (../shared/schemas/ooxml; skipped without it).
 */
import { encodeShape } from "../../src/templates/shape";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { CATALOGUE_EDITION, ADDIN_VERSION } from "../../src/core/version";
import { STREAMS } from "../../src/core/rules/streams";
import { templateSpec } from "../../src/templates";
import { TemplateBuilder } from "../../src/templates/builder";
import { TemplateSpec } from "../../src/templates/spec";
import { MANIFEST_ID, MANIFEST_VERSION } from "../../src/templates/addin";
import { calculate, specContent } from "../../src/templates/calc";
import { renderXlsx } from "../../src/templates/xlsx";
import { parseCell, parseRange } from "../../src/workbook/a1";
import { Package, callsIcs, hasTypedIcsCall, readPackage, writeCachedValues } from "../../src/xlsx/write";
import { contentTypeOf, relationships, sheetParts } from "../../src/xlsx/write/package";
import { XmlElement, attr, childNamed, childrenNamed, parseXml, textOf } from "../../src/xlsx/write/xml";
import { schemasMissing, validatePackage } from "../helpers/ooxml";
import { TEMPLATE_NAMES, scratchDir } from "./helpers";

const ROOT = path.join(__dirname, "..", "..");
const dir = scratchDir();
const templates = new Map<string, Package>();
const recalculated = new Map<string, Package>();

beforeAll(async () => {
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, `${name}.xlsx`);
    fs.writeFileSync(file, (await renderXlsx(templateSpec(name))).buffer);
    templates.set(name, readPackage(new Uint8Array(fs.readFileSync(file))));
    const out = path.join(dir, `${name}-recalculated.xlsx`);
    const code = await main(["recalc", file, "--out", out], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    recalculated.set(name, readPackage(new Uint8Array(fs.readFileSync(out))));
  }
}, 120_000);

interface FileCell {
  element: XmlElement;
  formula?: XmlElement;
  value?: string;
}

function cellsOf(pkg: Package, part: string): Map<string, FileCell> {
  const out = new Map<string, FileCell>();
  const sheetData = childNamed(parseXml(pkg.text(part)), "sheetData")!;
  for (const row of childrenNamed(sheetData, "row")) {
    for (const c of childrenNamed(row, "c")) {
      const v = childNamed(c, "v");
      out.set(attr(c, "r")!, { element: c, formula: childNamed(c, "f"), value: v ? textOf(v) : undefined });
    }
  }
  return out;
}

const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe.each(TEMPLATE_NAMES)("%s", (name) => {
  const both = () => [
    ["generated", templates.get(name)!],
    ["recalculated", recalculated.get(name)!],
  ] as const;

  test("formulas call the add-in as _xldudf_ICS_* only, each such cell a dynamic array; no legacy arrays", () => {
    for (const [, pkg] of both()) {
      let ics = 0;
      for (const { part } of sheetParts(pkg)) {
        for (const [ref, cell] of cellsOf(pkg, part)) {
          if (!cell.formula) continue;
          const text = textOf(cell.formula);
          expect({ ref, typed: hasTypedIcsCall(text) }).toEqual({ ref, typed: false });
          if (attr(cell.formula, "t") === "array") expect({ ref, cm: attr(cell.element, "cm") }).toEqual({ ref, cm: "1" });
          if (callsIcs(text)) {
            ics++;
            expect({ ref, t: attr(cell.formula, "t"), cm: attr(cell.element, "cm") }).toEqual({ ref, t: "array", cm: "1" });
          }
        }
      }
      expect(ics).toBeGreaterThan(0);
    }
  });

  test("each spill's ref is its result's extent; the cells below hold plain cached values, the rest of the room is empty", () => {
    const spec = templateSpec(name);
    const calc = calculate(specContent(spec));
    try {
      for (const [, pkg] of both()) {
        const parts = new Map(sheetParts(pkg).map((s) => [s.name, s.part]));
        for (const sheet of spec.sheets) {
          const cells = cellsOf(pkg, parts.get(sheet.name)!);
          for (const c of sheet.cells) {
            if (!("formula" in c) || !c.spill) continue;
            const anchor = cells.get(c.at)!;
            const ref = parseRange(attr(anchor.formula!, "ref")!);
            const room = parseRange(c.spill);
            for (let r = room.top; r <= room.bottom; r++) {
              for (let col = room.left; col <= room.right; col++) {
                const address = `${String.fromCharCode(65 + col)}${r + 1}`;
                const cell = cells.get(address);
                const inside = r <= ref.bottom && col <= ref.right;
                const engine = calc.value(sheet.name, r, col);
                if (inside) {
                  expect({ address, value: cell?.value !== undefined }).toEqual({ address, value: true });
                  if (address !== c.at) expect({ address, formula: cell?.formula }).toEqual({ address, formula: undefined });
                  if (typeof engine === "string") expect({ address, t: attr(cell!.element, "t") }).toEqual({ address, t: "str" });
                } else {
                  expect({ address, value: cell?.value, engine }).toEqual({ address, value: undefined, engine: null });
                }
              }
            }
          }
        }
      }
    } finally {
      calc.engine.destroy();
    }
  });

  test("the metadata part, with its content type and relationship, and calcId 191029", () => {
    for (const [, pkg] of both()) {
      expect(pkg.text("xl/metadata.xml")).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
      expect(contentTypeOf(pkg, "/xl/metadata.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml");
      expect(relationships(pkg, "xl/workbook.xml")).toContainEqual(expect.objectContaining({ type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata", target: "metadata.xml" }));
      expect(attr(childNamed(parseXml(pkg.text("xl/workbook.xml")), "calcPr")!, "calcId")).toBe("191029");
    }
  });

  test("the add-in is referenced with the manifest's Id and Version, its pane opened with the document", () => {
    expect(manifest).toContain(`<Id>${MANIFEST_ID}</Id>`);
    expect(manifest).toContain(`<Version>${MANIFEST_VERSION}</Version>`);
    for (const [, pkg] of both()) {
      expect(relationships(pkg, "")).toContainEqual(expect.objectContaining({ type: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes", target: "xl/webextensions/taskpanes.xml" }));
      const we = parseXml(pkg.text("xl/webextensions/webextension1.xml"));
      expect(attr(we, "id")!.replace(/[{}]/g, "").toLowerCase()).toBe(MANIFEST_ID);
      const reference = childNamed(we, "reference")!;
      expect({ id: attr(reference, "id"), version: attr(reference, "version"), storeType: attr(reference, "storeType") }).toEqual({ id: MANIFEST_ID, version: MANIFEST_VERSION, storeType: "EXCatalog" });
      const props = childrenNamed(childNamed(we, "properties")!, "property").map((p) => [attr(p, "name"), attr(p, "value")]);
      expect(props).toContainEqual(["Office.AutoShowTaskpaneWithDocument", "true"]);
      expect(pkg.text("xl/webextensions/webextension1.xml")).toContain("<we:customFunctionIds>ICS.VERSION</we:customFunctionIds>");
      expect(attr(childNamed(parseXml(pkg.text("xl/webextensions/taskpanes.xml")), "taskpane")!, "visibility")).toBe("1");
      expect(contentTypeOf(pkg, "/xl/webextensions/webextension1.xml")).toBe("application/vnd.ms-office.webextension+xml");
      expect(contentTypeOf(pkg, "/xl/webextensions/taskpanes.xml")).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
    }
  });

  test("the custom properties carry the template's identity", () => {
    const spec = templateSpec(name);
    for (const [, pkg] of both()) {
      const props = childrenNamed(parseXml(pkg.text("docProps/custom.xml")), "property").map((p) => [attr(p, "name"), textOf(childNamed(p, "lpwstr")!), attr(p, "pid")]);
      expect(props).toEqual([
        ["TemplateName", name, "2"],
        ["TemplateVersion", spec.version, "3"],
        ["CatalogueEdition", CATALOGUE_EDITION, "4"],
        ["AddinVersion", ADDIN_VERSION, "5"],
        // Where the layout depends on data, the numbers that decide it (../shared/spec/RETURNS.md).
        ...(spec.shape ? [["TemplateShape", encodeShape(spec.shape), "6"]] : []),
      ]);
      expect(contentTypeOf(pkg, "/docProps/custom.xml")).toBe("application/vnd.openxmlformats-officedocument.custom-properties+xml");
    }
  });

  test("recalc --out changes only cached values: every other part is byte for byte the generated one", () => {
    const before = templates.get(name)!;
    const after = recalculated.get(name)!;
    expect(after.names()).toEqual(before.names());
    const strip = (xml: string) => xml.replace(/<v>[^<]*<\/v>/g, "").replace(/ t="[a-z]+"/g, "");
    for (const part of before.names()) {
      if (part.startsWith("xl/worksheets/")) expect(strip(after.text(part))).toBe(strip(before.text(part)));
      else expect(Buffer.from(after.bytes(part)!).equals(Buffer.from(before.bytes(part)!))).toBe(true);
    }
  });

  const missing = schemasMissing();
  (missing ? test.skip : test)("every part validates against ECMA-376 (and the web extension parts against [MS-OWEXML])", () => {
    for (const [label, pkg] of both()) {
      const result = validatePackage(pkg);
      expect({ label, errors: result.errors }).toEqual({ label, errors: [] });
      expect(result.checked.get("xl/worksheets/sheet1.xml")).toBe("sml.xsd");
      expect(result.checked.get("xl/metadata.xml")).toBe("sml.xsd");
      expect(result.checked.get("docProps/custom.xml")).toBe("shared-documentPropertiesCustom.xsd");
    }
  });
});

if (schemasMissing()) console.warn(`Skipping the ECMA-376 validation of templates: ${schemasMissing()}.`);

test("a prefilled template says what it was prefilled from", async () => {
  const spec = templateSpec("place-delegation");
  const pkg = readPackage(new Uint8Array((await renderXlsx(spec, { prefilledFrom: "practices.csv; ICB QWO" })).buffer));
  expect(pkg.text("docProps/custom.xml")).toContain('pid="6" name="PrefilledFrom"><vt:lpwstr>practices.csv; ICB QWO</vt:lpwstr>');
});

/**
 * A one-sheet workbook with a spill whose size follows its inputs: the pot by stream
 * (ICS.POTSTREAMS, one row per stream present and the total), with room left for every stream.
 * Eight lines in eight streams (484,180,000 pooled) and four spare rows, at B7:C18.
 */
function potSpec(): TemplateSpec {
  const t = new TemplateBuilder();
  const pot = t.sheet("Pot");
  pot.value("A4", "Rounding unit").input("B4", 1).name("RoundTo", "B4");
  const lines: [string | null, number | null, number | null][] = [
    ["core", 352600000, null],
    ["primary_medical", 36900000, null],
    ["pod", 27450000, null],
    ["specialised", 61800000, 0.85],
    ["other_direct", 1950000, null],
    ["running_costs", 4400000, null],
    ["system_support", 2750000, null],
    ["elective_recovery", 5600000, null],
    [null, null, null],
    [null, null, null],
    [null, null, null],
    [null, null, null],
  ];
  pot.table("A6", lines.length, [
    { key: "line", header: "Line", fixed: lines.map((_, i) => `Line ${i + 1}`) },
    { key: "stream", header: "Stream", input: lines.map((l) => l[0]) },
    { key: "amount", header: "Amount", input: lines.map((l) => l[1]) },
    { key: "share", header: "Pooled share", input: lines.map((l) => l[2]) },
  ]);
  pot.spill(`F7:G${7 + STREAMS.length}`, "ICS.POTSTREAMS(C7:C18,B7:B18,D7:D18,RoundTo)");
  return t.build({ name: "pot", title: "Pot by stream", description: "A spill whose size follows its inputs.", version: "test" }, []);
}

test("the POTSTREAMS block spills its 9 rows, not the 11 the sheet leaves room for", async () => {
  const file = path.join(dir, "pot.xlsx");
  fs.writeFileSync(file, (await renderXlsx(potSpec())).buffer);
  const pkg = readPackage(new Uint8Array(fs.readFileSync(file)));
  const part = sheetParts(pkg).find((s) => s.name === "Pot")!.part;
  const cells = cellsOf(pkg, part);
  const anchor = cells.get("F7")!;
  expect(attr(anchor.formula!, "ref")).toBe("F7:G15");
  expect(cells.get("F15")!.value).toBe("Total");
  expect(parseCell("F7")).toEqual({ row: 6, col: 5 });
});

describe("recalc --out on a return whose spill changed size", () => {
  /** The pot workbook with lines typed in (written into the file as a user's save would hold them). */
  async function returnWith(lines: { row: number; stream: string | null; amount: number | null }[]): Promise<string> {
    const file = path.join(dir, `return-${lines.length}-${Math.random().toString(36).slice(2)}.xlsx`);
    const original = new Uint8Array((await renderXlsx(potSpec())).buffer);
    const cells = lines.flatMap((l) => [
      { row: l.row, col: 1, value: l.stream },
      { row: l.row, col: 2, value: l.amount },
    ]);
    fs.writeFileSync(file, writeCachedValues(original, [{ sheet: "Pot", cells }]));
    return file;
  }

  async function recalcOut(file: string): Promise<Map<string, FileCell>> {
    const out = file.replace(/\.xlsx$/, "-out.xlsx");
    expect(await main(["recalc", file, "--out", out], { out: () => undefined, err: () => undefined })).toBe(0);
    const pkg = readPackage(new Uint8Array(fs.readFileSync(out)));
    if (!schemasMissing()) expect(validatePackage(pkg).errors).toEqual([]);
    return cellsOf(pkg, sheetParts(pkg).find((s) => s.name === "Pot")!.part);
  }

  test("a new stream: POTSTREAMS spills one row more, into the room the sheet left", async () => {
    const cells = await recalcOut(await returnWith([{ row: 14, stream: "transformation", amount: 1000000 }]));
    expect(attr(cells.get("F7")!.formula!, "ref")).toBe("F7:G16");
    expect(cells.get("F14")!.value).toBe("Transformation and development"); // in catalogue order, before elective recovery
    expect(cells.get("F15")!.value).toBe("Elective recovery");
    expect(cells.get("F16")!.value).toBe("Total");
    expect(cells.get("G16")!.value).toBe("485180000");
  });

  test("a stream removed: one row less, and the row it no longer covers holds nothing", async () => {
    const cells = await recalcOut(await returnWith([{ row: 13, stream: null, amount: null }]));
    expect(attr(cells.get("F7")!.formula!, "ref")).toBe("F7:G14");
    expect(cells.get("F14")!.value).toBe("Total");
    expect(cells.get("F15")!.value).toBeUndefined();
    expect(cells.get("G15")!.value).toBeUndefined();
  });
});
