/**
 * A small XML tokenizer for the subset OOXML parts use: elements, attributes, text, CDATA,
 * comments and processing instructions. Written here rather than taken from a library because
 * the job is small and the guarantees matter more than features:
 *
 * - a document type declaration (`<!DOCTYPE`, and with it every entity declaration) is refused,
 *   never read: no entity is ever expanded; the five predefined entities and character references
 *   are the only ones decoded, and any other `&name;` is an error;
 * - one pass over the text, linear in its length (each `indexOf` moves forward), no regular
 *   expression over the file's content and no recursion; element nesting is limited;
 * - namespace prefixes are dropped: handlers see local names (`x:c` is `c`), so files written
 *   with prefixes (Open XML SDK, ClosedXML) and strict OOXML read like any other.
 *
 * Malformed XML (unclosed or mismatched tags, `<` in an attribute, text after the root) throws
 * `XmlError`; callers turn it into a plain message about the part.
 */

export class XmlError extends Error {
  /** "doctype": a DOCTYPE or an undefined entity; "limit": nested past the limit; else malformed. */
  readonly kind: "doctype" | "limit" | "malformed";
  constructor(message: string, kind: "doctype" | "limit" | "malformed" = "malformed") {
    super(message);
    this.name = "XmlError";
    this.kind = kind;
  }
}

/**
 * An element's attributes, valid only during the `open` call that receives them. Kept as
 * positions in the source, so attributes nobody asks for (most of them) are never copied.
 */
export class Attributes {
  source = "";
  /** Where each name's local part starts and ends, and whether it had a prefix (`r:id`). */
  readonly localStart: number[] = [];
  readonly nameEnd: number[] = [];
  readonly prefixed: boolean[] = [];
  readonly valueStart: number[] = [];
  readonly valueEnd: number[] = [];
  count = 0;

  private find(local: string, prefixedOnly: boolean): number {
    const s = this.source;
    const n = local.length;
    for (let i = 0; i < this.count; i++) {
      if (this.nameEnd[i] - this.localStart[i] === n && (!prefixedOnly || this.prefixed[i]) && s.startsWith(local, this.localStart[i])) return i;
    }
    return -1;
  }

  /** The decoded value of the attribute with this local name, or undefined. */
  get(local: string): string | undefined {
    const i = this.find(local, false);
    return i === -1 ? undefined : decodeAttribute(this.source.slice(this.valueStart[i], this.valueEnd[i]));
  }

  /** Like `get`, but only a prefixed attribute (`r:id`, for relationship ids). */
  getPrefixed(local: string): string | undefined {
    const i = this.find(local, true);
    return i === -1 ? undefined : decodeAttribute(this.source.slice(this.valueStart[i], this.valueEnd[i]));
  }
}

export interface XmlHandler {
  /** A start tag; a self-closing one is followed at once by `close`. */
  open(local: string, attrs: Attributes): void;
  close(local: string): void;
  /**
   * Raw character data between tags, as `source.slice(start, end)` (entities not yet decoded; see
   * `decodeText`). Passed as positions so that handlers slice only the text they keep.
   */
  text?(source: string, start: number, end: number): void;
  /** A CDATA section's content, already literal. */
  cdata?(text: string): void;
}

/** An attribute value as XML reads it: literal tabs and line breaks are spaces (`&#10;` stays a line break). */
function decodeAttribute(raw: string): string {
  let s = raw;
  if (s.indexOf("\n") !== -1 || s.indexOf("\r") !== -1 || s.indexOf("\t") !== -1) s = s.replace(/\r\n|[\r\n\t]/g, " ");
  return decodeText(s);
}

/**
 * Text as XML reads it: literal line breaks CR LF and CR are LF, the five predefined entities and
 * character references decoded; any other entity is refused.
 */
export function decodeText(text: string): string {
  const raw = text.indexOf("\r") === -1 ? text : text.replace(/\r\n?/g, "\n");
  let amp = raw.indexOf("&");
  if (amp === -1) return raw;
  let out = "";
  let from = 0;
  while (amp !== -1) {
    out += raw.slice(from, amp);
    const semi = raw.indexOf(";", amp + 1);
    if (semi === -1 || semi - amp > 12) throw new XmlError("a stray '&' in text");
    const name = raw.slice(amp + 1, semi);
    if (name === "lt") out += "<";
    else if (name === "gt") out += ">";
    else if (name === "amp") out += "&";
    else if (name === "quot") out += '"';
    else if (name === "apos") out += "'";
    else if (name.charCodeAt(0) === 35 /* # */) {
      const hex = name.charCodeAt(1) === 120 /* x */ || name.charCodeAt(1) === 88;
      const digits = name.slice(hex ? 2 : 1);
      const code = digits.length > 0 && digits.length <= 8 ? parseInt(digits, hex ? 16 : 10) : NaN;
      const valid = Number.isFinite(code) && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      out += valid && code > 0 ? String.fromCodePoint(code) : "\uFFFD";
    } else {
      throw new XmlError(`an entity "&${name.slice(0, 20)};" that XML does not define (entities are never expanded)`, "doctype");
    }
    from = semi + 1;
    amp = raw.indexOf("&", from);
  }
  return out + raw.slice(from);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Name characters end at space, `/`, `>`, `=`. */
function nameEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === 47 || c === 62 || c === 61) break;
    i++;
  }
  return i;
}

