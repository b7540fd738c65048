/**
 * A formula as Excel saved it, rewritten for the headless engine, token by token (see
 * `tokens.ts`; no regular expression is built from the formula, a name or anything else in the
 * file):
 * - defined names of every kind become what they stand for: a reference, a constant, a formula,
 *   several areas (where a function takes them as separate arguments); a sheet-scoped name wins
 *   over a workbook one on its own sheet, so a name defined on two sheets stays two names;
 *   relative references in a name move with the cell that uses it, as in Excel;
 * - structured references (`Budget[Amount]`, `Budget[[#This Row],[Amount]]`, `Budget[#Totals]`,
 *   `[@Amount]` inside a table) become the ranges they cover;
 * - `_xlfn.`/`_xlws.` prefixes go, `_xldudf_ICS_X(` is `ICS.X(`, `_xlfn.ANCHORARRAY(A1)` (A1#) is
 *   the block A1's dynamic array fills, and the constants TRUE/FALSE become the engine's TRUE()
 *   and FALSE();
 * - a range reaching far past the used part of the workbook (A2:A1048576) is cut to it, and a whole
 *   column or row is written as one (A:A), so the engine does not walk a million empty cells;
 * - SUBTOTAL's and AGGREGATE's ranges skip the cells that hold a SUBTOTAL or AGGREGATE, as
 *   Excel's do (no double counting of nested subtotals).
 * A formula the engine cannot calculate as Excel does is not rewritten but reported, and its cell
 * keeps the value Excel saved: a function the engine lacks, an external workbook, DDE, RTD or a web
 * service (never followed), a 3-D reference, or a formula too long or too deep for it.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex, columnLetters } from "../../workbook/a1";
import { Token, tokenize } from "./tokens";

/** Why a formula is not recalculated (its cell keeps Excel's saved value). */
export type KeepReason = "function" | "approximate" | "external" | "3d" | "union" | "complex" | "range" | "reference" | "engine" | "circular";

export interface Kept {
  reason: KeepReason;
  /** What, in a word: the function's name, the reference, the limit. */
  detail: string;
}

export type Translation = { text: string; kept?: undefined } | { kept: Kept; text?: undefined };

/** A rectangle of a sheet, zero-based and inclusive. */
export interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface NameDef {
  name: string;
  scope?: string;
  refersTo: string;
}

export interface TableInfo {
  name: string;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  columns: readonly string[];
  headerRows: number;
  totalsRows: number;
}

/** What the translation needs to know of the workbook. */
export interface WorkbookIndex {
  /** The sheet's name as the workbook spells it, by lower-case name. */
  sheetName(lower: string): string | undefined;
  /** Names by lower-case name: the workbook-scoped one and the sheet-scoped ones by lower-case sheet. */
  names: Map<string, { global?: NameDef; bySheet: Map<string, NameDef> }>;
  /** Tables by lower-case name. */
  tables: Map<string, TableInfo>;
  /** The table holding a cell, for structured references without a table name. */
  tableAt(sheet: string, row: number, col: number): TableInfo | undefined;
  /** The block a dynamic-array formula at the cell fills (for A1#, saved as ANCHORARRAY). */
  spillAt(sheet: string, row: number, col: number): Area | undefined;
  /** Cells holding SUBTOTAL or AGGREGATE on a sheet, as row-major keys (row * MAX_COLUMNS + col), sorted. */
  subtotalCells(sheet: string): readonly number[] | undefined;
  /** Hidden rows of a sheet, ascending (zero-based). */
  hiddenRows(sheet: string): readonly number[] | undefined;
  /** The constant in a cell (for SUBTOTAL's and AGGREGATE's function and option numbers given by reference). */
  constantAt(sheet: string, row: number, col: number): unknown;
  /** The last used row and column of the whole workbook (zero-based). */
  usedBottom: number;
  usedRight: number;
  /** Functions the engine knows, upper case (e.g. "SUM", "ICS.DELEGATE"). */
  engineFunctions: ReadonlySet<string>;
}

export interface Site {
  sheet: string;
  row: number;
  col: number;
  /** The formula is evaluated as an array (legacy or dynamic array formula). */
  array: boolean;
}

/** Functions that reach outside the workbook: never called, their cells keep their saved values. */
const NEVER_FOLLOWED = new Set(["WEBSERVICE", "RTD", "CALL", "REGISTER.ID", "SQL.REQUEST", "FILTERXML", "IMAGE", "STOCKHISTORY", "CUBEVALUE", "CUBEMEMBER", "CUBESET", "CUBEMEMBERPROPERTY", "CUBERANKEDMEMBER", "CUBEKPIMEMBER", "CUBESETCOUNT", "HYPERLINK_EXTERNAL", "INFO", "CELL", "PY", "COPILOT", "TRANSLATE", "DETECTLANGUAGE"]);
/**
 * Functions the engine computes differently from Excel, seen on the corpus: its approximations of
 * these distributions differ from Excel's in the 8th or 9th digit (BETA.DIST with bounds is wrong
 * outright). Their cells keep Excel's saved values.
 */
