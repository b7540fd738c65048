/**
 * src/xlsx/write on small packages built by hand: the XML it edits in place, the formula names,
 * the zip it writes, and cached values written back (plain cells, dynamic arrays that grow and
 * shrink, legacy arrays padded with #N/A) with every other byte kept.
 */
import { strToU8 } from "fflate";
import { Package, callsIcs, fromFileFormula, hasTypedIcsCall, icsCalls, readPackage, spillResult, toFileFormula, writeCachedValues, writePackage } from "../../src/xlsx/write";
import { arrayResult } from "../../src/xlsx/write/results";
import { dynamicArrays, finishForExcel365 } from "../../src/xlsx/write/excel365";
import { sheetParts } from "../../src/xlsx/write/package";
import { XmlError, parseXml } from "../../src/xlsx/write/xml";

describe("formula names", () => {
  test.each([
    ["ICS.DELEGATE(A1,B2:B9)", "_xldudf_ICS_DELEGATE(A1,B2:B9)"],
    ["SUM(ics.pot(A1:A3),1)", "SUM(_xldudf_ICS_POT(A1:A3),1)"],
    ['IF(A1="ICS.POT(",ICS.VERSION(),"")', 'IF(A1="ICS.POT(",_xldudf_ICS_VERSION(),"")'],
    ["'ICS.POT(x'!A1+1", "'ICS.POT(x'!A1+1"],
    ["MYICS.POT(1)", "MYICS.POT(1)"],
  ])("%s is saved as %s, and read back", (typed, saved) => {
    expect(toFileFormula(typed)).toBe(saved);
    expect(toFileFormula(saved)).toBe(saved);
    if (typed !== saved) expect(fromFileFormula(saved).toUpperCase()).toBe(typed.toUpperCase());
  });

  test("which formulas call the add-in, and which hold its calls as text", () => {
    expect(callsIcs("_xldudf_ICS_POT(A1)")).toBe(true);
    expect(callsIcs("ICS.POT(A1)")).toBe(true);
    expect(callsIcs('"ICS.POT("&A1')).toBe(false);
    expect(hasTypedIcsCall("_xldudf_ICS_POT(A1)")).toBe(false);
    expect(hasTypedIcsCall("1+ICS.POT(A1)")).toBe(true);
    expect(icsCalls("ICS.POT(A1)+_xldudf_ICS_DELEGATE(1,A2:A3)+ICS.POT(B1)")).toEqual(["DELEGATE", "POT"]);
  });
});

describe("the XML tree", () => {
  test("offsets let an edit replace exactly one element", () => {
    const xml = '<?xml version="1.0"?><a x="1 &amp; 2"><!-- c --><b>t&lt;</b><c/><![CDATA[<raw>]]></a>';
    const root = parseXml(xml);
    expect(root.attrs).toEqual([["x", "1 & 2"]]);
    const b = root.children.find((c) => "name" in c && c.name === "b")!;
    expect(xml.slice(b.start, b.end)).toBe("<b>t&lt;</b>");
    expect(root.children.filter((c) => !("name" in c)).map((c) => (c as { text: string }).text)).toEqual(["<raw>"]);
  });

  test("a DTD, an unknown entity and a mismatched tag are refused", () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toThrow(XmlError);
    expect(() => parseXml("<a>&bogus;</a>")).toThrow(XmlError);
    expect(() => parseXml("<a><b></a>")).toThrow(XmlError);
  });
});

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Places" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="171027"/></workbook>`;

