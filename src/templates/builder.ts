/**
 * Builders that keep the template modules short: a sheet of cells and ranges, tables with named
 * columns, and the number formats and styles every template shares.
 */
import { blockRect, columnLetters, parseCell, rangeAddress } from "../workbook/a1";
import type { CellStyle } from "../workbook/port";
import { BuildExtras, CellSpec, KeyFigure, NameSpec, PrintSpec, RangeSpec, Scalar, SheetSpec, TemplateInfo, TemplateSpec, ValidationSpec } from "./spec";

/** The sheet every template starts with (../shared/spec/RETURNS.md). */
export const COVER_SHEET = "Cover";

/** Number formats: money in £ (whole pounds) or in £000 (the unit stated in headers, as NHS plans do). */
export const FORMAT = {
  pounds: "£#,##0;[Red]-£#,##0",
  thousands: "#,##0;[Red](#,##0)",
  count: "#,##0",
  index: "0.0000",
  percent: "0.0%",
  percent2: "0.00%",
  date: "dd/mm/yyyy",
} as const;

export const STYLE = {
  title: { bold: true, fontColor: "#005EB8" },
  note: { italic: true, fontColor: "#425563", wrapText: false },
  section: { bold: true, fontColor: "#003087" },
  header: { bold: true, fill: "#005EB8", fontColor: "#FFFFFF", wrapText: true },
  input: { fill: "#FFF2CC" },
  calc: { fill: "#F2F2F2" },
  total: { bold: true, fill: "#E8EDEE" },
} satisfies Record<string, CellStyle>;

export class SheetBuilder {
  readonly spec: SheetSpec;
  private readonly used = new Set<string>();

  constructor(
    private readonly template: TemplateBuilder,
    name: string,
    print: PrintSpec,
  ) {
    this.spec = { name, cells: [], ranges: [], widths: {}, validations: [], protect: true, print };
  }

  /** Each cell is written once: a second write to an address is a mistake in the template. */
  private put(cell: CellSpec): void {
    if (this.used.has(cell.at)) throw new Error(`${this.spec.name}!${cell.at} is written twice`);
    this.used.add(cell.at);
    this.spec.cells.push(cell);
  }

  value(at: string, value: Scalar, look: Omit<RangeSpec, "range"> = {}): this {
    this.put({ at, value });
    if (look.format || look.style || look.input) this.look(at, look);
    return this;
  }

  /** A formula without its "="; a calculated cell (grey, locked) unless styled otherwise. */
  formula(at: string, formula: string, look: Omit<RangeSpec, "range"> = {}): this {
    this.put({ at, formula });
    this.look(at, { style: STYLE.calc, ...look });
    return this;
  }

  /** A spilling formula at the top of `range`, which it fills. */
  spill(range: string, formula: string, look: Omit<RangeSpec, "range"> = {}): this {
    const at = range.split(":")[0];
    this.put({ at, formula, spill: range });
    this.look(range, { style: STYLE.calc, ...look });
    return this;
  }

  /** An input cell: unlocked and shaded. */
  input(at: string, value: Scalar, format?: string): this {
    return this.value(at, value, { format, style: STYLE.input, input: true });
  }

  title(text: string, note?: string): this {
    this.value("A1", text, { style: STYLE.title });
    if (note) this.value("A2", note, { style: STYLE.note });
    return this;
  }

  look(range: string, look: Omit<RangeSpec, "range">): this {
    this.spec.ranges.push({ range, ...look });
    return this;
  }

  widths(widths: Record<string, number>): this {
    Object.assign(this.spec.widths, widths);
    return this;
  }

  list(range: string, items: readonly string[], prompt?: string): this {
    this.spec.validations.push({ range, kind: "list", items, prompt });
    return this;
  }

  number(range: string, min?: number, max?: number, prompt?: string): this {
    this.spec.validations.push({ range, kind: "number", min, max, prompt } as ValidationSpec);
    return this;
  }

  /** A workbook-scoped name for a range of this sheet. */
  name(name: string, range: string, comment?: string): this {
    this.template.names.push({ name, sheet: this.spec.name, range, comment });
    return this;
  }

  /** A table whose header row is at `at`, with `rows` data rows below it. */
  table(at: string, rows: number, columns: readonly Column[], totalLabel = "Total"): Table {
    const table = new Table(at, rows, columns);
    columns.forEach((column, k) => {
      const letter = table.letter(column.key);
      const data = table.range(column.key);
      const header = `${letter}${table.headerRow}`;
      if (column.headerFormula) this.formula(header, column.headerFormula, { style: STYLE.header });
      else if (column.headerInput) this.input(header, column.header);
      else this.value(header, column.header, { style: STYLE.header });
      if (column.width !== undefined) this.spec.widths[letter] = column.width;
      if (column.name) this.name(column.name, data, column.comment);
      if (column.input) {
        column.input.forEach((v, i) => {
          if (v !== null) this.put({ at: `${letter}${table.firstRow + i}`, value: v });
        });
        this.look(data, { format: column.format, style: STYLE.input, input: true });
        if (column.list) this.list(data, column.list, column.prompt);
        if (column.min !== undefined || column.max !== undefined) this.number(data, column.min, column.max, column.prompt);
      } else if (column.fixed) {
        column.fixed.forEach((v, i) => this.value(`${letter}${table.firstRow + i}`, v));
        if (column.format) this.look(data, { format: column.format });
      } else if (column.each) {
        for (let r = table.firstRow; r <= table.lastRow; r++) this.put({ at: `${letter}${r}`, formula: column.each(r, table) });
        this.look(data, { format: column.format, style: STYLE.calc });
      } else if (column.spill) {
        this.spill(data, column.spill(table), { format: column.format });
      }
      if (column.total !== undefined && rows > 0) {
        const cell = `${letter}${table.totalRow}`;
        this.formula(cell, column.total === "sum" ? `SUM(${data})` : column.total(table), { format: column.format, style: STYLE.total });
        if (column.totalName) this.name(column.totalName, cell);
      } else if (k === 0 && columns.some((c) => c.total !== undefined)) {
        this.value(`${letter}${table.totalRow}`, totalLabel, { style: STYLE.total });
      }
    });
    return table;
  }
}

