/**
 * readWorkbook on packages the tests build: each case shows the XML Excel (or another writer)
 * saves and what the reader makes of it.
 */
import { ReadWorkbook } from "../../src/xlsx/model";
import { WorkbookReadError, readWorkbook } from "../../src/xlsx/read";
import { MAIN_NS, REL_NS, book, bookParts, oneSheet, zipParts } from "./helpers";

function cellsOf(wb: ReadWorkbook, sheet = 0) {
  return wb.sheets[sheet].cells;
}

function at(wb: ReadWorkbook, address: string, sheet = 0) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return cellsOf(wb, sheet).find((c) => c.row === Number(m[2]) - 1 && c.col === col - 1);
}

function refusal(bytes: Uint8Array): WorkbookReadError {
  try {
    readWorkbook(bytes);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("read without refusal");
}

describe("values", () => {
  test("numbers, shared strings (one string object for every cell), inline and rich text, booleans, errors, ISO dates", () => {
    const wb = readWorkbook(
      oneSheet(
        `<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="inlineStr"><is><t>inline</t></is></c></row>` +
          `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>2024-03-31T12:00:00</v></c></row>` +
          `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="4"/><c r="C3" t="inlineStr"><is><r><t>bold </t></r><r><t>plain</t></r><rPh><t>フリガナ</t></rPh></is></c><c r="D3" t="s"><v>2</v></c></row>`,
        { sstXml: `<si><t>shared</t></si><si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si><si><t>line_x000D__x000A_break _x005F_x0041_</t></si>` },
      ),
    );
    expect(at(wb, "A1")).toEqual({ row: 0, col: 0, value: 1.5 });
    expect(at(wb, "B1")!.value).toBe("shared");
    expect(at(wb, "C1")!.value).toBe(at(wb, "B1")!.value);
    expect(at(wb, "D1")!.value).toBe("inline");
    expect(at(wb, "A2")!.value).toBe(true);
    expect(at(wb, "B2")!.value).toBe(false);
    expect(at(wb, "C2")).toEqual({ row: 1, col: 2, error: "#DIV/0!" });
    expect(at(wb, "D2")!.value).toBe(45382.5);
    expect(at(wb, "A3")!.value).toBe("Rich text");
    expect(at(wb, "B3")).toBeUndefined(); // a styled empty cell is no cell
    expect(at(wb, "C3")!.value).toBe("bold plain");
    expect(at(wb, "D3")!.value).toBe("line\r\nbreak _x0041_");
  });

  test("cells and rows without r follow the one before; a cell at XFD1048576 is read; one past the sheet is passed over with a warning", () => {
    const wb = readWorkbook(oneSheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="1048576"><c r="XFD1048576"><v>9</v></c><c r="XFE1048576"><v>10</v></c></row>`));
    expect(cellsOf(wb).map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [1, 3, 4],
      [1048575, 16383, 9],
    ]);
    expect(wb.warnings).toContain("Sheet1: 1 rows or cells with an address outside the sheet were passed over");
  });

  test("cells out of order are sorted; a cell written twice keeps the later value", () => {
    const wb = readWorkbook(oneSheet(`<row r="2"><c r="B2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>11</v></c></row>`));
    expect(cellsOf(wb).map((c) => [c.row, c.col, c.value])).toEqual([
      [0, 0, 11],
      [1, 1, 2],
    ]);
  });

  test("the 1904 date system: ISO dates become serials counted from 1904; the flag is kept", () => {
    const wb = readWorkbook(oneSheet(`<row r="1"><c r="A1" t="d"><v>2024-03-31</v></c><c r="B1"><v>43921</v></c></row>`, { workbookPr: `<workbookPr date1904="1"/>` }));
    expect(wb.date1904).toBe(true);
    expect(at(wb, "A1")!.value).toBe(45382 - 1462);
    expect(at(wb, "B1")!.value).toBe(43921);
    const w1900 = readWorkbook(oneSheet(`<row r="1"><c r="A1" t="d"><v>1900-01-01</v></c><c r="B1" t="d"><v>1900-03-01</v></c></row>`));
    expect(w1900.date1904).toBe(false);
    expect([at(w1900, "A1")!.value, at(w1900, "B1")!.value]).toEqual([1, 61]);
  });
});

describe("formulas", () => {
  test("a shared formula is translated to each cell: relative references move, $-anchored ones stay, strings and sheet names are left alone", () => {
    const wb = readWorkbook(
      oneSheet(
        `<row r="2"><c r="C2"><f t="shared" ref="C2:D4" si="0">A2*$B$1+SUM(A$1:A2)+'A1 sheet'!A1+"A1"&amp;Sheet2!B$3+Table1[A1]</f><v>1</v></c><c r="D2"><f t="shared" si="0"/><v>2</v></c></row>` +
          `<row r="3"><c r="C3"><f t="shared" si="0"/><v>3</v></c></row><row r="4"><c r="D4"><f t="shared" si="0"/><v>4</v></c></row>`,
      ),
    );
    expect(at(wb, "C2")!.formula).toBe(`A2*$B$1+SUM(A$1:A2)+'A1 sheet'!A1+"A1"&Sheet2!B$3+Table1[A1]`);
    expect(at(wb, "D2")!.formula).toBe(`B2*$B$1+SUM(B$1:B2)+'A1 sheet'!B1+"A1"&Sheet2!C$3+Table1[A1]`);
    expect(at(wb, "C3")!.formula).toBe(`A3*$B$1+SUM(A$1:A3)+'A1 sheet'!A2+"A1"&Sheet2!B$3+Table1[A1]`);
    expect(at(wb, "D4")).toMatchObject({ formula: `B4*$B$1+SUM(B$1:B4)+'A1 sheet'!B3+"A1"&Sheet2!C$3+Table1[A1]`, formulaKind: "plain", value: 4 });
  });

  test("a shared formula's child before its master is resolved at the end of the sheet; one with no master keeps its value", () => {
    const wb = readWorkbook(oneSheet(`<row r="1"><c r="A1"><f t="shared" si="3"/><v>5</v></c><c r="B1"><f t="shared" si="9"/><v>7</v></c></row><row r="2"><c r="A2"><f t="shared" ref="A1:A2" si="3">C2+1</f><v>6</v></c></row>`));
    expect(at(wb, "A1")!.formula).toBe("C1+1");
    expect(at(wb, "B1")).toMatchObject({ value: 7, unreadFormula: "a shared formula whose first cell is missing" });
    expect(at(wb, "B1")!.formula).toBeUndefined();
  });

  test("legacy array formulas (t=array, no cm) and dynamic arrays (cm → XLDAPR metadata) are told apart; cached results kept", () => {
    const metadata = `<metadata xmlns="${MAIN_NS}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
    const wb = readWorkbook(
      oneSheet(
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>10</v></c><c r="D1"><f t="array" ref="D1">SUM(A1:A3*B1:B3)</f><v>60</v></c><c r="E1" cm="1"><f t="array" ref="E1:E3">_xlfn.SEQUENCE(3)</f><v>1</v></c></row>` +
          `<row r="2"><c r="E2"><v>2</v></c></row><row r="3"><c r="E3"><v>3</v></c></row>`,
        { metadata },
      ),
    );
    expect(at(wb, "D1")).toEqual({ row: 0, col: 3, value: 60, formula: "SUM(A1:A3*B1:B3)", formulaKind: "array", ref: "D1" });
    expect(at(wb, "E1")).toEqual({ row: 0, col: 4, value: 1, formula: "_xlfn.SEQUENCE(3)", formulaKind: "dynamic", ref: "E1:E3" });
    expect(at(wb, "E2")).toEqual({ row: 1, col: 4, value: 2 });
  });

  test("cached results of every type: a formula's string, error, boolean and empty-string results", () => {
    const wb = readWorkbook(oneSheet(`<row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" t="b"><f>1=1</f><v>1</v></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1"><f>A9</f></c></row>`));
    expect(cellsOf(wb).map((c) => [c.formula, c.value ?? c.error])).toEqual([
      [`"a"&"b"`, "ab"],
      ["1/0", "#DIV/0!"],
      ["1=1", true],
      [`""`, ""],
      ["A9", undefined],
    ]);
  });

  test("a long flat formula (6,093 characters) is read; one past the length limit or nested past the depth limit keeps its value with a warning", () => {
    const flat = Array.from({ length: 1219 }, (_, i) => `A${i + 1}`).join("+").slice(0, 6093);
    const long = "1" + "+1".repeat(9000);
    const deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    const wb = readWorkbook(oneSheet(`<row r="1"><c r="A1"><f>${flat.replace(/\+$/, "")}</f><v>0</v></c><c r="B1"><f>${long}</f><v>9001</v></c><c r="C1"><f>${deep}</f><v>1</v></c></row>`));
    expect(at(wb, "A1")!.formula!.length).toBeGreaterThan(6000);
    expect(at(wb, "B1")).toMatchObject({ value: 9001, unreadFormula: expect.stringContaining("18,001 characters long, over the reader's limit of 16,384") });
    expect(at(wb, "C1")).toMatchObject({ value: 1, unreadFormula: expect.stringContaining("nests 5000 levels deep, over the reader's limit of 128") });
    expect(wb.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Sheet1!B1: the formula is 18,001 characters long/), expect.stringMatching(/^Sheet1!C1: the formula nests 5000 levels deep/)]));
  });

  test("a what-if data table keeps Excel's values and is marked not read", () => {
    const wb = readWorkbook(oneSheet(`<row r="2"><c r="B2"><f t="dataTable" ref="B2:B4" dt2D="0" dtr="0" r1="A1"/><v>5</v></c></row>`));
    expect(at(wb, "B2")).toMatchObject({ value: 5, unreadFormula: expect.stringContaining("data table") });
  });
});

