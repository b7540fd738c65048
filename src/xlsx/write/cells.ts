/**
 * Cached values written into a package's worksheets in place: a cell's `<v>` and its type `t`
 * change, and nothing else does, except what a dynamic array's new extent needs (the anchor's
 * `ref`, the cells it now spills into, the cells it no longer covers, the sheet's `dimension`).
 * Every other byte of every part stays as it was: styles, comments, metadata, web extensions,
 * custom properties, extension lists. Runs in Node and the browser.
 */
import { Package, PackageError, readPackage, sheetParts, writePackage } from "./package";
import { CellSite, SheetIndex, indexSheet, insertCells, parseRef } from "./sheetIndex";
import { Splice, XmlElement, applySplices, attr, childNamed, escapeText, isElement, localName, startTag } from "./xml";

/** A cached value: a number, text, TRUE/FALSE, an error code ("#VALUE!") or nothing. */
export type CachedValue = number | string | boolean | { readonly error: string } | null;

export type CachedGrid = ReadonlyArray<ReadonlyArray<CachedValue>>;

export interface CellUpdate {
  /** Zero-based. */
  readonly row: number;
  readonly col: number;
  /**
   * The cell's new cached value. For the anchor of an array formula, its whole result: a
   * dynamic array (`cm` on the cell) is resized to the result and spills it; a legacy array keeps
   * its block, filled as Excel fills it (a single row or column repeats, #N/A beyond).
   */
  readonly value: CachedValue | CachedGrid;
}

export interface SheetUpdates {
  /** The sheet's name as the workbook lists it. */
  readonly sheet: string;
  readonly cells: readonly CellUpdate[];
}

// ---- addresses ----

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export { parseRef };

