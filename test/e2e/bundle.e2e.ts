/**
 * What the build ships: functions.js within budget, and the engine (HyperFormula, GPL) and exceljs
 * only in the playground, never in the add-in's own bundles. Reads dist/ from `npm run build:test`.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { DIST, requireBuild } from "./browser";

// Strings found only in each library's code (checked against the playground, which carries HyperFormula).
const HYPERFORMULA = "Resizing to smaller array";
const EXCELJS = "xl/workbook.xml";

function bundle(name: string): string {
  return fs.readFileSync(path.join(DIST, name), "utf8");
}

describe("the built bundles", () => {
  beforeAll(() => requireBuild("functions.js", "taskpane.js", "playground.js"));

  test("functions.js stays within 60 KB gzipped", () => {
    const gzipped = zlib.gzipSync(fs.readFileSync(path.join(DIST, "functions.js"))).length;
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });

  test.each(["functions.js", "taskpane.js"])("%s carries neither HyperFormula nor exceljs", (name) => {
    const code = bundle(name);
    expect(code.includes(HYPERFORMULA)).toBe(false);
    expect(code.includes(EXCELJS)).toBe(false);
  });

  test("the playground carries the engine (so the marker above is a real one)", () => {
    expect(bundle("playground.js").includes(HYPERFORMULA)).toBe(true);
  });
});
