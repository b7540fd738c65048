/**
 * Every file derived from the catalogue (the Excel wrappers and the function reference) must be
 * what the generator writes today: a catalogue change without `npm run generate` fails here.
 */
import * as fs from "fs";
import * as path from "path";
import { generatedFiles } from "../../src/generate/main";

const root = path.join(__dirname, "..", "..");

describe("generated files are up to date", () => {
  const files = generatedFiles();

  test("the generator covers the wrappers and both forms of the reference page", () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["src/functions/functions.ts", "docs/functions.md", "docs/functions.html"]));
  });

  test.each(files.map((f) => [f.path, f] as const))("%s matches the catalogue", (file, generated) => {
    const onDisk = path.join(root, file);
    const current = fs.existsSync(onDisk) ? fs.readFileSync(onDisk, "utf8") : undefined;
    if (current !== generated.content) {
      throw new Error(`${file} is out of date with src/core/catalogue: run \`npm run generate\` and commit the result`);
    }
  });
});
