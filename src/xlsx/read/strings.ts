/**
 * Shared strings (`xl/sharedStrings.xml`): read once into one array; cells hold the same string
 * objects, never copies. Rich text is its runs' text joined; phonetic runs (`rPh`) are left out,
 * as Excel leaves them out of the cell's value.
 */
import { WorkbookReadError } from "../errors";
import type { Package } from "./package";
import { TextCollector } from "./package";
import type { Attributes } from "./xml";

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * OOXML's escape for characters XML cannot carry (ST_Xstring): `_x000D_` is a carriage return,
 * `_x005F_` a literal underscore (so `_x005F_x000D_` is the text "_x000D_").
 */
export function unescapeXstring(s: string): string {
  let at = s.indexOf("_x");
  if (at === -1) return s;
  let out = "";
  let from = 0;
  while (at !== -1) {
    if (at + 6 < s.length && s.charCodeAt(at + 6) === 95) {
      const a = hex(s.charCodeAt(at + 2));
      const b = hex(s.charCodeAt(at + 3));
      const c = hex(s.charCodeAt(at + 4));
      const d = hex(s.charCodeAt(at + 5));
      if (a >= 0 && b >= 0 && c >= 0 && d >= 0) {
        out += s.slice(from, at) + String.fromCharCode((a << 12) | (b << 8) | (c << 4) | d);
        from = at + 7;
        at = s.indexOf("_x", from);
        continue;
      }
    }
    at = s.indexOf("_x", at + 1);
  }
  return out + s.slice(from);
}

/** Each `<si>`'s text, in order; more strings than `maxStrings` (the cell limit) is refused. */
export function readSharedStrings(pkg: Package, part: string, maxStrings: number): string[] {
  const strings: string[] = [];
  const text = new TextCollector();
  let inSi = false;
  let phonetic = 0;
  let pieces: string[] = [];
  pkg.xml(part, {
    open(local: string, _a: Attributes) {
      if (local === "si") {
        inSi = true;
        pieces = [];
      } else if (inSi && local === "rPh") phonetic++;
      else if (inSi && local === "t" && phonetic === 0) text.start();
    },
    close(local: string) {
      if (local === "t" && text.active) pieces.push(text.finish());
      else if (local === "rPh") phonetic--;
      else if (local === "si") {
        inSi = false;
        if (strings.length >= maxStrings) {
          throw new WorkbookReadError("limit", `the workbook's shared strings hold more than ${maxStrings.toLocaleString("en-GB")} entries, more than the reader accepts from a returned workbook; if the file is genuine, ask for it to be split`);
        }
        strings.push(unescapeXstring(pieces.length === 1 ? pieces[0] : pieces.join("")));
      }
    },
    text: (s, a, b) => text.add(s, a, b),
    cdata: (t) => text.addLiteral(t),
  });
  return strings;
}
