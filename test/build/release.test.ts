/**
 * What a release build rewrites besides the manifest: the functions' help URLs in functions.json
 * (a real webpack compilation with the metadata plugin and the release plugin), and the add-in
 * reference of the templates it serves, for the deployment's storeType.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { readPackage } from "../../src/xlsx/write";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as {
  ReleaseUrlsPlugin: new (prodUrl?: string) => webpack.WebpackPluginInstance;
  addinStore: (env: Record<string, string | undefined>) => { storeType: string; store: string };
  retargetTemplate: (content: Buffer, store: { storeType: string; store: string }) => Buffer;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = path.join(__dirname, "..", "..");

test("a release build points every help URL in functions.json at ICS_ADDIN_URL", async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ics-release-"));
  const entry = path.join(out, "entry.js");
  fs.writeFileSync(entry, "module.exports = 1;\n");
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: "production",
        context: ROOT,
        entry,
        output: { path: out, filename: "entry.out.js" },
        plugins: [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }), new config.ReleaseUrlsPlugin("https://addins.example.nhs.uk/ics/")],
      },
      (err, result) => (err || !result ? reject(err) : resolve(result)),
    ),
  );
  expect(stats.hasErrors()).toBe(false);
  const json = fs.readFileSync(path.join(out, "functions.json"), "utf8");
  expect(json).not.toMatch(/localhost/);
  const urls = (JSON.parse(json) as { functions: { id: string; helpUrl: string }[] }).functions.map((f) => f.helpUrl);
  expect(urls.length).toBeGreaterThan(10);
  for (const url of urls) expect(url).toMatch(/^https:\/\/addins\.example\.nhs\.uk\/ics\/help\/functions\.html#ics[a-z]+$/);
}, 60_000);

describe("the deployment's storeType", () => {
  test("central deployment by default; a shared folder needs its path; anything else is refused", () => {
    expect(config.addinStore({})).toEqual({ storeType: "EXCatalog", store: "EXCatalog" });
    expect(config.addinStore({ ICS_ADDIN_STORE_TYPE: "Registry" })).toEqual({ storeType: "Registry", store: "developer" });
    expect(config.addinStore({ ICS_ADDIN_STORE_TYPE: "FileSystem", ICS_ADDIN_STORE: "\\\\finance\\addins" })).toEqual({ storeType: "FileSystem", store: "\\\\finance\\addins" });
    expect(() => config.addinStore({ ICS_ADDIN_STORE_TYPE: "FileSystem" })).toThrow("ICS_ADDIN_STORE_TYPE must be");
    expect(() => config.addinStore({ ICS_ADDIN_STORE_TYPE: "OMEX" })).toThrow("ICS_ADDIN_STORE_TYPE must be");
  });

  test("the served templates name that deployment, and nothing else in them changes", () => {
    const shipped = fs.readFileSync(path.join(ROOT, "assets", "templates", "capital.xlsx"));
    expect(config.retargetTemplate(shipped, { storeType: "EXCatalog", store: "EXCatalog" })).toBe(shipped);
    const before = readPackage(new Uint8Array(shipped));
    const after = readPackage(new Uint8Array(config.retargetTemplate(shipped, { storeType: "FileSystem", store: "\\\\finance\\addins" })));
    expect(after.names()).toEqual(before.names());
    for (const part of before.names()) {
      if (part === "xl/webextensions/webextension1.xml") continue;
      expect(after.text(part)).toBe(before.text(part));
    }
    expect(after.text("xl/webextensions/webextension1.xml")).toContain('version="0.1.0.0" store="\\\\finance\\addins" storeType="FileSystem"/>');
  });
});