const DIFFERS_FROM_EXCEL = new Set(["BETA.DIST", "BETADIST", "BINOM.DIST", "BINOMDIST", "CONFIDENCE.T", "F.DIST.RT", "FDIST", "F.INV.RT", "FINV", "T.INV", "T.INV.2T", "TINV"]);

/** Arguments the engine takes as blank when left empty, where Excel uses a default: function → argument number → default. */
const EMPTY_DEFAULTS: Record<string, Record<number, string>> = { "WORKDAY.INTL": { 2: "1" }, "NETWORKDAYS.INTL": { 2: "1" } };

/** Excel's names for functions the engine has under another name. */
const ALIASES: Record<string, string> = { "ERF.PRECISE": "ERF", "ERFC.PRECISE": "ERFC", "CEILING.PRECISE": "CEILING.PRECISE", "FORECAST.LINEAR": "FORECAST" };

/** Functions whose result depends on a range's size or position: ranges in them are not cut. */
const POSITIONAL = new Set(["ROWS", "COLUMNS", "COUNTBLANK", "INDEX", "OFFSET", "ROW", "COLUMN", "MATCH", "XMATCH", "LOOKUP", "TRANSPOSE", "MMULT", "FREQUENCY", "SORT", "SORTBY", "FILTER", "UNIQUE", "TAKE", "DROP", "CHOOSECOLS", "CHOOSEROWS", "TOCOL", "TOROW", "WRAPROWS", "WRAPCOLS", "VSTACK", "HSTACK", "EXPAND", "ARRAY_CONSTRAIN", "ARRAYFORMULA"]);
/** Functions that take several areas as separate arguments, so a name over several areas can be spread into them. */
const MULTI_AREA = new Set(["SUM", "COUNT", "COUNTA", "MAX", "MIN", "AVERAGE", "PRODUCT", "SUMSQ", "MAXA", "MINA", "AVERAGEA", "STDEV", "STDEV.S", "STDEV.P", "STDEVA", "STDEVP", "VAR", "VAR.S", "VAR.P", "VARA", "VARP", "MEDIAN", "LARGE", "SMALL", "CONCATENATE", "CONCAT", "TEXTJOIN", "AND", "OR", "XOR"]);

/** A formula may be at most this long (after names are written out) and this deep. */
export const LIMITS = { length: 20000, depth: 64, chain: 1000, nameDepth: 16, areaCells: 200000, subtotalPieces: 250 };

/** One open parenthesis: its function ("" for grouping), argument number, operators seen. */
interface Frame {
  fn: string;
  arg: number;
  ops: number;
  /** For SUBTOTAL and AGGREGATE: the tokens of the first two arguments. */
  leading?: Token[][];
}

class Keep extends Error {
  constructor(public readonly kept: Kept) {
    super(kept.detail);
  }
}

const CELL_WORD = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COL_WORD = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_WORD = /^(\$?)(\d{1,7})$/;

/** One end of a range: a cell, or a whole column or row. */
interface Corner {
  row?: number;
  col?: number;
  absRow: boolean;
  absCol: boolean;
}

function cellCorner(word: string): Corner | undefined {
  const m = CELL_WORD.exec(word);
  if (!m) return undefined;
  const row = Number(m[4]) - 1;
  if (row < 0 || row >= MAX_ROWS) return undefined;
  let col: number;
  try {
    col = columnIndex(m[2]);
  } catch {
    return undefined;
  }
  return { row, col, absCol: m[1] === "$", absRow: m[3] === "$" };
}

function colCorner(word: string): Corner | undefined {
  const m = COL_WORD.exec(word);
  if (!m) return undefined;
  try {
    return { col: columnIndex(m[2]), absCol: m[1] === "$", absRow: false };
  } catch {
    return undefined;
  }
}

function rowCorner(word: string): Corner | undefined {
  const m = ROW_WORD.exec(word);
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS ? { row, absRow: m[1] === "$", absCol: false } : undefined;
}

