/**
 * Typed errors of the core. Every face renders them its own way (CustomFunctions.Error in Excel,
 * CellError in the engine, "code<TAB>message" on the CLI); the core never throws anything else
 * to a caller of `evaluate`.
 */
export const ERROR_CODES = ["#VALUE!", "#NUM!", "#DIV/0!", "#N/A", "#REF!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#CYCLE!", "#ERROR!"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error as a cell value: what a face receives from, and hands back to, a grid. */
export interface ErrorValue {
  readonly error: ErrorCode;
  readonly message: string;
}

export function isErrorValue(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && typeof (value as ErrorValue).error === "string";
}

/** Where a problem is: the function, the argument and (1-based, within the argument's range) the row. */
export interface ErrorSite {
  fn: string;
  argument?: string;
  row?: number;
  /** 1-based column, only for arguments that are genuinely two-dimensional. */
  column?: number;
}

/** A validation or domain failure. Thrown inside the core, caught once by `evaluate`. */
export class IcsError extends Error {
  readonly code: ErrorCode;
  readonly argument?: string;
  readonly row?: number;

  constructor(code: ErrorCode, message: string, argument?: string, row?: number) {
    super(message);
    this.name = "IcsError";
    this.code = code;
    this.argument = argument;
    this.row = row;
  }

  toValue(): ErrorValue {
    return { error: this.code, message: this.message };
  }
}

/** `ICS.<NAME>: <argument>[ row r]: <what is wrong>`, the catalogue's message form. */
export function describeSite(site: ErrorSite): string {
  let text = `ICS.${site.fn}`;
  if (site.argument) text += `: ${site.argument}`;
  if (site.row !== undefined) text += ` row ${site.row}`;
  if (site.column !== undefined) text += ` column ${site.column}`;
  return text;
}

export function icsError(site: ErrorSite, what: string, code: ErrorCode = "#VALUE!"): IcsError {
  return new IcsError(code, `${describeSite(site)}: ${what}`, site.argument, site.row);
}

/** An error already present in an input cell travels on unchanged, as in Excel. */
export function propagated(value: ErrorValue): IcsError {
  return new IcsError(value.error, value.message);
}