describe("workbook parts", () => {
  test("defined names of every kind: a range, several areas, a constant, a formula, text, sheet-scoped twins, hidden built-ins", () => {
    const wb = readWorkbook(
      book({
        sheets: [
          { name: "Inputs", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` },
          { name: "Other sheet", sheetData: "" },
        ],
        names: [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Inputs!$A$1:$B$9</definedName>`,
          `<definedName name="Amounts">Inputs!$A$1:$A$3</definedName>`,
          `<definedName name="Both">Inputs!$A$1,'Other sheet'!$C$1:$C$2</definedName>`,
          `<definedName name="VAT">0.2</definedName>`,
          `<definedName name="Label">"Total &amp; more"</definedName>`,
          `<definedName name="Grown">Inputs!$A$1*(1+VAT)</definedName>`,
          `<definedName name="Rate" localSheetId="0">0.05</definedName>`,
          `<definedName name="Rate" localSheetId="1">0.07</definedName>`,
          `<definedName name="Rate">0.01</definedName>`,
          `<definedName name="abcdefghijklmnopqrstuvwxyzabcdef">Inputs!$A$1</definedName>`,
        ].join(""),
      }),
    );
    expect(wb.names).toEqual([
      { name: "_xlnm._FilterDatabase", scope: "Inputs", refersTo: "Inputs!$A$1:$B$9", hidden: true },
      { name: "Amounts", refersTo: "Inputs!$A$1:$A$3", hidden: false },
      { name: "Both", refersTo: "Inputs!$A$1,'Other sheet'!$C$1:$C$2", hidden: false },
      { name: "VAT", refersTo: "0.2", hidden: false },
      { name: "Label", refersTo: `"Total & more"`, hidden: false },
      { name: "Grown", refersTo: "Inputs!$A$1*(1+VAT)", hidden: false },
      { name: "Rate", scope: "Inputs", refersTo: "0.05", hidden: false },
      { name: "Rate", scope: "Other sheet", refersTo: "0.07", hidden: false },
      { name: "Rate", refersTo: "0.01", hidden: false },
      { name: "abcdefghijklmnopqrstuvwxyzabcdef", refersTo: "Inputs!$A$1", hidden: false },
    ]);
  });

  test("names Excel would not accept (x(, a cell address, a space) are passed over with a warning, never read", () => {
    const wb = readWorkbook(oneSheet("", { names: `<definedName name="x(">1</definedName><definedName name="A1">2</definedName><definedName name="two words">3</definedName><definedName name="R1C1">4</definedName><definedName name="ok.name?">5</definedName>` }));
    expect(wb.names.map((n) => n.name)).toEqual(["ok.name?"]);
    expect(wb.warnings).toEqual(expect.arrayContaining([`the defined name "x(" is not a name Excel accepts and was not read`]));
  });

  test("tables through the sheet's relationships: name, ref, columns (escapes decoded), header and totals rows", () => {
    const table = `<table xmlns="${MAIN_NS}" id="1" name="Table1" displayName="Budget" ref="B2:D6" totalsRowCount="1"><autoFilter ref="B2:D5"/><tableColumns count="3"><tableColumn id="1" name="Item"/><tableColumn id="2" name="Amount_x000a_(£)"/><tableColumn id="3" name="Share"><calculatedColumnFormula>Budget[[#This Row],[Amount_x000a_(£)]]/10</calculatedColumnFormula></tableColumn></tableColumns><tableStyleInfo name="TableStyleMedium2"/></table>`;
    const noHeader = `<table xmlns="${MAIN_NS}" id="2" name="T2" displayName="T2" ref="F2:F4" headerRowCount="0"><tableColumns count="1"><tableColumn id="1" name="Column1"/></tableColumns></table>`;
    const wb = readWorkbook(
      book({
        sheets: [
          {
            name: "Data",
            sheetData: `<row r="2"><c r="B2" t="inlineStr"><is><t>Item</t></is></c></row>`,
            after: `<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts>`,
            rels: [
              ["table", "../tables/table1.xml", table],
              ["table", "../tables/table2.xml", noHeader],
            ],
          },
        ],
      }),
    );
    expect(wb.tables).toEqual([
      { name: "Budget", sheet: "Data", ref: "B2:D6", columns: ["Item", "Amount\n(£)", "Share"], headerRows: 1, totalsRows: 1 },
      { name: "T2", sheet: "Data", ref: "F2:F4", columns: ["Column1"], headerRows: 0, totalsRows: 0 },
    ]);
  });

  test("calcPr, sheet state and protection, custom properties, macros and external links (never followed)", () => {
    const custom = `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICS.Template"><vt:lpwstr>place-delegation</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Version"><vt:i4>3</vt:i4></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Final"><vt:bool>true</vt:bool></property></Properties>`;
    const wb = readWorkbook(
      book({
        sheets: [
          { name: "Visible", sheetData: "", after: `<sheetProtection sheet="1" objects="1"/>` },
          { name: "Gone", sheetData: "", state: "veryHidden" },
        ],
        calcPr: `<calcPr calcId="191029" calcMode="manual" fullCalcOnLoad="1"/>`,
        customXml: custom,
        workbookRels: [
          ["http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"],
          ["externalLink", "externalLinks/externalLink1.xml"],
        ],
        extra: { "xl/vbaProject.bin": new Uint8Array([1, 2, 3]) },
      }),
    );
    expect(wb.calc).toEqual({ calcId: 191029, mode: "manual", fullCalcOnLoad: true });
    expect(wb.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
      ["Visible", "visible", true],
      ["Gone", "veryHidden", false],
    ]);
    expect(wb.customProperties).toEqual({ "ICS.Template": "place-delegation", Version: 3, Final: true });
    expect(wb.hasMacros).toBe(true);
    expect(wb.externalLinks).toBe(1);
    expect(wb.warnings).toEqual(["the workbook holds macros (VBA): they were not run", "the workbook links to 1 other workbook: the links were not followed"]);
  });

  test("merges and validations are kept as ranges: the whole sheet and 50,000 merges are strings, not cells", () => {
    const merges = Array.from({ length: 50000 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 2}"/>`).join("");
    const whole = `<dataValidations count="3"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"Yes,No"</formula1></dataValidation><dataValidation type="decimal" sqref="C:C E:E"><formula1>0</formula1></dataValidation></dataValidations>`;
    const x14 = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$9</xm:f></x14:formula1><xm:sqref>D1:D1048576</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const wb = readWorkbook(oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, { after: `<mergeCells count="50000">${merges}</mergeCells>${whole}${x14}` }));
    const s = wb.sheets[0];
    expect(s.merges).toHaveLength(50000);
    expect(s.merges[49999]).toBe("A99999:B100000");
    expect(s.validations).toEqual([
      { sqref: "A1:XFD1048576", type: "list", formula1: `"Yes,No"` },
      { sqref: "C:C E:E", type: "decimal", formula1: "0" },
      { sqref: "D1:D1048576", type: "list", formula1: "Lists!$A$1:$A$9" },
    ]);
    expect(s.cells).toHaveLength(1);
  });
});

