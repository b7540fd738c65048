/** Inserting a workbook template through the port into any workbook: free sheet and defined names. */
import { TEMPLATES, templateSpec } from "../../../src/templates";
import { insertPlan, renamedSpec } from "../../../src/templates/ops";
import { clashingSheets, insertTemplate } from "../../../src/taskpane/wizards/templates";
import { EngineWorkbook } from "../../../src/workbook/engine";
import { sampleOps, README_SHEET } from "../../../src/playground/sample";
import { createEngine } from "../../../src/engine";
import { ALL_CHECKS } from "../../../src/templates/common";

function playground(): EngineWorkbook {
  const wb = new EngineWorkbook(createEngine({ [README_SHEET]: [] }));
  wb.applyNow(sampleOps());
  return wb;
}

/** Every name whose last part is AllChecksPass, e.g. AllChecksPass_2, and its value. */
function allChecks(wb: EngineWorkbook): [string, unknown][] {
  return wb.definedNames().filter((n) => n.name.toLowerCase().startsWith(ALL_CHECKS.toLowerCase())).map((n) => [n.name, wb.hf.getNamedExpressionValue(n.name)]);
}

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

  test("a plan renames only what is taken, without case, with suffixes that stay names", () => {
    const spec = templateSpec("risk-share");
    const plan = insertPlan(spec, ["about", "Checks", "Checks 2"], ["roundto", "Method"]);
    expect([...plan.sheets]).toEqual([
      ["About", "About 2"],
      ["Checks", "Checks 3"],
    ]);
    expect(plan.names.get("RoundTo")).toBe("RoundTo_2");
    expect(plan.names.get("Method")).toBe("Method_2");
    const renamed = renamedSpec(spec, plan);
    expect(renamed.sheets.map((s) => s.name)).toContain("Checks 3");
    expect(renamed.names.find((n) => n.name === "RoundTo_2")?.sheet).toBe("Agreement");
    // The About sheet's list of sheets follows the rename.
    const about = renamed.sheets.find((s) => s.name === "About 2")!;
    expect(about.cells.some((c) => "value" in c && c.value === "Checks 3")).toBe(true);
    const formulas = renamed.sheets.flatMap((s) => s.cells.flatMap((c) => ("formula" in c ? [c.formula] : [])));
    expect(formulas.some((f) => /\bRoundTo\b/.test(f))).toBe(false);
    expect(formulas.some((f) => f.includes("RoundTo_2"))).toBe(true);
  });

  test("every template goes into the playground's workbook, twice, each copy's checks TRUE", async () => {
    const wb = playground();
    for (const round of [1, 2]) {
      for (const t of TEMPLATES) {
        const before = wb.sheetList().length;
        const result = await insertTemplate(wb, templateSpec(t.name));
        expect(result.ok).toBe(true);
        expect(result.message).toContain(`Inserted "${t.title}"`);
        expect(wb.sheetList().length).toBe(before + result.sheets.length);
        if (round === 2) expect(result.message).toMatch(/already had sheets? "/);
      }
    }
    const checks = allChecks(wb);
    expect(checks.length).toBe(TEMPLATES.length * 2);
    for (const [name, value] of checks) expect([name, value]).toEqual([name, true]);
  });

  test("the message names the sheets the template went in as", async () => {
    const wb = playground();
    // The playground already has a "Risk share" sheet; place-delegation's sheets go in as they are.
    const first = await insertTemplate(wb, templateSpec("place-delegation"));
    expect(first.sheets).toEqual(["Cover", "About", "Lines", "Places", "Practices", "Checks"]);
    // Every template has a Cover, About and Checks: the second one's go in beside them.
    const result = await insertTemplate(wb, templateSpec("capital"));
    expect(result.sheets).toContain("Cover 2");
    expect(result.message).toMatch(/already had sheets "Cover", "About" and "Checks", so the template's went in as "Cover 2", "About 2" and "Checks 2"/);
  });
});
