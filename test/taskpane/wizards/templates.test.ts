/** Inserting a workbook template through the port, refusing to write over sheets that exist. */
import { TEMPLATES, templateOps } from "../../../src/templates";
import { clashingSheets, insertTemplate } from "../../../src/taskpane/wizards/templates";
import { EngineWorkbook } from "../../../src/workbook/engine";

describe("Insert template", () => {
  test("sheets already in the workbook are named, whatever their case", () => {
    const ops = [
      { op: "addSheet", sheet: "Pot" },
      { op: "addSheet", sheet: "Checks" },
      { op: "activate", sheet: "Pot" },
    ] as const;
    expect(clashingSheets(ops, ["Sheet1", "pot"])).toEqual(["Pot"]);
    expect(clashingSheets(ops, ["Sheet1"])).toEqual([]);
  });

  test("every template listed can be inserted into an empty workbook, and not twice", async () => {
    expect(TEMPLATES.length).toBeGreaterThan(0);
    for (const t of TEMPLATES) {
      const wb = new EngineWorkbook();
      const first = await insertTemplate(wb, t.title, templateOps(t.name));
      expect(first).toEqual({ ok: true, message: expect.stringContaining(`Inserted "${t.title}"`) });
      expect(wb.sheetList().length).toBeGreaterThan(1);
      const again = await insertTemplate(wb, t.title, templateOps(t.name));
      expect(again.ok).toBe(false);
      expect(again.message).toMatch(/^This workbook already has ".+": rename or delete/);
    }
  });
});
