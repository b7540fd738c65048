/**
 * What every wizard's sheet shares: units and their number formats, a free sheet name and the
 * defined names derived from it, the house styles, and a small writer that collects the ops.
 */
import { Cell } from "../../core";
import { CellContent, CellStyle, WorkbookOp } from "../../workbook/port";

/** Plans and accounts are in £000; per-head and small budgets in £ (DOMAIN.md "Vocabulary"). */
export type Units = "£" | "£000";
export const UNITS: readonly Units[] = ["£000", "£"];

export function defaultRoundTo(units: Units): string {
  return units === "£" ? "0.01" : "1";
}

/** Decimal places shown for a rounding unit: 0.01 shows two, 1 and above show none. */
export function decimalPlaces(roundTo: Cell): number {
  if (typeof roundTo !== "number" || !(roundTo > 0)) return 0;
  return Math.max(0, -Math.round(Math.log10(roundTo)));
}

/**
 * Money as finance staff read it: thousands separated, negatives red with a minus. Amounts in
 * £000 are entered in thousands already, so the column header carries the unit and the format
 * does not scale.
 */
export function moneyFormat(units: Units, roundTo: Cell): string {
  const dp = decimalPlaces(roundTo);
  const body = `#,##0${dp > 0 ? "." + "0".repeat(dp) : ""}`;
  const pound = units === "£" ? "£" : "";
  return `${pound}${body};[Red]-${pound}${body}`;
}

export const SHARE_FORMAT = "0.0%";
export const INTEGER_FORMAT = "#,##0";
export const DECIMAL_FORMAT = "#,##0.00##";

/** "Amount (£000)" / "Amount (£)". */
export function moneyHeader(label: string, units: Units): string {
  return `${label} (${units})`;
}

/** The base name, or "Pot 2", "Pot 3", ... when taken (Excel compares sheet names without case). */
export function freeSheetName(existing: readonly string[], base: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** Defined names derived from the sheet: "Risk share 2" gives RiskShare2_Method. */
export function namePrefix(sheet: string): string {
  const words = sheet.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z]/.test(joined) ? joined : `S${joined}`;
}

export const STYLE = {
  title: { bold: true, fontColor: "#1F4E79" },
  header: { bold: true, fill: "#DDEBF7", wrapText: true },
  /** Inputs in Excel's "Input" cell style colours: change these, and the formulas follow. */
  input: { fill: "#FFF2CC" },
  result: { bold: true },
  check: { italic: true, fontColor: "#375623" },
  note: { italic: true, fontColor: "#595959" },
} satisfies Record<string, CellStyle>;

/**
 * RANGE_ARGUMENTS: wizards pass range arguments as absolute references ($B$8:$C$11) and scalar
 * inputs as defined names (Delegation_Amount). The headless engine sizes a spilling result from
 * its range arguments before evaluating them and cannot size one through a defined name (the
 * result would be "Cell range not allowed"); Excel has no such limit. The names of the ranges are
 * still defined, for the user's own formulas.
 */
export function absoluteRange(column: string, first: number, last: number, lastColumn = column): string {
  return `$${column}$${first}:$${lastColumn}$${last}`;
}

/** Text that Excel could read as a number or date is written with an apostrophe, as typing '2025/26 does. */
export function asText(text: string): string {
  return /^[\d\s.,/£%+-]+$/.test(text) ? `'${text}` : text;
}

/** Collects the ops that build one sheet, in the order Excel should apply them. */
export class SheetWriter {
  readonly ops: WorkbookOp[];

  constructor(readonly sheet: string) {
    this.ops = [{ op: "addSheet", sheet }];
  }

  cells(at: string, cells: CellContent[][]): this {
    this.ops.push({ op: "cells", sheet: this.sheet, at, cells });
    return this;
  }

  format(range: string, format: string): this {
    this.ops.push({ op: "numberFormat", sheet: this.sheet, range, format });
    return this;
  }

  style(range: string, style: CellStyle): this {
    this.ops.push({ op: "style", sheet: this.sheet, range, style });
    return this;
  }

  /** An input range: input colours, unlocked so the sheet can be protected around it. */
  input(range: string): this {
    this.style(range, STYLE.input);
    this.ops.push({ op: "locked", sheet: this.sheet, range, locked: false });
    return this;
  }

  width(column: string, width: number): this {
    this.ops.push({ op: "columnWidth", sheet: this.sheet, column, width });
    return this;
  }

  name(name: string, range: string, comment?: string): this {
    this.ops.push({ op: "name", name, sheet: this.sheet, range, comment });
    return this;
  }

  list(range: string, items: string[]): this {
    this.ops.push({ op: "validationList", sheet: this.sheet, range, items });
    return this;
  }

  numberRule(range: string, min?: number, max?: number): this {
    this.ops.push({ op: "validationNumber", sheet: this.sheet, range, min, max });
    return this;
  }

  finish(): WorkbookOp[] {
    this.ops.push({ op: "activate", sheet: this.sheet });
    return this.ops;
  }
}
