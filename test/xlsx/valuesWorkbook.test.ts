/**
 * src/xlsx/write/valuesWorkbook.ts: a values-only workbook read back with SheetJS (an independent
 * reader) and with our own reader, validated against ECMA-376, and the same bytes every time.
 */
import * as XLSX from "xlsx";
import { readWorkbook } from "../../src/xlsx/read";
import { ValuesWorkbook, ValuesWorkbookError, readPackage, sheetNameProblem, uniqueSheetName, writeValuesWorkbook } from "../../src/xlsx/write";
import { schemasMissing, validatePackage } from "../helpers/ooxml";
import { withoutXmlSpaceOnText } from "../helpers/xmlSpace";

const POUNDS = "£#,##0;[Red]-£#,##0";

const BOOK: ValuesWorkbook = {
  title: "A test book",
  sheets: [
    {
      name: "Money",
      columns: [{ header: "Code", width: 10 }, { header: "Budget £", format: POUNDS }, { header: "Share", format: "0.00%" }, { header: "Flag" }, { header: "Note" }],
      rows: [
        ["QWO", 1234567, 0.25, true, "=1+1"],
        ["QU9", -42, 0.125, false, "00123"],
        ["Q&A <x>", Number.NaN, { error: "#DIV/0!" }, null, "  padded  "],
        ["short", null, null, null, ""],
        ["QWO", 0, { error: "#SPILL!" }, null, "_x000D_ literal\u0007"],
      ],
      filter: true,
    },
    { name: "Risk share's partners", columns: [{ header: "Partner" }, { header: "£000", format: "#,##0;[Red](#,##0)" }], rows: [["Leeds\ncouncil", 12.5]] },
  ],
};

describe("a values-only workbook", () => {
  const bytes = writeValuesWorkbook(BOOK);
  const wb = XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });

  test("SheetJS reads every sheet, header and value back", () => {
    expect(wb.SheetNames).toEqual(["Money", "Risk share's partners"]);
    const money = wb.Sheets["Money"];
    expect(XLSX.utils.sheet_to_json(money, { header: 1, raw: true, defval: null })).toEqual([
      ["Code", "Budget £", "Share", "Flag", "Note"],
      ["QWO", 1234567, 0.25, true, "=1+1"],
      ["QU9", -42, 0.125, false, "00123"],
      // SheetJS gives errors no raw value: they are checked cell by cell below.
      ["Q&A <x>", null, null, null, "  padded  "],
      ["short", null, null, null, null],
      // An error newer than Excel 2007's file format is written as its text.
      ["QWO", 0, "#SPILL!", null, "_x000D_ literal\u0007"],
    ]);
    expect(money["B2"]).toMatchObject({ t: "n", v: 1234567, z: POUNDS });
    expect(money["C2"]).toMatchObject({ t: "n", v: 0.25, z: "0.00%" });
    expect(money["B4"]).toMatchObject({ t: "e", w: "#NUM!" });
    expect(money["C4"]).toMatchObject({ t: "e", w: "#DIV/0!" });
    expect(money["D2"]).toMatchObject({ t: "b", v: true });
    // Text that looks like a formula or a number stays text.
    expect(money["E2"]).toMatchObject({ t: "s", v: "=1+1" });
    expect(money["E2"].f).toBeUndefined();
    expect(money["E3"]).toMatchObject({ t: "s", v: "00123" });
    expect(money["!autofilter"]).toEqual({ ref: "A1:E6" });
    expect(money["!ref"]).toBe("A1:E6");
    expect(money["!cols"]?.[0]?.wch ?? money["!cols"]?.[0]?.width).toBeDefined();
    const partners = wb.Sheets["Risk share's partners"];
    expect(partners["A2"].v).toBe("Leeds\ncouncil");
    expect(partners["B2"]).toMatchObject({ v: 12.5, z: "#,##0;[Red](#,##0)" });
    expect(partners["!autofilter"]).toBeUndefined();
  });

  test("our own reader reads the same values, and the hidden filter name Excel keeps", () => {
    const book = readWorkbook(bytes);
    expect(book.warnings).toEqual([]);
    expect(book.sheets.map((s) => s.name)).toEqual(["Money", "Risk share's partners"]);
    const cell = (sheet: number, row: number, col: number) => book.sheets[sheet].cells.find((c) => c.row === row && c.col === col);
    expect(cell(0, 0, 1)?.value).toBe("Budget £");
    expect(cell(0, 1, 1)?.value).toBe(1234567);
    expect(cell(0, 1, 4)?.value).toBe("=1+1");
    expect(cell(0, 1, 4)?.formula).toBeUndefined();
    expect(cell(0, 3, 2)?.error).toBe("#DIV/0!");
    expect(cell(0, 5, 4)?.value).toBe("_x000D_ literal\u0007");
    expect(cell(0, 3, 4)?.value).toBe("  padded  ");
    expect(cell(0, 4, 1)).toBeUndefined();
    expect(cell(0, 4, 4)).toBeUndefined();
    expect(book.names).toEqual([{ name: "_xlnm._FilterDatabase", scope: "Money", refersTo: "Money!$A$1:$E$6", hidden: true }]);
  });

  test("the header row is frozen, bold, and text that looks like input carries a quote prefix", () => {
    const pkg = readPackage(bytes);
    const sheet = pkg.text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="10" customWidth="1"/>');
    const styles = pkg.text("xl/styles.xml");
    expect(styles).toContain(`<numFmt numFmtId="164" formatCode="£#,##0;[Red]-£#,##0"/>`);
    expect(styles).toContain(`<numFmt numFmtId="165" formatCode="#,##0;[Red](#,##0)"/>`);
    // 0.00% is Excel's built-in format 10, written by id.
    expect(styles).not.toContain('formatCode="0.00%"');
    expect(sheet).toMatch(/<c r="A1" s="1" t="s">/);
    expect(styles).toMatch(/<cellXfs count="\d+"><xf [^>]*\/><xf numFmtId="0" fontId="1" /);
    expect(styles).toMatch(/<fonts count="2"><font>(?:(?!<b\/>).)*?<\/font><font><b\/>/);
    const quoted = /<xf [^>]*quotePrefix="1"/.exec(styles);
    expect(quoted).not.toBeNull();
    expect(sheet).toMatch(/<c r="E2" s="2" t="s">/);
    expect(sheet).toMatch(/<c r="E3" s="2" t="s">/);
    expect(sheet).toMatch(/<c r="A2" t="s">/);
    expect(pkg.text("xl/workbook.xml")).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Money!$A$1:$E$6</definedName>');
    expect(pkg.text("docProps/core.xml")).toContain("2025-04-01T00:00:00Z");
    // Spaces at the ends kept as Excel keeps them; what XML cannot carry, and a literal escape, escaped.
    const strings = pkg.text("xl/sharedStrings.xml");
    expect(strings).toContain('<t xml:space="preserve">  padded  </t>');
    expect(strings).toContain("<t>_x005F_x000D_ literal_x0007_</t>");
    expect(strings).toContain("<t>Q&amp;A &lt;x&gt;</t>");
  });

  test("the same input gives the same bytes", () => {
    expect(Buffer.from(writeValuesWorkbook(BOOK)).equals(Buffer.from(bytes))).toBe(true);
  });

  const missing = schemasMissing();
  if (missing) console.warn(`Skipping the ECMA-376 validation of the values workbook: ${missing}.`);
  (missing ? test.skip : test)("every part validates against ECMA-376", () => {
    const result = validatePackage(withoutXmlSpaceOnText(bytes));
    expect(result.errors).toEqual([]);
    expect(result.checked.get("xl/worksheets/sheet1.xml")).toBe("sml.xsd");
    expect(result.checked.get("xl/styles.xml")).toBe("sml.xsd");
    expect(result.checked.get("xl/sharedStrings.xml")).toBe("sml.xsd");
    expect(result.checked.get("docProps/app.xml")).toBe("shared-documentPropertiesExtended.xsd");
  });

  test("an empty sheet still has its header and filter", () => {
    const empty = writeValuesWorkbook({ sheets: [{ name: "Findings", columns: [{ header: "File" }, { header: "Message" }], rows: [], filter: true }] });
    const sheet = XLSX.read(empty, { type: "array" }).Sheets["Findings"];
    expect(sheet["!ref"]).toBe("A1:B1");
    expect(sheet["!autofilter"]).toEqual({ ref: "A1:B1" });
    if (!missing) expect(validatePackage(withoutXmlSpaceOnText(empty)).errors).toEqual([]);
  });
});

