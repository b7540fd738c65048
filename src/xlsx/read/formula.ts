/**
 * What the reader needs to know about formula text: moving a shared formula's relative references
 * to another cell, how deeply a formula nests, and whether a defined name is one Excel accepts.
 * A hand-written scanner, one pass, no regular expression built from (or run over) file content.
 */

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters a name, a function name, a cell reference or a number is made of. */
function isRunChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 92 /* \ */ || c === 36 /* $ */ || c === 63 /* ? */ || c >= 0x80;
}

/** Index after a "…" string literal starting at `i` ("" inside is a quote). */
function skipString(f: string, i: number, quote: number): number {
  const n = f.length;
  i++;
  while (i < n) {
    if (f.charCodeAt(i) === quote) {
      if (f.charCodeAt(i + 1) === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return n;
}

/** Index after a bracketed part (`[1]`, `Table1[[#This Row],[Amount]]`), `'` escaping inside. */
function skipBrackets(f: string, i: number): number {
  const n = f.length;
  let depth = 0;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 39 /* ' */) i += 2;
    else {
      if (c === 91) depth++;
      else if (c === 93 && --depth === 0) return i + 1;
      i++;
    }
  }
  return n;
}

function runEnd(f: string, i: number): number {
  const n = f.length;
  while (i < n && isRunChar(f.charCodeAt(i))) i++;
  return i;
}

/** 1-based column of 1 to 3 letters, or 0 if they are not a column up to XFD. */
function columnNumber(f: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 3) return 0;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = f.charCodeAt(k);
    if (!isLetter(c)) return 0;
    n = n * 26 + ((c | 32) - 96);
  }
  return n <= MAX_COL ? n : 0;
}

function rowNumber(f: string, from: number, to: number): number {
  if (to - from < 1 || to - from > 7) return 0;
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = f.charCodeAt(k);
    if (!isDigit(c)) return 0;
    n = n * 10 + (c - 48);
  }
  return n >= 1 && n <= MAX_ROW ? n : 0;
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Part {
  abs: boolean;
  /** 1-based. */
  n: number;
}

/** `$A`, `B` over [from, to): the column, or undefined. */
function colPart(f: string, from: number, to: number): Part | undefined {
  const abs = f.charCodeAt(from) === 36;
  const n = columnNumber(f, abs ? from + 1 : from, to);
  return n ? { abs, n } : undefined;
}

function rowPart(f: string, from: number, to: number): Part | undefined {
  const abs = f.charCodeAt(from) === 36;
  const n = rowNumber(f, abs ? from + 1 : from, to);
  return n ? { abs, n } : undefined;
}

/** `$A$1`, `B2`, `C$3` over [from, to): column and row, or undefined. */
function cellParts(f: string, from: number, to: number): { col: Part; row: Part } | undefined {
  let k = from;
  if (f.charCodeAt(k) === 36) k++;
  const lettersFrom = k;
  while (k < to && isLetter(f.charCodeAt(k))) k++;
  if (k === lettersFrom) return undefined;
  const col = colPart(f, from, k);
  if (!col) return undefined;
  const row = rowPart(f, k, to);
  return row ? { col, row } : undefined;
}

function colText(p: Part, by: number): string | undefined {
  if (p.abs) return `$${letters(p.n)}`;
  const n = p.n + by;
  return n >= 1 && n <= MAX_COL ? letters(n) : undefined;
}

function rowText(p: Part, by: number): string | undefined {
  if (p.abs) return `$${p.n}`;
  const n = p.n + by;
  return n >= 1 && n <= MAX_ROW ? String(n) : undefined;
}

/**
 * The formula of a shared-formula master moved by `dr` rows and `dc` columns, as Excel fills it
 * into the other cells of the shared range: relative rows and columns move, `$`-anchored ones do
 * not; a reference moved off the sheet becomes `#REF!`. Strings, quoted sheet names, structured
 * references and external-book brackets are left as they are.
 */
