/**
 * A recalculation's results as cached-value updates for `writeCachedValues`: one update per
 * formula cell, and for an array formula its whole result, found where the engine spilled it.
 * Independent of the engine: it needs the workbook's cells and a way to read a result.
 */
import { CachedGrid, CachedValue, CellUpdate, SheetUpdates, parseBlock, spillResult } from "./cells";

export interface FormulaSite {
  readonly row: number;
  readonly col: number;
  readonly formula?: string;
  /** The block an array formula covered as saved, e.g. "F19:F22". */
  readonly spill?: string;
}

export interface WorkbookCells {
  readonly sheets: readonly { readonly name: string; readonly cells: readonly FormulaSite[] }[];
}

/** Reads a recalculated value; blank is null, an error carries its code. */
export type ReadResult = (sheet: string, row: number, col: number) => CachedValue;

/** The furthest a spilled result is looked for from its anchor. */
const MAX_SPILL = 1_048_576;

/**
 * An array formula's result: from its anchor down and right while the engine shows a value in a
 * cell no other content occupies (the cells of its saved block are its own), then as Excel
 * spills it (one error, or the values without trailing blanks).
 */
export function arrayResult(sheet: string, anchor: FormulaSite, occupied: (row: number, col: number) => boolean, read: ReadResult): CachedGrid {
  const own = anchor.spill ? parseBlock(anchor.spill) : { top: anchor.row, left: anchor.col, bottom: anchor.row, right: anchor.col };
  const free = (row: number, col: number) => (row >= own.top && row <= own.bottom && col >= own.left && col <= own.right) || !occupied(row, col);
  let bottom = anchor.row;
  while (bottom - anchor.row < MAX_SPILL && free(bottom + 1, anchor.col) && read(sheet, bottom + 1, anchor.col) !== null) bottom++;
  let right = anchor.col;
  while (right - anchor.col < 16384 && free(anchor.row, right + 1) && read(sheet, anchor.row, right + 1) !== null) right++;
  const grid: CachedValue[][] = [];
  for (let r = anchor.row; r <= bottom; r++) {
    const line: CachedValue[] = [];
    for (let c = anchor.col; c <= right; c++) line.push(free(r, c) ? read(sheet, r, c) : null);
    grid.push(line);
  }
  return spillResult(grid);
}

/** Every formula's new cached value; an array formula's whole result at its anchor. */
export function resultUpdates(workbook: WorkbookCells, read: ReadResult): SheetUpdates[] {
  return workbook.sheets.map((sheet) => {
    const occupied = new Set(sheet.cells.map((c) => `${c.row},${c.col}`));
    const isOccupied = (row: number, col: number) => occupied.has(`${row},${col}`);
    const cells: CellUpdate[] = [];
    for (const cell of sheet.cells) {
      if (cell.formula === undefined) continue;
      cells.push({ row: cell.row, col: cell.col, value: cell.spill ? arrayResult(sheet.name, cell, isOccupied, read) : read(sheet.name, cell.row, cell.col) });
    }
    return { sheet: sheet.name, cells };
  });
}
