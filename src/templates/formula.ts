/**
 * A small tokenizer for Excel formulas, enough to rename sheets and defined names inside them:
 * string literals, quoted and plain sheet prefixes (`'Risk share'!B4`, `Pot!B4`), array
 * constants, error literals, numbers, functions (a name followed by "("), cell and range
 * references, and names. Renaming walks the tokens, so text inside a string or a function's name
 * is never touched, whatever the names are.
 */

export type TokenKind = "string" | "sheet" | "name" | "function" | "reference" | "error" | "number" | "other";

export interface Token {
  kind: TokenKind;
  /** The token's text as written. For "sheet": the whole prefix including the quotes and the "!". */
  text: string;
  /** For "sheet": the sheet's name, unquoted. */
  sheet?: string;
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"];

/** A word that Excel reads as a cell, a column range part or a row range part, not as a name. */
export function isCellLike(word: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(word);
  if (m) {
    const letters = m[1].toUpperCase();
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n <= 16384 && Number(m[2]) >= 1 && Number(m[2]) <= 1048576;
  }
  // R1C1-looking words are not allowed as names either.
  return /^[Rr](\d*)[Cc](\d*)$/.test(word) || /^[RrCc]$/.test(word);
}

const WORD_START = /[A-Za-z_\\$]/;
const WORD_CHAR = /[A-Za-z0-9_.$\\?]/;

/** Splits a formula (with or without its leading "=") into tokens whose texts join back to it. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: "string", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: '' is an apostrophe inside it; it must be followed by "!".
      let j = i + 1;
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      const quoted = formula.slice(i + 1, j).replace(/''/g, "'");
      if (formula[j + 1] === "!") {
        tokens.push({ kind: "sheet", text: formula.slice(i, j + 2), sheet: quoted });
        i = j + 2;
      } else {
        tokens.push({ kind: "other", text: formula.slice(i, j + 1) });
        i = j + 1;
      }
      continue;
    }
    if (ch === "[") {
      // A structured reference's brackets hold column names, not defined names.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      tokens.push({ kind: "other", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const literal = ERROR_LITERALS.find((e) => formula.slice(i, i + e.length).toUpperCase() === e);
      if (literal) {
        tokens.push({ kind: "error", text: formula.slice(i, i + literal.length) });
        i += literal.length;
        continue;
      }
      tokens.push({ kind: "other", text: ch });
      i++;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(formula[i + 1] ?? ""))) {
      // A number, or a row reference such as 3:5 (kept as "number"; nothing is renamed in it).
      let j = i;
      while (j < n && /[0-9.]/.test(formula[j])) j++;
      if (/[eE]/.test(formula[j] ?? "") && /[+-]?[0-9]/.test(formula.slice(j + 1, j + 3))) {
        j++;
        if (/[+-]/.test(formula[j])) j++;
        while (j < n && /[0-9]/.test(formula[j])) j++;
      }
      tokens.push({ kind: "number", text: formula.slice(i, j) });
      i = j;
      continue;
    }
    if (WORD_START.test(ch)) {
      let j = i + 1;
      while (j < n && WORD_CHAR.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!") {
        tokens.push({ kind: "sheet", text: formula.slice(i, j + 1), sheet: word });
        i = j + 1;
        continue;
      }
      if (formula[j] === "(") tokens.push({ kind: "function", text: word });
      else if (isCellLike(word) || /^\$?[A-Za-z]{1,3}$/.test(word) && (formula[j] === ":" || tokens[tokens.length - 1]?.text === ":")) tokens.push({ kind: "reference", text: word });
      else if (/^(TRUE|FALSE)$/i.test(word)) tokens.push({ kind: "other", text: word });
      else tokens.push({ kind: "name", text: word });
      i = j;
      continue;
    }
    tokens.push({ kind: "other", text: ch });
    i++;
  }
  return tokens;
}

/** Excel quotes a sheet name in a reference unless it is a plain identifier that cannot be read as a cell. */
export function sheetPrefix(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !isCellLike(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!`;
}

export interface Renames {
  /** Old sheet name → new (matched without case, as Excel does). */
  sheets?: ReadonlyMap<string, string>;
  /** Old workbook-scoped name → new (matched without case). */
  names?: ReadonlyMap<string, string>;
}

function lookup(map: ReadonlyMap<string, string> | undefined, key: string): string | undefined {
  if (!map) return undefined;
  const direct = map.get(key);
  if (direct !== undefined) return direct;
  const lower = key.toLowerCase();
  for (const [k, v] of map) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/**
 * The formula with its sheet references and workbook-scoped names renamed. A name right after a
 * sheet prefix is that sheet's own (sheet-scoped) name and is left alone.
 */
export function renameInFormula(formula: string, renames: Renames): string {
  const tokens = tokenize(formula);
  return tokens
    .map((token, k) => {
      if (token.kind === "sheet") {
        const to = lookup(renames.sheets, token.sheet!);
        return to === undefined ? token.text : sheetPrefix(to);
      }
      if (token.kind === "name" && tokens[k - 1]?.kind !== "sheet") {
        return lookup(renames.names, token.text) ?? token.text;
      }
      return token.text;
    })
    .join("");
}
