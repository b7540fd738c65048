/**
 * Built-ins as Excel has them, where HyperFormula 3.5's own differ, and a few Excel functions it
 * lacks. Registered over HyperFormula's functions of the same name, for every engine (CLI,
 * playground, tests). Each function cites the Excel behaviour it follows.
 *
 * - ROUND, ROUNDUP, ROUNDDOWN, MROUND round the decimal Excel shows, from the value's 15 significant
 *   digits: ROUND(1.005,2) is 1.01 (HyperFormula's binary arithmetic gives 1).
 * - CEILING(x,0) is 0; CEILING.MATH and FLOOR.MATH honour their mode for negative numbers.
 * - TEXT formats with Excel's number and date formats (the module the playground's grid uses).
 * - CONCAT, RANK, RANK.EQ, RANK.AVG, ERROR.TYPE, LOOKUP, AGGREGATE, MODE, MODE.SNGL: missing in
 *   HyperFormula.
 */
import Decimal from "decimal.js";
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, ImplementedFunctions, SimpleRangeValue } from "hyperformula";
import { excel1900, formatNumber, formatText } from "../format/numberFormat";

type Ast = { args: unknown[] };
type State = unknown;
type Run = (args: unknown[], state: State, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;

const { NUMBER, STRING, SCALAR, RANGE, ANY } = FunctionArgumentType;

/** A plain number from an engine value (dates and currencies carry theirs in `val`). */
function num(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (v !== null && typeof v === "object" && typeof (v as { val?: unknown }).val === "number" && !(v instanceof CellError)) return (v as { val: number }).val;
  return undefined;
}

/** The value as the decimal Excel shows: its 15 significant digits. */
function dec(x: number): Decimal {
  return new Decimal(x.toPrecision(15));
}

function roundTo(x: number, digits: number, mode: Decimal.Rounding): number {
  if (!Number.isFinite(x)) return x;
  const places = Math.trunc(digits);
  const d = dec(x);
  if (places >= 0) return d.toDecimalPlaces(Math.min(places, 100), mode).toNumber();
  const scale = new Decimal(10).pow(-places);
  return d.div(scale).toDecimalPlaces(0, mode).times(scale).toNumber();
}

function cells(v: unknown): unknown[] {
  if (v instanceof SimpleRangeValue) return v.data.flat();
  return [v];
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === EmptyValue;
}

function numbersOf(values: unknown[]): { numbers: number[]; error?: CellError } {
  const numbers: number[] = [];
  for (const v of values) {
    if (v instanceof CellError) return { numbers, error: v };
    const n = typeof v === "boolean" ? undefined : num(v);
    if (n !== undefined) numbers.push(n);
  }
  return { numbers };
}

const ERROR_TYPES: Partial<Record<ErrorType, number>> = {
  [ErrorType.DIV_BY_ZERO]: 2,
  [ErrorType.VALUE]: 3,
  [ErrorType.REF]: 4,
  [ErrorType.NAME]: 5,
  [ErrorType.NUM]: 6,
  [ErrorType.NA]: 7,
  [ErrorType.SPILL]: 9,
};

/** Excel's text for a number in CONCAT and &: General with 15 significant digits. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const n = num(v);
  if (n !== undefined) return numberText(n);
  return "";
}

function percentileInc(sorted: number[], p: number): number | CellError {
  if (sorted.length === 0 || p < 0 || p > 1) return new CellError(ErrorType.NUM);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
}

function percentileExc(sorted: number[], p: number): number | CellError {
  const n = sorted.length;
  const rank = p * (n + 1);
  if (n === 0 || rank < 1 || rank > n) return new CellError(ErrorType.NUM);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, n);
  return sorted[lo - 1] + (rank - lo) * (sorted[hi - 1] - sorted[lo - 1]);
}

/**
 * Variance by the formula Excel documents for VAR.S and VAR.P, (n·Σx² − (Σx)²) / (n·(n−1)) or
 * / n², in the same floating-point order, so the last digits are Excel's too.
 */
function variance(xs: number[], sample: boolean): number | CellError {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return new CellError(ErrorType.DIV_BY_ZERO);
  let sum = 0;
  let squares = 0;
  for (const x of xs) {
    sum += x;
    squares += x * x;
  }
  return (n * squares - sum * sum) / (sample ? n * (n - 1) : n * n);
}

function mode(xs: number[]): number | CellError {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 1;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > bestCount) {
      bestCount = c;
      best = x;
    }
  }
  // Ties go to the value that reached the count first in the data, as Excel's first-occurring rule.
  if (best === undefined) return new CellError(ErrorType.NA);
  for (const x of xs) if (counts.get(x) === bestCount) return x;
  return best;
}

