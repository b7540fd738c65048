/**
 * `npm run templates`: writes the shipped copies of every template to assets/templates/ (the
 * fictional sample system, never data from NHS England's practice file). Renders are byte-stable
 * (every zip entry carries one fixed date, see src/xlsx/write/package.ts), so rerunning it changes nothing unless a template did; a test fails when a
 * shipped copy is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { TEMPLATES, templateSpec } from "./index";
import { describeReview, isClean } from "./calc";
import { renderXlsx } from "./xlsx";

export const SHIPPED_DIR = path.join("assets", "templates");

export function shippedFile(root: string, name: string): string {
  return path.join(root, SHIPPED_DIR, `${name}.xlsx`);
}

async function ship(root: string): Promise<number> {
  fs.mkdirSync(path.join(root, SHIPPED_DIR), { recursive: true });
  let failed = 0;
  for (const { name } of TEMPLATES) {
    const { buffer, review } = await renderXlsx(templateSpec(name));
    const file = shippedFile(root, name);
    fs.writeFileSync(file, buffer);
    console.log(`wrote ${path.relative(root, file)}: ${describeReview(review).join("\n  ")}`);
    if (!isClean(review)) failed++;
  }
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  ship(path.resolve(__dirname, "..", "..")).then((code) => process.exit(code));
}
