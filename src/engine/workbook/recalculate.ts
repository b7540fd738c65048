/**
 * A read workbook recalculated on the headless engine, as Excel would calculate it, or with
 * Excel's saved value where the engine cannot: what `recalc`, `returns` and the templates share.
 *
 * Every formula goes through `Translator` (names, tables, prefixes, big ranges, nested
 * subtotals). Legacy (Ctrl+Shift+Enter) array formulas and dynamic arrays are evaluated as arrays
 * within the block the file saved; plain formulas as plain ones. A formula the engine cannot
 * calculate as Excel does keeps the value Excel saved (so the cells that use it calculate from
 * Excel's value) and is listed in `kept`, with the reason. The workbook's date system (1900 or
 * 1904) is the engine's. A formula whose result is a blank cell shows 0, as in Excel.
 */
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import type { Cell, ErrorCode } from "../../core";
import { isErrorValue } from "../../core";
import { MAX_COLUMNS, cellAddress, parseRange, rangeAddress } from "../../workbook/a1";
import type { FormulaKind, ReadCell, ReadWorkbook } from "../../xlsx/model";
import { createEngine, valueToCell } from "../index";
import { Area, Kept, NameDef, TableInfo, Translator, WorkbookIndex } from "./translate";
import { tokenize } from "./tokens";

export type { Kept, KeepReason } from "./translate";

export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  kind: FormulaKind;
  /** The block an array formula fills, when it is more than its own cell. */
  block?: Area;
  /** The value Excel saved (null when the file saved none, see `hasSaved`). */
  saved: Cell;
  /** The file saved a value for the formula (files written by libraries often do not). */
  hasSaved: boolean;
  /** Why the cell keeps its saved value instead of being recalculated. */
  kept?: Kept;
  /** NOW, TODAY, RAND…: recalculation gives a new value by design. */
  volatile: boolean;
}

export interface Recalculation {
  engine: HyperFormula;
  formulas: FormulaCell[];
  /** Each cell's value: recalculated, or Excel's saved value for a kept formula. */
  value(sheet: string, row: number, col: number): Cell;
  destroy(): void;
}

const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY"]);
const SUBTOTALS = new Set(["SUBTOTAL", "_XLFN.AGGREGATE", "AGGREGATE"]);

function savedOf(cell: ReadCell): Cell {
  if (cell.error !== undefined) return { error: cell.error, message: "" };
  return cell.value ?? null;
}

function constantRaw(value: Cell): RawCellContent {
  if (value === null) return null;
  if (isErrorValue(value)) return value.error;
  // A leading apostrophe keeps text as text ("0.5", "TRUE", "=x" typed as words).
  if (typeof value === "string") return value === "" ? null : `'${value}`;
  return value;
}

let engineFunctionNames: Set<string> | undefined;
function engineFunctions(): Set<string> {
  if (!engineFunctionNames) {
    createEngine({ Sheet1: [] }).destroy(); // registers the plugins
    engineFunctionNames = new Set(HyperFormula.getRegisteredFunctionNames("enGB").map((n) => n.toUpperCase()));
  }
  return engineFunctionNames;
}

const EMPTY_ROW: RawCellContent[] = [];

const key = (row: number, col: number) => row * MAX_COLUMNS + col;

export interface RecalcOptions {
  /** Extra HyperFormula configuration (tests). */
  config?: Parameters<typeof createEngine>[1];
}

