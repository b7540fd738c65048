/**
 * The shape of a catalogue entry. Each `ICS.*` function is declared once, in its own module under
 * this folder; the Excel wrappers, the engine plugin, the CLI and the reference page are checked
 * against these declarations.
 */
import { ArgValue, Output, Shape } from "../cells";
import { ErrorCode } from "../errors";

export interface ArgumentSpec {
  /** The name users see in Excel's formula builder (snake_case, as in FUNCTIONS.md). */
  readonly name: string;
  /** "scalar": one value (a range of one cell counts); "range": a column, row or table. */
  readonly kind: "scalar" | "range";
  readonly optional: boolean;
  /** Help text for Excel's formula builder and the reference page. */
  readonly help: string;
}

export type ResultSpec =
  | { readonly kind: "scalar"; readonly type: "number" | "boolean" | "text"; readonly describe: string }
  | {
      readonly kind: "spill";
      readonly describe: string;
      /**
       * The spill's size from the arguments' shapes alone (an engine sizes a spill before it sees the
       * values). `undefined` shapes are arguments left out. Results smaller than this are padded
       * with blanks by the engine.
       */
      readonly size: (shapes: readonly (Shape | undefined)[]) => Shape;
    };

export interface ExampleSpec {
  readonly formula: string;
  /** The result as `ics-finance eval` prints it. */
  readonly result: string;
}

export interface ErrorSpec {
  readonly code: ErrorCode;
  readonly when: string;
}

export interface FunctionSpec {
  /** The id without the namespace: `DELEGATE` is `=ICS.DELEGATE()` in Excel. Never rename. */
  readonly name: string;
  readonly description: string;
  /** Paragraphs for the reference page only (e.g. which parameters applied in which year); not in Excel's help. */
  readonly notes?: readonly string[];
  /** In order. Never reorder once released: ids and argument positions are stored in workbooks. */
  readonly args: readonly ArgumentSpec[];
  readonly result: ResultSpec;
  readonly examples: readonly ExampleSpec[];
  readonly errors: readonly ErrorSpec[];
  /** The core entry: arguments in catalogue order, `undefined` for those left out. May throw IcsError. */
  readonly compute: (args: readonly ArgValue[]) => Output;
}

export const COMMON_ERRORS: readonly ErrorSpec[] = [
  { code: "#VALUE!", when: "an argument holds text or TRUE/FALSE where a number is needed, or has the wrong shape (the message names the argument and row)" },
  { code: "#NUM!", when: "a number is not finite or is beyond ±1e15" },
];

export const ROUND_TO_ARG: ArgumentSpec = {
  name: "round_to",
  kind: "scalar",
  optional: true,
  help: "Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.",
};

export const ROUND_TO_ERROR: ErrorSpec = { code: "#VALUE!", when: "round_to is not a positive power of ten" };

export function column(shape: Shape | undefined): Shape {
  if (!shape) return { rows: 1, cols: 1 };
  return { rows: shape.cols === 1 ? shape.rows : shape.rows === 1 ? shape.cols : shape.rows, cols: 1 };
}
