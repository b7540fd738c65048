/**
 * "Repair ICS formulas" through the Workbook port: on the engine (the playground's adapter) and on
 * office-addin-mock (the Office.js adapter), with protected sheets, formulas saved as text, an old
 * template's legacy array, and a sheet that cannot be unprotected.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeApp } from "office-addin-manifest";
import { rememberOnFirstWrite } from "../../../src/taskpane/startup";
import { isBroken, repairBlocks, repairIcsFormulas } from "../../../src/taskpane/wizards/repair";
import { EngineWorkbook } from "../../../src/workbook/engine";
import { OfficeWorkbook } from "../../../src/workbook/officejs";
import { WorkbookOp } from "../../../src/workbook/port";

describe("on the engine", () => {
  function workbook(): EngineWorkbook {
    const wb = new EngineWorkbook();
    wb.applyNow([
      { op: "addSheet", sheet: "Places" },
      { op: "cells", sheet: "Places", at: "A1", cells: [[100], ["=_xldudf_ICS_DELEGATE(A1,{1;1;1})"], [null], [null], ["=ICS.POT({1;2})"], ['="ICS.POT("&A1']] },
      { op: "protect", sheet: "Places" },
      { op: "cells", sheet: "Sheet1", at: "B2", cells: [["=SUM(1,2)"]] },
    ]);
    return wb;
  }

  test("a call saved as text shows an error until it is entered again; the repair does that on a protected sheet", async () => {
    const wb = workbook();
    expect(wb.readValues("Places", "A2")[0][0]).toMatchObject({ error: expect.any(String) });
    const result = await repairIcsFormulas(wb, { all: false });
    expect(result.repaired).toEqual([{ sheet: "Places", address: "A2", formula: "=ICS.DELEGATE(A1,{1;1;1})" }]);
    expect(result.failed).toEqual([]);
    expect(result.message).toBe("Re-entered 1 ICS formula: Places (A2).");
    expect(wb.readValues("Places", "A2:A4")).toEqual([[33.34], [33.33], [33.33]]);
    expect(wb.isProtected("Places")).toBe(true);
    expect(await repairIcsFormulas(wb, { all: false })).toMatchObject({ repaired: [], message: "No ICS formula needed repair." });
  });

  test("the button re-enters every ICS formula, and only those", async () => {
    const wb = workbook();
    const result = await repairIcsFormulas(wb, { all: true });
    expect(result.repaired.map((r) => r.address)).toEqual(["A2", "A5"]);
    expect((await wb.readFormulas("Places", "A6"))[0][0]).toBe('="ICS.POT("&A1');
    expect((await wb.readFormulas("Sheet1", "B2"))[0][0]).toBe("=SUM(1,2)");
  });
});

describe("which cells, and in which blocks", () => {
  test("broken: #NAME? on an ICS call, or the saved name as text", () => {
    expect(isBroken({ address: "A1", formula: "=ICS.POT(A2:A3)", value: { error: "#NAME?" } })).toBe(true);
    expect(isBroken({ address: "A1", formula: "=_xldudf_ICS_POT(A2:A3)", value: 5 })).toBe(true);
    expect(isBroken({ address: "A1", formula: "=ICS.POT(A2:A3)", value: 5 })).toBe(false);
    expect(isBroken({ address: "A1", formula: "=FOO(A2)", value: { error: "#NAME?" } })).toBe(false);
  });

  test("an old template's legacy array (one spilling formula in every cell of its block) is one block", () => {
    const f = "=ICS.POTSTREAMS(C7:C18,B7:B18)";
    const cells = ["F7", "G7", "F8", "G8", "F9", "G9"].map((address) => ({ address, formula: f, value: null }));
    cells.push({ address: "C21", formula: "=ICS.POT(C7:C18)", value: null }, { address: "C22", formula: "=ICS.POT(C7:C18)", value: null });
    expect(repairBlocks(cells).map((b) => [b.top, b.left, b.bottom, b.right])).toEqual([
      [6, 5, 8, 6],
      [20, 2, 20, 2],
      [21, 2, 21, 2],
    ]);
  });
});

type SheetSpec = { address: string; formulas: unknown[][]; values: unknown[][]; valueTypes: string[][]; protected: boolean; unprotectFails?: boolean; ranges: string[] };

/**
 * office-addin-mock workbook with sheets whose used ranges hold the given formulas and values.
 * The mock keeps arrays as plain values, so each sheet of `worksheets.items` is a mock of its own
 * (host Excel), synced with the context.
 */
