/**
 * A1 addresses, the language of the Workbook port: the wizards build them, the adapters turn
 * them into rows and columns. Rows and columns here are 0-based; addresses are Excel's.
 */

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). Whole-column ranges reach the last row. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface CellRef {
  row: number;
  col: number;
}

/** A block of cells, inclusive on all sides. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) throw new Error(`column ${col} is outside the sheet`);
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(up)) throw new Error(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > MAX_COLUMNS) throw new Error(`"${letters}" is beyond the last column XFD`);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(address: string): CellRef {
  const m = CELL.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a cell address such as B2`);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS) throw new Error(`"${address}" is outside the sheet`);
  return { row, col: columnIndex(m[1]) };
}

export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

/** "B2", "B2:D9", whole columns "B:B" / "B:D" and whole rows "3:3" / "3:5". */
export function parseRange(address: string): Rect {
  const [from, to = from, extra] = address.trim().split(":");
  if (extra !== undefined || !from) throw new Error(`"${address}" is not a range such as B2:D9`);
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  const c1 = colOnly.exec(from);
  const c2 = colOnly.exec(to);
  if (c1 && c2) return normalise({ top: 0, bottom: MAX_ROWS - 1, left: columnIndex(c1[1]), right: columnIndex(c2[1]) });
  const r1 = rowOnly.exec(from);
  const r2 = rowOnly.exec(to);
  if (r1 && r2) return normalise({ top: Number(r1[1]) - 1, bottom: Number(r2[1]) - 1, left: 0, right: MAX_COLUMNS - 1 });
  const a = parseCell(from);
  const b = parseCell(to);
  return normalise({ top: a.row, left: a.col, bottom: b.row, right: b.col });
}

function normalise(r: Rect): Rect {
  return { top: Math.min(r.top, r.bottom), bottom: Math.max(r.top, r.bottom), left: Math.min(r.left, r.right), right: Math.max(r.left, r.right) };
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectColumns(r: Rect): number {
  return r.right - r.left + 1;
}

/** Whole columns or whole rows: too big to fill cell by cell. */
export function isUnbounded(r: Rect): boolean {
  return rectRows(r) === MAX_ROWS || rectColumns(r) === MAX_COLUMNS;
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function rangeAddress(r: Rect, absolute = false): string {
  const from = cellAddress(r.top, r.left, absolute);
  if (r.top === r.bottom && r.left === r.right) return from;
  return `${from}:${cellAddress(r.bottom, r.right, absolute)}`;
}

/** The block of `rows` × `cols` cells whose top-left cell is `at`. */
export function blockRect(at: string, rows: number, cols: number): Rect {
  const { row, col } = parseCell(at);
  return { top: row, left: col, bottom: row + Math.max(rows, 1) - 1, right: col + Math.max(cols, 1) - 1 };
}

export function blockAddress(at: string, rows: number, cols: number): string {
  return rangeAddress(blockRect(at, rows, cols));
}

/** A cell `down` rows and `right` columns from `at`. */
export function offsetCell(at: string, down: number, right = 0, absolute = false): string {
  const { row, col } = parseCell(at);
  return cellAddress(row + down, col + right, absolute);
}

/** Excel quotes a sheet name in a reference unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheet(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[Rr]\d*[Cc]\d*$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Risk share'!$B$4:$B$6`: a reference for formulas and defined names, absolute by default. */
export function sheetReference(sheet: string, range: string, absolute = true): string {
  return `${quoteSheet(sheet)}!${rangeAddress(parseRange(range), absolute)}`;
}

/** "Pot!B12", "'Risk share'!$C$4:$C$6" or, with a default sheet, "B12". Undefined if it is not a reference. */
export function parseReference(text: string, defaultSheet?: string): { sheet: string; range: string } | undefined {
  const trimmed = text.trim();
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(trimmed);
  const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : defaultSheet;
  const range = m ? m[3] : trimmed;
  if (!sheet) return undefined;
  try {
    return { sheet, range: rangeAddress(parseRange(range)) };
  } catch {
    return undefined;
  }
}
