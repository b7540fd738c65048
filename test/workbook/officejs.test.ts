/**
 * The Office.js adapter against office-addin-mock: every apply is one Excel.run with one sync,
 * formulas go through range.formulas, and reads load before they sync. The mock returns children
 * through `this` (TOOLCHAIN.md §6), so each test declares the sheets and range addresses it
 * expects; an address the adapter did not mean to touch is simply not there, and the test fails.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook, characterWidthToPoints, formulasFor, splitAddress } from "../../src/workbook/officejs";
import { WorkbookOp } from "../../src/workbook/port";

function rangeData(values: unknown[][] = [[""]], valueTypes: string[][] = [["Empty"]]) {
  return {
    formulas: [[""]],
    numberFormat: [[""]],
    values,
    valueTypes,
    address: "",
    format: {
      font: { bold: false, italic: false, color: "#000000" },
      fill: { color: "#FFFFFF" },
      horizontalAlignment: "General",
      wrapText: false,
      columnWidth: 48,
      protection: { locked: true },
    },
    // No `rule` here: the mock would put its own child object back over the adapter's rule at sync.
    dataValidation: { clear: function () {} },
  };
}

interface MockSpec {
  /** Sheet name → the range addresses the adapter will ask it for (with their values, for reads). */
  sheets: Record<string, Record<string, ReturnType<typeof rangeData>>>;
  names?: Record<string, ReturnType<typeof rangeData>>;
  selection?: string;
  sheetItems?: { name: string }[];
}

function excelMock(spec: MockSpec) {
  const log: string[] = [];
  const sheets: Record<string, unknown> = {};
  for (const [name, ranges] of Object.entries(spec.sheets)) {
    sheets[name] = {
      ranges,
      getRange: function (this: { ranges: Record<string, unknown> }, address: string) {
        log.push(`${name}!${address}`);
        return this.ranges[address];
      },
      activate: function () {
        log.push(`activate ${name}`);
      },
      protection: {
        protect: function () {
          log.push(`protect ${name}`);
        },
      },
    };
  }
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheets,
          items: spec.sheetItems ?? [],
          getItem: function (name: string) {
            return this.sheets[name];
          },
          add: function (name: string) {
            log.push(`add ${name}`);
            return this.sheets[name];
          },
          // The mock has no collections: record what was asked for and load the items themselves.
          load: function (properties: string) {
            log.push(`load ${properties}`);
            OfficeMockObject.prototype.load.call(this, "items");
            return this;
          },
        },
        names: {
          items: spec.names ?? {},
          add: function (name: string, _range: unknown, comment?: string) {
            log.push(`name ${name} (${comment ?? ""})`);
          },
          getItem: function (name: string) {
            return { getRange: () => this.items[name] };
          },
        },
        selected: { address: spec.selection ?? "Sheet1!A1" },
        getSelectedRange: function () {
          return this.selected;
        },
      },
    },
    run: async function (batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as any;
  const sync = jest.spyOn(excel.context, "sync");
  const range = (sheet: string, address: string) => excel.context.workbook.worksheets.sheets[sheet].ranges[address];
  return { excel, log, sync, range };
}

