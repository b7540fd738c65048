/**
 * Validating a package against the ECMA-376 schemas in ../shared/schemas/ooxml with xmllint, as
 * a consuming application reads it: Markup Compatibility first (ECMA-376 Part 3) — attributes and
 * elements in the namespaces a part declares in mc:Ignorable are dropped, mc:AlternateContent
 * becomes its Fallback — and extension lists (`extLst/ext`, open content) are kept. The web
 * extension parts are not ECMA-376; they are checked against the [MS-OWEXML] schema, written here
 * from the specification (section 5), which builds on the ECMA-376 DrawingML schema.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Package, readPackage } from "../../src/xlsx/write";
import { contentTypeOf } from "../../src/xlsx/write/package";
import { XmlElement, XmlNode, escapeAttr, escapeText, isElement, parseXml } from "../../src/xlsx/write/xml";

export const SCHEMAS = path.resolve(__dirname, "..", "..", "..", "shared", "schemas", "ooxml");

export function schemasMissing(): string | undefined {
  if (!fs.existsSync(path.join(SCHEMAS, "sml.xsd"))) return `the ECMA-376 schemas are not at ${SCHEMAS} (../shared is absent)`;
  if (spawnSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" }).stdout.trim() === "") return "xmllint is not installed (apt-get install libxml2-utils)";
  return undefined;
}

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** The part as a consumer that understands none of its ignorable namespaces sees it. */
export function dropIgnorable(xml: string): string {
  const root = parseXml(xml);
  const out: string[] = [];
  const walk = (element: XmlElement, scope: Map<string, string>, ignorable: Set<string>): void => {
    const ns = new Map(scope);
    for (const [k, v] of element.attrs) {
      if (k === "xmlns") ns.set("", v);
      else if (k.startsWith("xmlns:")) ns.set(k.slice(6), v);
    }
    const ignore = new Set(ignorable);
    for (const [k, v] of element.attrs) {
      const [prefix, local] = k.includes(":") ? k.split(":") : ["", k];
      if (local === "Ignorable" && ns.get(prefix) === MC_NS) for (const p of v.split(/\s+/).filter(Boolean)) if (ns.has(p)) ignore.add(ns.get(p)!);
    }
    const nsOf = (name: string) => ns.get(name.includes(":") ? name.split(":")[0] : "");
    const elementNs = nsOf(element.name);
    if (elementNs !== undefined && ignore.has(elementNs)) return;
    if (elementNs === MC_NS && element.name.endsWith("AlternateContent")) {
      const fallback = element.children.find((c): c is XmlElement => isElement(c) && c.name.endsWith("Fallback"));
      if (fallback) for (const c of fallback.children) emit(c, ns, ignore);
      return;
    }
    const attrs = element.attrs.filter(([k]) => {
      if (k.startsWith("xmlns")) return true;
      if (!k.includes(":")) return true;
      const attrNs = ns.get(k.split(":")[0]);
      return attrNs !== MC_NS && !(attrNs !== undefined && ignore.has(attrNs));
    });
    out.push(`<${element.name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}>`);
    for (const c of element.children) emit(c, ns, ignore);
    out.push(`</${element.name}>`);
  };
  const emit = (node: XmlNode, ns: Map<string, string>, ignore: Set<string>) => {
    if (isElement(node)) walk(node, ns, ignore);
    else out.push(escapeText(node.text));
  };
  walk(root, new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]), new Set());
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.join("")}`;
}

function owexmlSchemas(dir: string): { webextension: string; taskpanes: string } {
  const dml = path.join(SCHEMAS, "dml-main.xsd");
  const rel = path.join(SCHEMAS, "shared-relationshipReference.xsd");
  const webextension = path.join(dir, "owexml-webextension.xsd");
  fs.writeFileSync(
    webextension,
    `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema targetNamespace="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" elementFormDefault="qualified" attributeFormDefault="unqualified" xmlns="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/main" schemaLocation="${dml}"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/officeDocument/2006/relationships" schemaLocation="${rel}"/>
  <xsd:complexType name="CT_WebExtensionPartRef"><xsd:attribute ref="r:id" use="required"/></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionProperty"><xsd:attribute name="name" type="xsd:string" use="required"/><xsd:attribute name="value" type="xsd:string" use="required"/></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionPropertyBag"><xsd:sequence><xsd:element name="property" minOccurs="0" maxOccurs="unbounded" type="CT_OsfWebExtensionProperty"/></xsd:sequence></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionBinding"><xsd:sequence><xsd:element name="extLst" type="a:CT_OfficeArtExtensionList" minOccurs="0" maxOccurs="1"/></xsd:sequence><xsd:attribute name="id" type="xsd:string" use="required"/><xsd:attribute name="type" type="xsd:string" use="required"/><xsd:attribute name="appref" type="xsd:string" use="required"/></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionBindingList"><xsd:sequence><xsd:element name="binding" minOccurs="0" maxOccurs="unbounded" type="CT_OsfWebExtensionBinding"/></xsd:sequence></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionReference"><xsd:sequence><xsd:element name="extLst" type="a:CT_OfficeArtExtensionList" minOccurs="0" maxOccurs="1"/></xsd:sequence><xsd:attribute name="id" type="xsd:string" use="required"/><xsd:attribute name="version" type="xsd:string" use="required"/><xsd:attribute name="store" type="xsd:string"/><xsd:attribute name="storeType" type="xsd:string" use="optional"/></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtensionReferenceList"><xsd:sequence><xsd:element name="reference" minOccurs="0" maxOccurs="unbounded" type="CT_OsfWebExtensionReference"/></xsd:sequence></xsd:complexType>
  <xsd:complexType name="CT_ContainsCustomFunctions"><xsd:attribute name="val" type="xsd:boolean" use="optional" default="false"/></xsd:complexType>
  <xsd:complexType name="CT_CustomFunctionList"><xsd:sequence><xsd:element name="customFunctionIds" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
  <xsd:complexType name="CT_OsfWebExtension"><xsd:sequence><xsd:element name="reference" type="CT_OsfWebExtensionReference"/><xsd:element name="alternateReferences" type="CT_OsfWebExtensionReferenceList" minOccurs="0" maxOccurs="1"/><xsd:element name="properties" type="CT_OsfWebExtensionPropertyBag"/><xsd:element name="bindings" type="CT_OsfWebExtensionBindingList"/><xsd:element name="snapshot" type="a:CT_Blip" minOccurs="0" maxOccurs="1"/><xsd:element name="extLst" type="a:CT_OfficeArtExtensionList" minOccurs="0" maxOccurs="1"/></xsd:sequence><xsd:attribute name="id" type="xsd:string" use="required"/><xsd:attribute name="frozen" type="xsd:boolean" use="optional" default="false"/></xsd:complexType>
  <xsd:element name="webextension" type="CT_OsfWebExtension"/>
  <xsd:element name="webextensionref" type="CT_WebExtensionPartRef"/>
  <xsd:element name="containsCustomFunctions" type="CT_ContainsCustomFunctions"/>
  <xsd:element name="customFunctionIdList" type="CT_CustomFunctionList"/>
