/**
 * An OOXML package in memory: its parts in their zip order, read with a minimal unzip (fflate,
 * with limits on entries and sizes) and written back with every entry stamped the same date, so
 * the same parts always give the same bytes. Helpers for the two bookkeeping parts every edit
 * touches: [Content_Types].xml and the relationship parts. Runs in Node and the browser.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { XmlElement, attr, childrenNamed, escapeAttr, parseXml } from "./xml";

/** The date every part of a written package carries: 2025-04-01 00:00 (as templates always had). */
export const PACKAGE_DATE = { year: 2025, month: 4, day: 1 };

/** Limits for reading a package we are asked to rewrite (the reader's own limits come later). */
export const PACKAGE_LIMITS = { entries: 10_000, partBytes: 256 * 1024 * 1024, totalBytes: 1024 * 1024 * 1024 };

export class PackageError extends Error {}

export class Package {
  private readonly parts = new Map<string, Uint8Array>();

  constructor(entries: Iterable<readonly [string, Uint8Array]> = []) {
    for (const [name, data] of entries) this.parts.set(name, data);
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.parts.get(name);
  }

  text(name: string): string {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`the package has no part ${name}`);
    return strFromU8(data);
  }

  /** Replaces a part's content, keeping its place; a new part goes last. */
  set(name: string, content: string | Uint8Array): void {
    this.parts.set(name, typeof content === "string" ? strToU8(content) : content);
  }

  delete(name: string): void {
    this.parts.delete(name);
  }
}

/** Reads a zip package; refuses what is not a zip or is over the limits before inflating it. */
export function readPackage(data: Uint8Array, limits = PACKAGE_LIMITS): Package {
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new PackageError("not a zip package");
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (file) => {
        entries++;
        total += file.originalSize;
        if (entries > limits.entries) throw new PackageError(`more than ${limits.entries} parts`);
        if (file.originalSize > limits.partBytes) throw new PackageError(`part ${file.name} is over ${limits.partBytes} bytes`);
        if (total > limits.totalBytes) throw new PackageError(`the parts add up to over ${limits.totalBytes} bytes`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError(`not a readable zip package (${e instanceof Error ? e.message : String(e)})`);
  }
  return new Package(Object.entries(files).filter(([name]) => !name.endsWith("/")));
}

/** The package as zip bytes: deflated, every entry dated PACKAGE_DATE, in the parts' order. */
export function writePackage(pkg: Package): Uint8Array {
  // fflate stamps an entry with the local-time fields of its date: build the date in local time.
  const mtime = new Date(PACKAGE_DATE.year, PACKAGE_DATE.month - 1, PACKAGE_DATE.day, 0, 0, 0);
  const files: Record<string, [Uint8Array, { level: 6; mtime: Date }]> = {};
  for (const name of pkg.names()) files[name] = [pkg.bytes(name)!, { level: 6, mtime }];
  return zipSync(files);
}

// ---- [Content_Types].xml ----

export const CONTENT_TYPES = "[Content_Types].xml";

/** Adds (or replaces) the Override for a part, e.g. "/xl/metadata.xml". */
export function setContentType(pkg: Package, partName: string, contentType: string): void {
  const xml = pkg.text(CONTENT_TYPES);
  const root = parseXml(xml);
  const existing = childrenNamed(root, "Override").find((o) => attr(o, "PartName") === partName);
  const override = `<Override PartName="${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`;
  if (existing) pkg.set(CONTENT_TYPES, xml.slice(0, existing.start) + override + xml.slice(existing.end));
  else pkg.set(CONTENT_TYPES, xml.slice(0, root.closeStart) + override + xml.slice(root.closeStart));
}

export function contentTypeOf(pkg: Package, partName: string): string | undefined {
  const root = parseXml(pkg.text(CONTENT_TYPES));
  const override = childrenNamed(root, "Override").find((o) => attr(o, "PartName") === partName);
  if (override) return attr(override, "ContentType");
  const ext = partName.slice(partName.lastIndexOf(".") + 1).toLowerCase();
  const fallback = childrenNamed(root, "Default").find((d) => attr(d, "Extension")?.toLowerCase() === ext);
  return fallback ? attr(fallback, "ContentType") : undefined;
}

// ---- relationships ----

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a part name without leading "/". */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = sourcePart.slice(0, sourcePart.lastIndexOf("/") + 1).split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function relsRoot(pkg: Package, relsPart: string): { xml: string; root: XmlElement } {
  const xml = pkg.has(relsPart) ? pkg.text(relsPart) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  return { xml, root: parseXml(xml) };
}

/** The relationships of a part ("" for the package's own). */
export function relationships(pkg: Package, sourcePart: string): Relationship[] {
  const relsPart = relsPartOf(sourcePart);
  if (!pkg.has(relsPart)) return [];
  return childrenNamed(parseXml(pkg.text(relsPart)), "Relationship").map((r) => ({ id: attr(r, "Id") ?? "", type: attr(r, "Type") ?? "", target: attr(r, "Target") ?? "" }));
}

/**
 * Adds a relationship from a part ("" for the package) unless one of the same type and target is
 * there; returns its id (the first free "rIdN").
 */
export function addRelationship(pkg: Package, sourcePart: string, type: string, target: string): string {
  const relsPart = relsPartOf(sourcePart);
  const { xml, root } = relsRoot(pkg, relsPart);
  const existing = childrenNamed(root, "Relationship");
  const same = existing.find((r) => attr(r, "Type") === type && attr(r, "Target") === target);
  if (same) return attr(same, "Id")!;
  const taken = new Set(existing.map((r) => attr(r, "Id")));
  let n = existing.length + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
  const updated = root.selfClosing
    ? `${xml.slice(0, root.start)}<Relationships xmlns="${RELS_NS}">${rel}</Relationships>${xml.slice(root.end)}`
    : xml.slice(0, root.closeStart) + rel + xml.slice(root.closeStart);
  pkg.set(relsPart, updated);
  return id;
}

// ---- the workbook's sheets ----

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
  customProperties: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
  webExtensionTaskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webExtension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
} as const;

/** The workbook part, from the package relationships ("xl/workbook.xml" as a rule). */
export function workbookPart(pkg: Package): string {
  const rel = relationships(pkg, "").find((r) => r.type === REL.officeDocument);
  if (!rel) throw new PackageError("the package has no workbook (no officeDocument relationship)");
  return resolveTarget("", rel.target);
}

/** Each sheet's name and part, in workbook order (worksheets only). */
export function sheetParts(pkg: Package): { name: string; part: string }[] {
  const workbook = workbookPart(pkg);
  const rels = new Map(relationships(pkg, workbook).map((r) => [r.id, r]));
  const root = parseXml(pkg.text(workbook));
  const sheets = childrenNamed(root, "sheets")[0];
  if (!sheets) return [];
  const out: { name: string; part: string }[] = [];
  for (const sheet of childrenNamed(sheets, "sheet")) {
    const id = sheet.attrs.find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const rel = id ? rels.get(id) : undefined;
    if (!rel || rel.type !== REL.worksheet) continue;
    out.push({ name: attr(sheet, "name") ?? "", part: resolveTarget(workbook, rel.target) });
  }
  return out;
}
