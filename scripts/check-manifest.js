#!/usr/bin/env node
// Offline manifest check (Microsoft's validator is an online service): structure, resids, URLs and
// the shared-runtime rules. Prints "manifest OK" or one line per problem and exits 1.
const fs = require("fs");
const { parseStringPromise } = require("xml2js");

async function checkManifest(xml) {
  const errors = [];
  let doc;
  try {
    doc = await parseStringPromise(xml);
  } catch (e) {
    return [`manifest is not well-formed XML: ${e.message}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["manifest: root element must be OfficeApp"];
  const text = (node) => (Array.isArray(node) ? (typeof node[0] === "string" ? node[0] : node[0]._) : undefined);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(app.Id) || "")) errors.push("manifest: Id must be a GUID");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text(app.Version) || "")) errors.push("manifest: Version must be n.n.n.n");

  const overrides = app.VersionOverrides && app.VersionOverrides[0];
  if (!overrides) return errors.concat("manifest: VersionOverrides is missing");
  const resources = overrides.Resources[0];
  const ids = new Map();
  const collect = (group, child, kind) => {
    for (const g of resources[group] || []) for (const item of g[child] || []) {
      const id = item.$.id;
      if (ids.has(id)) errors.push(`manifest: duplicate resource id ${id}`);
      ids.set(id, { kind, value: item.$.DefaultValue });
    }
  };
  collect("bt:Images", "bt:Image", "image");
  collect("bt:Urls", "bt:Url", "url");
  collect("bt:ShortStrings", "bt:String", "short");
  collect("bt:LongStrings", "bt:String", "long");
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) if (!ids.has(m[1])) errors.push(`manifest: resid ${m[1]} is not defined in Resources`);
  for (const [id, r] of ids) {
    if ((r.kind === "url" || r.kind === "image") && !/^https:\/\//.test(r.value)) errors.push(`manifest: ${id} must be an https URL`);
    if (r.kind === "short" && r.value.length > 125) errors.push(`manifest: ShortString ${id} is longer than 125 characters`);
    if (r.kind === "long" && r.value.length > 250) errors.push(`manifest: LongString ${id} is longer than 250 characters`);
  }
  for (const m of xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)) if (!m[1].startsWith("https://")) errors.push(`manifest: ${m[1]} must be https`);

  const host = overrides.Hosts[0].Host[0];
  const runtime = host.Runtimes && host.Runtimes[0].Runtime[0].$;
  if (!runtime) errors.push("manifest: Host has no Runtimes (shared runtime)");
  else if (runtime.lifetime !== "long") errors.push('manifest: Runtime lifetime must be "long"');
  const cf = (host.AllFormFactors[0].ExtensionPoint || []).find((e) => e.$["xsi:type"] === "CustomFunctions");
  if (!cf) errors.push("manifest: no CustomFunctions extension point");
  else {
    const page = cf.Page[0].SourceLocation[0].$.resid;
    if (runtime && page !== runtime.resid) errors.push("manifest: CustomFunctions Page must use the Runtime's resid");
    const ns = ids.get(cf.Namespace[0].$.resid);
    if (!ns || ns.value !== "ICS") errors.push("manifest: the custom functions namespace must be ICS");
  }
  const functionFile = host.DesktopFormFactor && host.DesktopFormFactor[0].FunctionFile && host.DesktopFormFactor[0].FunctionFile[0].$.resid;
  if (runtime && functionFile !== runtime.resid) errors.push("manifest: FunctionFile must use the Runtime's resid");
  const hostXml = xml.slice(xml.indexOf('<Host xsi:type="Workbook">'));
  if (hostXml.indexOf("<Runtimes>") > hostXml.indexOf("<AllFormFactors>")) errors.push("manifest: <Runtimes> must come before <AllFormFactors>");
  // A shared runtime supports one task pane (every pane without a TaskpaneId counts as another):
  // the one ShowTaskpane action carries the id that lets a workbook open it with the document.
  const paneIds = [...xml.matchAll(/<TaskpaneId>([^<]*)<\/TaskpaneId>/gi)].map((m) => m[1].trim());
  const panes = (xml.match(/<Action xsi:type="ShowTaskpane">/g) || []).length;
  if (panes !== 1) errors.push(`manifest: a shared-runtime manifest has exactly one ShowTaskpane action, not ${panes}`);
  if (paneIds.length !== 1 || paneIds[0] !== "Office.AutoShowTaskpaneWithDocument") errors.push("manifest: the task pane needs <TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId> (once), so templates open it");
  if (!/<Set Name="SharedRuntime" MinVersion="1.1"\/>/.test(xml)) errors.push("manifest: the SharedRuntime 1.1 requirement set is missing");
  return errors;
}

module.exports = { checkManifest };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  checkManifest(fs.readFileSync(file, "utf8")).then((errors) => {
    if (errors.length) {
      for (const e of errors) console.error(e);
      process.exit(1);
    }
    console.log(`manifest OK (${file})`);
  });
}
