/** `npm run generate`: rewrites every file derived from the catalogue. */
import * as fs from "fs";
import * as path from "path";
import { renderFunctionsHtml, renderFunctionsMd } from "./docs";
import { renderFunctionsTs } from "./functionsTs";

export interface GeneratedFile {
  path: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: "src/functions/functions.ts", content: renderFunctionsTs() },
    { path: "docs/functions.md", content: renderFunctionsMd() },
    { path: "docs/functions.html", content: renderFunctionsHtml() },
  ];
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "..");
  for (const file of generatedFiles()) {
    fs.mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    fs.writeFileSync(path.join(root, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
}
