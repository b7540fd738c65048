/**
 * What the Excel build ships (dist/, built by `npm test` before jest runs): functions.json holds
 * the catalogue with help for every argument, and the Excel bundles stay small and carry no
 * engine or xlsx writer.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CATALOGUE } from "../../src/core";

const DIST = path.join(__dirname, "..", "..", "dist");
const built = fs.existsSync(path.join(DIST, "functions.json"));
if (!built) console.warn("dist/ tests skipped: run `npm run build:test` first (npm test does)");
const describeIfBuilt = built ? describe : describe.skip;

interface Metadata {
  functions: { id: string; name: string; description: string; helpUrl?: string; parameters: { name: string; description?: string; type: string; dimensionality?: string; optional?: boolean; repeating?: boolean }[]; result: { type?: string; dimensionality?: string } }[];
}

describeIfBuilt("dist/", () => {
  const metadata = (): Metadata => JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));

  test("functions.json lists every catalogue function, in order, with the catalogue's help", () => {
    const fns = metadata().functions;
    expect(fns.map((f) => f.id)).toEqual(CATALOGUE.map((s) => s.name));
    fns.forEach((f, i) => {
      const spec = CATALOGUE[i];
      expect(f.description).toBe(spec.description);
      expect(f.helpUrl).toMatch(/^https:\/\/localhost:3000\/help\/functions\.html#ics/);
      expect(f.parameters.map((p) => p.name)).toEqual(spec.args.map((a) => a.name));
      f.parameters.forEach((p, j) => {
        expect(p.description).toBe(spec.args[j].help);
        expect(Boolean(p.optional)).toBe(spec.args[j].optional);
        expect(p.repeating).toBeUndefined();
        expect(p.dimensionality ?? "scalar").toBe(spec.args[j].kind === "range" ? "matrix" : "scalar");
      });
      expect(f.result.dimensionality ?? "scalar").toBe(spec.result.kind === "spill" ? "matrix" : "scalar");
    });
  });

  test("functions.js binds every id with CustomFunctions.associate", () => {
    const js = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
    for (const spec of CATALOGUE) expect(js).toContain(`"${spec.name}"`);
    expect(js).toMatch(/associate/);
  });

  test("the Excel bundles carry no HyperFormula or exceljs, and functions.js is at most 60 KB gzipped", () => {
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const js = fs.readFileSync(path.join(DIST, bundle), "utf8");
      expect(js).not.toMatch(/HyperFormula|handsontable/i);
      expect(js).not.toMatch(/exceljs|ExcelJS/);
    }
    const gz = zlib.gzipSync(fs.readFileSync(path.join(DIST, "functions.js"))).length;
    expect(gz).toBeLessThanOrEqual(60 * 1024);
  });

  test("the task pane page hosts both bundles (shared runtime) and office.js comes first", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const office = html.indexOf("office.js");
    expect(office).toBeGreaterThan(-1);
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(office);
  });
});
