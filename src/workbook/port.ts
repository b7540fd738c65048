/**
 * The Workbook port: what wizards and templates need from a workbook, and nothing about Office.
 * Adapters: `officejs.ts` (Excel.run, one context.sync() per `apply`) and `engine.ts`
 * (HyperFormula, for the playground and browser tests). The same wizard and template code runs
 * on both.
 */

/** What a cell is given: a number, text, TRUE/FALSE, blank (null), or a formula as "=...". */
export type CellContent = number | string | boolean | null;

/** What a cell reads back as. Errors carry their code (e.g. "#VALUE!") and, where known, a message. */
export type CellReading = number | string | boolean | null | { error: string; message?: string };

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** #RRGGBB */
  fill?: string;
  /** #RRGGBB */
  fontColor?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
  wrapText?: boolean;
}

/**
 * One step of a write. A batch of ops is applied together (one sync in Excel). Ranges are A1
 * addresses on the named sheet ("B2", "B2:D9"); `at` is the top-left cell of a block.
 */
export type WorkbookOp =
  | { op: "addSheet"; sheet: string }
  | { op: "activate"; sheet: string }
  /** Values and formulas (strings starting with "=") written through `range.formulas`. */
  | { op: "cells"; sheet: string; at: string; cells: CellContent[][] }
  | { op: "numberFormat"; sheet: string; range: string; format: string }
  | { op: "style"; sheet: string; range: string; style: CellStyle }
  /** Width in characters of the default font, as Excel's column width dialog. */
  | { op: "columnWidth"; sheet: string; column: string; width: number }
  /** A workbook-scoped defined name. */
  | { op: "name"; name: string; sheet: string; range: string; comment?: string }
  | { op: "validationList"; sheet: string; range: string; items: string[] }
  | { op: "validationNumber"; sheet: string; range: string; min?: number; max?: number }
  | { op: "locked"; sheet: string; range: string; locked: boolean }
  /** Protection on, with no password; `options` as the host reported them (Excel's allowFormatColumns, …). */
  | { op: "protect"; sheet: string; options?: Readonly<Record<string, boolean | string>> }
  /** Protection off, with the empty password every template sheet is protected with. */
  | { op: "unprotect"; sheet: string }
  /** Contents (values and formulas) cleared; formats, locks and validation stay. */
  | { op: "clear"; sheet: string; range: string };

/** A sheet's formula cells as the workbook shows them (a spilled cell holds no formula). */
export interface SheetFormulas {
  sheet: string;
  protected: boolean;
  /** The protection's options as the host reports them, to protect the sheet again as it was. */
  protectionOptions?: Readonly<Record<string, boolean | string>>;
  cells: { address: string; formula: string; value: CellReading }[];
}

export interface WorkbookPort {
  /** Applies the ops in order, as one batch. */
  apply(ops: readonly WorkbookOp[]): Promise<void>;
  readRange(sheet: string, range: string): Promise<CellReading[][]>;
  /** The formulas (or constant values) of a range, as `range.formulas` gives them. */
  readFormulas(sheet: string, range: string): Promise<CellContent[][]>;
  /** The cells a workbook-scoped name refers to. */
  readName(name: string): Promise<CellReading[][]>;
  /** Sheet name and A1 address of the current selection. */
  getSelection(): Promise<{ sheet: string; range: string }>;
  sheetNames(): Promise<string[]>;
  /** Every sheet's formula cells, with what each shows, and whether the sheet is protected. */
  readFormulaCells(): Promise<SheetFormulas[]>;
}