</xsd:schema>
`,
  );
  const taskpanes = path.join(dir, "owexml-taskpanes.xsd");
  fs.writeFileSync(
    taskpanes,
    `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema targetNamespace="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" elementFormDefault="qualified" attributeFormDefault="unqualified" xmlns="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" schemaLocation="${webextension}"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/main" schemaLocation="${dml}"/>
  <xsd:complexType name="CT_OsfTaskpane"><xsd:sequence><xsd:element name="webextensionref" minOccurs="1" maxOccurs="1" type="we:CT_WebExtensionPartRef"/><xsd:element name="extLst" type="a:CT_OfficeArtExtensionList" minOccurs="0" maxOccurs="1"/></xsd:sequence><xsd:attribute name="dockstate" type="xsd:string" use="required"/><xsd:attribute name="visibility" type="xsd:boolean" use="required"/><xsd:attribute name="width" type="xsd:double" use="required"/><xsd:attribute name="row" type="xsd:unsignedInt" use="required"/><xsd:attribute name="locked" type="xsd:boolean" use="optional" default="false"/></xsd:complexType>
  <xsd:complexType name="CT_OsfTaskpanes"><xsd:sequence><xsd:element name="taskpane" minOccurs="0" maxOccurs="unbounded" type="CT_OsfTaskpane"/></xsd:sequence></xsd:complexType>
  <xsd:element name="taskpanes" type="CT_OsfTaskpanes"/>
