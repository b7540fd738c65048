/**
 * A worksheet's XML indexed for splicing single cells: every `<row>` and `<c>` with where it sits
 * in the text, by zero-based row and column (rows and cells without `r` take the next position,
 * as Excel reads them). Shared by the cached-value write-back and the test fixtures' edits.
 */
import { PackageError } from "./package";
import { Splice, XmlElement, attr, childNamed, childrenNamed, parseXml, prefixOf, startTag } from "./xml";

/** "B7" (or "$B$7") as zero-based row and column. */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new PackageError(`not a cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface CellSite {
  element: XmlElement;
  row: number;
  col: number;
}

export interface RowSite {
  element: XmlElement;
  row: number;
  cells: CellSite[];
}

export interface SheetIndex {
  root: XmlElement;
  /** The namespace prefix the sheet's elements use ("" for none), e.g. "x" in `<x:c>`. */
  prefix: string;
  /** Undefined for a worksheet without `<sheetData>`: the caller says what that means. */
  sheetData?: XmlElement;
  rows: RowSite[];
  byRow: Map<number, RowSite>;
  /** By `${row},${col}`. */
  cells: Map<string, CellSite>;
}

export function indexSheet(xml: string): SheetIndex {
  const root = parseXml(xml);
  const index: SheetIndex = { root, prefix: prefixOf(root.name), sheetData: childNamed(root, "sheetData"), rows: [], byRow: new Map(), cells: new Map() };
  if (!index.sheetData) return index;
  let lastRow = -1;
  for (const row of childrenNamed(index.sheetData, "row")) {
    const r = attr(row, "r");
    const at = r ? Number(r) - 1 : lastRow + 1;
    lastRow = at;
    const site: RowSite = { element: row, row: at, cells: [] };
    let lastCol = -1;
    for (const c of childrenNamed(row, "c")) {
      const ref = attr(c, "r");
      const col = ref ? parseRef(ref).col : lastCol + 1;
      lastCol = col;
      const cell = { element: c, row: at, col };
      site.cells.push(cell);
      index.cells.set(`${at},${col}`, cell);
    }
    index.rows.push(site);
    index.byRow.set(at, site);
  }
  return index;
}

/** A new cell's XML by its zero-based row, each with its column. */
export type NewCells = ReadonlyMap<number, readonly { col: number; xml: string }[]>;

/**
 * The splices that put new cells where Excel keeps them: in their row before the first cell to
 * their right (a self-closing row opened up), or in a new row before the first row below it.
 */
export function insertCells(index: SheetIndex, fresh: NewCells): Splice[] {
  const sheetData = index.sheetData;
  if (!sheetData) throw new PackageError("a worksheet without sheetData");
  const name = (local: string) => (index.prefix ? `${index.prefix}:${local}` : local);
  const splices: Splice[] = [];
  const before = (offsets: Map<number, string[]>, offset: number, xml: string) => offsets.set(offset, [...(offsets.get(offset) ?? []), xml]);
  const flush = (offsets: Map<number, string[]>) => {
    for (const [offset, xmls] of offsets) splices.push({ start: offset, end: offset, text: xmls.join("") });
  };
  const newRows: { row: number; xml: string }[] = [];
  for (const [row, cells] of fresh) {
    const list = [...cells].sort((a, b) => a.col - b.col);
    const inner = list.map((c) => c.xml).join("");
    const site = index.byRow.get(row);
    if (!site) newRows.push({ row, xml: `${startTag(name("row"), [["r", String(row + 1)]])}${inner}</${name("row")}>` });
    else if (site.element.selfClosing) splices.push({ start: site.element.start, end: site.element.end, text: `${startTag(site.element.name, site.element.attrs)}${inner}</${site.element.name}>` });
    else {
      const offsets = new Map<number, string[]>();
      for (const c of list) {
        const next = site.cells.find((x) => x.col > c.col);
        before(offsets, next ? next.element.start : site.element.closeStart, c.xml);
      }
      flush(offsets);
    }
  }
  if (newRows.length === 0) return splices;
  newRows.sort((a, b) => a.row - b.row);
  if (sheetData.selfClosing) {
    splices.push({ start: sheetData.start, end: sheetData.end, text: `${startTag(sheetData.name, sheetData.attrs)}${newRows.map((r) => r.xml).join("")}</${sheetData.name}>` });
    return splices;
  }
  const offsets = new Map<number, string[]>();
  for (const r of newRows) {
    const next = index.rows.find((x) => x.row > r.row);
    before(offsets, next ? next.element.start : sheetData.closeStart, r.xml);
  }
  flush(offsets);
  return splices;
}