function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon === -1 ? qname : qname.slice(colon + 1);
}

/** Bytes to text: UTF-8 by default, UTF-16 if the part starts with its byte order mark. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Runs `handler` over the document `s`. `maxDepth` bounds element nesting (real parts nest
 * under 20 deep).
 */
export function parseXml(s: string, handler: XmlHandler, maxDepth = 256): void {
  const n = s.length;
  const stack: string[] = [];
  const attrs = new Attributes();
  attrs.source = s;
  let seenRoot = false;
  let nextLt = 0;
  let i = 0;
  while (i < n) {
    const lt = s.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      if (stack.length > 0) handler.text?.(s, i, textEnd);
      else {
        for (let k = i; k < textEnd; k++) {
          const c = s.charCodeAt(k);
          if (!isSpace(c) && c !== 0xfeff) throw new XmlError(seenRoot ? "text after the document's end" : "text before the document's start");
        }
      }
    }
    if (lt === -1) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      const gt = s.indexOf(">", lt + 2);
      if (gt === -1) throw new XmlError("the part ends inside a tag");
      let e = gt;
      while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
      const qname = s.slice(lt + 2, e);
      const open = stack.pop();
      if (open !== qname) throw new XmlError(open === undefined ? `a closing tag </${qname.slice(0, 40)}> with nothing open` : `<${open.slice(0, 40)}> closed by </${qname.slice(0, 40)}>`);
      handler.close(localName(qname));
      i = gt + 1;
      continue;
    }
    if (c1 === 63 /* ? */) {
      const end = s.indexOf("?>", lt + 2);
      if (end === -1) throw new XmlError("the part ends inside a processing instruction");
      i = end + 2;
      continue;
    }
    if (c1 === 33 /* ! */) {
      if (s.startsWith("<!--", lt)) {
        const end = s.indexOf("-->", lt + 4);
        if (end === -1) throw new XmlError("the part ends inside a comment");
        i = end + 3;
        continue;
      }
      if (s.startsWith("<![CDATA[", lt)) {
        const end = s.indexOf("]]>", lt + 9);
        if (end === -1) throw new XmlError("the part ends inside a CDATA section");
        if (stack.length === 0) throw new XmlError("CDATA outside the document");
        handler.cdata?.(s.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      // <!DOCTYPE …>, <!ENTITY …> and anything else of the kind: never read.
      throw new XmlError("a document type (DOCTYPE) or entity declaration, which a workbook part never has", "doctype");
    }
    // A start tag.
    const ne = nameEnd(s, lt + 1);
    const qname = s.slice(lt + 1, ne);
    if (qname.length === 0) throw new XmlError("a '<' that starts no tag");
    if (stack.length === 0 && seenRoot) throw new XmlError("a second root element");
    attrs.count = 0;
    let j = ne;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError("the part ends inside a tag");
      const c = s.charCodeAt(j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */) {
        if (s.charCodeAt(j + 1) !== 62) throw new XmlError(`a stray '/' in <${qname.slice(0, 40)}>`);
        selfClosing = true;
        j += 2;
        break;
      }
      const an = nameEnd(s, j);
      if (an === j) throw new XmlError(`a malformed attribute in <${qname.slice(0, 40)}>`);
      const nameStart = j;
      let colon = -1;
      for (let k = j; k < an; k++) if (s.charCodeAt(k) === 58 /* : */) colon = k;
      j = an;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 61 /* = */) throw new XmlError(`attribute ${s.slice(nameStart, Math.min(an, nameStart + 40))} has no value`);
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      const q = s.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlError(`attribute ${s.slice(nameStart, Math.min(an, nameStart + 40))} is not quoted`);
      const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1) throw new XmlError("the part ends inside an attribute");
      // The next '<' in the document, found once and reused while it lies ahead: linear overall.
      if (nextLt !== -1 && nextLt <= j) nextLt = s.indexOf("<", j + 1);
      if (nextLt !== -1 && nextLt < close) throw new XmlError(`a '<' inside attribute ${s.slice(nameStart, Math.min(an, nameStart + 40))}`);
      const k = attrs.count++;
      attrs.localStart[k] = colon === -1 ? nameStart : colon + 1;
      attrs.nameEnd[k] = an;
      attrs.prefixed[k] = colon !== -1;
      attrs.valueStart[k] = j + 1;
      attrs.valueEnd[k] = close;
      j = close + 1;
    }
    seenRoot = true;
    const local = localName(qname);
    handler.open(local, attrs);
    if (selfClosing) handler.close(local);
    else {
      if (stack.length >= maxDepth) throw new XmlError(`elements nested more than ${maxDepth} deep`, "limit");
      stack.push(qname);
    }
    i = j;
  }
  if (stack.length > 0) throw new XmlError(`the part ends with <${stack[stack.length - 1].slice(0, 40)}> still open (cut short)`);
  if (!seenRoot) throw new XmlError("the part is empty");
}