/** Builds the index the translator needs: sheets, names, tables, spills, nested subtotals, the used area. */
function indexOf(wb: ReadWorkbook, subtotals: Map<string, number[]>, spills: Map<string, Map<number, Area>>): WorkbookIndex {
  const sheets = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const hidden = new Map(wb.sheets.map((s) => [s.name.toLowerCase(), [...(s.hiddenRows ?? [])].sort((a, b) => a - b)]));
  const names: WorkbookIndex["names"] = new Map();
  for (const n of wb.names) {
    const lower = n.name.toLowerCase();
    let entry = names.get(lower);
    if (!entry) names.set(lower, (entry = { bySheet: new Map() }));
    const def: NameDef = { name: n.name, scope: n.scope, refersTo: n.refersTo };
    if (n.scope === undefined) entry.global = def;
    else entry.bySheet.set(n.scope.toLowerCase(), def);
  }
  const tables = new Map<string, TableInfo>();
  const tablesBySheet = new Map<string, TableInfo[]>();
  for (const t of wb.tables) {
    let r;
    try {
      r = parseRange(t.ref);
    } catch {
      continue;
    }
    const info: TableInfo = { name: t.name, sheet: sheets.get(t.sheet.toLowerCase()) ?? t.sheet, ...r, columns: t.columns, headerRows: t.headerRows, totalsRows: t.totalsRows };
    tables.set(t.name.toLowerCase(), info);
    const list = tablesBySheet.get(t.sheet.toLowerCase()) ?? [];
    list.push(info);
    tablesBySheet.set(t.sheet.toLowerCase(), list);
  }
  let usedBottom = 0;
  let usedRight = 0;
  for (const s of wb.sheets) {
    for (const c of s.cells) {
      if (c.row > usedBottom) usedBottom = c.row;
      if (c.col > usedRight) usedRight = c.col;
    }
  }
  for (const byCell of spills.values()) {
    for (const a of byCell.values()) {
      usedBottom = Math.max(usedBottom, a.bottom);
      usedRight = Math.max(usedRight, a.right);
    }
  }
  for (const t of tables.values()) {
    usedBottom = Math.max(usedBottom, t.bottom);
    usedRight = Math.max(usedRight, t.right);
  }
  return {
    sheetName: (lower) => sheets.get(lower),
    names,
    tables,
    tableAt: (sheet, row, col) => tablesBySheet.get(sheet.toLowerCase())?.find((t) => row >= t.top && row <= t.bottom && col >= t.left && col <= t.right),
    spillAt: (sheet, row, col) => spills.get(sheet.toLowerCase())?.get(key(row, col)),
    subtotalCells: (sheet) => subtotals.get(sheet.toLowerCase()),
    hiddenRows: (sheet) => {
      const rows = hidden.get(sheet.toLowerCase());
      return rows && rows.length > 0 ? rows : undefined;
    },
    constantAt: (sheet, row, col) => {
      // Looked up on demand (rare: a function number given by reference), by binary search of the row-major cells.
      const cells = wb.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase())?.cells ?? [];
      let lo = 0;
      let hi = cells.length;
      const k = key(row, col);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (key(cells[mid].row, cells[mid].col) < k) lo = mid + 1;
        else hi = mid;
      }
      const c = cells[lo];
      // An empty cell is 0 to a function number, as in Excel; null says "empty".
      return c && c.row === row && c.col === col ? c.value : null;
    },
    usedBottom,
    usedRight,
    engineFunctions: engineFunctions(),
  };
}

/** The engine's own failures that Excel does not have: the cell keeps Excel's value instead. */
function engineFailure(value: unknown, saved: Cell): Kept | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  const savedError = isErrorValue(saved) ? saved.error : undefined;
  if (value.type === "ERROR") return { reason: "engine", detail: value.message.startsWith("Parsing error") ? "a formula the engine cannot read" : value.message || "the engine failed" };
  if (value.type === "CYCLE") return savedError === "#CYCLE!" ? undefined : { reason: "circular", detail: "a circular reference" };
  if (value.type === "NAME" && savedError !== "#NAME?") return { reason: "engine", detail: value.message || "a name the engine does not know" };
  return undefined;
}

