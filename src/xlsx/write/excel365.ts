/**
 * What turns a package an xlsx library wrote into one Excel 365 treats as its own (facts and
 * sources in ../shared/design/EXCEL-FILES.md):
 * - every array formula a dynamic array: `cm="1"` on its cell, pointing at the XLDAPR cell
 *   metadata of `xl/metadata.xml` (with its content type and workbook relationship);
 * - `calcId` that of current Excel, so the saved values stand until an input changes;
 * - the add-in referenced in the file (a web extension and its task pane, opened with the
 *   document, with the custom functions the workbook uses), for users who have the add-in;
 * - custom document properties (`docProps/custom.xml`), e.g. the template's identity.
 * Runs in Node and the browser.
 */
import { Package, PackageError, REL, addRelationship, relationships, setContentType, sheetParts, workbookPart } from "./package";
import { Splice, XmlElement, applySplices, attr, childNamed, childrenNamed, escapeAttr, escapeText, parseXml, prefixOf, startTag } from "./xml";

/** The calculation engine id Excel 365 writes; an older id makes Excel recalculate on open. */
export const EXCEL_365_CALC_ID = "191029";

export const CONTENT_TYPE = {
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  webExtension: "application/vnd.ms-office.webextension+xml",
  webExtensionTaskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
} as const;

export const PARTS = {
  metadata: "xl/metadata.xml",
  customProperties: "docProps/custom.xml",
  webExtension: "xl/webextensions/webextension1.xml",
  taskpanes: "xl/webextensions/taskpanes.xml",
} as const;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DYNAMIC_ARRAY_NS = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";
const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The extension of the web extension part that says the add-in's custom functions are used. */
export const CUSTOM_FUNCTIONS_EXT_URI = "{D87F86FE-615C-45B5-9D79-34F1136793EB}";
/** The format id of user-defined custom document properties. */
export const CUSTOM_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

/** The XLDAPR cell metadata Excel writes for dynamic arrays; `cm="1"` points at its one record. */
export const DYNAMIC_ARRAY_METADATA =
  `${DECLARATION}<metadata xmlns="${MAIN_NS}" xmlns:xda="${DYNAMIC_ARRAY_NS}">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;

/** Each `<c>` holding an array formula, in one worksheet's XML, gets `cm="1"`. Returns the new XML and how many. */
export function dynamicArrays(xml: string): { xml: string; count: number } {
  const root = parseXml(xml);
  const sheetData = childNamed(root, "sheetData");
  if (!sheetData) return { xml, count: 0 };
  const splices: Splice[] = [];
  for (const row of childrenNamed(sheetData, "row")) {
    for (const c of childrenNamed(row, "c")) {
      const f = childNamed(c, "f");
      if (!f || attr(f, "t") !== "array") continue;
      if (attr(c, "cm") !== undefined) continue;
      splices.push({ start: c.start, end: c.openEnd, text: startTag(c.name, [...c.attrs, ["cm", "1"]], c.selfClosing) });
    }
  }
  return { xml: applySplices(xml, splices), count: splices.length };
}

/** Makes every array formula of every worksheet a dynamic array, adding the metadata part they point at. */
export function makeArraysDynamic(pkg: Package): number {
  let total = 0;
  for (const { part } of sheetParts(pkg)) {
    const { xml, count } = dynamicArrays(pkg.text(part));
    if (count > 0) pkg.set(part, xml);
    total += count;
  }
  if (total === 0) return 0;
  const workbook = workbookPart(pkg);
  const existing = relationships(pkg, workbook).find((r) => r.type === REL.sheetMetadata);
  if (existing) throw new PackageError("the package already has cell metadata; merging it is not supported");
  pkg.set(PARTS.metadata, DYNAMIC_ARRAY_METADATA);
  setContentType(pkg, `/${PARTS.metadata}`, CONTENT_TYPE.sheetMetadata);
  addRelationship(pkg, workbook, REL.sheetMetadata, "metadata.xml");
  return total;
}

/** Elements that may follow `calcPr` in CT_Workbook, in schema order. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** Sets `<calcPr calcId>` in the workbook part, adding calcPr where it is missing. */
export function setCalcId(pkg: Package, calcId = EXCEL_365_CALC_ID): void {
  const part = workbookPart(pkg);
  const xml = pkg.text(part);
  const root = parseXml(xml);
  const calcPr = childNamed(root, "calcPr");
  const name = prefixOf(root.name) ? `${prefixOf(root.name)}:calcPr` : "calcPr";
  if (calcPr) {
    const attrs = calcPr.attrs.some(([k]) => k === "calcId") ? calcPr.attrs.map(([k, v]) => [k, k === "calcId" ? calcId : v] as [string, string]) : [...calcPr.attrs, ["calcId", calcId] as [string, string]];
    pkg.set(part, xml.slice(0, calcPr.start) + startTag(calcPr.name, attrs, calcPr.selfClosing) + xml.slice(calcPr.openEnd));
    return;
  }
  const next = root.children.find((c): c is XmlElement => "name" in c && AFTER_CALC_PR.includes(c.name.replace(/^.*:/, "")));
  const at = next ? next.start : root.closeStart;
  pkg.set(part, xml.slice(0, at) + startTag(name, [["calcId", calcId]], true) + xml.slice(at));
}

// ---- the add-in ----

/** How the add-in is deployed, as a web extension reference names its catalogue ([MS-OWEXML] 2.2.5). */
export interface AddinReference {
  /** The manifest's `<Id>` (a GUID). */
  readonly id: string;
  /** The manifest's `<Version>`, e.g. "0.1.0.0". */
  readonly version: string;
  /** "EXCatalog" (central deployment), "FileSystem" (a shared-folder catalogue) or "Registry" (sideloaded). */
  readonly storeType: string;
  /** "EXCatalog", the shared folder's path, or "developer". */
  readonly store: string;
}

export interface AddinInFile {
  readonly reference: AddinReference;
  /** The custom function ids the workbook calls, e.g. ["ICS.DELEGATE", "ICS.POT"]. */
  readonly functionIds: readonly string[];
  /** The task pane's width in pixels when it opens. */
  readonly paneWidth?: number;
}

/** The web extension part: the add-in, its pane opened with the document, its custom functions. */
export function webExtensionXml(addin: AddinInFile): string {
  const { reference } = addin;
  const ids = addin.functionIds.map((id) => `<we:customFunctionIds>${escapeText(id)}</we:customFunctionIds>`).join("");
  return (
    `${DECLARATION}<we:webextension xmlns:we="${WE_NS}" id="{${escapeAttr(reference.id.toUpperCase())}}">` +
    `<we:reference id="${escapeAttr(reference.id)}" version="${escapeAttr(reference.version)}" store="${escapeAttr(reference.store)}" storeType="${escapeAttr(reference.storeType)}"/>` +
    `<we:alternateReferences/>` +
    `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
    `<we:bindings/>` +
    `<we:extLst><a:ext xmlns:a="${A_NS}" uri="${CUSTOM_FUNCTIONS_EXT_URI}"><we:containsCustomFunctions/><we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>` +
    `</we:webextension>`
  );
}

