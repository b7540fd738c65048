/**
 * "Insert template" through the Workbook port: the ops each template writes, applied to the
 * engine adapter the playground uses, give the same workbook as the file.
 */
import { Cell, isErrorValue } from "../../src/core";
import { TEMPLATES, templateOps, templateSpec } from "../../src/templates";
import { calculate, specContent } from "../../src/templates/calc";
import { specOps } from "../../src/templates/ops";
import { TemplateSpec } from "../../src/templates/spec";
import { cellAddress, parseCell, parseRange, rectContains } from "../../src/workbook/a1";
import { EngineWorkbook } from "../../src/workbook/engine";
import type { WorkbookOp } from "../../src/workbook/port";
import { TEMPLATE_NAMES } from "./helpers";

test("TEMPLATES lists the four templates, each with a title and a description", () => {
  expect(TEMPLATES.map((t) => t.name)).toEqual([...TEMPLATE_NAMES]);
  for (const t of TEMPLATES) {
    expect(t.title.length).toBeGreaterThan(5);
    expect(t.description.length).toBeGreaterThan(30);
  }
  expect(() => templateOps("no-such-template")).toThrow(/templates are place-delegation, risk-share/);
});

describe.each(TEMPLATE_NAMES)("%s inserted through the engine adapter", (name) => {
  const spec = templateSpec(name);
  const ops = templateOps(name);

  test("every check is TRUE, and every named range holds what the file's engine computes", async () => {
    const wb = new EngineWorkbook();
    await wb.apply(ops);
    expect(await wb.readName("AllChecksPass")).toEqual([[true]]);
    const calc = calculate(specContent(spec));
    for (const n of spec.names) {
      const r = parseRange(n.range);
      const expected: Cell[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: Cell[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(calc.value(n.sheet, row, col));
        expected.push(line);
      }
      const read = await wb.readName(n.name);
      expect(read.map((row) => row.map((c) => (isErrorValue(c) ? c.error : c)))).toEqual(expected.map((row) => row.map((c) => (isErrorValue(c) ? c.error : c))));
    }
    calc.engine.destroy();
  });

  test("formulas go in as live formulas: each spilling formula once, at the top of its block", async () => {
    const written = new Map<string, unknown>();
    for (const op of ops.filter((o): o is Extract<WorkbookOp, { op: "cells" }> => o.op === "cells")) {
      const { row, col } = parseCell(op.at);
      op.cells.forEach((line, i) => line.forEach((content, j) => written.set(`${op.sheet}!${cellAddress(row + i, col + j)}`, content)));
    }
    const wb = new EngineWorkbook();
    await wb.apply(ops);
    for (const sheet of spec.sheets) {
      for (const cell of sheet.cells) {
        if (!("formula" in cell)) continue;
        expect(written.get(`${sheet.name}!${cell.at}`)).toBe(`=${cell.formula}`);
        // The engine keeps it as a formula (it may respell a number, e.g. 1e-9).
        expect(String((await wb.readFormulas(sheet.name, cell.at))[0][0])).toMatch(/^=/);
      }
    }
    const spills = spec.sheets.flatMap((s) => s.cells.flatMap((c) => ("spill" in c && c.spill ? [{ sheet: s.name, at: c.at, block: parseRange(c.spill) }] : [])));
    expect(spills.length > 0).toBe(name !== "system-plan");
    for (const key of written.keys()) {
      const [sheet, at] = key.split("!");
      const { row, col } = parseCell(at);
      const inside = spills.find((s) => s.sheet === sheet && rectContains(s.block, row, col));
      if (inside) expect(at).toBe(inside.at);
    }
  });

  test("sheets come first, names before formulas, inputs unlocked, every sheet protected, the Cover shown", () => {
    const kinds = ops.map((o) => o.op);
    expect(kinds.slice(0, spec.sheets.length)).toEqual(spec.sheets.map(() => "addSheet"));
    expect(kinds.lastIndexOf("name")).toBeLessThan(kinds.indexOf("cells"));
    const unlocked = ops.filter((o) => o.op === "locked" && !o.locked).length;
    expect(unlocked).toBe(spec.sheets.flatMap((s) => s.ranges.filter((r) => r.input)).length);
    expect(ops.filter((o) => o.op === "protect").map((o) => (o as { sheet: string }).sheet)).toEqual(spec.sheets.map((s) => s.name));
    expect(ops[ops.length - 1]).toEqual({ op: "activate", sheet: "Cover" });
  });
});

test("the basis, method and Cover lists reach the port as validation lists", () => {
  const lists = (name: string) => templateOps(name).filter((o) => o.op === "validationList") as Extract<WorkbookOp, { op: "validationList" }>[];
  expect(lists("place-delegation")).toContainEqual({ op: "validationList", sheet: "Lines", range: "B13:B16", items: ["Final WP", "PMC WP", "CS WP", "MH WP", "Prescr WP", "Population", "Last year"] });
  expect(lists("place-delegation")).toContainEqual({ op: "validationList", sheet: "Lines", range: "H9:H16", items: ["converge", "target"] });
  for (const name of TEMPLATES.map((t) => t.name)) expect(lists(name)).toContainEqual({ op: "validationList", sheet: "Cover", range: "B8", items: ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30"] });
  expect(lists("risk-share")).toContainEqual({ op: "validationList", sheet: "Agreement", range: "B5", items: ["proportional", "equal", "own", "waterfall", "lead", "bands"] });
  expect(lists("risk-share")).toContainEqual({ op: "validationList", sheet: "Agreement", range: "B6", items: ["proportional", "equal", "own", "lead", "retain", "bands"] });
});

test("text Excel would read as a number, a date or a formula goes in as text", () => {
  const spec: TemplateSpec = {
    name: "t",
    title: "t",
    description: "t",
    version: "1",
    names: [],
    keyFigures: [],
    tables: [],
    sheets: [
      {
        name: "S",
        cells: [
          { at: "A1", value: "0.5" },
          { at: "B1", value: "=not a formula" },
          { at: "C1", value: "1/4" },
          { at: "D1", value: "Kestrel Vale ICB" },
          { at: "E1", value: 0.5 },
          { at: "A3", formula: "SUM(E1)" },
        ],
        ranges: [],
        widths: {},
        validations: [],
        protect: false,
        print: { orientation: "portrait" },
      },
    ],
  };
  const cells = specOps(spec).filter((o) => o.op === "cells");
  expect(cells).toEqual([
    { op: "cells", sheet: "S", at: "A1", cells: [["'0.5", "'=not a formula", "'1/4", "Kestrel Vale ICB", 0.5]] },
    { op: "cells", sheet: "S", at: "A3", cells: [["=SUM(E1)"]] },
  ]);
});