function sheetXml(rows: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C4"/><sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function workbookPackage(rows: string): Package {
  return new Package([
    ["[Content_Types].xml", strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')],
    ["_rels/.rels", strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')],
    ["xl/workbook.xml", strToU8(WORKBOOK)],
    ["xl/_rels/workbook.xml.rels", strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')],
    ["xl/worksheets/sheet1.xml", strToU8(sheetXml(rows))],
    ["xl/comments1.xml", strToU8("<comments>kept as it was</comments>")],
  ]);
}

function sheetOf(bytes: Uint8Array): string {
  return readPackage(bytes).text("xl/worksheets/sheet1.xml");
}

describe("writeCachedValues", () => {
  const original = writePackage(
    workbookPackage(
      '<row r="1"><c r="A1" s="2"><v>1</v></c><c r="B1" s="3" t="str"><f>A1&amp;"x"</f><v>old</v></c></row>' +
        '<row r="2"><c r="A2"><f>A1=1</f><v>0</v></c><c r="B2" s="4" cm="1"><f t="array" ref="B2:B3">_xldudf_ICS_DELEGATE(1,A1:A2)</f><v>0</v></c></row>' +
        '<row r="3"><c r="B3" s="4"><v>0</v></c></row>' +
        '<row r="4"><c r="C4" s="5"><f t="array" ref="C4:D4">_xldudf_ICS_INDICATIVE(1,{1,1,1})</f><v>0</v></c><c r="D4" s="5"><v>0</v></c></row>',
    ),
  );

  test("values and types change, styles, formulas and other parts do not", () => {
    const out = writeCachedValues(original, [{ sheet: "Places", cells: [{ row: 0, col: 1, value: "1x" }, { row: 1, col: 0, value: true }] }]);
    const xml = sheetOf(out);
    expect(xml).toContain('<c r="B1" s="3" t="str"><f>A1&amp;"x"</f><v>1x</v></c>');
    expect(xml).toContain('<c r="A2" t="b"><f>A1=1</f><v>1</v></c>');
    expect(xml.replace(/<v>[^<]*<\/v>/g, "").replace(/ t="[a-z]+"/g, "")).toBe(sheetOf(original).replace(/<v>[^<]*<\/v>/g, "").replace(/ t="[a-z]+"/g, ""));
    const before = readPackage(original);
    const after = readPackage(out);
    for (const part of before.names()) if (part !== "xl/worksheets/sheet1.xml") expect(after.text(part)).toBe(before.text(part));
    expect(after.names()).toEqual(before.names());
  });

  test("a dynamic array grows into new cells and rows and shrinks, clearing what it no longer covers", () => {
    const grown = sheetOf(writeCachedValues(original, [{ sheet: "Places", cells: [{ row: 1, col: 1, value: [[0.5], [0.25], ["Total"], [{ error: "#N/A" }]] }] }]));
    expect(grown).toContain('<c r="B2" s="4" cm="1"><f t="array" ref="B2:B5">_xldudf_ICS_DELEGATE(1,A1:A2)</f><v>0.5</v></c>');
    expect(grown).toContain('<c r="B3" s="4"><v>0.25</v></c>');
    expect(grown).toContain('<row r="4"><c r="B4" t="str"><v>Total</v></c><c r="C4" s="5">');
    expect(grown).toContain('<row r="5"><c r="B5" t="e"><v>#N/A</v></c></row>');
    expect(grown).toContain('<dimension ref="A1:C5"/>'); // widened to row 5 (columns as the sheet had them)
    const shrunk = sheetOf(writeCachedValues(original, [{ sheet: "Places", cells: [{ row: 1, col: 1, value: [[{ error: "#VALUE!" }]] }] }]));
    expect(shrunk).toContain('<c r="B2" s="4" t="e" cm="1"><f t="array" ref="B2">_xldudf_ICS_DELEGATE(1,A1:A2)</f><v>#VALUE!</v></c>');
    expect(shrunk).toContain('<row r="3"><c r="B3" s="4"/></row>');
  });

  test("a legacy array keeps its block, filled as Excel fills it: one value repeats, #N/A beyond a larger result", () => {
    const one = sheetOf(writeCachedValues(original, [{ sheet: "Places", cells: [{ row: 3, col: 2, value: [[7]] }] }]));
    expect(one).toContain('<c r="C4" s="5"><f t="array" ref="C4:D4">_xldudf_ICS_INDICATIVE(1,{1,1,1})</f><v>7</v></c><c r="D4" s="5"><v>7</v></c>');
    const short = sheetOf(writeCachedValues(original, [{ sheet: "Places", cells: [{ row: 3, col: 2, value: [[7, 8], [9, 10]] }] }]));
    expect(short).toContain('<v>7</v></c><c r="D4" s="5"><v>8</v></c>');
  });

  test("an unknown sheet is an error", () => {
    expect(() => writeCachedValues(original, [{ sheet: "Nope", cells: [{ row: 0, col: 0, value: 1 }] }])).toThrow('no worksheet "Nope"');
  });

  test("not a zip", () => {
    expect(() => writeCachedValues(new Uint8Array([1, 2, 3, 4]), [])).toThrow("not a zip package");
  });
});

describe("spilled results", () => {
  test("an engine's padded block becomes the result Excel spills", () => {
    expect(spillResult([[1, "a"], [2, "b"], [null, null], [null, null]])).toEqual([[1, "a"], [2, "b"]]);
    expect(spillResult([[{ error: "#VALUE!" }, { error: "#VALUE!" }], [{ error: "#VALUE!" }, { error: "#VALUE!" }]])).toEqual([[{ error: "#VALUE!" }]]);
    expect(spillResult([[5, null, null]])).toEqual([[5]]);
  });

  test("a recalculated result is found from its anchor, stopping at other content", () => {
    const values: Record<string, number> = { "0,0": 1, "1,0": 2, "2,0": 3, "3,0": 9 };
    const read = (_: string, r: number, c: number) => values[`${r},${c}`] ?? null;
    expect(arrayResult("S", { row: 0, col: 0, formula: "X()", spill: "A1:A2" }, (r) => r === 3, read)).toEqual([[1], [2], [3]]);
  });
});

describe("finishing for Excel 365", () => {
  test("every array formula gets cm, and the package its metadata, calcId, add-in and properties", () => {
    const pkg = workbookPackage('<row r="1"><c r="A1"><f t="array" ref="A1">_xldudf_ICS_VERSION()</f><v>x</v></c></row>');
    finishForExcel365(pkg, {
      addin: { reference: { id: "6b0f3c52-8d4e-4a7b-9c1e-2f5a7d9e3b41", version: "0.1.0.0", store: "EXCatalog", storeType: "EXCatalog" }, functionIds: ["ICS.VERSION"] },
      properties: [["TemplateName", "capital"], ["TemplateVersion", "2026.1"]],
    });
    expect(pkg.text("xl/worksheets/sheet1.xml")).toContain('<c r="A1" cm="1"><f t="array" ref="A1">');
    expect(pkg.text("xl/workbook.xml")).toContain('<calcPr calcId="191029"/>');
    expect(pkg.text("xl/_rels/workbook.xml.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"');
    expect(pkg.text("[Content_Types].xml")).toContain('<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>');
    expect(pkg.text("_rels/.rels")).toContain('Target="xl/webextensions/taskpanes.xml"');
    expect(pkg.text("docProps/custom.xml")).toContain('pid="3" name="TemplateVersion"><vt:lpwstr>2026.1</vt:lpwstr>');
    expect(pkg.text("xl/webextensions/webextension1.xml")).toContain("<we:customFunctionIds>ICS.VERSION</we:customFunctionIds>");
    expect(sheetParts(pkg)).toEqual([{ name: "Places", part: "xl/worksheets/sheet1.xml" }]);
  });

  test("a cell already dynamic is left alone", () => {
    const xml = sheetXml('<row r="1"><c r="A1" cm="1"><f t="array" ref="A1">X()</f></c><c r="B1"><f>1</f></c></row>');
    expect(dynamicArrays(xml)).toEqual({ xml, count: 0 });
  });
});
