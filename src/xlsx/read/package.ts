/**
 * The package as Open Packaging Conventions describe it: parts found through relationships
 * (`_rels/.rels` → the workbook → its sheets, strings, metadata), never by guessing file names;
 * part names compared without regard to case (OPC says they are case-insensitive, and Excel,
 * Apple Numbers and others differ in how they spell them); XML parts parsed by the tokenizer with
 * its guarantees, errors turned into plain messages naming the part.
 */
import { WorkbookReadError } from "../errors";
import { ZipPackage } from "../zip";
import type { ReadLimits } from "./limits";
import { Attributes, XmlError, XmlHandler, decodeText, decodeXmlBytes, parseXml } from "./xml";

export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI ("officeDocument", "worksheet"), the same in strict OOXML. */
  readonly type: string;
  /** The target part's name, resolved against the source part; for an external target, the URI. */
  readonly target: string;
  readonly external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ("") → `_rels/.rels`. */
export function relsPartFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name: relative to the source part's folder unless absolute. */
export function resolvePartName(source: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const hash = t.indexOf("#");
  if (hash !== -1) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep it as written
  }
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

function shortType(type: string): string {
  const slash = type.lastIndexOf("/");
  return slash === -1 ? type : type.slice(slash + 1);
}

export class Package {
  readonly zip: ZipPackage;
  readonly limits: ReadLimits;

  constructor(zip: ZipPackage, limits: ReadLimits) {
    this.zip = zip;
    this.limits = limits;
  }

  has(part: string): boolean {
    return this.zip.has(part);
  }

  /** Parses a part with `handler`; false if the package has no such part. */
  xml(part: string, handler: XmlHandler): boolean {
    const bytes = this.zip.read(part);
    if (!bytes) return false;
    const text = decodeXmlBytes(bytes);
    try {
      parseXml(text, handler, this.limits.maxXmlDepth);
    } catch (e) {
      if (e instanceof XmlError) {
        if (e.kind === "limit") {
          throw new WorkbookReadError("limit", `part ${part} of the file has ${e.message}, more than the reader accepts (Excel writes parts a few levels deep); the file is refused`);
        }
        if (e.kind === "doctype") {
          throw new WorkbookReadError("doctype", `part ${part} of the file has ${e.message.startsWith("an entity") ? e.message : "a document type (DOCTYPE) or entity declaration"}, which Excel never writes; the file is refused and nothing in it is expanded: open it in Excel and save it as an Excel Workbook (.xlsx)`);
        }
        throw new WorkbookReadError("corrupt", `the file is damaged: part ${part} is not well-formed XML (${e.message}); open it in Excel, let Excel repair it if it offers to, save it as an Excel Workbook (.xlsx) and send it again`);
      }
      throw e;
    }
    return true;
  }

  /** The relationships of `part` ("" for the package's own), [] if it has none. */
  rels(part: string): Relationship[] {
    const out: Relationship[] = [];
    const ids = new Set<string>();
    this.xml(relsPartFor(part), {
      open(local: string, a: Attributes) {
        if (local !== "Relationship") return;
        const id = a.get("Id") ?? "";
        const type = a.get("Type");
        const target = a.get("Target");
        if (!type || target === undefined || ids.has(id)) return;
        ids.add(id);
        const external = (a.get("TargetMode") ?? "").toLowerCase() === "external";
        out.push({ id, type: shortType(type), target: external ? target : resolvePartName(part, target), external });
      },
      close() {},
    });
    return out;
  }

  /** The content type of a part from `[Content_Types].xml` (overrides, then defaults by extension). */
  contentTypes(): { overrides: Map<string, string>; defaults: Map<string, string> } {
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    this.xml("[Content_Types].xml", {
      open(local: string, a: Attributes) {
        if (local === "Override") {
          const name = a.get("PartName");
          const type = a.get("ContentType");
          if (name && type) overrides.set(resolvePartName("", name).toLowerCase(), type);
        } else if (local === "Default") {
          const ext = a.get("Extension");
          const type = a.get("ContentType");
          if (ext && type) defaults.set(ext.toLowerCase(), type);
        }
      },
      close() {},
    });
    return { overrides, defaults };
  }
}

/** Collects the text of the element being read (text and CDATA), for handlers. */
export class TextCollector {
  private parts: string[] = [];
  active = false;

  start(): void {
    this.parts.length = 0;
    this.active = true;
  }

  add(source: string, start: number, end: number): void {
    if (this.active) this.parts.push(decodeText(source.slice(start, end)));
  }

  addLiteral(text: string): void {
    if (this.active) this.parts.push(text);
  }

  /** The collected text, entities decoded, and collecting stopped. */
  finish(): string {
    this.active = false;
    const p = this.parts;
    return p.length === 0 ? "" : p.length === 1 ? p[0] : p.join("");
  }
}
