/** `npm run generate`: rewrites every file derived from the catalogue. */
import * as fs from "fs";
import * as path from "path";
import { renderFunctionsTs } from "./functionsTs";

export interface GeneratedFile {
  path: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [{ path: "src/functions/functions.ts", content: renderFunctionsTs() }];
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "..");
  for (const file of generatedFiles()) {
    fs.mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    fs.writeFileSync(path.join(root, file.path), file.content);
    console.log(`wrote ${file.path}`);
  }
}
