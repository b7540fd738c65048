/**
 * How the Returns page writes what the checker reports: values with thousands separators,
 * verdicts, finding kinds in plain words, and the summary as one sentence. Pure, so the page and
 * its tests agree on every string.
 */
import type { Finding, FindingKind, KeyFigureValue, ReturnResult, ReturnsSummary, Verdict } from "../returns/types";
import { WARNING_KINDS } from "../returns/types";

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A scalar key figure as the table shows it; undefined for a range (shown in the consolidated workbook). */
export function formatScalar(value: KeyFigureValue): string | undefined {
  if (Array.isArray(value)) return undefined;
  if (value === null) return "(blank)";
  if (typeof value === "number") return NUMBER.format(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return value.error;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(count)} ${count === 1 ? one : many}`;
}

export const VERDICT_LABELS: Record<Verdict, string> = { clean: "Clean", findings: "Findings", unreadable: "Unreadable" };

/** Each kind in plain words; the kind itself (stored in reports) stays in the page's data attributes. */
export const KIND_LABELS: Record<FindingKind, string> = {
  unreadable: "Cannot be read",
  "not-a-return": "Not a return",
  "wrong-template": "Wrong template",
  "old-version": "Old template version",
  "missing-sheet": "Sheet missing or renamed",
  "missing-name": "Defined name missing",
  "hard-coded": "Formula typed over",
  "formula-changed": "Formula changed",
  "rows-changed": "Rows inserted or deleted",
  unprotected: "Protection removed",
  "check-false": "Check is FALSE",
  error: "Error value",
  "value-differs": "Saved value differs",
  "not-recalculated": "Not recalculated (warning)",
  "cover-incomplete": "Cover incomplete",
  duplicate: "Sent twice",
  "missing-return": "Return not sent",
};

export function isWarning(finding: Finding): boolean {
  return WARNING_KINDS.has(finding.kind);
}

/** "3 findings", "2 findings, 1 warning", "1 warning", "None". */
export function findingsCount(result: ReturnResult): string {
  const warnings = result.findings.filter(isWarning).length;
  const failures = result.findings.length - warnings;
  const parts = [failures > 0 ? plural(failures, "finding") : "", warnings > 0 ? plural(warnings, "warning") : ""].filter(Boolean);
  return parts.length === 0 ? "None" : parts.join(", ");
}

/**
 * "42 returns: 38 clean, 2 with findings, 1 unreadable; 1 expected organisation sent none." The
 * missing ones are counted only when a list of expected organisations was given.
 */
export function summarySentence(summary: ReturnsSummary, expectedListed: boolean): string {
  const counts = `${plural(summary.returns, "return")}: ${NUMBER.format(summary.clean)} clean, ${NUMBER.format(summary.withFindings)} with findings, ${NUMBER.format(summary.unreadable)} unreadable`;
  if (!expectedListed) return `${counts}.`;
  const missing = summary.missing === 0 ? "every expected organisation sent one" : `${plural(summary.missing, "expected organisation")} sent none`;
  return `${counts}; ${missing}.`;
}

const KIND_ORDER = new Map<FindingKind, number>(Object.keys(KIND_LABELS).map((k, i) => [k as FindingKind, i]));

/** Row and column of an A1 cell ("B7", or a block's first cell), for sorting; unknown last. */
function cellOrder(cell: string | undefined): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/.exec(cell ?? "");
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  const col = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

/** Findings by kind (in RETURNS.md's order), then sheet, then cell (row, then column). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => {
    const byKind = (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99);
    if (byKind !== 0) return byKind;
    const bySheet = (a.sheet ?? "").localeCompare(b.sheet ?? "");
    if (bySheet !== 0) return bySheet;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return ra - rb || ca - cb;
  });
}