function excelMock(sheets: Record<string, SheetSpec>) {
  const log: string[] = [];
  const items = Object.entries(sheets).map(
    ([name, s]) =>
      new OfficeMockObject(
        {
          name,
          used: { address: `${name}!${s.address}`, formulas: s.formulas, values: s.values, valueTypes: s.valueTypes, isNullObject: false },
          ranges: Object.fromEntries(s.ranges.map((r) => [r, { formulas: [[""]], clear: function () { log.push(`clear ${name}!${r}`); } }])),
          // Office.js lets isNullObject be read after any sync; the mock needs it loaded.
          getUsedRangeOrNullObject: function (this: { used: { load(p: string): unknown } }) {
            return this.used.load("isNullObject");
          },
          getRange: function (this: { ranges: Record<string, unknown> }, address: string) {
            log.push(`${name}!${address}`);
            return this.ranges[address];
          },
          protection: {
            protected: s.protected,
            options: { allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false },
            protect: function (options?: Record<string, boolean>) {
              log.push(`protect ${name}${options ? ` ${JSON.stringify(options)}` : ""}`);
            },
            unprotect: function (password: string) {
              log.push(`unprotect ${name} "${password}"`);
              if (s.unprotectFails) throw new Error("The password you supplied is not correct.");
            },
          },
        },
        OfficeApp.Excel,
      ) as unknown as { name: string; sync(): Promise<void>; ranges: Record<string, { formulas: unknown[][] }> },
  );
  const data = {
    context: {
      workbook: {
        worksheets: {
          items,
          getItem: function (this: { items: typeof items }, name: string) {
            return this.items.find((i) => i.name === name);
          },
          load: function (properties: string) {
            log.push(`load ${properties}`);
            OfficeMockObject.prototype.load.call(this, "items");
            for (const item of items) (item as unknown as { load(p: string): void }).load("name");
            return this;
          },
        },
      },
    },
    run: async function (batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> } } & ConstructorParameters<typeof OfficeWorkbook>[0];
  const contextSync = excel.context.sync.bind(excel.context);
  const sync = jest.fn(async () => {
    await contextSync();
    for (const item of items) await item.sync();
  });
  excel.context.sync = sync;
  return { excel, log, sync, items };
}

describe("on Office.js (office-addin-mock)", () => {
  test("reads every sheet's used range in two syncs, and re-enters through range.formulas between unprotect and protect", async () => {
    const f = "=ICS.POTSTREAMS(C7:C18,B7:B18)";
    const { excel, log, sync, items } = excelMock({
      Pot: {
        address: "E6:G8",
        formulas: [["", f, f], ["=SUM(1)", f, f], [1, "=ICS.POT(C7:C18)", ""]],
        values: [["", "#NAME?", "#NAME?"], [1, "#NAME?", "#NAME?"], [1, 5, ""]],
        valueTypes: [["Empty", "Error", "Error"], ["Double", "Error", "Error"], ["Double", "Double", "Empty"]],
        protected: true,
        ranges: ["F6:G7", "F6"],
      },
    });
    const port = new OfficeWorkbook(excel);
    const read = await port.readFormulaCells();
    expect(sync).toHaveBeenCalledTimes(2);
    expect(read).toEqual([
      {
        sheet: "Pot",
        protected: true,
        protectionOptions: { allowFormatCells: false, allowFormatColumns: true, allowFormatRows: true },
        cells: [
          { address: "F6", formula: f, value: { error: "#NAME?" } },
          { address: "G6", formula: f, value: { error: "#NAME?" } },
          { address: "E7", formula: "=SUM(1)", value: 1 },
          { address: "F7", formula: f, value: { error: "#NAME?" } },
          { address: "G7", formula: f, value: { error: "#NAME?" } },
          { address: "F8", formula: "=ICS.POT(C7:C18)", value: 5 },
        ],
      },
    ]);
    log.length = 0;
    sync.mockClear();
    const result = await repairIcsFormulas(port, { all: false });
    expect(result.repaired).toEqual([{ sheet: "Pot", address: "F6:G7", formula: f }]);
    // The legacy block is cleared whole, then entered once at its top-left, all in one sync.
    expect(log).toEqual(["load items/name", 'unprotect Pot ""', "Pot!F6:G7", "clear Pot!F6:G7", "Pot!F6", 'protect Pot {"allowFormatCells":false,"allowFormatColumns":true,"allowFormatRows":true}']);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(items[0].ranges.F6.formulas).toEqual([[f]]);
  });

  test("a sheet with a password is reported, not half-repaired", async () => {
    const { excel, items } = excelMock({
      Locked: { address: "A1", formulas: [["=ICS.POT(B1:B2)"]], values: [["#NAME?"]], valueTypes: [["Error"]], protected: true, unprotectFails: true, ranges: ["A1"] },
    });
    const result = await repairIcsFormulas(new OfficeWorkbook(excel), { all: true });
    expect(result.repaired).toEqual([]);
    expect(result.failed).toEqual([{ sheet: "Locked", message: "The password you supplied is not correct. (if the sheet has a password, unprotect it, then repair again)" }]);
    expect(result.message).toMatch(/^Locked was not repaired: /);
    expect(items[0].ranges.A1.formulas).not.toEqual([["=ICS.POT(B1:B2)"]]); // never written
  });
});

test("the add-in asks to load with documents once, after the first write that adds a sheet", async () => {
  const wb = new EngineWorkbook();
  const remember = jest.fn(async () => undefined);
  const port = rememberOnFirstWrite(wb, remember);
  const add = (sheet: string): WorkbookOp[] => [{ op: "addSheet", sheet }];
  await port.apply([{ op: "cells", sheet: "Sheet1", at: "A1", cells: [[1]] }]);
  expect(remember).not.toHaveBeenCalled();
  await port.apply(add("Pot"));
  await port.apply(add("Places"));
  expect(remember).toHaveBeenCalledTimes(1);
  expect(await port.sheetNames()).toEqual(["Sheet1", "Pot", "Places"]);
  const failing = rememberOnFirstWrite(wb, async () => Promise.reject(new Error("not supported")));
  await expect(failing.apply(add("Risk"))).resolves.toBeUndefined();
});