/** AGGREGATE's functions 1–13 over numbers (COUNTA counts values of any kind). */
function aggregate(fn: number, xs: number[], count: number): number | CellError {
  const sum = () => xs.reduce((a, b) => a + b, 0);
  switch (fn) {
    case 1:
      return xs.length === 0 ? new CellError(ErrorType.DIV_BY_ZERO) : sum() / xs.length;
    case 2:
      return xs.length;
    case 3:
      return count;
    case 4:
      return xs.length === 0 ? 0 : Math.max(...xs);
    case 5:
      return xs.length === 0 ? 0 : Math.min(...xs);
    case 6:
      return xs.reduce((a, b) => a * b, 1);
    case 7: {
      const v = variance(xs, true);
      return typeof v === "number" ? Math.sqrt(v) : v;
    }
    case 8: {
      const v = variance(xs, false);
      return typeof v === "number" ? Math.sqrt(v) : v;
    }
    case 9:
      return sum();
    case 10:
      return variance(xs, true);
    case 11:
      return variance(xs, false);
    case 12: {
      if (xs.length === 0) return new CellError(ErrorType.NUM);
      const s = [...xs].sort((a, b) => a - b);
      const mid = s.length >> 1;
      return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }
    case 13:
      return mode(xs);
    default:
      return new CellError(ErrorType.VALUE);
  }
}

/** Compares like Excel's lookups: numbers with numbers, text with text (case-insensitive), booleans with booleans. */
function compareLookup(a: unknown, b: unknown): number | undefined {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined && typeof a !== "boolean" && typeof b !== "boolean") return na < nb ? -1 : na > nb ? 1 : 0;
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  return undefined;
}

