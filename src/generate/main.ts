/** `npm run generate`: rewrites every file derived from the catalogue. */
import * as fs from "fs";
import * as path from "path";
import { renderFunctionsHtml, renderFunctionsMd } from "./docs";
import { renderFunctionsTs } from "./functionsTs";
import { renderReadme } from "./readme";

export interface GeneratedFile {
  path: string;
  content: string;
}

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Everything derived from the catalogue. The README keeps its prose; only its function list is generated. */
export function generatedFiles(root: string = REPO_ROOT): GeneratedFile[] {
  return [
    { path: "src/functions/functions.ts", content: renderFunctionsTs() },
    { path: "docs/functions.md", content: renderFunctionsMd() },
    { path: "docs/functions.html", content: renderFunctionsHtml() },
    { path: "README.md", content: renderReadme(fs.readFileSync(path.join(root, "README.md"), "utf8")) },
  ];
}

if (require.main === module) {
  const root = REPO_ROOT;
  for (const file of generatedFiles(root)) {
    fs.mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    fs.writeFileSync(path.join(root, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
}
