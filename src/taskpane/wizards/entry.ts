/**
 * What a wizard's text box holds, read the way Excel reads a typed cell entry: "1,250.5",
 * "£1,250", "-40" and "85%" are numbers, a blank box is a blank cell, anything else stays text
 * so the core can say what is wrong with it in its own words.
 */
import { Decimal } from "../../core/money";

// Sign, then an optional £ (or £ then sign), digits with or without thousands commas, decimals, %.
const NUMBER = /^([+-]?)(?:£([+-]?))?(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(%)?$/;

/** A typed entry: a number, text, or null for a blank box (a cell both the core and the port accept). */
export type Entry = number | string | null;

export function entryCell(text: string): Entry {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const m = NUMBER.exec(trimmed);
  if (!m) return trimmed;
  const [, sign1, sign2 = "", whole, fraction = "", percent] = m;
  if ((sign1 && sign2) || (whole === "" && fraction === "") || (percent && trimmed.includes("£"))) return trimmed;
  const digits = `${sign1 || sign2}${whole.replace(/,/g, "") || "0"}${fraction}`;
  // Percentages through Decimal, so "57.5%" is 0.575 and not 0.5750000000000001.
  const n = percent ? new Decimal(digits).dividedBy(100).toNumber() : Number(digits);
  return Object.is(n, -0) ? 0 : n;
}

/** Cells of a column as the core receives a range: one row per entry. */
export function entryColumn(texts: readonly string[]): Entry[][] {
  return texts.map((t) => [entryCell(t)]);
}

/** True when every box of a row is empty (such rows are left off the sheet at the end). */
export function isBlankRow(texts: readonly string[]): boolean {
  return texts.every((t) => t.trim() === "");
}

/** The rows up to the last one with anything in it. */
export function usedRows<T>(rows: readonly T[], texts: (row: T) => string[]): T[] {
  let last = rows.length - 1;
  while (last >= 0 && isBlankRow(texts(rows[last]))) last--;
  return rows.slice(0, last + 1);
}
