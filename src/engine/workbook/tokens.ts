/**
 * A tokenizer for formulas as Excel saves them: one pass over the characters, no regular
 * expression built from the formula or the file, linear in the formula's length. It knows just
 * enough of the grammar to rewrite a formula for the engine: strings, numbers, error literals,
 * references with their sheet (quoted or not), external-workbook prefixes (`[1]`), structured
 * (table) references with their bracketed specifiers, function names, names, operators and
 * array constants. Anything it does not recognise becomes an `other` token and is copied as is.
 */

export type TokenKind =
  | "string" // "text" (quotes and "" escapes kept in `text`)
  | "number"
  | "error" // #N/A, #REF!, …
  | "ref" // a cell, range part, column, row, name or table, with an optional sheet/book prefix
  | "function" // a name immediately followed by "(" (the "(" is the next token)
  | "open"
  | "close"
  | "comma"
  | "semicolon"
  | "braceOpen"
  | "braceClose"
  | "colon"
  | "operator" // + - * / ^ & = <> <= >= < > % @ #
  | "space"
  | "other";

export interface Token {
  kind: TokenKind;
  /** The token's text exactly as in the formula. */
  text: string;
  /** For `ref`: what came before "!" (unquoted, '' unescaped), e.g. "My Sheet" or "[1]Sheet1"; undefined when none. */
  prefix?: string;
  /** For `ref`: the part after the prefix, e.g. "$A$1", "Amount", "Table1". */
  body?: string;
  /** For `ref` that is a table: the bracketed specifier after the name, e.g. "[[#This Row],[Amount]]" (or "" for none). */
  brackets?: string;
}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#CONNECT!", "#BLOCKED!", "#UNKNOWN!", "#FIELD!", "#BUSY!", "#PYTHON!"];