/** One column of a table: its header, and where its values come from (exactly one of input, fixed, each, spill). */
export interface Column {
  key: string;
  header: string;
  /** A header that follows another cell, e.g. a partner's name. */
  headerFormula?: string;
  /** A header the user types (e.g. a scenario's name). */
  headerInput?: boolean;
  width?: number;
  format?: string;
  /** Typed-in values, one per row (null = a blank input cell); unlocked and shaded. */
  input?: readonly Scalar[];
  /** Locked constants, one per row (e.g. codes from a published file). */
  fixed?: readonly Scalar[];
  /** A formula for each row (sheet row number given). */
  each?: (row: number, table: Table) => string;
  /** One spilling formula that fills the column. */
  spill?: (table: Table) => string;
  /** A defined name over the column's data cells. */
  name?: string;
  comment?: string;
  /** Data validation for inputs. */
  list?: readonly string[];
  min?: number;
  max?: number;
  prompt?: string;
  /** A total under the column: "sum", or a formula. */
  total?: "sum" | ((table: Table) => string);
  totalName?: string;
}

/** Where a table's columns and rows are. */
export class Table {
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRow: number;
  private readonly firstColumn: number;
  private readonly keys: string[];

  constructor(at: string, readonly rows: number, columns: readonly Column[]) {
    const { row, col } = parseCell(at);
    this.headerRow = row + 1;
    this.firstRow = this.headerRow + 1;
    this.lastRow = this.headerRow + rows;
    this.totalRow = this.lastRow + 1;
    this.firstColumn = col;
    this.keys = columns.map((c) => c.key);
  }

  letter(key: string): string {
    const k = this.keys.indexOf(key);
    if (k < 0) throw new Error(`no column "${key}" in this table`);
    return columnLetters(this.firstColumn + k);
  }

  /** The column's data cells, e.g. "C6:C11" (absolute with `$`). */
  range(key: string, absolute = false): string {
    return rangeAddress(blockRect(`${this.letter(key)}${this.firstRow}`, this.rows, 1), absolute);
  }

  /** The block from one column to another across the data rows, e.g. "B16:E18". */
  block(fromKey: string, toKey: string): string {
    return `${this.letter(fromKey)}${this.firstRow}:${this.letter(toKey)}${this.lastRow}`;
  }

  cell(key: string, row: number): string {
    return `${this.letter(key)}${row}`;
  }
}

export class TemplateBuilder {
  readonly sheets: SheetBuilder[] = [];
  readonly names: NameSpec[] = [];

  sheet(name: string, print: PrintSpec = { orientation: "portrait" }): SheetBuilder {
    const sheet = new SheetBuilder(this, name, print);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Sheets in order, the Cover first; every key figure must be one of the names. */
  build(info: TemplateInfo, keyFigures: readonly KeyFigure[], extras: BuildExtras = {}): TemplateSpec {
    const known = new Set(this.names.map((n) => n.name));
    const unknown = keyFigures.find((k) => !known.has(k.name));
    if (unknown) throw new Error(`key figure ${unknown.name} is not a defined name of ${info.name}`);
    const seen = new Set<string>();
    for (const n of this.names) {
      // Letters then digits reads as a cell (Excel's columns end at XFD, the engine's do not); so does R1C1.
      if (/^[A-Za-z]+\d+$/.test(n.name) || /^R\d*C\d*$/i.test(n.name)) throw new Error(`${info.name}: the name ${n.name} looks like a cell reference`);
      if (seen.has(n.name.toLowerCase())) throw new Error(`${info.name}: the name ${n.name} is defined twice`);
      seen.add(n.name.toLowerCase());
    }
    const sheets = this.sheets.map((s) => s.spec);
    const cover = sheets.findIndex((s) => s.name === COVER_SHEET);
    if (cover > 0) sheets.unshift(...sheets.splice(cover, 1));
    const tables = extras.tables ?? [];
    const badColumn = tables.flatMap((t) => t.columns).find((c) => !known.has(c.name));
    if (badColumn) throw new Error(`table column ${badColumn.name} is not a defined name of ${info.name}`);
    return {
      ...info,
      sheets,
      names: this.names,
      keyFigures: [...keyFigures],
      tables,
      ...(extras.prefilledFrom ? { prefilledFrom: extras.prefilledFrom } : {}),
      ...(extras.shape ? { shape: extras.shape } : {}),
    };
  }
}
