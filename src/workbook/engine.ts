/**
 * The Workbook port on the headless engine (HyperFormula with the ICS plugin), so the wizards run
 * in the playground and the browser tests exactly as in Excel. Values and formulas live in the
 * engine; what the engine has no notion of (number formats, styles, widths, validation, locks)
 * is kept as metadata for the playground's grid to show. Failures mirror Excel's: adding a sheet
 * or a name that exists throws.
 */
import { HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { createEngine, valueToCell } from "../engine";
import { MAX_COLUMNS, MAX_ROWS, Rect, cellAddress, columnIndex, parseCell, parseRange, parseReference, rectContains, sheetReference } from "./a1";
import { listSource } from "./ops";
import { CellContent, CellReading, CellStyle, SheetFormulas, WorkbookOp, WorkbookPort } from "./port";

export type Validation = { kind: "list"; items: string[] } | { kind: "number"; min?: number; max?: number };

interface RangeRule<T> {
  rect: Rect;
  value: T;
}

interface SheetMeta {
  formats: RangeRule<string>[];
  styles: RangeRule<CellStyle>[];
  locks: RangeRule<boolean>[];
  validations: RangeRule<Validation>[];
  widths: Map<number, number>;
  protected: boolean;
}

/** Everything the playground's grid shows for one cell. */
export interface CellView {
  address: string;
  value: CellReading;
  /** What a formula bar shows: the formula, or the constant as entered; null when blank. */
  content: CellContent;
  /** True for the cells a spilling formula fills (other than the formula's own cell). */
  spilled: boolean;
  format?: string;
  style: CellStyle;
  /** Excel's default: every cell is locked, which matters only once the sheet is protected. */
  locked: boolean;
  validation?: Validation;
}

export interface DefinedName {
  name: string;
  refersTo: string;
  comment?: string;
}

function emptyMeta(): SheetMeta {
  return { formats: [], styles: [], locks: [], validations: [], widths: new Map(), protected: false };
}

/** The last rule that covers a cell wins, as the last format applied in Excel does. */
function ruleAt<T>(rules: readonly RangeRule<T>[], row: number, col: number): T | undefined {
  for (let i = rules.length - 1; i >= 0; i--) if (rectContains(rules[i].rect, row, col)) return rules[i].value;
  return undefined;
}

function toRaw(content: CellContent | undefined): RawCellContent {
  return content === undefined ? null : content;
}

export class EngineWorkbook implements WorkbookPort {
  readonly hf: HyperFormula;
  private readonly meta = new Map<number, SheetMeta>();
  private readonly comments = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private active: string;
  private selection: { sheet: string; range: string };

  constructor(hf?: HyperFormula) {
    this.hf = hf ?? createEngine({ Sheet1: [] });
    this.active = this.hf.getSheetNames()[0];
    this.selection = { sheet: this.active, range: "A1" };
  }

  // ---- the port ----

  async apply(ops: readonly WorkbookOp[]): Promise<void> {
    this.applyNow(ops);
  }

  /** The same as `apply`, synchronously (the engine needs no round trip): for building samples. */
  applyNow(ops: readonly WorkbookOp[]): void {
    if (ops.length === 0) return;
    try {
      // One recalculation for the batch, as Excel recalculates once per sync.
      this.hf.batch(() => {
        for (const op of ops) this.applyOp(op);
      });
    } finally {
      this.changed();
    }
  }

  async readRange(sheet: string, range: string): Promise<CellReading[][]> {
    return this.readValues(sheet, range);
  }

  async readFormulas(sheet: string, range: string): Promise<CellContent[][]> {
    const id = this.sheetId(sheet);
    return this.cellsOf(id, range, (at) => this.contentAt(at));
  }

  async readName(name: string): Promise<CellReading[][]> {
    const formula = this.hf.getNamedExpressionFormula(name);
    if (formula === undefined) throw new Error(`There is no name ${name} in this workbook`);
    const reference = parseReference(formula.replace(/^=/, ""));
    if (reference) return this.readValues(reference.sheet, reference.range);
    return [[valueToCell(this.hf.getNamedExpressionValue(name))]];
  }

  async getSelection(): Promise<{ sheet: string; range: string }> {
    return { ...this.selection };
  }

  async sheetNames(): Promise<string[]> {
    return this.hf.getSheetNames();
  }

  async readFormulaCells(): Promise<SheetFormulas[]> {
    return this.hf.getSheetNames().map((sheet) => {
      const id = this.sheetId(sheet);
      const size = this.hf.getSheetDimensions(id);
      const cells: SheetFormulas["cells"] = [];
      for (let row = 0; row < size.height; row++) {
        for (let col = 0; col < size.width; col++) {
          const formula = this.hf.getCellFormula({ sheet: id, row, col });
          if (formula !== undefined) cells.push({ address: cellAddress(row, col), formula, value: valueToCell(this.hf.getCellValue({ sheet: id, row, col })) });
        }
      }
      return { sheet, protected: this.metaOf(id).protected, cells };
    });
  }

  // ---- for the playground's grid ----

  /** Called after every change (a write batch or an edited cell). Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get activeSheet(): string {
    return this.active;
  }

  activate(sheet: string): void {
    this.active = this.hf.getSheetName(this.sheetId(sheet))!;
    this.changed();
  }

  setSelection(sheet: string, range: string): void {
    this.selection = { sheet: this.hf.getSheetName(this.sheetId(sheet))!, range };
  }

  sheetList(): string[] {
    return this.hf.getSheetNames();
  }

  readValues(sheet: string, range: string): CellReading[][] {
    const id = this.sheetId(sheet);
    return this.cellsOf(id, range, (at) => valueToCell(this.hf.getCellValue(at)));
  }

  /** A cell as the grid shows it. */
  cell(sheet: string, row: number, col: number): CellView {
    const id = this.sheetId(sheet);
    const meta = this.metaOf(id);
    const at: SimpleCellAddress = { sheet: id, row, col };
    return {
      address: cellAddress(row, col),
      value: valueToCell(this.hf.getCellValue(at)),
      content: this.contentAt(at),
      spilled: this.hf.isCellPartOfArray(at) && this.hf.getCellFormula(at) === undefined,
      format: ruleAt(meta.formats, row, col),
      style: Object.assign({}, ...meta.styles.filter((r) => rectContains(r.rect, row, col)).map((r) => r.value)) as CellStyle,
      locked: ruleAt(meta.locks, row, col) ?? true,
      validation: ruleAt(meta.validations, row, col),
    };
  }

  /** Rows and columns in use, including cells that only carry a format. */
  extent(sheet: string): { rows: number; cols: number } {
    const id = this.sheetId(sheet);
    const size = this.hf.getSheetDimensions(id);
    let rows = size.height;
    let cols = size.width;
    const meta = this.metaOf(id);
    for (const rule of [...meta.formats, ...meta.styles]) {
      if (rule.rect.bottom < MAX_ROWS - 1) rows = Math.max(rows, rule.rect.bottom + 1);
      if (rule.rect.right < MAX_COLUMNS - 1) cols = Math.max(cols, rule.rect.right + 1);
    }
    for (const col of meta.widths.keys()) cols = Math.max(cols, col + 1);
    return { rows, cols };
  }

  /** Width in characters, if a write set one. */
  columnWidth(sheet: string, col: number): number | undefined {
    return this.metaOf(this.sheetId(sheet)).widths.get(col);
  }

  isProtected(sheet: string): boolean {
    return this.metaOf(this.sheetId(sheet)).protected;
  }

  definedNames(): DefinedName[] {
    return this.hf.listNamedExpressions().map((name) => ({ name, refersTo: this.hf.getNamedExpressionFormula(name) ?? "", comment: this.comments.get(name) }));
  }

  /**
   * Types into a cell as a user would: text starting with "=" is a formula, numbers, percentages
   * and dates are recognised by the engine. Returns why the entry was refused (a locked cell on a
   * protected sheet, or a value the cell's validation does not allow), or undefined once it is in.
   */
  enter(sheet: string, address: string, text: string): string | undefined {
    const id = this.sheetId(sheet);
    const { row, col } = parseCell(address);
    const view = this.cell(sheet, row, col);
    if (this.metaOf(id).protected && view.locked) return `${address} is locked: the sheet is protected`;
    const trimmed = text.trim();
    const refusal = trimmed === "" || trimmed.startsWith("=") ? undefined : this.refusedByValidation(view.validation, trimmed);
    if (refusal) return refusal;
    this.hf.setCellContents({ sheet: id, row, col }, [[trimmed === "" ? null : text]]);
    this.changed();
    return undefined;
  }

  // ---- inside ----

  private refusedByValidation(validation: Validation | undefined, text: string): string | undefined {
    if (!validation) return undefined;
    if (validation.kind === "list") {
      const ok = validation.items.some((item) => item.toLowerCase() === text.toLowerCase());
      return ok ? undefined : `Choose one of: ${validation.items.join(", ")}`;
    }
    const n = Number(text.replace(/%$/, "")) / (text.endsWith("%") ? 100 : 1);
    if (!Number.isFinite(n)) return "Enter a number";
    if (validation.min !== undefined && n < validation.min) return `Enter a number of at least ${validation.min}`;
    if (validation.max !== undefined && n > validation.max) return `Enter a number of at most ${validation.max}`;
    return undefined;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private sheetId(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`There is no sheet ${sheet} in this workbook`);
    return id;
  }

  private metaOf(id: number): SheetMeta {
    let meta = this.meta.get(id);
    if (!meta) {
      meta = emptyMeta();
      this.meta.set(id, meta);
    }
    return meta;
  }

  private contentAt(at: SimpleCellAddress): CellContent {
    const formula = this.hf.getCellFormula(at);
    if (formula !== undefined) return formula;
    const raw = this.hf.getCellSerialized(at);
    if (raw === undefined || raw === null || raw === "") return null;
    if (raw instanceof Date) return raw.toISOString();
    return raw;
  }

  /** Every cell of a range (whole columns and rows stop at the used area). */
  private cellsOf<T>(id: number, range: string, read: (at: SimpleCellAddress) => T): T[][] {
    const rect = parseRange(range);
    const size = this.hf.getSheetDimensions(id);
    const bottom = rect.bottom === MAX_ROWS - 1 ? Math.max(rect.top, size.height - 1) : rect.bottom;
    const right = rect.right === MAX_COLUMNS - 1 ? Math.max(rect.left, size.width - 1) : rect.right;
    const out: T[][] = [];
    for (let row = rect.top; row <= bottom; row++) {
      const line: T[] = [];
      for (let col = rect.left; col <= right; col++) line.push(read({ sheet: id, row, col }));
      out.push(line);
    }
    return out;
  }

  private applyOp(op: WorkbookOp): void {
    switch (op.op) {
      case "addSheet": {
        // HyperFormula throws for a name in use, as Excel's worksheets.add does.
        const name = this.hf.addSheet(op.sheet);
        this.metaOf(this.sheetId(name));
        return;
      }
      case "activate":
        this.active = this.hf.getSheetName(this.sheetId(op.sheet))!;
        return;
      case "cells": {
        const id = this.sheetId(op.sheet);
        const width = Math.max(1, ...op.cells.map((row) => row.length));
        const data = op.cells.map((row) => Array.from({ length: width }, (_, c) => toRaw(row[c])));
        const { row, col } = parseCell(op.at);
        this.hf.setCellContents({ sheet: id, row, col }, data);
        return;
      }
      case "numberFormat":
        this.metaOf(this.sheetId(op.sheet)).formats.push({ rect: parseRange(op.range), value: op.format });
        return;
      case "style":
        this.metaOf(this.sheetId(op.sheet)).styles.push({ rect: parseRange(op.range), value: { ...op.style } });
        return;
      case "columnWidth":
        this.metaOf(this.sheetId(op.sheet)).widths.set(columnIndex(op.column.replace(/\$/g, "")), op.width);
        return;
      case "name": {
        this.sheetId(op.sheet);
        this.hf.addNamedExpression(op.name, `=${sheetReference(op.sheet, op.range)}`);
        if (op.comment) this.comments.set(op.name, op.comment);
        return;
      }
      case "validationList":
        listSource(op.items);
        this.metaOf(this.sheetId(op.sheet)).validations.push({ rect: parseRange(op.range), value: { kind: "list", items: [...op.items] } });
        return;
      case "validationNumber":
        this.metaOf(this.sheetId(op.sheet)).validations.push({ rect: parseRange(op.range), value: { kind: "number", min: op.min, max: op.max } });
        return;
      case "locked":
        this.metaOf(this.sheetId(op.sheet)).locks.push({ rect: parseRange(op.range), value: op.locked });
        return;
      case "protect":
        this.metaOf(this.sheetId(op.sheet)).protected = true;
        return;
      case "unprotect":
        this.metaOf(this.sheetId(op.sheet)).protected = false;
        return;
      case "clear": {
        const id = this.sheetId(op.sheet);
        const r = parseRange(op.range);
        const size = this.hf.getSheetDimensions(id);
        const bottom = Math.min(r.bottom, Math.max(r.top, size.height - 1));
        const right = Math.min(r.right, Math.max(r.left, size.width - 1));
        const blank = Array.from({ length: bottom - r.top + 1 }, () => new Array<null>(right - r.left + 1).fill(null));
        this.hf.setCellContents({ sheet: id, row: r.top, col: r.left }, blank);
        return;
      }
    }
  }
}