export class ExcelPlugin extends FunctionPlugin {
  public static override implementedFunctions: ImplementedFunctions = {
    ROUND: { method: "xlRound", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 0 }] },
    ROUNDUP: { method: "xlRoundUp", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 0 }] },
    ROUNDDOWN: { method: "xlRoundDown", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 0 }] },
    MROUND: { method: "xlMround", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER }] },
    CEILING: { method: "xlCeiling", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 1 }] },
    "CEILING.MATH": { method: "xlCeilingMath", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, optionalArg: true }, { argumentType: NUMBER, defaultValue: 0 }] },
    "FLOOR.MATH": { method: "xlFloorMath", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER, optionalArg: true }, { argumentType: NUMBER, defaultValue: 0 }] },
    TEXT: { method: "xlText", parameters: [{ argumentType: SCALAR }, { argumentType: STRING }] },
    CONCAT: { method: "xlConcat", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
    RANK: { method: "xlRankEq", parameters: [{ argumentType: NUMBER }, { argumentType: RANGE }, { argumentType: NUMBER, defaultValue: 0 }] },
    "RANK.EQ": { method: "xlRankEq", parameters: [{ argumentType: NUMBER }, { argumentType: RANGE }, { argumentType: NUMBER, defaultValue: 0 }] },
    "RANK.AVG": { method: "xlRankAvg", parameters: [{ argumentType: NUMBER }, { argumentType: RANGE }, { argumentType: NUMBER, defaultValue: 0 }] },
    "ERROR.TYPE": { method: "xlErrorType", parameters: [{ argumentType: SCALAR }] },
    LOOKUP: { method: "xlLookup", parameters: [{ argumentType: SCALAR }, { argumentType: ANY }, { argumentType: ANY, optionalArg: true }], enableArrayArithmeticForArguments: true },
    AGGREGATE: { method: "xlAggregate", parameters: [{ argumentType: NUMBER }, { argumentType: NUMBER }, { argumentType: ANY }], repeatLastArgs: 1 },
    AND: { method: "xlAnd", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
    OR: { method: "xlOr", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
    XOR: { method: "xlXor", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
    MODE: { method: "xlMode", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
    "MODE.SNGL": { method: "xlMode", parameters: [{ argumentType: ANY }], repeatLastArgs: 1 },
  };

  private run(ast: Ast, state: State, name: string, fn: (...a: unknown[]) => unknown): unknown {
    const self = this as unknown as { runFunction: Run; metadata: (n: string) => unknown };
    return self.runFunction(ast.args, state, self.metadata(name), fn);
  }

  xlRound(ast: Ast, state: State) {
    return this.run(ast, state, "ROUND", (x, d) => roundTo(x as number, d as number, Decimal.ROUND_HALF_UP));
  }

  xlRoundUp(ast: Ast, state: State) {
    return this.run(ast, state, "ROUNDUP", (x, d) => roundTo(x as number, d as number, Decimal.ROUND_UP));
  }

  xlRoundDown(ast: Ast, state: State) {
    return this.run(ast, state, "ROUNDDOWN", (x, d) => roundTo(x as number, d as number, Decimal.ROUND_DOWN));
  }

  /** MROUND: the nearest multiple, halves away from zero; #NUM! when the signs differ (Excel's documented rule). */
  xlMround(ast: Ast, state: State) {
    return this.run(ast, state, "MROUND", (x, m) => {
      const n = x as number;
      const multiple = m as number;
      if (multiple === 0 || n === 0) return 0;
      if (Math.sign(n) !== Math.sign(multiple)) return new CellError(ErrorType.NUM);
      const q = dec(n).div(dec(multiple));
      return dec(q.toNumber()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(dec(multiple)).toNumber();
    });
  }

  /** CEILING: 0 for a significance of 0; #NUM! for a positive number and negative significance. */
  xlCeiling(ast: Ast, state: State) {
    return this.run(ast, state, "CEILING", (x, s) => {
      const n = x as number;
      const sig = s as number;
      if (n === 0 || sig === 0) return 0;
      if (n > 0 && sig < 0) return new CellError(ErrorType.NUM);
      const q = dec(dec(n).div(dec(sig)).toNumber());
      // A negative number with a negative significance rounds away from zero; otherwise up.
      const rounded = n < 0 && sig < 0 ? q.toDecimalPlaces(0, Decimal.ROUND_UP) : q.toDecimalPlaces(0, Decimal.ROUND_CEIL);
      return rounded.times(dec(sig)).toNumber();
    });
  }

  private mathRound(x: number, s: number | undefined, modeArg: number, up: boolean): number {
    const sig = Math.abs(s ?? 1);
    if (x === 0 || sig === 0) return 0;
    const q = dec(dec(x).div(dec(sig)).toNumber());
    let rounding: Decimal.Rounding;
    if (x > 0) rounding = up ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR;
    else if (up) rounding = modeArg === 0 ? Decimal.ROUND_CEIL : Decimal.ROUND_FLOOR; // CEILING.MATH: toward zero unless mode
    else rounding = modeArg === 0 ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL; // FLOOR.MATH: away from zero unless mode
    return q.toDecimalPlaces(0, rounding).times(sig).toNumber();
  }

  xlCeilingMath(ast: Ast, state: State) {
    return this.run(ast, state, "CEILING.MATH", (x, s, m) => this.mathRound(x as number, s as number | undefined, m as number, true));
  }

  xlFloorMath(ast: Ast, state: State) {
    return this.run(ast, state, "FLOOR.MATH", (x, s, m) => this.mathRound(x as number, s as number | undefined, m as number, false));
  }

  /** TEXT(value, format): Excel's number and date formats; text passes through (or into an @ section). */
  xlText(ast: Ast, state: State) {
    const helper = (this as unknown as { dateTimeHelper?: { numberToSimpleDate(n: number): { year: number; month: number; day: number } } }).dateTimeHelper;
    const date = helper ? (serial: number) => helper.numberToSimpleDate(serial) : excel1900;
    return this.run(ast, state, "TEXT", (value, format) => {
      if (value instanceof CellError) return value;
      const f = format as string;
      if (typeof value === "boolean") return formatText(value ? "TRUE" : "FALSE", f);
      if (typeof value === "string") {
        const trimmed = value.trim();
        const asNumber = trimmed === "" ? NaN : Number(trimmed);
        return Number.isFinite(asNumber) ? formatNumber(asNumber, f, { date }).text : formatText(value, f);
      }
      const n = num(value) ?? 0;
      return formatNumber(n, f, { date }).text;
    });
  }

  /** CONCAT: every value of every argument and range, as text. */
  xlConcat(ast: Ast, state: State) {
    return this.run(ast, state, "CONCAT", (...args) => {
      let out = "";
      for (const a of args) {
        for (const v of cells(a)) {
          if (v instanceof CellError) return v;
          out += textOf(v);
        }
      }
      return out;
    });
  }

  private rank(ast: Ast, state: State, name: string, average: boolean) {
    return this.run(ast, state, name, (x, ref, order) => {
      const { numbers, error } = numbersOf(cells(ref));
      if (error) return error;
      const n = x as number;
      const asc = (order as number) !== 0;
      let before = 0;
      let ties = 0;
      for (const v of numbers) {
        if (v === n) ties++;
        else if (asc ? v < n : v > n) before++;
      }
      if (ties === 0) return new CellError(ErrorType.NA);
      return average ? before + (ties + 1) / 2 : before + 1;
    });
  }

  xlRankEq(ast: Ast, state: State) {
    return this.rank(ast, state, "RANK.EQ", false);
  }

  xlRankAvg(ast: Ast, state: State) {
    return this.rank(ast, state, "RANK.AVG", true);
  }

  /** ERROR.TYPE: 1 #NULL!, 2 #DIV/0!, 3 #VALUE!, 4 #REF!, 5 #NAME?, 6 #NUM!, 7 #N/A, 9 #SPILL!; #N/A for a non-error. */
  xlErrorType(ast: Ast, state: State) {
    return this.run(ast, state, "ERROR.TYPE", (v) => {
      if (v instanceof CellError) return ERROR_TYPES[v.type] ?? new CellError(ErrorType.NA);
      return new CellError(ErrorType.NA);
    });
  }

  /**
   * LOOKUP(value, vector, [result]) and LOOKUP(value, array): the last entry not greater than the
   * value among entries of its type (the result of Excel's binary search on sorted data), errors
   * skipped, so LOOKUP(2,1/(A:A<>""),A:A) finds the last filled cell as in Excel.
   */
  xlLookup(ast: Ast, state: State) {
    return this.run(ast, state, "LOOKUP", (value, where, result) => {
      if (value instanceof CellError) return value;
      const grid = where instanceof SimpleRangeValue ? where.data : [[where]];
      const rows = grid.length;
      const cols = grid[0]?.length ?? 0;
      let search: unknown[];
      let answers: unknown[];
      if (result !== undefined) {
        search = grid.flat();
        answers = cells(result);
      } else if (rows >= cols) {
        search = grid.map((r) => r[0]);
        answers = grid.map((r) => r[cols - 1]);
      } else {
        search = grid[0];
        answers = grid[rows - 1];
      }
      let found = -1;
      for (let i = 0; i < search.length; i++) {
        const c = compareLookup(search[i], value);
        if (c !== undefined && c <= 0) found = i;
      }
      if (found < 0) return new CellError(ErrorType.NA);
      const answer = answers[Math.min(found, answers.length - 1)];
      return answer === undefined || isEmpty(answer) ? 0 : answer;
    });
  }

  /**
   * AGGREGATE(function, options, ref1, …) for functions 1–19; options 2, 3, 6 and 7 skip error
   * values. Nested SUBTOTAL and AGGREGATE cells are taken out of the ranges before the engine sees
   * them (see the workbook translation); hidden rows are not known to the engine and count.
   */
  xlAggregate(ast: Ast, state: State) {
    return this.run(ast, state, "AGGREGATE", (fnArg, optArg, ...refs) => {
      const fn = Math.trunc(fnArg as number);
      const options = Math.trunc(optArg as number);
      if (fn < 1 || fn > 19 || options < 0 || options > 7) return new CellError(ErrorType.VALUE);
      const skipErrors = options === 2 || options === 3 || options === 6 || options === 7;
      const collect = (values: unknown[]): { xs: number[]; count: number; error?: CellError } => {
        const xs: number[] = [];
        let count = 0;
        for (const v of values) {
          if (v instanceof CellError) {
            if (skipErrors) continue;
            return { xs, count, error: v };
          }
          if (!isEmpty(v)) count++;
          const n = typeof v === "boolean" || typeof v === "string" ? undefined : num(v);
          if (n !== undefined) xs.push(n);
        }
        return { xs, count };
      };
      if (fn <= 13) {
        const { xs, count, error } = collect(refs.flatMap(cells));
        return error ?? aggregate(fn, xs, count);
      }
      // LARGE, SMALL, PERCENTILE and QUARTILE: the arrays (a range less nested subtotals or hidden
      // rows comes as several), then k last.
      if (refs.length < 2) return new CellError(ErrorType.NA);
      const { xs, error } = collect(refs.slice(0, -1).flatMap(cells));
      if (error) return error;
      const kArg = refs[refs.length - 1];
      const k = num(kArg instanceof SimpleRangeValue ? kArg.data[0][0] : kArg);
      if (k === undefined) return new CellError(ErrorType.VALUE);
      const sorted = [...xs].sort((a, b) => a - b);
      switch (fn) {
        case 14: {
          const i = Math.ceil(k);
          return i < 1 || i > sorted.length ? new CellError(ErrorType.NUM) : sorted[sorted.length - i];
        }
        case 15: {
          const i = Math.ceil(k);
          return i < 1 || i > sorted.length ? new CellError(ErrorType.NUM) : sorted[i - 1];
        }
        case 16:
          return percentileInc(sorted, k);
        case 17:
          return k < 0 || k > 4 ? new CellError(ErrorType.NUM) : percentileInc(sorted, Math.trunc(k) / 4);
        case 18:
          return percentileExc(sorted, k);
        default:
          return k <= 0 || k >= 4 ? new CellError(ErrorType.NUM) : percentileExc(sorted, Math.trunc(k) / 4);
      }
    });
  }

  /**
   * The logical values AND, OR and XOR combine, as Excel takes them: in a range or array, blanks
   * and text are skipped (HyperFormula counts a blank as FALSE, so AND over a column with a gap is
   * FALSE where Excel's is TRUE); a number is TRUE unless 0; text given directly is TRUE or FALSE
   * or #VALUE!; no logical value at all is #VALUE!.
   */
  private logical(ast: Ast, state: State, name: string, combine: (values: boolean[]) => boolean) {
    return this.run(ast, state, name, (...args) => {
      const values: boolean[] = [];
      for (const a of args) {
        const inRange = a instanceof SimpleRangeValue;
        for (const v of cells(a)) {
          if (v instanceof CellError) return v;
          if (typeof v === "boolean") values.push(v);
          else if (typeof v === "string") {
            if (inRange) continue;
            const upper = v.toUpperCase();
            if (upper === "TRUE" || upper === "FALSE") values.push(upper === "TRUE");
            else return new CellError(ErrorType.VALUE);
          } else {
            const n = num(v);
            if (n !== undefined) values.push(n !== 0);
          }
        }
      }
      return values.length === 0 ? new CellError(ErrorType.VALUE) : combine(values);
    });
  }

  xlAnd(ast: Ast, state: State) {
    return this.logical(ast, state, "AND", (v) => v.every(Boolean));
  }

  xlOr(ast: Ast, state: State) {
    return this.logical(ast, state, "OR", (v) => v.some(Boolean));
  }

  xlXor(ast: Ast, state: State) {
    return this.logical(ast, state, "XOR", (v) => v.filter(Boolean).length % 2 === 1);
  }

  /** MODE and MODE.SNGL: the most frequent number, the first to occur among ties; #N/A when none repeats. */
  xlMode(ast: Ast, state: State) {
    return this.run(ast, state, "MODE", (...args) => {
      const { numbers, error } = numbersOf(args.flatMap(cells));
      return error ?? mode(numbers);
    });
  }
}

export const excelTranslations = {
  enGB: Object.fromEntries(Object.keys(ExcelPlugin.implementedFunctions).map((name) => [name, name])),
};

let registered = false;
export function registerExcelPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(ExcelPlugin, excelTranslations);
  registered = true;
}
