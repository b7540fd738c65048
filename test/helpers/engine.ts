/**
 * Grid tests in the style of o-spreadsheet: `evaluateCell("A1", { A1: "=ICS.POT(B1:B3)", B1: 10 })`.
 * Cells are given by A1 address on one sheet; the value comes back as a core cell (errors as
 * { error, message }), and `evaluateRange` reads a spilled block.
 */
import { RawCellContent, SimpleCellAddress } from "hyperformula";
import { Cell } from "../../src/core";
import { createEngine, valueToCell } from "../../src/engine";

export type GridFixture = Record<string, RawCellContent>;

export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address.toUpperCase());
  if (!m) throw new Error(`bad address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function build(grid: GridFixture) {
  const rows: RawCellContent[][] = [];
  for (const [address, content] of Object.entries(grid)) {
    const { row, col } = parseAddress(address);
    while (rows.length <= row) rows.push([]);
    rows[row][col] = content;
  }
  return createEngine({ Sheet1: rows });
}

export function evaluateCell(address: string, grid: GridFixture): Cell {
  const hf = build(grid);
  const { row, col } = parseAddress(address);
  const at: SimpleCellAddress = { sheet: 0, row, col };
  const value = valueToCell(hf.getCellValue(at));
  hf.destroy();
  return value;
}

/** The values of a block such as "B1:B3". */
export function evaluateRange(range: string, grid: GridFixture): Cell[][] {
  const [from, to] = range.split(":");
  const start = parseAddress(from);
  const end = parseAddress(to ?? from);
  const hf = build(grid);
  const out: Cell[][] = [];
  for (let r = start.row; r <= end.row; r++) {
    const line: Cell[] = [];
    for (let c = start.col; c <= end.col; c++) line.push(valueToCell(hf.getCellValue({ sheet: 0, row: r, col: c })));
    out.push(line);
  }
  hf.destroy();
  return out;
}