/** A sheet name as a formula must spell it: quoted unless it is a plain word. */
export function quoteSheet(name: string): string {
  let plain = name.length > 0 && !(name.charCodeAt(0) >= 48 && name.charCodeAt(0) <= 57);
  for (let i = 0; i < name.length && plain; i++) {
    const c = name.charCodeAt(i);
    plain = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c > 127;
  }
  // A name that reads as a cell (e.g. "A1", "R1C1") must be quoted too.
  if (plain && (CELL_WORD.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^(TRUE|FALSE)$/i.test(name))) plain = false;
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

function areaText(a: Area, currentSheet: string | undefined): string {
  const prefix = currentSheet !== undefined && a.sheet.toLowerCase() === currentSheet.toLowerCase() ? "" : `${quoteSheet(a.sheet)}!`;
  if (a.top === 0 && a.bottom === MAX_ROWS - 1) return `${prefix}$${columnLetters(a.left)}:$${columnLetters(a.right)}`;
  if (a.left === 0 && a.right === MAX_COLUMNS - 1) return `${prefix}$${a.top + 1}:$${a.bottom + 1}`;
  const tl = `$${columnLetters(a.left)}$${a.top + 1}`;
  if (a.top === a.bottom && a.left === a.right) return `${prefix}${tl}`;
  return `${prefix}${tl}:$${columnLetters(a.right)}$${a.bottom + 1}`;
}

/** The rectangles of `a` left once the given cells (row-major keys, sorted) are taken out. */
export function without(a: Area, keys: readonly number[]): Area[] {
  const inside: { row: number; col: number }[] = [];
  // Binary search for the first key at or after the area's first row.
  let lo = 0;
  let hi = keys.length;
  const first = a.top * MAX_COLUMNS;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < first) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < keys.length; i++) {
    const row = Math.floor(keys[i] / MAX_COLUMNS);
    if (row > a.bottom) break;
    const col = keys[i] % MAX_COLUMNS;
    if (col >= a.left && col <= a.right) inside.push({ row, col });
  }
  if (inside.length === 0) return [a];
  const pieces: Area[] = [];
  let bandTop = a.top;
  let k = 0;
  while (k < inside.length) {
    const row = inside[k].row;
    if (row > bandTop) pieces.push({ ...a, top: bandTop, bottom: row - 1 });
    let left = a.left;
    while (k < inside.length && inside[k].row === row) {
      if (inside[k].col > left) pieces.push({ ...a, top: row, bottom: row, left, right: inside[k].col - 1 });
      left = inside[k].col + 1;
      k++;
    }
    if (left <= a.right) pieces.push({ ...a, top: row, bottom: row, left, right: a.right });
    bandTop = row + 1;
  }
  if (bandTop <= a.bottom) pieces.push({ ...a, top: bandTop });
  return pieces;
}

/** The bands of `a` left once the given rows (ascending) are taken out. */
export function withoutRows(a: Area, rows: readonly number[]): Area[] {
  const pieces: Area[] = [];
  let top = a.top;
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid] < a.top) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < rows.length && rows[i] <= a.bottom; i++) {
    if (rows[i] > top) pieces.push({ ...a, top, bottom: rows[i] - 1 });
    top = rows[i] + 1;
  }
  if (top <= a.bottom) pieces.push({ ...a, top });
  return pieces;
}

/** A structured reference's column name as the formula spells it, unescaped ('[ '] '# '' → [ ] # '). */
function unescapeColumn(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'" && i + 1 < text.length) out += text[++i];
    else out += text[i];
  }
  return out.trim();
}

/** The items of a structured reference's specifier: "[[#This Row],[A]:[B]]" → ["#This Row", "A:B"-style parts]. */
function specifierItems(brackets: string): { specials: string[]; columns: string[][] } {
  const inner = brackets.slice(1, -1);
  const specials: string[] = [];
  const columns: string[][] = [];
  if (!inner.includes("[")) {
    // One item: [Amount], [#Totals], [@Amount], [@], [] (all data).
    const item = inner.trim();
    if (item === "") return { specials, columns };
    if (item.startsWith("@")) {
      specials.push("#this row");
      const rest = item.slice(1).trim();
      if (rest !== "") columns.push([unescapeColumn(rest.startsWith("[") ? rest.slice(1, -1) : rest)]);
      return { specials, columns };
    }
    if (item.startsWith("#")) specials.push(item.toLowerCase());
    else columns.push([unescapeColumn(item)]);
    return { specials, columns };
  }
  // Several items: [#Headers],[#Data],[A]:[B], or @[A] / @[A]:[B].
  let i = 0;
  let pendingRange: string[] | undefined;
  while (i < inner.length) {
    const ch = inner[i];
    if (ch === "@") {
      specials.push("#this row");
      i++;
      continue;
    }
    if (ch === "[") {
      let j = i + 1;
      while (j < inner.length && inner[j] !== "]") j += inner[j] === "'" ? 2 : 1;
      const raw = inner.slice(i + 1, j);
      i = j + 1;
      if (raw.trim().startsWith("#")) specials.push(raw.trim().toLowerCase());
      else if (pendingRange) {
        pendingRange.push(unescapeColumn(raw));
        pendingRange = undefined;
      } else columns.push([unescapeColumn(raw)]);
      continue;
    }
    if (ch === ":") pendingRange = columns[columns.length - 1];
    i++;
  }
  return { specials, columns };
}

