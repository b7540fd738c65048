/**
 * A workbook template as data: sheets of cells (constants or formulas), number formats, styles,
 * input cells, validation, defined names, protection and print settings. One spec feeds both
 * renderers — `xlsx.ts` (a file, with cached values from the engine) and `ops.ts` (WorkbookOp[]
 * for the task pane) — so a formula is written once.
 */
import type { CellStyle } from "../workbook/port";

export type Scalar = number | string | boolean | null;

/** One cell: a constant, or a formula (without the leading "="). */
export type CellSpec =
  | { at: string; value: Scalar }
  | {
      at: string;
      formula: string;
      /** The block a spilling formula fills, e.g. "G6:G11"; files hold it as an array formula. */
      spill?: string;
    };

/** Formatting and locking for a block of cells (spill outputs and blank input rows included). */
export interface RangeSpec {
  range: string;
  format?: string;
  style?: CellStyle;
  /** An input: unlocked, so it can be typed in on a protected sheet. */
  input?: boolean;
}

export type ValidationSpec =
  | { range: string; kind: "list"; items: readonly string[]; prompt?: string }
  | { range: string; kind: "number"; min?: number; max?: number; prompt?: string };

export interface PrintSpec {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page, e.g. "5:5". */
  titleRows?: string;
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  ranges: RangeSpec[];
  /** Column widths in characters, by column letter. */
  widths: Record<string, number>;
  validations: ValidationSpec[];
  /** Protected: locked cells (everything but inputs) cannot be typed over. */
  protect: boolean;
  print: PrintSpec;
}

/** A workbook-scoped name for a range, used in formulas instead of structured references. */
export interface NameSpec {
  name: string;
  sheet: string;
  range: string;
  comment?: string;
}

export interface TemplateInfo {
  /** The CLI's and the task pane's key, e.g. "place-delegation". */
  name: string;
  title: string;
  description: string;
  /**
   * The template's own version (`TemplateVersion` in the file's custom properties, see
   * ../shared/spec/RETURNS.md), e.g. "2026.1". Raise it whenever the template's structure changes.
   */
  version: string;
}

/**
 * A figure a central team compares across returns (the pot, each place's delegated budget, each
 * partner's transfer): a defined name of the template, read by name (`ics-finance returns`).
 */
export interface KeyFigure {
  name: string;
  label: string;
  /** The number format the consolidated workbook shows it in (the template's own), e.g. FORMAT.pounds. */
  format?: string;
}

/**
 * A table of the template that the consolidated workbook gathers across returns (every place of
 * every system with its budget): columns are defined names covering the same number of rows
 * (or one cell, repeated on every row), each row keyed there by the return's organisation code.
 */
export interface ConsolidatedTable {
  /** Stable key, e.g. "places". */
  key: string;
  /** The consolidated sheet's name (31 characters at most), e.g. "Places". */
  sheet: string;
  columns: { name: string; label: string; format?: string }[];
}

/**
 * What a template is built with beyond its fixed text: the numbers (and the organisation codes
 * its formulas name) that decide its layout.
 */
export type TemplateShape = Readonly<Record<string, number | readonly number[] | readonly string[]>>;

export interface TemplateSpec extends TemplateInfo {
  sheets: SheetSpec[];
  names: NameSpec[];
  /** Declared by each template; every one is a name in `names`. */
  keyFigures: KeyFigure[];
  /** When prefilled from data: the file and filter (`PrefilledFrom`), e.g. "practices.csv, ICB QU9". */
  prefilledFrom?: string;
  /** Declared by each template: the tables the consolidated workbook gathers across returns. */
  tables: ConsolidatedTable[];
  /**
   * The layout it was built with where that depends on data (a system's practices per place, a
   * risk share's partners), saved in the file (`TemplateShape`) so a return is compared with the
   * template exactly as it was sent; none for a template whose layout never varies.
   */
  shape?: TemplateShape;
}

/** What `TemplateBuilder.build` takes beyond the key figures. */
export interface BuildExtras {
  prefilledFrom?: string;
  tables?: ConsolidatedTable[];
  shape?: TemplateShape;
}

/** How a template is generated (../shared/spec/RETURNS.md, "Three ways to generate it"). */
export type TemplateMode =
  /** The fictional sample, Cover filled in: recalculates clean and shows a complete return. */
  | "sample"
  /** For distribution: Cover and money inputs empty, honestly incomplete until filled. */
  | "blank"
  /** A blank copy prefilled with a system's codes, places and practices from data. */
  | "prefilled";

/** The sheet every template ends with; `ics-finance recalc` reports each FALSE on it. */
export const CHECKS_SHEET = "Checks";