export function recalculate(wb: ReadWorkbook, options: RecalcOptions = {}): Recalculation {
  // First pass: the formulas' tokens tell which cells hold subtotals; dynamic arrays' blocks.
  const subtotals = new Map<string, number[]>();
  const spills = new Map<string, Map<number, Area>>();
  for (const sheet of wb.sheets) {
    const lower = sheet.name.toLowerCase();
    const keys: number[] = [];
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      if (cell.formula.length <= 20000 && (cell.formula.toUpperCase().includes("SUBTOTAL") || cell.formula.toUpperCase().includes("AGGREGATE"))) {
        if (tokenize(cell.formula).some((t) => t.kind === "function" && SUBTOTALS.has((t.body ?? "").toUpperCase()))) keys.push(key(cell.row, cell.col));
      }
      if ((cell.formulaKind === "dynamic" || cell.formulaKind === "array") && cell.ref) {
        try {
          const r = parseRange(cell.ref);
          let byCell = spills.get(lower);
          if (!byCell) spills.set(lower, (byCell = new Map()));
          byCell.set(key(cell.row, cell.col), { sheet: sheet.name, ...r });
        } catch {
          // A malformed ref: the formula is taken as filling its own cell.
        }
      }
    }
    keys.sort((a, b) => a - b);
    if (keys.length > 0) subtotals.set(lower, keys);
  }
  const index = indexOf(wb, subtotals, spills);
  const translator = new Translator(index);
  const formulas: FormulaCell[] = [];
  const sheets: Record<string, RawCellContent[][]> = {};
  /** Cells whose value is Excel's saved one, by sheet: kept formulas and their blocks. */
  const keptValues = new Map<string, Map<number, Cell>>();
  /** Dynamic arrays as constrained to their saved block, for when the engine finds no room for a larger spill. */
  const constrained = new Map<FormulaCell, string>();
  /** For each cell inside an array formula's block, its anchor's key. */
  const blockOwner = new Map<string, Map<number, number>>();
  /** The cell of each formula, to find it back by address. */
  const formulaAt = new Map<string, Map<number, FormulaCell>>();

  for (const sheet of wb.sheets) {
    const lower = sheet.name.toLowerCase();
    const rows: RawCellContent[][] = [];
    const saved = new Map<number, Cell>();
    const byAddress = new Map<number, FormulaCell>();
    formulaAt.set(lower, byAddress);
    // Cells an array formula fills hold its saved values; the engine must find them empty.
    const covered = new Map<number, number>();
    blockOwner.set(lower, covered);
    // A sweep down the rows (cells are in row-major order) with the blocks open at each row: linear
    // in the cells however large a block's saved extent claims to be.
    const blocks = sheet.cells
      .filter((c) => c.formula !== undefined && c.formulaKind !== undefined && c.formulaKind !== "plain")
      .map((c) => ({ anchor: key(c.row, c.col), area: spills.get(lower)?.get(key(c.row, c.col)) }))
      .filter((b): b is { anchor: number; area: Area } => b.area !== undefined && (b.area.top !== b.area.bottom || b.area.left !== b.area.right))
      .sort((a, b) => a.area.top - b.area.top);
    let next = 0;
    let open: typeof blocks = [];
    for (const cell of sheet.cells) {
      while (next < blocks.length && blocks[next].area.top <= cell.row) open.push(blocks[next++]);
      if (open.length === 0) continue;
      if (open.some((b) => b.area.bottom < cell.row)) open = open.filter((b) => b.area.bottom >= cell.row);
      const k = key(cell.row, cell.col);
      for (const b of open) {
        if (cell.col >= b.area.left && cell.col <= b.area.right && b.anchor !== k) {
          covered.set(k, b.anchor);
          break;
        }
      }
    }
    const put = (row: number, col: number, raw: RawCellContent) => {
      let line = rows[row];
      if (!line) rows[row] = line = [];
      line[col] = raw;
    };
    for (const cell of sheet.cells) {
      const unread = (cell as { unreadFormula?: string }).unreadFormula;
      if (cell.formula === undefined && unread !== undefined) {
        // A formula the reader did not take in (over its limits, a data table): Excel's value stays.
        const f: FormulaCell = { sheet: sheet.name, row: cell.row, col: cell.col, formula: "", kind: "plain", saved: savedOf(cell), hasSaved: cell.value !== undefined || cell.error !== undefined, volatile: false, kept: { reason: "complex", detail: unread } };
        formulas.push(f);
        byAddress.set(key(cell.row, cell.col), f);
        put(cell.row, cell.col, constantRaw(f.saved));
        continue;
      }
      if (cell.formula === undefined) {
        if (!covered.has(key(cell.row, cell.col))) put(cell.row, cell.col, constantRaw(savedOf(cell)));
        else saved.set(key(cell.row, cell.col), savedOf(cell));
        continue;
      }
      const kind = cell.formulaKind ?? "plain";
      const spill = kind === "plain" ? undefined : spills.get(lower)?.get(key(cell.row, cell.col));
      const block = spill && (spill.top !== spill.bottom || spill.left !== spill.right) ? spill : undefined;
      const text = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
      const f: FormulaCell = {
        sheet: sheet.name,
        row: cell.row,
        col: cell.col,
        formula: text,
        kind,
        saved: savedOf(cell),
        hasSaved: cell.value !== undefined || cell.error !== undefined,
        volatile: false,
        ...(block ? { block } : {}),
      };
      let t: ReturnType<Translator["translate"]>;
      try {
        t = translator.translate(text, { sheet: sheet.name, row: cell.row, col: cell.col, array: block !== undefined });
      } catch {
        // Whatever a hostile formula does to the rewrite, it is one finding, never a lost file.
        t = { kept: { reason: "engine", detail: "a formula the engine cannot read" } };
      }
      formulas.push(f);
      byAddress.set(key(cell.row, cell.col), f);
      if (t.kept) {
        f.kept = t.kept;
        put(cell.row, cell.col, constantRaw(f.saved));
        continue;
      }
      f.volatile = tokenize(t.text).some((tok) => tok.kind === "function" && VOLATILE.has((tok.body ?? "").toUpperCase()));
      let formula = t.text;
      if (kind !== "plain") {
        const rowsN = spill ? spill.bottom - spill.top + 1 : 1;
        const colsN = spill ? spill.right - spill.left + 1 : 1;
        // A legacy array keeps its block's size (Excel truncates a larger result); a dynamic array
        // spills to the size of its result, as Excel 365 does (constrained to its saved block only
        // if the engine finds no room for it, below).
        formula = kind === "array" ? `ARRAY_CONSTRAIN(ARRAYFORMULA(${formula}),${rowsN},${colsN})` : `ARRAYFORMULA(${formula})`;
        if (kind === "dynamic") constrained.set(f, `=ARRAY_CONSTRAIN(ARRAYFORMULA(${t.text}),${rowsN},${colsN})`);
      }
      put(cell.row, cell.col, `=${formula}`);
    }
    // Saved values of block cells are needed only when their formula is kept.
    for (const [k, anchor] of covered) {
      if (byAddress.get(anchor)?.kept && !byAddress.has(k)) put(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS, constantRaw(saved.get(k) ?? null));
    }
    // The engine wants every row an array; one shared empty row fills the gaps.
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = EMPTY_ROW;
    sheets[sheet.name] = rows;
    keptValues.set(lower, saved);
  }

  const config = { ...(wb.date1904 ? { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false } : {}), ...options.config };
  const engine = buildEngine(sheets, config, formulas);

  // Second pass: a plain formula shows one value, never a spill (Excel's implicit intersection
  // takes an array's first value), and what the engine got wrong where Excel had a value keeps
  // Excel's value.
  // A dynamic array the engine sizes larger than the room the sheet has (it cannot always tell a
  // FILTER's size before calculating) spills within its saved block, as Excel last showed it.
  const noRoom = [...constrained.entries()].filter(([f]) => {
    const v = engine.getCellValue({ sheet: engine.getSheetId(f.sheet)!, row: f.row, col: f.col });
    return v instanceof DetailedCellError && v.type === "SPILL" && !(isErrorValue(f.saved) && f.saved.error === "#SPILL!");
  });
  if (noRoom.length > 0) {
    engine.batch(() => {
      for (const [f, text] of noRoom) engine.setCellContents({ sheet: engine.getSheetId(f.sheet)!, row: f.row, col: f.col }, [[text]]);
    });
  }
  const spilled = formulas.filter((f) => !f.kept && f.kind === "plain" && engine.isCellPartOfArray({ sheet: engine.getSheetId(f.sheet)!, row: f.row, col: f.col }));
  if (spilled.length > 0) {
    engine.batch(() => {
      for (const f of spilled) {
        const id = engine.getSheetId(f.sheet)!;
        const formula = engine.getCellFormula({ sheet: id, row: f.row, col: f.col })!;
        engine.setCellContents({ sheet: id, row: f.row, col: f.col }, [[`=INDEX(${formula.slice(1)},1,1)`]]);
      }
    });
  }
  const failed: FormulaCell[] = [];
  for (const f of formulas) {
    if (f.kept) continue;
    const id = engine.getSheetId(f.sheet)!;
    const failure = engineFailure(engine.getCellValue({ sheet: id, row: f.row, col: f.col }), f.saved);
    if (failure) {
      f.kept = failure;
      failed.push(f);
    }
  }
  if (failed.length > 0) {
    engine.batch(() => {
      const anchors = new Map<string, Set<number>>();
      for (const f of failed) {
        const id = engine.getSheetId(f.sheet)!;
        engine.setCellContents({ sheet: id, row: f.row, col: f.col }, [[constantRaw(f.saved)]]);
        const lower = f.sheet.toLowerCase();
        if (!anchors.has(lower)) anchors.set(lower, new Set());
        anchors.get(lower)!.add(key(f.row, f.col));
      }
      for (const [lower, set] of anchors) {
        const id = engine.getSheetId(wb.sheets.find((s) => s.name.toLowerCase() === lower)!.name)!;
        const saved = keptValues.get(lower)!;
        for (const [k, anchor] of blockOwner.get(lower) ?? []) {
          if (set.has(anchor)) engine.setCellContents({ sheet: id, row: Math.floor(k / MAX_COLUMNS), col: k % MAX_COLUMNS }, [[constantRaw(saved.get(k) ?? null)]]);
        }
      }
    });
  }

  const engineValue = (id: number, row: number, col: number): Cell => valueToCell(engine.getCellValue({ sheet: id, row, col }));

  return {
    engine,
    formulas,
    destroy: () => engine.destroy(),
    value(sheet, row, col) {
      const lower = sheet.toLowerCase();
      const id = engine.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet "${sheet}"`);
      const f = formulaAt.get(lower)?.get(key(row, col));
      if (f?.kept) return f.saved;
      if (f) {
        const v = engineValue(id, row, col);
        // A formula whose result is a blank cell shows 0 in Excel (=D53 on an empty D53).
        return v === null ? 0 : v;
      }
      const anchor = blockOwner.get(lower)?.get(key(row, col));
      const owner = anchor !== undefined ? formulaAt.get(lower)?.get(anchor) : undefined;
      if (owner?.kept) return keptValues.get(lower)?.get(key(row, col)) ?? null;
      if (owner?.kind === "array" && owner.block) return legacyFill(engine, id, owner, row, col);
      return engineValue(id, row, col);
    },
  };
}

/**
 * A legacy array formula fills its whole block: a single value goes to every cell, a single row or
 * column is repeated across the block, and cells beyond a larger result show #N/A (Excel's rule).
 */
function legacyFill(engine: HyperFormula, id: number, f: FormulaCell, row: number, col: number): Cell {
  const at = (r: number, c: number) => valueToCell(engine.getCellValue({ sheet: id, row: r, col: c }));
  const part = (r: number, c: number) => engine.isCellPartOfArray({ sheet: id, row: r, col: c });
  if (part(row, col)) return at(row, col);
  const b = f.block!;
  let width = 1;
  while (f.col + width <= b.right && part(f.row, f.col + width)) width++;
  let height = 1;
  while (f.row + height <= b.bottom && part(f.row + height, f.col)) height++;
  const na: Cell = { error: "#N/A" as ErrorCode, message: "" };
  if (width === 1 && height === 1) return at(f.row, f.col);
  if (height === 1) return col - f.col < width ? at(f.row, col) : na;
  if (width === 1) return row - f.row < height ? at(row, f.col) : na;
  return na;
}

/** The engine over the sheets; a formula too deep for the engine's parser is kept, not the file lost. */
function buildEngine(sheets: Record<string, RawCellContent[][]>, config: Parameters<typeof createEngine>[1], formulas: FormulaCell[]): HyperFormula {
  try {
    return createEngine(sheets, config);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  // Find the formulas the engine cannot take on their own, keep their saved values, and build again.
  for (const f of formulas) {
    if (f.kept) continue;
    const line = sheets[f.sheet][f.row];
    const raw = line?.[f.col];
    if (typeof raw !== "string" || raw.length < 500) continue;
    try {
      createEngine({ Probe: [[raw]] }, config).destroy();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      f.kept = { reason: "complex", detail: "too long or too deeply nested for the engine" };
      line[f.col] = constantRaw(f.saved);
    }
  }
  return createEngine(sheets, config);
}

/** An area as an address ("B2", "B2:D9"). */
export function areaAddress(a: Area): string {
  return rangeAddress({ top: a.top, left: a.left, bottom: a.bottom, right: a.right });
}

export { cellAddress };
