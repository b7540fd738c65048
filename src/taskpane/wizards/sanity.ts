/**
 * Sanity checks that ask rather than block: an entry the core accepts but a finance user
 * probably did not mean. Each is a question with an answer that changes the inputs ("Switch the
 * sheet to £") and one that keeps them; kept answers are not asked again for the same entry.
 */
import { entryCell } from "./entry";
import { money, plain } from "./messages";
import { Units } from "./sheet";

export interface Warning {
  /** Stable for the same question about the same entry, so a "keep" is remembered. */
  key: string;
  /** The field the question is about, for when to show it. */
  field: string;
  message: string;
  /** The answer that changes the inputs, if there is one. */
  fix?: { label: string; kind: "units-pounds" | "units-thousands" | "negate" };
  keep: string;
}

/** An ICS's whole allocation is a few £bn; more than £50bn in one box is a slip of the units. */
const MOST_IN_THOUSANDS = 50_000_000;

export interface MoneyEntry {
  field: string;
  label: string;
  text: string;
}

/** Amounts implausible for the sheet's units, and a £ sign typed in a £000 sheet. */
export function unitWarnings(units: Units, entries: readonly MoneyEntry[]): Warning[] {
  if (units !== "£000") return [];
  const out: Warning[] = [];
  for (const e of entries) {
    const value = entryCell(e.text);
    if (typeof value !== "number") continue;
    if (e.text.includes("£")) {
      out.push({
        key: `pound|${e.field}|${e.text}`,
        field: e.field,
        message: `${e.label}: you typed a £ sign, but the sheet is in £000, so ${e.text.trim()} is read as ${money(value, "£000")} (${plain(value * 1000)} pounds). Is it in pounds?`,
        fix: { label: "It is in pounds: switch the sheet to £", kind: "units-pounds" },
        keep: "It is in £000",
      });
    } else if (Math.abs(value) >= MOST_IN_THOUSANDS) {
      out.push({
        key: `size|${e.field}|${e.text}`,
        field: e.field,
        message: `${e.label}: ${plain(value)} in £000 is £${plain(Math.round(value / 1e6))}bn, more than any system's allocation. Did you type it in pounds?`,
        fix: { label: "It is in pounds: switch the sheet to £", kind: "units-pounds" },
        keep: "Keep £000",
      });
    }
  }
  return out;
}

const UNDER = /\b(under ?spend|surplus|saving|savings|gain)\b/i;
const OVER = /\b(over ?spend|deficit|pressure|shortfall|loss)\b/i;

/** A what-if whose sign contradicts its label: an "Underspend" of +1,200 is an overspend. */
export function signWarnings(units: Units, whatIfs: readonly { field: string; label: string; text: string }[]): Warning[] {
  const out: Warning[] = [];
  for (const w of whatIfs) {
    const value = entryCell(w.text);
    if (typeof value !== "number" || value === 0) continue;
    const under = UNDER.test(w.label) && !OVER.test(w.label);
    const over = OVER.test(w.label) && !UNDER.test(w.label);
    if ((under && value > 0) || (over && value < 0)) {
      out.push({
        key: `sign|${w.field}|${w.text}`,
        field: w.field,
        message: `"${w.label.trim()}" is ${value > 0 ? "+" : ""}${money(value, units)}, which is ${value > 0 ? "an overspend" : "an underspend"}: overspends are + and underspends −. Make it ${money(-value, units)}?`,
        fix: { label: `Make it ${money(-value, units)}`, kind: "negate" },
        keep: `Keep ${value > 0 ? "+" : ""}${money(value, units)}`,
      });
    }
  }
  return out;
}

/** The text of an entry with its sign turned over, as a user would type it. */
export function negated(text: string): string {
  const t = text.trim();
  if (t.startsWith("-") || t.startsWith("−")) return t.slice(1).trim();
  if (t.startsWith("+")) return `-${t.slice(1).trim()}`;
  return `-${t}`;
}