describe("finding parts through relationships, any spelling", () => {
  test("a capital-S part name (Sheet1.xml), parts in other folders, absolute targets: found through the relationships", () => {
    const parts = bookParts({ sheets: [{ name: "Data", part: "xl/worksheets/Sheet1.xml", sheetData: `<row r="1"><c r="A1"><v>42</v></c></row>` }] });
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(`Target="worksheets/Sheet1.xml"`, `Target="/xl/worksheets/sheet1.xml"`);
    const wb = readWorkbook(zipParts(parts));
    expect(wb.sheets[0]).toMatchObject({ name: "Data", part: "xl/worksheets/Sheet1.xml" });
    expect(wb.sheets[0].cells[0].value).toBe(42);

    const elsewhere = readWorkbook(book({ sheets: [{ name: "Mine", part: "xl/my sheets/data.xml", sheetData: `<row r="1"><c r="A1"><v>7</v></c></row>` }] }));
    expect(elsewhere.sheets[0].cells[0].value).toBe(7);
  });

  test("namespace prefixes (Open XML SDK, ClosedXML: <x:workbook>, <x:c>) read like the default namespace", () => {
    const parts = bookParts({ sheets: [{ name: "S", sheetData: "" }], sharedStrings: ["hello"] });
    parts["xl/workbook.xml"] = `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Prefixed" sheetId="1" r:id="rId1"/></x:sheets><x:definedNames><x:definedName name="N">Prefixed!$A$1</x:definedName></x:definedNames></x:workbook>`;
    parts["xl/worksheets/sheet1.xml"] = `<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="str"><x:f>A1&amp;"!"</x:f><x:v>hello!</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    parts["xl/sharedStrings.xml"] = `<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>hello</x:t></x:si></x:sst>`;
    const wb = readWorkbook(zipParts(parts));
    expect(wb.date1904).toBe(true);
    expect(wb.names).toEqual([{ name: "N", refersTo: "Prefixed!$A$1", hidden: false }]);
    expect(wb.sheets[0].name).toBe("Prefixed");
    expect(wb.sheets[0].cells).toEqual([
      { row: 0, col: 0, value: "hello" },
      { row: 0, col: 1, value: "hello!", formula: `A1&"!"`, formulaKind: "plain" },
    ]);
  });

  test("strict OOXML (purl.oclc.org namespaces and relationship types) reads too", () => {
    const strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const parts: Record<string, string> = {
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${strictRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `<workbook xmlns="${strictMain}" xmlns:r="${strictRel}"><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${strictRel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml": `<worksheet xmlns="${strictMain}"><sheetData><row r="1"><c r="A1" t="d"><v>2024-01-01</v></c></row></sheetData></worksheet>`,
    };
    const wb = readWorkbook(zipParts(parts));
    expect(wb.sheets[0].name).toBe("Strict");
    expect(wb.sheets[0].cells[0].value).toBe(45292);
  });

  test("chart sheets are passed over; a workbook of charts only, or listing no sheets, is refused: never an empty 'clean' read", () => {
    const parts = bookParts({ sheets: [{ name: "Chart1", sheetData: "" }] });
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace("/worksheet", "/chartsheet");
    expect(refusal(zipParts(parts))).toMatchObject({ reason: "no-sheets", message: expect.stringContaining("it holds only charts") });
    expect(refusal(book({ sheets: [] }))).toMatchObject({ reason: "no-sheets", message: expect.stringContaining("it lists no sheets") });
  });

  test("a sheet whose part is missing, or whose XML is cut short, refuses the file as damaged", () => {
    const parts = bookParts({ sheets: [{ name: "S", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` }] });
    delete parts["xl/worksheets/sheet1.xml"];
    expect(refusal(zipParts(parts))).toMatchObject({ reason: "corrupt", message: expect.stringContaining(`sheet "S" has no part xl/worksheets/sheet1.xml`) });
    const cut = bookParts({ sheets: [{ name: "S", sheetData: `<row r="1"><c r="A1"><v>1</v></c></row>` }] });
    cut["xl/worksheets/sheet1.xml"] = (cut["xl/worksheets/sheet1.xml"] as string).slice(0, -30);
    expect(refusal(zipParts(cut))).toMatchObject({ reason: "corrupt", message: expect.stringContaining("still open (cut short)") });
  });
});

describe("hostile XML", () => {
  test("entity expansion (billion laughs) and any DOCTYPE are refused, never expanded", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
    const parts = bookParts({ sheets: [{ name: "S", sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row>` }] });
    parts["xl/worksheets/sheet1.xml"] = laughs + (parts["xl/worksheets/sheet1.xml"] as string).replace(/^<\?xml[^>]*>\n/, "");
    expect(refusal(zipParts(parts))).toMatchObject({ reason: "doctype", message: expect.stringContaining("document type (DOCTYPE) or entity declaration") });
    // An entity used without any declaration is refused just the same.
    const undeclared = oneSheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>`);
    expect(refusal(undeclared)).toMatchObject({ reason: "doctype", message: expect.stringContaining(`an entity "&lol;" that XML does not define`) });
  });

  test("elements nested 100,000 deep are refused by the nesting limit, without recursion", () => {
    const deep = "<a>".repeat(100000) + "</a>".repeat(100000);
    expect(refusal(oneSheet(`<row r="1"><c r="A1"><v>1</v></c></row>`, { after: `<extLst>${deep}</extLst>` }))).toMatchObject({ reason: "limit", message: expect.stringContaining("nested more than 256 deep") });
  });

  test("a long master shared over many cells is stopped by the shared-formula limit, not filled into gigabytes", () => {
    const master = "A1" + "+A1".repeat(5000);
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}"><f t="shared" si="0"/></c></row>`).join("");
    const bytes = oneSheet(`<row r="1"><c r="B1"><f t="shared" ref="B1:B201" si="0">${master}</f></c></row>${rows}`);
    expect(readWorkbook(bytes).sheets[0].cells).toHaveLength(201);
    expect(() => readWorkbook(bytes, { maxSharedFormulaChars: 1_000_000 })).toThrow(expect.objectContaining({ reason: "limit", message: expect.stringContaining("shared formulas fill in more than 1,000,000 characters") }));
  });

  test("the cell limit counts filled cells across the workbook", () => {
    const row = "<c><v>1</v></c>".repeat(30);
    expect(() => readWorkbook(oneSheet(`<row r="1">${row}</row>`), { maxCells: 10 })).toThrow(expect.objectContaining({ reason: "limit", message: expect.stringContaining("more than 10 filled cells") }));
  });
});
