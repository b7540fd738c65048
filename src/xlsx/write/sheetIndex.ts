/**
 * A worksheet's XML indexed for splicing single cells: every `<row>` and `<c>` with where it sits
 * in the text, by zero-based row and column (rows and cells without `r` take the next position,
 * as Excel reads them). Shared by the cached-value write-back and the test fixtures' edits.
 */
import { PackageError } from "./package";
import { XmlElement, attr, childNamed, childrenNamed, parseXml, prefixOf } from "./xml";

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