export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  const n = f.length;
  let out = "";
  let copied = 0;
  let i = 0;
  const replace = (from: number, to: number, text: string) => {
    out += f.slice(copied, from) + text;
    copied = to;
  };
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i = skipString(f, i, c);
      continue;
    }
    if (c === 91 /* [ */) {
      i = skipBrackets(f, i);
      continue;
    }
    if (c === 35 /* # */) {
      // An error literal (#REF!, #N/A, #DIV/0!) or the spill operator after a reference.
      i++;
      while (i < n && (isLetter(f.charCodeAt(i)) || isDigit(f.charCodeAt(i)) || f.charCodeAt(i) === 47 || f.charCodeAt(i) === 95)) i++;
      if (i < n && (f.charCodeAt(i) === 33 || f.charCodeAt(i) === 63)) i++;
      continue;
    }
    if (!isRunChar(c)) {
      i++;
      continue;
    }
    const end = runEnd(f, i);
    const after = f.charCodeAt(end);
    if (after === 40 /* ( */ || after === 33 /* ! */ || after === 91 /* [ */) {
      // A function name, a sheet name, a table name.
      i = end;
      continue;
    }
    if (isDigit(c) || c === 46) {
      // A number (with its exponent's sign), unless it is a row range such as 3:5 or $3:$5.
      if (after === 58 /* : */) {
        const from = rowPart(f, i, end);
        const end2 = runEnd(f, end + 1);
        const to = from ? rowPart(f, end + 1, end2) : undefined;
        if (from && to && !isRange2Blocked(f, end2)) {
          const a = rowText(from, dr);
          const b = rowText(to, dr);
          replace(i, end2, a && b ? `${a}:${b}` : "#REF!");
          i = end2;
          continue;
        }
      }
      i = end;
      const last = f.charCodeAt(end - 1);
      if ((last === 69 || last === 101) && (f.charCodeAt(end) === 43 || f.charCodeAt(end) === 45)) i = runEnd(f, end + 1);
      continue;
    }
    if (c === 36 && end > i + 1 && isDigit(f.charCodeAt(i + 1)) && after === 58) {
      const from = rowPart(f, i, end);
      const end2 = runEnd(f, end + 1);
      const to = from ? rowPart(f, end + 1, end2) : undefined;
      if (from && to && !isRange2Blocked(f, end2)) {
        const a = rowText(from, dr);
        const b = rowText(to, dr);
        replace(i, end2, a && b ? `${a}:${b}` : "#REF!");
        i = end2;
        continue;
      }
    }
    const cell = cellParts(f, i, end);
    if (cell) {
      const col = colText(cell.col, dc);
      const row = rowText(cell.row, dr);
      replace(i, end, col && row ? col + row : "#REF!");
      i = end;
      continue;
    }
    if (after === 58 /* : */) {
      // A column range such as A:C or $B:$B.
      const from = colPart(f, i, end);
      const end2 = runEnd(f, end + 1);
      const to = from ? colPart(f, end + 1, end2) : undefined;
      if (from && to && !isRange2Blocked(f, end2)) {
        const a = colText(from, dc);
        const b = colText(to, dc);
        replace(i, end2, a && b ? `${a}:${b}` : "#REF!");
        i = end2;
        continue;
      }
    }
    i = end;
  }
  return copied === 0 ? f : out + f.slice(copied);
}

/** The second half of A:B or 1:3 is a sheet or function name if `!` or `(` follows it. */
function isRange2Blocked(f: string, end2: number): boolean {
  const c = f.charCodeAt(end2);
  return c === 33 || c === 40 || c === 91;
}

/** The deepest nesting of parentheses and array braces, outside strings and brackets. */
export function formulaDepth(f: string): number {
  const n = f.length;
  let depth = 0;
  let max = 0;
  let i = 0;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 34 || c === 39) i = skipString(f, i, c);
    else if (c === 91) i = skipBrackets(f, i);
    else {
      if (c === 40 || c === 123) {
        if (++depth > max) max = depth;
      } else if ((c === 41 || c === 125) && depth > 0) depth--;
      i++;
    }
  }
  return max;
}

/**
 * Whether Excel accepts `name` as a defined name: a letter, `_` or `\` first, then letters,
 * digits, `_`, `.`, `\` or `?`; at most 255 characters; not a cell reference (A1 or R1C1 style).
 * Built-in names (`_xlnm.Print_Area`) pass.
 */
export function isValidDefinedName(name: string): boolean {
  const n = name.length;
  if (n === 0 || n > 255) return false;
  const c0 = name.charCodeAt(0);
  if (!(isLetter(c0) || c0 === 95 || c0 === 92 || c0 >= 0x80)) return false;
  for (let i = 1; i < n; i++) {
    const c = name.charCodeAt(i);
    if (!(isLetter(c) || isDigit(c) || c === 95 || c === 46 || c === 92 || c === 63 || c >= 0x80)) return false;
  }
  if (cellParts(name, 0, n)) return false;
  // R1C1 references: R, C, R2, C3, R2C3.
  const up = name.toUpperCase();
  let k = 0;
  if (up[k] === "R") {
    k++;
    while (k < n && isDigit(up.charCodeAt(k))) k++;
  }
  if (up[k] === "C") {
    k++;
    while (k < n && isDigit(up.charCodeAt(k))) k++;
  }
  return !(k === n && k > 0);
}
