/** The offline manifest check (Microsoft's validator is online-only) and what it catches. */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../../scripts/check-manifest.js") as { checkManifest: (xml: string) => Promise<string[]> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (env: object, argv: object) => { plugins: { patterns?: { from: string; transform?: (c: Buffer) => string | Buffer }[] }[] };

const ROOT = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function manifestTransform(env: object, mode: string): (content: Buffer) => string {
  for (const plugin of webpackConfig(env, { mode }).plugins) {
    const pattern = plugin.patterns?.find((p) => p.from === "manifest.xml");
    if (pattern?.transform) return (c) => pattern.transform!(c).toString();
  }
  throw new Error("no manifest pattern in webpack.config.js");
}

describe("manifest.xml", () => {
  test("passes the offline check: shared runtime, namespace ICS, every resid defined, https only", async () => {
    expect(await checkManifest(manifest)).toEqual([]);
  });

  test.each([
    ["an undefined resid", manifest.replace('resid="Functions.Metadata.Url"', 'resid="Functions.Meta.Url"'), "manifest: resid Functions.Meta.Url is not defined in Resources"],
    ["a short-lived runtime", manifest.replace('lifetime="long"', 'lifetime="short"'), 'manifest: Runtime lifetime must be "long"'],
    ["another namespace", manifest.replace('id="Functions.Namespace" DefaultValue="ICS"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), "manifest: the custom functions namespace must be ICS"],
    ["another TaskpaneId", manifest.replace("<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>", "<TaskpaneId>X</TaskpaneId>"), "manifest: the task pane needs <TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>"],
    ["no TaskpaneId", manifest.replace("<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>", ""), "manifest: the task pane needs <TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>"],
    ["an http URL", manifest.replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js"), "manifest: Functions.Script.Url must be an https URL"],
    ["malformed XML", manifest.replace("</Hosts>", "</Hostz>"), "manifest is not well-formed XML"],
  ])("catches %s", async (_label, xml, expected) => {
    const errors = await checkManifest(xml);
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
  });

  test("a release build rewrites every localhost URL", () => {
    const released = manifestTransform({}, "production")(Buffer.from(manifest));
    expect(released).not.toMatch(/localhost/);
    expect(released.match(/https:\/\/ics-finance\.example\.org\//g)?.length).toBeGreaterThanOrEqual(8);
  });

  test("a localhost build (npm start, tests) keeps them", () => {
    expect(manifestTransform({ localhost: true }, "production")(Buffer.from(manifest))).toBe(manifest);
  });
});