</xsd:schema>
`,
  );
  return { webextension, taskpanes };
}

const SML = "sml.xsd";

/** The schema each content type is checked against; undefined = not checked (with the reason in SKIPPED). */
function schemaFor(contentType: string | undefined, owexml: { webextension: string; taskpanes: string }): string | undefined {
  if (!contentType) return undefined;
  if (contentType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.")) return path.join(SCHEMAS, SML);
  if (contentType === "application/vnd.openxmlformats-officedocument.theme+xml") return path.join(SCHEMAS, "dml-main.xsd");
  if (contentType === "application/vnd.openxmlformats-officedocument.custom-properties+xml") return path.join(SCHEMAS, "shared-documentPropertiesCustom.xsd");
  if (contentType === "application/vnd.openxmlformats-officedocument.extended-properties+xml") return path.join(SCHEMAS, "shared-documentPropertiesExtended.xsd");
  if (contentType === "application/vnd.openxmlformats-package.relationships+xml") return path.join(SCHEMAS, "opc-xsd", "opc-relationships.xsd");
  if (contentType === "application/vnd.ms-office.webextension+xml") return owexml.webextension;
  if (contentType === "application/vnd.ms-office.webextensiontaskpanes+xml") return owexml.taskpanes;
  return undefined;
}

/**
 * Parts not checked against a schema: the core properties, whose ECMA-376 schema imports Dublin
 * Core from the network (they are still parsed, so they must be well-formed).
 */
export const SKIPPED = ["application/vnd.openxmlformats-package.core-properties+xml"];

export interface Validation {
  /** "part: message" for every schema error; empty when the package is valid. */
  errors: string[];
  /** Part name → the schema file it was checked against. */
  checked: Map<string, string>;
}

/** Validates every XML part of a package; parts of a type no schema covers are listed as errors. */
export function validatePackage(data: Uint8Array | Package): Validation {
  const pkg = data instanceof Package ? data : readPackage(data);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ics-ooxml-"));
  const owexml = owexmlSchemas(dir);
  const bySchema = new Map<string, { part: string; file: string }[]>();
  const errors: string[] = [];
  const checked = new Map<string, string>();
  pkg.names().forEach((part, i) => {
    const type = part === "[Content_Types].xml" ? "content-types" : contentTypeOf(pkg, `/${part}`);
    const schema = type === "content-types" ? path.join(SCHEMAS, "opc-xsd", "opc-contentTypes.xsd") : schemaFor(type, owexml);
    let cleaned: string;
    try {
      cleaned = dropIgnorable(pkg.text(part));
    } catch (e) {
      errors.push(`${part}: not well-formed (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    if (!schema) {
      if (!type || !SKIPPED.includes(type)) errors.push(`${part}: no schema for content type ${type ?? "(none)"}`);
      return;
    }
    const file = path.join(dir, `${i}.xml`);
    fs.writeFileSync(file, cleaned);
    bySchema.set(schema, [...(bySchema.get(schema) ?? []), { part, file }]);
    checked.set(part, path.basename(schema));
  });
  for (const [schema, files] of bySchema) {
    const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, ...files.map((f) => f.file)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const byFile = new Map(files.map((f) => [f.file, f.part]));
    for (const line of r.stderr.split("\n")) {
      if (line.trim() === "" || line.endsWith(" validates")) continue;
      if (line.endsWith(" fails to validate")) continue;
      const file = [...byFile.keys()].find((f) => line.startsWith(f));
      errors.push(file ? `${byFile.get(file)}: ${line.slice(file.length + 1)}` : line);
    }
    if (r.status !== 0 && !errors.length) errors.push(`xmllint exited ${r.status} for ${path.basename(schema)}: ${r.stderr.slice(0, 500)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return { errors, checked };
}