function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 46 || // .
    code === 92 || // \
    code === 36 || // $
    code === 63 || // ?
    code > 127 // letters beyond ASCII (names may hold them)
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The end (exclusive) of a bracket group starting at `start` ("["), nested, with ' escapes; -1 when unclosed. */
export function bracketEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      i++; // the escaped character
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A number at `start`: digits, a decimal point, an exponent with its sign. */
function numberEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (text[i] === ".") {
    i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  if ((text[i] === "E" || text[i] === "e") && i > start) {
    let j = i + 1;
    if (text[j] === "+" || text[j] === "-") j++;
    if (isDigit(text.charCodeAt(j))) {
      while (j < text.length && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Splits a formula (without its leading "=") into tokens. Never throws; an unterminated string or
 * bracket runs to the end of the formula as one token (the engine then reports it).
 */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  const n = formula.length;
  let i = 0;
  /** A reference starting at `start` whose prefix (sheet, book) has been read up to `bodyStart`. */
  const readRefBody = (start: number, bodyStart: number, prefix: string | undefined): number => {
    let end = wordEnd(formula, bodyStart);
    // A structured reference: Table1[...], or a bare [...] inside a table.
    let brackets: string | undefined;
    if (formula[end] === "[" && prefix === undefined) {
      const close = bracketEnd(formula, end);
      const stop = close === -1 ? n : close;
      brackets = formula.slice(end, stop);
      end = stop;
    }
    if (end === bodyStart && brackets === undefined) {
      // Nothing after the prefix (e.g. "Sheet1!" then an operator): copy the prefix as is.
      tokens.push({ kind: "other", text: formula.slice(start, bodyStart) });
      return bodyStart;
    }
    const body = formula.slice(bodyStart, brackets === undefined ? end : end - brackets.length);
    const token: Token = { kind: "ref", text: formula.slice(start, end), prefix, body };
    if (brackets !== undefined) token.brackets = brackets;
    // A name followed by "(" is a function call (only without a prefix: Sheet1!X( is not Excel).
    if (brackets === undefined && prefix === undefined && formula[end] === "(") token.kind = "function";
    tokens.push(token);
    return end;
  };
  while (i < n) {
    const ch = formula[i];
    const code = formula.charCodeAt(i);
    if (ch === '"') {
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      j = Math.min(j + 1, n);
      tokens.push({ kind: "string", text: formula.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "'") {
      // A quoted sheet (or book and sheet) name: 'My Sheet'!A1, '[1]Sheet 1'!A1, 'C:\x\[b.xlsx]S'!A1.
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j++];
      }
      const close = Math.min(j + 1, n);
      if (formula[close] === "!") {
        i = readRefBody(i, close + 1, name);
      } else {
        tokens.push({ kind: "other", text: formula.slice(i, close) });
        i = close;
      }
      continue;
    }
    if (ch === "[") {
      // An external book index ([1]Sheet1!A1, [1]!Name) or a bare structured reference ([@Amount]).
      const close = bracketEnd(formula, i);
      const stop = close === -1 ? n : close;
      const afterWord = wordEnd(formula, stop);
      if (formula[afterWord] === "!") {
        i = readRefBody(i, afterWord + 1, formula.slice(i, afterWord));
      } else if (afterWord === stop) {
        tokens.push({ kind: "ref", text: formula.slice(i, stop), body: "", brackets: formula.slice(i, stop) });
        i = stop;
      } else {
        tokens.push({ kind: "other", text: formula.slice(i, stop) });
        i = stop;
      }
      continue;
    }
    if (ch === "#") {
      let matched: string | undefined;
      for (const e of ERRORS) {
        if (formula.substr(i, e.length).toUpperCase() === e) {
          matched = formula.substr(i, e.length);
          break;
        }
      }
      if (matched) {
        tokens.push({ kind: "error", text: matched });
        i += matched.length;
        continue;
      }
      tokens.push({ kind: "operator", text: "#" });
      i++;
      continue;
    }
    if (isDigit(code) || (ch === "." && isDigit(formula.charCodeAt(i + 1)))) {
      const w = wordEnd(formula, i);
      if (formula[w] === "!") {
        // A sheet named like a number: 2024!A1.
        i = readRefBody(i, w + 1, formula.slice(i, w));
        continue;
      }
      const end = numberEnd(formula, i);
      if (end >= w) {
        // A number (an exponent's sign may run past the word), or a row as in 1:3.
        const text = formula.slice(i, end);
        const digitsOnly = !text.includes(".") && !text.includes("e") && !text.includes("E");
        const isRow = digitsOnly && (formula[end] === ":" || (tokens.length > 0 && tokens[tokens.length - 1].kind === "colon"));
        tokens.push(isRow ? { kind: "ref", text, body: text } : { kind: "number", text });
        i = end;
        continue;
      }
      i = readRefBody(i, i, undefined);
      continue;
    }
    if (isWordChar(code)) {
      const w = wordEnd(formula, i);
      if (formula[w] === "!") {
        i = readRefBody(i, w + 1, formula.slice(i, w));
        continue;
      }
      if (formula[w] === ":" && isWordChar(formula.charCodeAt(w + 1))) {
        // A 3-D reference (Sheet1:Sheet3!A1) or a plain range (A1:B2); the second half decides.
        const w2 = wordEnd(formula, w + 1);
        if (formula[w2] === "!") {
          i = readRefBody(i, w2 + 1, formula.slice(i, w2));
          continue;
        }
      }
      i = readRefBody(i, i, undefined);
      continue;
    }
    switch (ch) {
      case "(":
        tokens.push({ kind: "open", text: ch });
        break;
      case ")":
        tokens.push({ kind: "close", text: ch });
        break;
      case ",":
        tokens.push({ kind: "comma", text: ch });
        break;
      case ";":
        tokens.push({ kind: "semicolon", text: ch });
        break;
      case "{":
        tokens.push({ kind: "braceOpen", text: ch });
        break;
      case "}":
        tokens.push({ kind: "braceClose", text: ch });
        break;
      case ":":
        tokens.push({ kind: "colon", text: ch });
        break;
      case "<":
      case ">": {
        const two = formula.substr(i, 2);
        if (two === "<>" || two === "<=" || two === ">=") {
          tokens.push({ kind: "operator", text: two });
          i += 2;
          continue;
        }
        tokens.push({ kind: "operator", text: ch });
        break;
      }
      case "+":
      case "-":
      case "*":
      case "/":
      case "^":
      case "&":
      case "=":
      case "%":
      case "@":
        tokens.push({ kind: "operator", text: ch });
        break;
      default:
        if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t" || ch === "\u00a0") {
          let j = i + 1;
          while (j < n && (formula[j] === " " || formula[j] === "\n" || formula[j] === "\r" || formula[j] === "\t" || formula[j] === "\u00a0")) j++;
          tokens.push({ kind: "space", text: formula.slice(i, j) });
          i = j;
          continue;
        }
        tokens.push({ kind: "other", text: ch });
    }
    i++;
  }
  return tokens;
}
