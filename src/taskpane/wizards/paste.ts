/**
 * Pasting a block of rows into a wizard's table, as Excel copies them: cells separated by tabs,
 * rows by line breaks (CRLF from Excel on Windows), a cell holding a tab, a line break or a quote
 * wrapped in quotes with its quotes doubled, and one trailing line break. The block fills the
 * table from the row and column it is pasted into, adding rows as needed.
 */
import { entryCell } from "./entry";

/** The rows and cells of clipboard text. */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const n = text.length;
  let atCellStart = true;
  while (i < n) {
    const ch = text[i];
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote, "" being one quote.
      let j = i + 1;
      let value = "";
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      const after = text[j + 1];
      if (j < n && (after === undefined || after === "\t" || after === "\n" || after === "\r")) {
        cell = value;
        i = j + 1;
        atCellStart = false;
        continue;
      }
      // Not a well-formed quoted cell: read it as plain text.
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** More than one cell: a block to spread over the table, not text for one box. */
export function isBlock(rows: readonly string[][]): boolean {
  return rows.length > 1 || (rows.length === 1 && rows[0].length > 1);
}

/**
 * Whether the block's first row looks like column headings: some column that is numbers below
 * holds text in the first row (e.g. "Population" over 412,300).
 */
export function firstRowIsHeadings(rows: readonly string[][]): boolean {
  if (rows.length < 2) return false;
  const [first, ...rest] = rows;
  return first.some((text, c) => {
    const below = rest.map((r) => entryCell(r[c] ?? "")).filter((v) => v !== null);
    const top = entryCell(text);
    return below.length > 0 && below.every((v) => typeof v === "number") && typeof top === "string";
  });
}

export interface PastePlan {
  /** The rows that will be written (headings left out). */
  rows: string[][];
  /** The table row the first of them goes to (0-based). */
  startRow: number;
  /** The table column the first cell of each goes to (0-based). */
  startColumn: number;
  /** Cells beyond the table's last column, which are left out. */
  droppedColumns: number;
  /** Rows the table gets, beyond those it has. */
  addedRows: number;
}

export function pastePlan(block: readonly string[][], at: { row: number; column: number }, table: { rows: number; columns: number }, skipHeadings: boolean): PastePlan {
  const rows = (skipHeadings ? block.slice(1) : block).map((r) => r.slice(0, Math.max(0, table.columns - at.column)));
  const widest = Math.max(0, ...block.map((r) => r.length));
  return {
    rows,
    startRow: at.row,
    startColumn: at.column,
    droppedColumns: Math.max(0, widest - (table.columns - at.column)),
    addedRows: Math.max(0, at.row + rows.length - table.rows),
  };
}

/**
 * The table's rows with the plan's cells written in: rows added with `blank()` as needed, each
 * cell set by `set(row, column, text)` (the wizard's own mapping from column to field).
 */
export function applyPaste<T>(rows: readonly T[], plan: PastePlan, blank: () => T, set: (row: T, column: number, text: string) => T): T[] {
  const out = rows.slice();
  while (out.length < plan.startRow + plan.rows.length) out.push(blank());
  plan.rows.forEach((cells, r) => {
    let row = out[plan.startRow + r];
    cells.forEach((text, c) => {
      row = set(row, plan.startColumn + c, text.trim());
    });
    out[plan.startRow + r] = row;
  });
  return out;
}
