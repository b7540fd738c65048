/**
 * Just enough XML for editing package parts in place: a tree whose every element knows where it
 * starts and ends in the source text, so an edit replaces exactly the bytes it means to and the
 * rest of the part stays as it was. No DTDs (a part that declares one is refused), no entities
 * beyond the five predefined ones and character references. Runs in Node and the browser.
 */

export interface XmlElement {
  /** The qualified name as written, e.g. "c" or "x:c". */
  readonly name: string;
  /** Attributes in source order, values unescaped. */
  readonly attrs: ReadonlyArray<readonly [string, string]>;
  readonly children: XmlNode[];
  /** Offsets in the source: the whole element, and its content (equal for a self-closing tag). */
  readonly start: number;
  readonly end: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly selfClosing: boolean;
}

export type XmlNode = XmlElement | { readonly text: string; readonly start: number; readonly end: number };

export class XmlError extends Error {}

export function isElement(node: XmlNode): node is XmlElement {
  return (node as XmlElement).name !== undefined;
}

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon);
}

export function attr(element: XmlElement, name: string): string | undefined {
  for (const [k, v] of element.attrs) if (k === name) return v;
  return undefined;
}

/** The element children with this local name. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => isElement(c) && localName(c.name) === local);
}

export function childNamed(element: XmlElement, local: string): XmlElement | undefined {
  return childrenNamed(element, local)[0];
}

/** The text of an element (its text children and CDATA, unescaped), ignoring child elements. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (isElement(c) ? "" : c.text)).join("");
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const known = ENTITIES[ref];
    if (known === undefined) throw new XmlError(`unknown entity &${ref};`);
    return known;
  });
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const SPACE = /\s*/y;

function parseAttrs(xml: string, from: number, to: number): [string, string][] {
  const attrs: [string, string][] = [];
  let at = from;
  while (at < to) {
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    at = SPACE.lastIndex;
    if (at >= to) break;
    NAME.lastIndex = at;
    const name = NAME.exec(xml);
    if (!name) throw new XmlError(`bad attribute at ${at}`);
    at = NAME.lastIndex;
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    at = SPACE.lastIndex;
    if (xml[at] !== "=") throw new XmlError(`attribute ${name[0]} has no value`);
    at++;
    SPACE.lastIndex = at;
    SPACE.exec(xml);
    at = SPACE.lastIndex;
    const quote = xml[at];
    if (quote !== '"' && quote !== "'") throw new XmlError(`attribute ${name[0]} is not quoted`);
    const close = xml.indexOf(quote, at + 1);
    if (close < 0 || close > to) throw new XmlError(`attribute ${name[0]} is not closed`);
    attrs.push([name[0], unescapeXml(xml.slice(at + 1, close))]);
    at = close + 1;
  }
  return attrs;
}

/** The end of a tag that starts at `from` ("<"), minding ">" inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let i = from + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  throw new XmlError("unterminated tag");
}

interface Building {
  name: string;
  attrs: [string, string][];
  children: XmlNode[];
  start: number;
  openEnd: number;
}

/** Parses a whole part; returns its root element. */
export function parseXml(xml: string): XmlElement {
  const stack: Building[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  const addText = (text: string, start: number, end: number) => {
    if (stack.length > 0) stack[stack.length - 1].children.push({ text, start, end });
    else if (text.trim() !== "") throw new XmlError("text outside the root element");
  };
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) {
      addText(unescapeXml(xml.slice(at)), at, xml.length);
      break;
    }
    if (lt > at) addText(unescapeXml(xml.slice(at, lt)), at, lt);
    if (xml.startsWith("<?", lt)) {
      const close = xml.indexOf("?>", lt);
      if (close < 0) throw new XmlError("unterminated processing instruction");
      at = close + 2;
    } else if (xml.startsWith("<!--", lt)) {
      const close = xml.indexOf("-->", lt);
      if (close < 0) throw new XmlError("unterminated comment");
      at = close + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt);
      if (close < 0) throw new XmlError("unterminated CDATA");
      addText(xml.slice(lt + 9, close), lt, close + 3);
      at = close + 3;
    } else if (xml.startsWith("<!", lt)) {
      throw new XmlError("a document type declaration is not allowed in a package part");
    } else if (xml[lt + 1] === "/") {
      const close = tagEnd(xml, lt);
      const name = xml.slice(lt + 2, close).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`</${name}> does not close <${open?.name ?? ""}>`);
      const element: XmlElement = { ...open, end: close + 1, closeStart: lt, selfClosing: false };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else root = element;
      at = close + 1;
    } else {
      const close = tagEnd(xml, lt);
      const selfClosing = xml[close - 1] === "/";
      const body = xml.slice(lt + 1, selfClosing ? close - 1 : close);
      NAME.lastIndex = 0;
      const name = NAME.exec(body);
      if (!name) throw new XmlError(`bad tag at ${lt}`);
      const attrs = parseAttrs(xml, lt + 1 + name[0].length, lt + 1 + body.length);
      if (root && stack.length === 0) throw new XmlError("more than one root element");
      if (selfClosing) {
        const element: XmlElement = { name: name[0], attrs, children: [], start: lt, end: close + 1, openEnd: close + 1, closeStart: close + 1, selfClosing: true };
        if (stack.length > 0) stack[stack.length - 1].children.push(element);
        else root = element;
      } else {
        stack.push({ name: name[0], attrs, children: [], start: lt, openEnd: close + 1 });
      }
      at = close + 1;
    }
  }
  if (stack.length > 0) throw new XmlError(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new XmlError("no root element");
  return root;
}

/** A start tag (or a whole empty element) from a name and attributes. */
export function startTag(name: string, attrs: ReadonlyArray<readonly [string, string]>, selfClosing = false): string {
  return `<${name}${attrs.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("")}${selfClosing ? "/>" : ">"}`;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping replacements to a text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error("overlapping edits");
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
