/**
 * Reading arguments: one place that turns cells into numbers, columns and tables with the
 * catalogue's blank, text, error and shape rules, so every function handles them identically.
 */
import { ArgValue, Cell, Grid, Shape, describeCell, describeShape, isBlank, isGrid, shapeOf } from "./cells";
import { ErrorSite, icsError, isErrorValue, propagated } from "./errors";
import { DEFAULT_ROUND_TO, Decimal, MAX_MAGNITUDE, powerOfTenExponent } from "./money";

/** A rounding unit and its power of ten: 0.01 is { unit: 0.01, exponent: -2 }. */
export interface RoundingUnit {
  unit: Decimal;
  exponent: number;
}

/** A finite number within Excel's range: what `cellNumber` accepts as it is. */
function isPlainNumber(cell: Cell): cell is number {
  return typeof cell === "number" && cell <= MAX_MAGNITUDE && cell >= -MAX_MAGNITUDE;
}

/** The function an argument belongs to; sites for messages are made from it. */
export class ArgReader {
  constructor(readonly fn: string) {}

  site(argument: string, row?: number, column?: number): ErrorSite {
    return { fn: this.fn, argument, row, column };
  }

  /** A number from one cell; blank gives undefined. Text, booleans, non-finite and huge numbers fail. */
  cellNumber(cell: Cell, site: ErrorSite): number | undefined {
    if (typeof cell === "number") {
      if (!Number.isFinite(cell)) throw icsError(site, `expected a finite number, got ${cell}`, "#NUM!");
      if (Math.abs(cell) > MAX_MAGNITUDE) throw icsError(site, `${cell} is beyond ±1e15, Excel's 15 significant digits`, "#NUM!");
      return cell;
    }
    if (isBlank(cell)) return undefined;
    if (isErrorValue(cell)) throw propagated(cell);
    throw icsError(site, `expected a number, got ${describeCell(cell)}`);
  }

  /** The single cell of a scalar argument; a 1×1 range counts as its cell. */
  scalarCell(argument: string, value: ArgValue): Cell | undefined {
    if (value === undefined) return undefined;
    if (!isGrid(value)) return value;
    const shape = shapeOf(value)!;
    if (shape.rows === 1 && shape.cols === 1) return value[0][0];
    throw icsError(this.site(argument), `expected a single value, got a ${describeShape(shape)} range`);
  }

  /** A required number. */
  number(argument: string, value: ArgValue): number {
    const cell = this.scalarCell(argument, value);
    const site = this.site(argument);
    const n = this.cellNumber(cell ?? null, site);
    if (n === undefined) throw icsError(site, value === undefined ? "is required" : "expected a number, got a blank cell");
    return n;
  }

  /** An optional number: left out or blank gives the default. */
  optionalNumber(argument: string, value: ArgValue, fallback: number): number {
    const cell = this.scalarCell(argument, value);
    return this.cellNumber(cell ?? null, this.site(argument)) ?? fallback;
  }

  decimal(argument: string, value: ArgValue): Decimal {
    return new Decimal(this.number(argument, value));
  }

  optionalDecimal(argument: string, value: ArgValue, fallback: Decimal): Decimal {
    const cell = this.scalarCell(argument, value);
    const n = this.cellNumber(cell ?? null, this.site(argument));
    return n === undefined ? fallback : new Decimal(n);
  }

  /** Optional text (case kept); blank or left out gives undefined. */
  optionalText(argument: string, value: ArgValue): string | undefined {
    const cell = this.scalarCell(argument, value);
    if (cell === undefined || isBlank(cell)) return undefined;
    if (isErrorValue(cell)) throw propagated(cell);
    if (typeof cell !== "string") throw icsError(this.site(argument), `expected text, got ${describeCell(cell)}`);
    return cell.trim();
  }