export class Translator {
  private readonly nameCache = new Map<string, { text: string; areas?: Area[]; single?: Area; kept?: Kept; relative: boolean }>();

  constructor(private readonly index: WorkbookIndex) {}

  translate(formula: string, site: Site): Translation {
    if (formula.length > LIMITS.length) return { kept: { reason: "complex", detail: `longer than ${LIMITS.length} characters` } };
    try {
      const text = this.rewrite(tokenize(formula), site, 0, []);
      if (text.length > LIMITS.length) return { kept: { reason: "complex", detail: `longer than ${LIMITS.length} characters once its names are written out` } };
      return { text };
    } catch (e) {
      if (e instanceof Keep) return { kept: e.kept };
      throw e;
    }
  }

  /** The tokens of a formula or a name's definition as engine text. */
  private rewrite(tokens: readonly Token[], site: Site, nameDepth: number, names: string[]): string {
    const out: string[] = [];
    // One frame per open parenthesis: the function it belongs to (or "" for grouping) and its argument number.
    const frames: Frame[] = [{ fn: "", arg: 0, ops: 0 }];
    let braces = 0;
    let maxDepth = 0;
    let pendingFunction: string | undefined;
    const significant = (from: number, step: number): Token | undefined => {
      for (let j = from; j >= 0 && j < tokens.length; j += step) if (tokens[j].kind !== "space") return tokens[j];
      return undefined;
    };
    /** The token at `i` (and what it joins with) is a whole argument of the innermost function. */
    const wholeArgument = (first: number, last: number): boolean => {
      const before = significant(first - 1, -1);
      const after = significant(last + 1, 1);
      return (before?.kind === "open" || before?.kind === "comma") && (after?.kind === "close" || after?.kind === "comma") && frames.length > 1;
    };
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      const top = frames[frames.length - 1];
      // SUBTOTAL's and AGGREGATE's function and option numbers decide what their ranges skip.
      if (top.leading && top.arg < 2 && tok.kind !== "comma" && tok.kind !== "close" && tok.kind !== "space") top.leading[top.arg].push(tok);
      switch (tok.kind) {
        case "function": {
          const name = this.functionName(tok.body ?? tok.text);
          if (name === "ANCHORARRAY") {
            // _xlfn.ANCHORARRAY(A1) is A1#: the block A1's dynamic array fills.
            const arg = significant(i + 2, 1);
            const close = arg ? tokens.indexOf(arg, i + 2) : -1;
            const closing = close >= 0 ? significant(close + 1, 1) : undefined;
            const corner = arg?.kind === "ref" && arg.brackets === undefined ? cellCorner(arg.body ?? "") : undefined;
            if (!corner || closing?.kind !== "close") throw new Keep({ reason: "function", detail: "ANCHORARRAY" });
            const sheet = arg!.prefix !== undefined ? this.sheet(arg!.prefix) : site.sheet;
            const spill = this.index.spillAt(sheet, corner.row!, corner.col!);
            out.push(spill ? areaText(spill, site.sheet) : areaText({ sheet, top: corner.row!, bottom: corner.row!, left: corner.col!, right: corner.col! }, site.sheet));
            i = tokens.indexOf(closing, close + 1);
            continue;
          }
          pendingFunction = name;
          // _xlfn.SINGLE(x) is @x, the implicit intersection; on a cell it is the cell.
          if (name !== "SINGLE") out.push(name);
          continue;
        }
        case "open":
          frames.push({ fn: pendingFunction ?? "", arg: 0, ops: 0, ...(pendingFunction === "SUBTOTAL" || pendingFunction === "AGGREGATE" ? { leading: [[], []] } : {}) });
          pendingFunction = undefined;
          maxDepth = Math.max(maxDepth, frames.length - 1);
          if (maxDepth > LIMITS.depth) throw new Keep({ reason: "complex", detail: `nested more than ${LIMITS.depth} deep` });
          out.push("(");
          continue;
        case "close":
          if (frames.length > 1) frames.pop();
          out.push(")");
          continue;
        case "comma": {
          // An argument left empty where Excel has a default (WORKDAY.INTL(d,n,,holidays): weekend 1).
          const prev = significant(i - 1, -1);
          const dflt = EMPTY_DEFAULTS[top.fn]?.[top.arg];
          if (dflt !== undefined && (prev?.kind === "comma" || prev?.kind === "open")) out.push(dflt);
          frames[frames.length - 1].arg++;
          frames[frames.length - 1].ops = 0;
          out.push(",");
          continue;
        }
        case "braceOpen":
          braces++;
          out.push("{");
          continue;
        case "braceClose":
          braces = Math.max(0, braces - 1);
          out.push("}");
          continue;
        case "operator":
          if (tok.text === "@") continue; // implicit intersection on a single cell: nothing to do
          if (++frames[frames.length - 1].ops > LIMITS.chain) throw new Keep({ reason: "complex", detail: `more than ${LIMITS.chain} operators in a row` });
          out.push(tok.text);
          continue;
        case "other":
          if (tok.text === "|") throw new Keep({ reason: "external", detail: "a DDE link" });
          out.push(tok.text);
          continue;
        case "ref": {
          // A range written as two references joined by ":" (A1:B2, A:A, 1:3, Sheet1!A1:B2).
          let last = i;
          let end: Token | undefined;
          if (tokens[i + 1]?.kind === "colon" && tokens[i + 2]?.kind === "ref" && tokens[i + 2].prefix === undefined && tokens[i + 2].brackets === undefined) {
            end = tokens[i + 2];
            last = i + 2;
          }
          const frame = frames[frames.length - 1];
          const inBraces = braces > 0;
          out.push(this.reference(tok, end, site, { frame, whole: wholeArgument(i, last), inBraces, nameDepth, names }));
          i = last;
          continue;
        }
        default:
          out.push(tok.text);
      }
    }
    return out.join("");
  }

  private functionName(raw: string): string {
    let name = raw.toUpperCase();
    for (;;) {
      if (name.startsWith("_XLFN.")) name = name.slice(6);
      else if (name.startsWith("_XLWS.")) name = name.slice(6);
      else break;
    }
    if (name.startsWith("_XLDUDF_ICS_")) return `ICS.${name.slice("_XLDUDF_ICS_".length)}`;
    if (NEVER_FOLLOWED.has(name)) throw new Keep({ reason: "external", detail: name });
    if (DIFFERS_FROM_EXCEL.has(name)) throw new Keep({ reason: "approximate", detail: name });
    if (name === "ANCHORARRAY" || name === "SINGLE") return name;
    const alias = ALIASES[name];
    if (alias && this.index.engineFunctions.has(alias)) return alias;
    if (name.startsWith("_XLUDF.") || name.startsWith("_XLDUDF_")) throw new Keep({ reason: "function", detail: raw });
    if (!this.index.engineFunctions.has(name)) throw new Keep({ reason: "function", detail: name });
    return name;
  }

  private sheet(prefix: string): string {
    if (prefix.includes("[") || prefix.includes("\\") || prefix.includes("/")) throw new Keep({ reason: "external", detail: `a link to another workbook (${prefix})` });
    const name = this.index.sheetName(prefix.toLowerCase());
    if (name !== undefined) return name;
    if (prefix.includes(":")) throw new Keep({ reason: "3d", detail: `${prefix}!` });
    throw new Keep({ reason: "reference", detail: `a sheet the workbook does not have (${prefix})` });
  }

  private reference(
    tok: Token,
    end: Token | undefined,
    site: Site,
    ctx: { frame: Frame; whole: boolean; inBraces: boolean; nameDepth: number; names: string[] },
  ): string {
    const body = tok.body ?? "";
    if (tok.brackets !== undefined) {
      const area = this.structured(body, tok.brackets, site);
      return this.emitArea(area, site, ctx);
    }
    if (tok.prefix === undefined && end === undefined && (body.toUpperCase() === "TRUE" || body.toUpperCase() === "FALSE")) {
      return `${body.toUpperCase()}()`;
    }
    if (tok.prefix !== undefined && tok.prefix.startsWith("[")) throw new Keep({ reason: "external", detail: `a link to another workbook (${tok.text})` });
    const sheet = tok.prefix !== undefined ? this.sheet(tok.prefix) : site.sheet;
    // A cell or a range.
    const a = end ? this.corners(body, end.body ?? "") : ((c) => (c ? [c, c] : undefined))(cellCorner(body));
    if (a) {
      const [from, to] = a;
      const area: Area = {
        sheet,
        top: Math.min(from.row ?? 0, to.row ?? 0),
        bottom: from.row === undefined ? MAX_ROWS - 1 : Math.max(from.row, to.row ?? 0),
        left: Math.min(from.col ?? 0, to.col ?? 0),
        right: from.col === undefined ? MAX_COLUMNS - 1 : Math.max(from.col, to.col ?? 0),
      };
      if (area.top === area.bottom && area.left === area.right && !end) return `${tok.prefix !== undefined ? `${quoteSheet(sheet)}!` : ""}${body}`;
      return this.emitArea(area, site, ctx, tok.prefix === undefined ? `${body}:${end?.body ?? body}` : undefined);
    }
    if (end) throw new Keep({ reason: "reference", detail: `${tok.text}:${end.text}` });
    // A defined name (sheet-scoped first), then a table used as a name (its data).
    return this.name(body, tok.prefix !== undefined ? sheet : undefined, site, ctx);
  }

  private corners(a: string, b: string): [Corner, Corner] | undefined {
    const c1 = cellCorner(a);
    const c2 = cellCorner(b);
    if (c1 && c2) return [c1, c2];
    const k1 = colCorner(a);
    const k2 = colCorner(b);
    if (k1 && k2) return [k1, k2];
    const r1 = rowCorner(a);
    const r2 = rowCorner(b);
    if (r1 && r2) return [r1, r2];
    return undefined;
  }

  /**
   * An area as engine text: cut to the used part of the workbook when it reaches far past it (not
   * inside functions that count positions), a whole column or row as one, SUBTOTAL's ranges without
   * the nested subtotals.
   */
  private emitArea(area: Area, site: Site, ctx: { frame: { fn: string; arg: number; leading?: Token[][] }; whole: boolean }, original?: string): string {
    const fn = ctx.frame.fn;
    const wholeCols = area.top === 0 && area.bottom === MAX_ROWS - 1;
    const wholeRows = area.left === 0 && area.right === MAX_COLUMNS - 1;
    let a = area;
    const positional = POSITIONAL.has(fn) || site.array;
    const beyond = a.bottom > this.index.usedBottom || a.right > this.index.usedRight;
    if (beyond && !(wholeCols && !wholeRows) && !(wholeRows && !wholeCols)) {
      const cells = (a.bottom - a.top + 1) * (a.right - a.left + 1);
      if (!positional) {
        a = { ...a, bottom: Math.max(a.top, Math.min(a.bottom, this.index.usedBottom)), right: Math.max(a.left, Math.min(a.right, this.index.usedRight)) };
      } else if (cells > LIMITS.areaCells) {
        throw new Keep({ reason: "range", detail: `${areaText(area, undefined)} in ${fn || "an array formula"}` });
      }
    }
    const skip = ctx.whole ? this.skips(ctx.frame, site) : undefined;
    if (skip) {
      const keys = skip.nested ? this.index.subtotalCells(a.sheet) : undefined;
      const hidden = this.index.hiddenRows(a.sheet);
      const hiddenInside = hidden !== undefined && withoutRows(a, hidden).reduce((n, p) => n + p.bottom - p.top + 1, 0) !== a.bottom - a.top + 1;
      if (hiddenInside && skip.hidden === undefined) throw new Keep({ reason: "range", detail: `${ctx.frame.fn} over hidden rows with a function or option number the engine cannot tell before calculating` });
      if ((keys && keys.length > 0) || (hiddenInside && skip.hidden)) {
        const bands = hiddenInside && skip.hidden ? withoutRows(a, hidden!) : [a];
        // Pieces past the used area are cut to it (SUBTOTAL and AGGREGATE do not count positions).
        const pieces = (keys && keys.length > 0 ? bands.flatMap((b) => without(b, keys)) : bands)
          .filter((p) => p.top <= this.index.usedBottom && p.left <= this.index.usedRight)
          .map((p) => ({ ...p, bottom: Math.max(p.top, Math.min(p.bottom, this.index.usedBottom)), right: Math.max(p.left, Math.min(p.right, this.index.usedRight)) }));
        if (pieces.length > LIMITS.subtotalPieces) throw new Keep({ reason: "complex", detail: `${ctx.frame.fn} over more than ${LIMITS.subtotalPieces} pieces` });
        // A range of nothing but subtotals: a blank cell past the used area stands in for it.
        if (pieces.length === 0) return areaText({ sheet: a.sheet, top: Math.min(this.index.usedBottom + 1, MAX_ROWS - 1), bottom: Math.min(this.index.usedBottom + 1, MAX_ROWS - 1), left: 0, right: 0 }, site.sheet);
        return pieces.map((p) => areaText(p, site.sheet)).join(",");
      }
    }
    if (a === area && original !== undefined && !wholeCols && !wholeRows) return original;
    return areaText(a, site.sheet);
  }

  /** The number an argument of one token stands for: a number, or a cell holding one. */
  private literal(tokens: readonly Token[] | undefined, site: Site): number | undefined {
    if (!tokens || tokens.length !== 1) return undefined;
    const t = tokens[0];
    if (t.kind === "number") return Number(t.text);
    if (t.kind !== "ref" || t.brackets !== undefined) return undefined;
    const c = cellCorner(t.body ?? "");
    if (!c) return undefined;
    let sheet = site.sheet;
    if (t.prefix !== undefined) {
      const named = this.index.sheetName(t.prefix.toLowerCase());
      if (!named) return undefined;
      sheet = named;
    }
    const v = this.index.constantAt(sheet, c.row!, c.col!);
    return v === null ? 0 : typeof v === "number" ? v : undefined;
  }

  /**
   * What a range argument of SUBTOTAL (from the second on) or of AGGREGATE (its references) leaves
   * out, as Excel's do: nested SUBTOTAL and AGGREGATE cells (always for SUBTOTAL; for AGGREGATE
   * with options 0 to 3), and hidden rows (SUBTOTAL 101–111; AGGREGATE options 1, 3, 5, 7).
   * `hidden` is undefined when the function or option number is not known before calculating.
   */
  private skips(frame: { fn: string; arg: number; leading?: Token[][] }, site: Site): { nested: boolean; hidden: boolean | undefined } | undefined {
    if (frame.fn === "SUBTOTAL") {
      if (frame.arg < 1) return undefined;
      const fn = this.literal(frame.leading?.[0], site);
      return { nested: true, hidden: fn === undefined ? undefined : fn >= 101 };
    }
    if (frame.fn !== "AGGREGATE" || frame.arg < 2) return undefined;
    const fn = this.literal(frame.leading?.[0], site);
    if (frame.arg > 2 && fn !== undefined && fn > 13) return undefined; // the k of LARGE, SMALL, PERCENTILE…
    const options = this.literal(frame.leading?.[1], site);
    return { nested: options === undefined || options < 4, hidden: options === undefined ? undefined : options % 2 === 1 };
  }

  private structured(tableName: string, brackets: string, site: Site): Area {
    const table = tableName === "" ? this.index.tableAt(site.sheet, site.row, site.col) : this.index.tables.get(tableName.toLowerCase());
    if (!table) throw new Keep({ reason: "reference", detail: `a table the workbook does not have (${tableName}${brackets})` });
    const { specials, columns } = specifierItems(brackets);
    const headerRow = table.headerRows > 0 ? table.top : undefined;
    const dataTop = table.top + table.headerRows;
    const dataBottom = table.bottom - table.totalsRows;
    const totalsRow = table.totalsRows > 0 ? table.bottom : undefined;
    let top: number;
    let bottom: number;
    const has = (s: string) => specials.includes(s);
    if (has("#this row")) {
      top = bottom = site.row;
    } else if (has("#all")) {
      top = table.top;
      bottom = table.bottom;
    } else {
      const rows: number[] = [];
      const wantData = has("#data") || specials.length === 0;
      if (has("#headers")) {
        if (headerRow === undefined) throw new Keep({ reason: "reference", detail: `${table.name}${brackets}: the table has no header row` });
        rows.push(headerRow);
      }
      if (wantData) rows.push(dataTop, dataBottom);
      if (has("#totals")) {
        if (totalsRow === undefined) throw new Keep({ reason: "reference", detail: `${table.name}${brackets}: the table has no totals row` });
        rows.push(totalsRow);
      }
      top = Math.min(...rows);
      bottom = Math.max(...rows);
    }
    let left = table.left;
    let right = table.right;
    if (columns.length > 0) {
      const indexOf = (name: string) => {
        const k = table.columns.findIndex((c) => c.trim().toLowerCase() === name.toLowerCase());
        if (k < 0) throw new Keep({ reason: "reference", detail: `${table.name}${brackets}: no column "${name}"` });
        return table.left + k;
      };
      const cols = columns.flatMap((range) => range.map(indexOf));
      left = Math.min(...cols);
      right = Math.max(...cols);
    }
    if (bottom < top) throw new Keep({ reason: "reference", detail: `${table.name}${brackets}: the table has no data rows` });
    return { sheet: table.sheet, top, bottom, left, right };
  }

  private name(word: string, qualifiedSheet: string | undefined, site: Site, ctx: { frame: Frame; whole: boolean; inBraces: boolean; nameDepth: number; names: string[] }): string {
    const lower = word.toLowerCase();
    const entry = this.index.names.get(lower);
    const def = entry ? (entry.bySheet.get((qualifiedSheet ?? site.sheet).toLowerCase()) ?? entry.global) : undefined;
    if (!def) {
      const table = qualifiedSheet === undefined ? this.index.tables.get(lower) : undefined;
      if (table) return this.emitArea(this.structured(table.name, "[]", site), site, { frame: ctx.frame, whole: ctx.whole });
      // Unknown to the workbook: Excel shows #NAME? and so will the engine.
      return qualifiedSheet !== undefined ? `${quoteSheet(qualifiedSheet)}!${word}` : word;
    }
    const key = `${def.scope ?? ""}\u0000${def.name.toLowerCase()}`;
    if (ctx.names.includes(key) || ctx.nameDepth >= LIMITS.nameDepth) throw new Keep({ reason: "complex", detail: `the name ${def.name} refers to itself or nests too deep` });
    const cached = this.nameCache.get(key);
    let expansion = cached && !cached.relative ? cached : undefined;
    if (!expansion) {
      expansion = this.expandName(def, site, ctx.nameDepth + 1, [...ctx.names, key]);
      this.nameCache.set(key, expansion);
    }
    if (expansion.kept) throw new Keep(expansion.kept);
    if (expansion.single) return this.emitArea(expansion.single, site, { frame: ctx.frame, whole: ctx.whole });
    if (expansion.areas) {
      if (ctx.whole && MULTI_AREA.has(ctx.frame.fn)) return expansion.areas.map((a) => this.emitArea(a, site, { frame: ctx.frame, whole: false })).join(",");
      throw new Keep({ reason: "union", detail: `the name ${def.name} covers several areas` });
    }
    return ctx.inBraces ? expansion.text : `(${expansion.text})`;
  }

  /** What a name stands for, in the context of the cell that uses it. */
  private expandName(def: NameDef, site: Site, nameDepth: number, names: string[]): { text: string; areas?: Area[]; single?: Area; kept?: Kept; relative: boolean } {
    const text = def.refersTo.startsWith("=") ? def.refersTo.slice(1) : def.refersTo;
    const tokens = tokenize(text);
    let relative = false;
    // Relative references in a name are relative to A1: they move with the cell using the name.
    const shifted = tokens.map((t) => {
      if (t.kind !== "ref" || t.brackets !== undefined) return t;
      const c = cellCorner(t.body ?? "");
      if (!c || (c.absRow && c.absCol)) return t;
      relative = true;
      const row = c.absRow ? c.row! : (c.row! + site.row) % MAX_ROWS;
      const col = c.absCol ? c.col! : (c.col! + site.col) % MAX_COLUMNS;
      const body = `${c.absCol ? "$" : ""}${columnLetters(col)}${c.absRow ? "$" : ""}${row + 1}`;
      return { ...t, body, text: `${t.prefix !== undefined ? `${quoteSheet(t.prefix)}!` : ""}${body}` };
    });
    // A reference or several areas: kept as areas so functions can take them.
    const areas = this.areasOf(shifted, def.scope ?? site.sheet);
    try {
      if (areas && areas.length === 1) return { text: "", single: areas[0], relative };
      if (areas && areas.length > 1) return { text: "", areas, relative };
      const scopeSite = { ...site, sheet: def.scope ?? site.sheet };
      return { text: this.rewrite(shifted, scopeSite, nameDepth, names), relative };
    } catch (e) {
      if (e instanceof Keep) return { text: "", kept: e.kept, relative };
      throw e;
    }
  }

  /** The areas of a definition made only of references separated by commas; undefined otherwise. */
  private areasOf(tokens: readonly Token[], defaultSheet: string): Area[] | undefined {
    const areas: Area[] = [];
    const sig = tokens.filter((t) => t.kind !== "space");
    let i = 0;
    // Several areas may be wrapped in one pair of parentheses.
    let list = sig;
    if (sig.length > 2 && sig[0].kind === "open" && sig[sig.length - 1].kind === "close") list = sig.slice(1, -1);
    while (i < list.length) {
      const t = list[i];
      if (t.kind !== "ref" || t.brackets !== undefined) return undefined;
      if (t.prefix !== undefined && t.prefix.startsWith("[")) return undefined;
      let end: Token | undefined;
      if (list[i + 1]?.kind === "colon" && list[i + 2]?.kind === "ref" && list[i + 2].prefix === undefined) {
        end = list[i + 2];
        i += 2;
      }
      const corners = end ? this.corners(t.body ?? "", end.body ?? "") : ((c) => (c ? ([c, c] as [Corner, Corner]) : undefined))(cellCorner(t.body ?? ""));
      if (!corners) return undefined;
      let sheet: string;
      try {
        sheet = t.prefix !== undefined ? this.sheet(t.prefix) : defaultSheet;
      } catch {
        return undefined;
      }
      const [from, to] = corners;
      areas.push({
        sheet,
        top: Math.min(from.row ?? 0, to.row ?? 0),
        bottom: from.row === undefined ? MAX_ROWS - 1 : Math.max(from.row, to.row ?? 0),
        left: Math.min(from.col ?? 0, to.col ?? 0),
        right: from.col === undefined ? MAX_COLUMNS - 1 : Math.max(from.col, to.col ?? 0),
      });
      i++;
      if (i < list.length) {
        if (list[i].kind !== "comma") return undefined;
        i++;
      }
    }
    return areas.length > 0 ? areas : undefined;
  }
}