export function taskpanesXml(addin: AddinInFile, relId: string): string {
  return (
    `${DECLARATION}<wetp:taskpanes xmlns:wetp="${WETP_NS}">` +
    `<wetp:taskpane dockstate="right" visibility="1" width="${addin.paneWidth ?? 350}" row="0">` +
    `<wetp:webextensionref xmlns:r="${R_NS}" r:id="${relId}"/>` +
    `</wetp:taskpane></wetp:taskpanes>`
  );
}

/** Adds the web extension and task pane parts, linked from the package relationships. */
export function referenceAddin(pkg: Package, addin: AddinInFile): void {
  if (pkg.has(PARTS.taskpanes) || pkg.has(PARTS.webExtension)) throw new PackageError("the package already references an add-in");
  pkg.set(PARTS.webExtension, webExtensionXml(addin));
  const relId = addRelationship(pkg, PARTS.taskpanes, REL.webExtension, "webextension1.xml");
  pkg.set(PARTS.taskpanes, taskpanesXml(addin, relId));
  setContentType(pkg, `/${PARTS.webExtension}`, CONTENT_TYPE.webExtension);
  setContentType(pkg, `/${PARTS.taskpanes}`, CONTENT_TYPE.webExtensionTaskpanes);
  addRelationship(pkg, "", REL.webExtensionTaskpanes, PARTS.taskpanes);
}

// ---- custom document properties ----

const CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
const VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

export function customPropertiesXml(properties: ReadonlyArray<readonly [string, string]>): string {
  const items = properties.map(([name, value], i) => `<property fmtid="${CUSTOM_PROPERTY_FMTID}" pid="${i + 2}" name="${escapeAttr(name)}"><vt:lpwstr>${escapeText(value)}</vt:lpwstr></property>`);
  return `${DECLARATION}<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}">${items.join("")}</Properties>`;
}

/** Writes custom document properties (text), in the order given, replacing any the package had. */
export function setCustomProperties(pkg: Package, properties: ReadonlyArray<readonly [string, string]>): void {
  const names = new Set<string>();
  for (const [name] of properties) {
    if (names.has(name)) throw new PackageError(`custom property ${name} given twice`);
    names.add(name);
  }
  pkg.set(PARTS.customProperties, customPropertiesXml(properties));
  setContentType(pkg, `/${PARTS.customProperties}`, CONTENT_TYPE.customProperties);
  addRelationship(pkg, "", REL.customProperties, PARTS.customProperties);
}

export interface Excel365Options {
  /** The add-in to reference, with the custom functions the workbook calls. */
  readonly addin?: AddinInFile;
  /** Custom document properties, name and text value, in order. */
  readonly properties?: ReadonlyArray<readonly [string, string]>;
}

/** All of the above, on a package an xlsx library wrote. */
export function finishForExcel365(pkg: Package, options: Excel365Options = {}): void {
  makeArraysDynamic(pkg);
  setCalcId(pkg);
  if (options.addin) referenceAddin(pkg, options.addin);
  if (options.properties && options.properties.length > 0) setCustomProperties(pkg, options.properties);
}