  /** `round_to`: a positive power of ten, default 0.01. */
  roundTo(value: ArgValue, argument = "round_to"): RoundingUnit {
    const cell = this.scalarCell(argument, value);
    const n = this.cellNumber(cell ?? null, this.site(argument));
    if (n === undefined) return { unit: DEFAULT_ROUND_TO, exponent: -2 };
    const unit = new Decimal(n);
    const exponent = powerOfTenExponent(unit);
    if (exponent === undefined || exponent < -10 || exponent > 12) {
      throw icsError(this.site(argument), `expected a positive power of ten such as 0.01, 1 or 1000, got ${n}`);
    }
    return { unit, exponent };
  }

  /** A range argument as a grid (a single value counts as 1×1). */
  grid(argument: string, value: ArgValue): Grid {
    if (value === undefined) throw icsError(this.site(argument), "is required");
    const grid = isGrid(value) ? value : [[value]];
    if (grid.length === 0 || grid[0].length === 0) throw icsError(this.site(argument), "is empty");
    return grid;
  }

  /**
   * A column: an n×1 range, or a 1×n row treated the same. Cells in reading order.
   * Anything wider fails, naming its shape.
   */
  columnCells(argument: string, value: ArgValue): Cell[] {
    const grid = this.grid(argument, value);
    if (grid[0].length === 1) return grid.map((row) => row[0]);
    if (grid.length === 1) return grid[0].slice();
    throw icsError(this.site(argument), `expected a single column, got a ${describeShape(shapeOf(grid)!)} range`);
  }

  /** A column of numbers; blanks are null. */
  numberColumn(argument: string, value: ArgValue): (number | null)[] {
    const cells = this.columnCells(argument, value);
    const out: (number | null)[] = new Array(cells.length);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // The common case without building an error site per cell (thousands of practices).
      out[i] = isPlainNumber(cell) ? cell : (this.cellNumber(cell, this.site(argument, i + 1)) ?? null);
    }
    return out;
  }

  /** An optional column of numbers, or undefined when left out. */
  optionalNumberColumn(argument: string, value: ArgValue): (number | null)[] | undefined {
    if (value === undefined || (!isGrid(value) && isBlank(value))) return undefined;
    return this.numberColumn(argument, value);
  }

  /** Every cell of a range in reading order, with its row and column (1-based). */
  cellsWithSites(argument: string, value: ArgValue): { cells: Cell[]; shape: Shape; sites: (i: number) => ErrorSite } {
    const grid = this.grid(argument, value);
    const shape = shapeOf(grid)!;
    const cells: Cell[] = [];
    for (const row of grid) for (const cell of row) cells.push(cell);
    const twoDimensional = shape.rows > 1 && shape.cols > 1;
    const sites = (i: number): ErrorSite => {
      if (twoDimensional) return this.site(argument, Math.floor(i / shape.cols) + 1, (i % shape.cols) + 1);
      return this.site(argument, i + 1);
    };
    return { cells, shape, sites };
  }

  /** A table of numbers (rows of cells); blanks are null. */
  numberTable(argument: string, value: ArgValue): (number | null)[][] {
    const grid = this.grid(argument, value);
    const wide = grid[0].length > 1;
    return grid.map((row, r) => row.map((cell, c) => (isPlainNumber(cell) ? cell : (this.cellNumber(cell, this.site(argument, r + 1, wide ? c + 1 : undefined)) ?? null))));
  }

  /** Parallel arguments must have as many rows as the one they follow. */
  sameLength(argument: string, length: number, reference: string, referenceLength: number): void {
    if (length !== referenceLength) {
      throw icsError(this.site(argument), `has ${length} rows but ${reference} has ${referenceLength}; they must match row for row`);
    }
  }

  /** Same-shape arguments (a row and a column of equal length count as the same shape). */
  sameShape(argument: string, shape: Shape, reference: string, referenceShape: Shape): void {
    const vector = (s: Shape) => s.rows === 1 || s.cols === 1;
    const same =
      (shape.rows === referenceShape.rows && shape.cols === referenceShape.cols) ||
      (vector(shape) && vector(referenceShape) && shape.rows * shape.cols === referenceShape.rows * referenceShape.cols);
    if (!same) {
      throw icsError(this.site(argument), `is ${describeShape(shape)} but ${reference} is ${describeShape(referenceShape)}; they must have the same shape`);
    }
  }
}