describe("OfficeWorkbook.apply", () => {
  test("a whole sheet is one Excel.run with one sync, formulas written through range.formulas", async () => {
    const { excel, log, sync, range } = excelMock({
      sheets: { Pot: { "A1:B3": rangeData(), "B2:B3": rangeData(), A1: rangeData(), "B:B": rangeData(), "A1:B1": rangeData() } },
    });
    const ops: WorkbookOp[] = [
      { op: "addSheet", sheet: "Pot" },
      { op: "cells", sheet: "Pot", at: "A1", cells: [["Stream", "Amount"], ["core", 1000], ["Pot", "=ICS.POT(B2:B2)"]] },
      { op: "numberFormat", sheet: "Pot", range: "B2:B3", format: "#,##0;[Red]-#,##0" },
      { op: "style", sheet: "Pot", range: "A1:B1", style: { bold: true, fill: "#DDEBF7", fontColor: "#1F4E79", wrapText: true } },
      { op: "columnWidth", sheet: "Pot", column: "B", width: 16 },
      { op: "locked", sheet: "Pot", range: "A1", locked: false },
      { op: "activate", sheet: "Pot" },
    ];
    await new OfficeWorkbook(excel).apply(ops);

    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toEqual(["add Pot", "Pot!A1:B3", "Pot!B2:B3", "Pot!A1:B1", "Pot!B:B", "Pot!A1", "activate Pot"]);
    expect(range("Pot", "A1:B3").formulas).toEqual([["Stream", "Amount"], ["core", 1000], ["Pot", "=ICS.POT(B2:B2)"]]);
    expect(range("Pot", "B2:B3").numberFormat).toEqual([["#,##0;[Red]-#,##0"], ["#,##0;[Red]-#,##0"]]);
    expect(range("Pot", "A1:B1").format.font.bold).toBe(true);
    expect(range("Pot", "A1:B1").format.font.color).toBe("#1F4E79");
    expect(range("Pot", "A1:B1").format.fill.color).toBe("#DDEBF7");
    expect(range("Pot", "A1:B1").format.wrapText).toBe(true);
    // 16 characters of Calibri 11: (16 × 7 + 5) px × 0.75 pt/px = 87.75 pt
    expect(range("Pot", "B:B").format.columnWidth).toBe(87.75);
    expect(range("Pot", "A1").format.protection.locked).toBe(false);
  });

  test("names, list and number validation, protection", async () => {
    const { excel, log, sync, range } = excelMock({ sheets: { "Risk share": { B3: rangeData(), "B9:B11": rangeData(), "C9:C11": rangeData() } } });
    await new OfficeWorkbook(excel).apply([
      { op: "name", name: "RiskShare_Method", sheet: "Risk share", range: "B3", comment: "how a variance is shared" },
      { op: "validationList", sheet: "Risk share", range: "B3", items: ["proportional", "equal", "own", "lead", "bands"] },
      { op: "validationNumber", sheet: "Risk share", range: "B9:B11", min: 0 },
      { op: "validationNumber", sheet: "Risk share", range: "C9:C11", min: 0, max: 1 },
      { op: "protect", sheet: "Risk share" },
    ]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toContain("name RiskShare_Method (how a variance is shared)");
    expect(log[log.length - 1]).toBe("protect Risk share");
    expect(range("Risk share", "B3").dataValidation.rule).toEqual({ list: { inCellDropDown: true, source: "proportional,equal,own,lead,bands" } });
    expect(range("Risk share", "B9:B11").dataValidation.rule).toEqual({ decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(range("Risk share", "C9:C11").dataValidation.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: "Between" } });
  });

  test("an empty batch does not call Excel at all", async () => {
    const { excel, sync } = excelMock({ sheets: {} });
    await new OfficeWorkbook(excel).apply([]);
    expect(sync).not.toHaveBeenCalled();
  });

  test("without Excel the adapter says so instead of failing later", () => {
    expect(() => new OfficeWorkbook()).toThrow("runs only inside Excel");
  });

  test("the global Excel is used when none is handed in", async () => {
    const { excel, sync } = excelMock({ sheets: { Pot: {} } });
    (globalThis as { Excel?: unknown }).Excel = excel;
    try {
      await new OfficeWorkbook().apply([{ op: "addSheet", sheet: "Pot" }]);
      expect(sync).toHaveBeenCalledTimes(1);
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
  });
});

describe("OfficeWorkbook reads", () => {
  test("values load then sync once; errors keep their code and empty cells are blank", async () => {
    const cells = rangeData([[1318.5, "#VALUE!", ""]], [["Double", "Error", "Empty"]]);
    const { excel, sync, log } = excelMock({ sheets: { Pot: { "B9:D9": cells } } });
    await expect(new OfficeWorkbook(excel).readRange("Pot", "$B$9:$D$9")).resolves.toEqual([[1318.5, { error: "#VALUE!" }, null]]);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toEqual(["Pot!B9:D9"]);
  });

  test("a read that forgot to load would see the mock's error string, so the adapter loads", async () => {
    const cells = rangeData([[1]], [["Double"]]);
    const { excel } = excelMock({ sheets: { Pot: { B2: cells } } });
    expect(excel.context.workbook.worksheets.sheets.Pot.ranges.B2.values).toBe("Error, property was not loaded");
    await expect(new OfficeWorkbook(excel).readRange("Pot", "B2")).resolves.toEqual([[1]]);
  });

  test("formulas come back as written, blanks as null", async () => {
    const cells = { ...rangeData(), formulas: [["=ICS.POT(Pot_Amounts)", ""]] };
    const { excel } = excelMock({ sheets: { Pot: { "B9:C9": cells } } });
    await expect(new OfficeWorkbook(excel).readFormulas("Pot", "B9:C9")).resolves.toEqual([["=ICS.POT(Pot_Amounts)", null]]);
  });

  test("a defined name reads as its range", async () => {
    const { excel, sync } = excelMock({ sheets: {}, names: { Pot_Total: rangeData([[2345]], [["Double"]]) } });
    await expect(new OfficeWorkbook(excel).readName("Pot_Total")).resolves.toEqual([[2345]]);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  test("the selection splits into sheet and range, quotes removed", async () => {
    const { excel } = excelMock({ sheets: {}, selection: "'Risk share'!B4:C6" });
    await expect(new OfficeWorkbook(excel).getSelection()).resolves.toEqual({ sheet: "Risk share", range: "B4:C6" });
  });

  test("sheet names load the worksheets' items", async () => {
    const { excel, log } = excelMock({ sheets: {}, sheetItems: [{ name: "Sheet1" }, { name: "Pot" }] });
    await expect(new OfficeWorkbook(excel).sheetNames()).resolves.toEqual(["Sheet1", "Pot"]);
    expect(log).toEqual(["load items/name"]);
  });

  test("defined names in use load the names' items in one sync", async () => {
    const loaded: string[] = [];
    const names = { items: [{ name: "RoundTo" }, { name: "Pot_Total" }], load: (what: string) => loaded.push(what) };
    const context = { workbook: { names }, sync: jest.fn(async () => undefined) };
    const host = { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext) };
    await expect(new OfficeWorkbook(host).namesInUse()).resolves.toEqual(["RoundTo", "Pot_Total"]);
    expect(loaded).toEqual(["items/name"]);
    expect(context.sync).toHaveBeenCalledTimes(1);
  });
});

describe("helpers", () => {
  test("ragged rows are padded and blanks written as empty strings (Office.js skips nulls)", () => {
    expect(formulasFor([["a", null], ["b"]])).toEqual([["a", ""], ["b", ""]]);
  });

  test("column widths in characters become points", () => {
    // Excel's default 8.43 characters is 64 px = 48 pt.
    expect(characterWidthToPoints(8.43)).toBeCloseTo(48, 0);
  });

  test("addresses with doubled quotes in the sheet name", () => {
    expect(splitAddress("'O''Neill''s'!A1")).toEqual({ sheet: "O'Neill's", range: "A1" });
    expect(splitAddress("Pot!B2")).toEqual({ sheet: "Pot", range: "B2" });
  });
});