describe("sheet names", () => {
  test.each([
    ["", "blank"],
    ["a".repeat(32), "longer than 31"],
    ["Places [2]", "[ ] : * ? / \\"],
    ["a/b", "[ ] : * ? / \\"],
    ["'quoted'", "apostrophe"],
    ["History", "keeps for itself"],
  ])("%j is refused", (name, why) => {
    expect(sheetNameProblem(name)).toContain(why);
    expect(() => writeValuesWorkbook({ sheets: [{ name, columns: [{ header: "x" }], rows: [] }] })).toThrow(ValuesWorkbookError);
  });

  test("two sheets whose names differ only in case are refused", () => {
    expect(() =>
      writeValuesWorkbook({ sheets: [{ name: "Places", columns: [{ header: "x" }], rows: [] }, { name: "PLACES", columns: [{ header: "x" }], rows: [] }] }),
    ).toThrow('two sheets are named "PLACES"');
  });

  test("uniqueSheetName makes a name Excel takes, unlike the others ignoring case", () => {
    const taken = new Set(["SUMMARY", "PLACES"]);
    expect(uniqueSheetName("places", taken)).toBe("places (2)");
    expect(uniqueSheetName("Places", taken)).toBe("Places (3)");
    expect(uniqueSheetName("a:b/c*d", taken)).toBe("a b c d");
    const long = uniqueSheetName("x".repeat(40), taken);
    expect(long).toBe("x".repeat(31));
    expect(uniqueSheetName("x".repeat(40), taken)).toBe(`${"x".repeat(27)} (2)`);
    expect(uniqueSheetName("history", taken)).toBe("history sheet");
    expect(uniqueSheetName("", taken)).toBe("Sheet");
    for (const name of taken) expect(sheetNameProblem(name)).toBeUndefined();
  });

  test("a row longer than the columns is refused in plain words", () => {
    expect(() => writeValuesWorkbook({ sheets: [{ name: "S", columns: [{ header: "x" }], rows: [[1, 2]] }] })).toThrow('row 1 of the sheet "S" has 2 values for 1 columns');
  });
});
