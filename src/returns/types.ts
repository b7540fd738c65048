/**
 * What `ics-finance returns` and the Returns page report (../shared/spec/RETURNS.md): the findings
 * of each return, its identity and key figures, and what belongs to no single file (a duplicate,
 * a return never sent). Plain data, the same in Node and the browser, and the `--json` output as is.
 */

/** Every kind RETURNS.md lists; stored in reports central teams keep, so never renamed. */
export const FINDING_KINDS = [
  "unreadable",
  "not-a-return",
  "wrong-template",
  "old-version",
  "missing-sheet",
  "missing-name",
  "hard-coded",
  "formula-changed",
  "rows-changed",
  "unprotected",
  "check-false",
  "error",
  "value-differs",
  "not-recalculated",
  "cover-incomplete",
  "duplicate",
  "missing-return",
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** `not-recalculated` is a warning (Excel's saved value is kept): a return with only warnings is clean. */
export const WARNING_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>(["not-recalculated"]);

export interface Finding {
  kind: FindingKind;
  /** The return it is about; none for `duplicate` and `missing-return`, which belong to no single file. */
  file?: string;
  /** `duplicate`: every file that holds the same organisation, year and round. */
  files?: string[];
  /** `duplicate` and `missing-return`: the organisation concerned. */
  organisationCode?: string;
  sheet?: string;
  /** A cell ("B7") or a block ("F19:F22"). */
  cell?: string;
  /** Plain English: what is wrong and what to do. */
  message: string;
}

export type Verdict = "clean" | "findings" | "unreadable";

/** A cell's value as the report and the consolidated workbook carry it. */
export type ReportValue = number | string | boolean | null | { error: string };

/** A key figure: one cell's value, or a range's values in order (e.g. each place's budget). */
export type KeyFigureValue = ReportValue | ReportValue[];

export interface ReturnResult {
  file: string;
  template?: string;
  templateVersion?: string;
  organisationCode?: string;
  organisationName?: string;
  icbCode?: string;
  financialYear?: string;
  submissionRound?: string;
  verdict: Verdict;
  /** By defined name, recalculated (a return's own figures, as its formulas give them). */
  keyFigures: Record<string, KeyFigureValue>;
  findings: Finding[];
  /**
   * The rows of each table the template declares for consolidation (`TemplateSpec.tables`), by
   * table key: one row per table row, values in the table's column order. Not in `--json`.
   */
  tables?: Record<string, ReportValue[][]>;
}

export interface ReturnsSummary {
  returns: number;
  clean: number;
  withFindings: number;
  unreadable: number;
  missing: number;
}

/** Every return checked together: the `--json` object. */
export interface Collection {
  returns: ReturnResult[];
  /** Findings that belong to no single return: `duplicate`, `missing-return`. */
  findings: Finding[];
  summary: ReturnsSummary;
}

export interface CheckOptions {
  /** `--template`: returns of another template are `wrong-template` findings. */
  template?: string;
}
