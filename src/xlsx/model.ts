/**
 * A workbook as the file layer hands it to the rest of the code: plain cells, formulas, names,
 * tables and properties, with nothing of OOXML left in it. The reader (`src/xlsx/read`) builds it
 * from an untrusted package; recalculation, `recalc` and `returns` consume it. Runs in Node and
 * the browser: no Node modules here.
 */
import type { ErrorCode } from "../core";

export type CellScalar = number | string | boolean;

/** How a formula was saved: plain, a legacy (Ctrl+Shift+Enter) array, or an Excel 365 dynamic array. */
export type FormulaKind = "plain" | "array" | "dynamic";

export interface ReadCell {
  /** Zero-based. */
  readonly row: number;
  readonly col: number;
  /**
   * The constant in the cell, or the value Excel saved for a formula (its cached result). Dates
   * are serial numbers in the workbook's own date system (see `ReadWorkbook.date1904`).
   */
  readonly value?: CellScalar;
  /** An error value typed in the cell or saved as a formula's result. */
  readonly error?: ErrorCode;
  /**
   * The formula as saved, without the leading "=" and with shared formulas already translated to
   * this cell; `_xlfn.` and `_xldudf_` prefixes are kept as the file has them.
   */
  readonly formula?: string;
  readonly formulaKind?: FormulaKind;
  /** The block an array or dynamic-array formula fills, as saved, e.g. "F19:F22". */
  readonly ref?: string;
  /**
   * Why the cell has a formula the reader did not read: longer or nested deeper than the limits
   * (`ReadLimits`), a what-if data table (`TABLE`), a shared formula whose master is missing. The
   * cell keeps its saved value and is not to be recalculated; `ReadWorkbook.warnings` names it too.
   */
  readonly unreadFormula?: string;
}

export interface ReadSheet {
  readonly name: string;
  /** Part name in the package, e.g. "xl/worksheets/sheet1.xml". */
  readonly part: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** Cells in row-major order; empty cells are absent. */
  readonly cells: readonly ReadCell[];
  /** `<sheetProtection sheet="1">` present. */
  readonly protected: boolean;
  /** Kept as ranges, never expanded ("A1:XFD1048576" costs nothing). */
  readonly merges: readonly string[];
  readonly validations: readonly { readonly sqref: string; readonly type: string; readonly formula1?: string }[];
  /**
   * Zero-based rows saved hidden (`<row hidden="1">`: hidden by hand, collapsed in a group, or
   * filtered out), ascending. SUBTOTAL 101–111 and AGGREGATE's options 1, 3, 5 and 7 leave them
   * out, as Excel does. Absent when the reader does not say.
   */
  readonly hiddenRows?: readonly number[];
}

/** A defined name of any kind, as the file has it. */
export interface DefinedName {
  readonly name: string;
  /** The sheet a sheet-scoped name belongs to (`localSheetId`); undefined for workbook scope. */
  readonly scope?: string;
  /**
   * What it refers to, as saved without "=": a reference ("Sheet1!$A$1:$A$3"), several areas
   * ("Sheet1!$A$1,Sheet1!$C$1"), a constant ("0.2", "\"text\""), or a formula.
   */
  readonly refersTo: string;
  readonly hidden: boolean;
}

export interface TableDef {
  /** The name structured references use (`displayName`). */
  readonly name: string;
  readonly sheet: string;
  /** The whole table, header and totals rows included, e.g. "B2:E10". */
  readonly ref: string;
  readonly columns: readonly string[];
  readonly headerRows: number;
  readonly totalsRows: number;
}

export type PropertyValue = string | number | boolean;

export interface ReadWorkbook {
  readonly sheets: readonly ReadSheet[];
  readonly names: readonly DefinedName[];
  readonly tables: readonly TableDef[];
  /** `<workbookPr date1904="1">`: serial 0 is 1904-01-01 (Mac Excel before 2011). */
  readonly date1904: boolean;
  readonly calc: { readonly calcId?: number; readonly mode: "auto" | "manual" | "autoNoTable"; readonly fullCalcOnLoad: boolean };
  /** Custom document properties (`docProps/custom.xml`), by name. */
  readonly customProperties: Readonly<Record<string, PropertyValue>>;
  /** The package holds VBA (`.xlsm`); it is never run. */
  readonly hasMacros: boolean;
  /** External workbook links (`xl/externalLinks/`): never followed. */
  readonly externalLinks: number;
  /** What the reader passed over, in plain words (e.g. "a chart part could not be read"). */
  readonly warnings: readonly string[];
}