export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseBlock(ref: string): Block {
  const [a, b = a] = ref.split(":");
  const from = parseRef(a);
  const to = parseRef(b);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export function blockRef(b: Block): string {
  const tl = cellRef(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellRef(b.bottom, b.right)}`;
}

function inBlock(b: Block, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

// ---- values ----

function isGrid(value: CachedValue | CachedGrid): value is CachedGrid {
  return Array.isArray(value);
}

function isError(value: CachedValue): value is { error: string } {
  return typeof value === "object" && value !== null;
}

/**
 * The result an engine spilled into a block it reserved, as Excel spills it: a result that is one
 * error everywhere is that one error; otherwise the trailing blank rows and columns an engine pads
 * a variable-length result with are dropped.
 */
export function spillResult(block: CachedGrid): CachedGrid {
  if (block.length === 0 || block[0].length === 0) return [[null]];
  const first = block[0][0];
  if (isError(first) && block.every((row) => row.every((c) => isError(c) && c.error === first.error))) return [[first]];
  let rows = block.length;
  while (rows > 1 && block[rows - 1].every((c) => c === null)) rows--;
  let cols = Math.max(...block.slice(0, rows).map((r) => r.length));
  while (cols > 1 && block.slice(0, rows).every((r) => (r[cols - 1] ?? null) === null)) cols--;
  return block.slice(0, rows).map((r) => Array.from({ length: cols }, (_, c) => r[c] ?? null));
}

function numberText(n: number): string {
  return String(n);
}

/**
 * A result in a legacy array's fixed block, as Excel fills it: a single row or column repeats
 * across the block, and cells beyond the result show #N/A.
 */
function legacyValue(grid: CachedGrid, r: number, c: number): CachedValue {
  const row = grid.length === 1 ? grid[0] : grid[r];
  if (!row) return { error: "#N/A" };
  const cols = Math.max(...grid.map((x) => x.length));
  const value = cols === 1 ? row[0] : row[c];
  return value === undefined ? { error: "#N/A" } : value;
}

/** The `t` attribute and `<v>` text for a value; undefined `v` for a blank. */
function encode(value: CachedValue): { t?: string; v?: string } {
  if (value === null) return {};
  if (typeof value === "number") return Number.isFinite(value) ? { v: numberText(value) } : { t: "e", v: "#NUM!" };
  if (typeof value === "boolean") return { t: "b", v: value ? "1" : "0" };
  if (typeof value === "string") return { t: "str", v: value };
  return { t: "e", v: value.error };
}

// ---- one worksheet ----

class SheetEdit {
  private readonly index: SheetIndex;
  private readonly root: XmlElement;
  private readonly prefix: string;
  private readonly cells: Map<string, CellSite>;
  /** The new state of every cell touched: its value, and for an array anchor its new ref. */
  private readonly values = new Map<string, { row: number; col: number; value: CachedValue; ref?: string }>();

  constructor(private readonly xml: string) {
    this.index = indexSheet(xml);
    if (!this.index.sheetData) throw new PackageError("a worksheet without sheetData");
    this.root = this.index.root;
    this.prefix = this.index.prefix;
    this.cells = this.index.cells;
  }

  private name(local: string): string {
    return this.prefix ? `${this.prefix}:${local}` : local;
  }

  private set(row: number, col: number, value: CachedValue, ref?: string): void {
    this.values.set(`${row},${col}`, { row, col, value, ...(ref !== undefined ? { ref } : {}) });
  }

  private formulaOf(row: number, col: number): XmlElement | undefined {
    const site = this.cells.get(`${row},${col}`);
    return site ? childNamed(site.element, "f") : undefined;
  }

  update(u: CellUpdate): void {
    const f = this.formulaOf(u.row, u.col);
    const array = f && attr(f, "t") === "array" ? f : undefined;
    if (!array) {
      this.set(u.row, u.col, isGrid(u.value) ? (u.value[0]?.[0] ?? null) : u.value);
      return;
    }
    const grid: CachedGrid = isGrid(u.value) ? (u.value.length > 0 && u.value[0].length > 0 ? u.value : [[null]]) : [[u.value]];
    const site = this.cells.get(`${u.row},${u.col}`)!;
    const oldRef = attr(array, "ref");
    const old = oldRef ? parseBlock(oldRef) : { top: u.row, left: u.col, bottom: u.row, right: u.col };
    const dynamic = attr(site.element, "cm") !== undefined;
    const block = dynamic ? { top: u.row, left: u.col, bottom: u.row + grid.length - 1, right: u.col + Math.max(...grid.map((r) => r.length)) - 1 } : old;
    for (let r = Math.min(old.top, block.top); r <= Math.max(old.bottom, block.bottom); r++) {
      for (let c = Math.min(old.left, block.left); c <= Math.max(old.right, block.right); c++) {
        const inNew = inBlock(block, r, c);
        if (!inNew && !inBlock(old, r, c)) continue;
        if ((r !== u.row || c !== u.col) && this.formulaOf(r, c)) continue; // never overwrite another formula
        const value = inNew ? (dynamic ? (grid[r - u.row]?.[c - u.col] ?? null) : legacyValue(grid, r - u.row, c - u.col)) : null;
        this.set(r, c, value, r === u.row && c === u.col ? blockRef(block) : undefined);
      }
    }
  }

  /** The cell's element with its new type and value (and, for an anchor, ref). */
  private rewriteCell(element: XmlElement, value: CachedValue, ref?: string): string {
    const { t, v } = encode(value);
    const attrs = element.attrs.filter(([k]) => k !== "t");
    if (t !== undefined) {
      // t sits after r and s as Excel writes it; any order is valid.
      const at = attrs.findIndex(([k]) => k !== "r" && k !== "s");
      attrs.splice(at < 0 ? attrs.length : at, 0, ["t", t]);
    }
    const parts: string[] = [];
    let wroteValue = false;
    const valueXml = v !== undefined ? `<${this.name("v")}>${escapeText(v)}</${this.name("v")}>` : "";
    for (const child of element.children) {
      if (!isElement(child)) continue;
      const local = localName(child.name);
      if (local === "v" || local === "is") continue;
      if (local === "extLst" && !wroteValue) {
        parts.push(valueXml);
        wroteValue = true;
      }
      if (local === "f" && ref !== undefined && attr(child, "ref") !== ref) {
        const fAttrs = child.attrs.map(([k, val]) => [k, k === "ref" ? ref : val] as [string, string]);
        parts.push(startTag(child.name, fAttrs, child.selfClosing) + (child.selfClosing ? "" : this.xml.slice(child.openEnd, child.end)));
        continue;
      }
      parts.push(this.xml.slice(child.start, child.end));
    }
    if (!wroteValue) parts.push(valueXml);
    const inner = parts.join("");
    return inner === "" ? startTag(element.name, attrs, true) : `${startTag(element.name, attrs)}${inner}</${element.name}>`;
  }

  private newCell(row: number, col: number, value: CachedValue): string {
    const { t, v } = encode(value);
    const attrs: [string, string][] = [["r", cellRef(row, col)]];
    if (t) attrs.push(["t", t]);
    if (v === undefined) return startTag(this.name("c"), attrs, true);
    return `${startTag(this.name("c"), attrs)}<${this.name("v")}>${escapeText(v)}</${this.name("v")}></${this.name("c")}>`;
  }

  result(): string {
    if (this.values.size === 0) return this.xml;
    const splices: Splice[] = [];
    const fresh = new Map<number, { col: number; xml: string }[]>();
    for (const { row, col, value, ref } of this.values.values()) {
      const site = this.cells.get(`${row},${col}`);
      if (site) {
        splices.push({ start: site.element.start, end: site.element.end, text: this.rewriteCell(site.element, value, ref) });
      } else if (value !== null) {
        const list = fresh.get(row) ?? [];
        list.push({ col, xml: this.newCell(row, col, value) });
        fresh.set(row, list);
      }
    }
    splices.push(...insertCells(this.index, fresh));
    this.growDimension(splices);
    return applySplices(this.xml, splices);
  }

  /** Widens `<dimension ref>` when a value now lies outside it. */
  private growDimension(splices: Splice[]): void {
    const dimension = childNamed(this.root, "dimension");
    const ref = dimension && attr(dimension, "ref");
    if (!dimension || !ref) return;
    let d: Block;
    try {
      d = parseBlock(ref);
    } catch {
      return;
    }
    const grown = { ...d };
    for (const { row, col, value } of this.values.values()) {
      if (value === null) continue;
      grown.top = Math.min(grown.top, row);
      grown.left = Math.min(grown.left, col);
      grown.bottom = Math.max(grown.bottom, row);
      grown.right = Math.max(grown.right, col);
    }
    if (blockRef(grown) === blockRef(d)) return;
    const attrs = dimension.attrs.map(([k, v]) => [k, k === "ref" ? blockRef(grown) : v] as [string, string]);
    splices.push({ start: dimension.start, end: dimension.openEnd, text: startTag(dimension.name, attrs, dimension.selfClosing) });
  }
}

/** Writes each sheet's updates into the package (in place). Unknown sheet names are an error. */
export function updateCachedValues(pkg: Package, sheets: readonly SheetUpdates[]): void {
  const parts = new Map(sheetParts(pkg).map((s) => [s.name, s.part]));
  for (const { sheet, cells } of sheets) {
    if (cells.length === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new PackageError(`the workbook has no worksheet "${sheet}"`);
    const edit = new SheetEdit(pkg.text(part));
    for (const u of cells) edit.update(u);
    pkg.set(part, edit.result());
  }
}

/**
 * The original package with each sheet's cached values replaced: only `<v>` values and cell types
 * change (and a dynamic array's extent, when its result changed size); every part is kept.
 */
export function writeCachedValues(original: Uint8Array, sheets: readonly SheetUpdates[]): Uint8Array {
  const pkg = readPackage(original);
  updateCachedValues(pkg, sheets);
  return writePackage(pkg);
}
