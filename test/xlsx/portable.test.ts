/**
 * The file layer runs in Node and in the browser: nothing under src/xlsx imports a Node module,
 * Office or the DOM; its only package is fflate.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..", "src", "xlsx");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

test("src/xlsx imports only its own modules, src/core and fflate", () => {
  const imports: string[] = [];
  for (const file of files(ROOT)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import|require\()\s*["']([^"']+)["']/g)) imports.push(`${path.relative(ROOT, file)}: ${m[1]}`);
  }
  const foreign = imports.filter((i) => {
    const spec = i.split(": ")[1];
    return !(spec.startsWith("./") || spec.startsWith("../") || spec === "fflate");
  });
  expect(foreign).toEqual([]);
  expect(imports.filter((i) => /\.\.\/\.\.\/(?!core)|\.\.\/(cli|templates|engine|workbook|taskpane|functions)/.test(i))).toEqual([]);
  expect(imports.some((i) => i.endsWith(": fflate"))).toBe(true);
});
