/**
 * The consolidated workbook of `ics-finance returns --out` and the Returns page
 * (../shared/spec/RETURNS.md, "The consolidated workbook"): a Summary row per return with its key
 * figures, every finding on a filtered Findings sheet, and one sheet per template table gathering
 * that table's rows from every return of the template, each row keyed by organisation code.
 * Values only, formatted as the templates format them, readable without the add-in. Runs in Node
 * and the browser.
 */
import { templateSpec } from "../templates";
import { FORMAT } from "../templates/builder";
import type { ConsolidatedTable, TemplateSpec } from "../templates/spec";
import { SheetValue, ValuesColumn, ValuesSheet, ValuesWorkbook, uniqueSheetName, writeValuesWorkbook } from "../xlsx/write/valuesWorkbook";
import type { Collection, Finding, KeyFigureValue, ReportValue, ReturnResult } from "./types";

export const SUMMARY_SHEET = "Summary";
export const FINDINGS_SHEET = "Findings";

export interface ConsolidateOptions {
  /**
   * The spec a template name stands for, or undefined when no template has that name (a return
   * naming an unknown template still gets its Summary row). Default: the current spec
   * (`templateSpec`), looked up once per name.
   */
  specOf?: (template: string) => TemplateSpec | undefined;
}

function currentSpec(template: string): TemplateSpec | undefined {
  try {
    return templateSpec(template);
  } catch {
    return undefined;
  }
}

const IDENTITY_COLUMNS: readonly ValuesColumn[] = [
  { header: "File" },
  { header: "Organisation code" },
  { header: "Organisation name" },
  { header: "ICB" },
  { header: "Financial year" },
  { header: "Submission round" },
  { header: "Template" },
  { header: "Template version" },
  { header: "Verdict" },
  { header: "Findings", format: FORMAT.count },
];

const FINDINGS_COLUMNS: readonly ValuesColumn[] = [
  { header: "File" },
  { header: "Organisation code" },
  { header: "Organisation name" },
  { header: "Kind" },
  { header: "Sheet" },
  { header: "Cell" },
  { header: "Message", width: 100 },
];

interface TemplateGroup {
  name: string;
  spec?: TemplateSpec;
  returns: ReturnResult[];
}

/** Returns grouped by template, in the order each template first appears. */
function groupByTemplate(collection: Collection, specOf: (name: string) => TemplateSpec | undefined): TemplateGroup[] {
  const groups = new Map<string, TemplateGroup>();
  for (const r of collection.returns) {
    if (r.template === undefined) continue;
    let group = groups.get(r.template);
    if (!group) {
      group = { name: r.template, spec: specOf(r.template), returns: [] };
      groups.set(r.template, group);
    }
    group.returns.push(r);
  }
  return [...groups.values()];
}

/** A key figure of one cell (a range belongs in a table sheet); its defined name covers no ":". */
function isSingleCell(spec: TemplateSpec, name: string): boolean {
  const defined = spec.names.find((n) => n.name === name);
  return defined !== undefined && !defined.range.includes(":");
}

function scalar(value: KeyFigureValue | undefined): ReportValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.length === 1 ? value[0] : null;
  return value;
}

interface SummaryFigure {
  template: string;
  name: string;
  column: ValuesColumn;
}

/** Each template's one-cell key figures, headed by label; a label two templates share is prefixed by the template. */
function summaryFigures(groups: readonly TemplateGroup[]): SummaryFigure[] {
  const figures = groups.flatMap((g) =>
    (g.spec?.keyFigures ?? []).filter((k) => isSingleCell(g.spec!, k.name)).map((k) => ({ template: g.name, name: k.name, label: k.label, format: k.format })),
  );
  const templatesByLabel = new Map<string, Set<string>>();
  for (const f of figures) {
    const key = f.label.toLowerCase();
    templatesByLabel.set(key, (templatesByLabel.get(key) ?? new Set()).add(f.template));
  }
  return figures.map((f) => ({
    template: f.template,
    name: f.name,
    column: { header: templatesByLabel.get(f.label.toLowerCase())!.size > 1 ? `${f.template}: ${f.label}` : f.label, format: f.format },
  }));
}

function summarySheet(collection: Collection, figures: readonly SummaryFigure[]): ValuesSheet {
  const rows = collection.returns.map((r): SheetValue[] => [
    r.file,
    r.organisationCode ?? null,
    r.organisationName ?? null,
    r.icbCode ?? null,
    r.financialYear ?? null,
    r.submissionRound ?? null,
    r.template ?? null,
    r.templateVersion ?? null,
    r.verdict,
    r.findings.length,
    ...figures.map((f) => (f.template === r.template ? scalar(r.keyFigures[f.name]) : null)),
  ]);
  return { name: SUMMARY_SHEET, columns: [...IDENTITY_COLUMNS, ...figures.map((f) => f.column)], rows, filter: true };
}

/**
 * One row per finding. A collection's own finding names its organisation (and a duplicate its
 * files, listed in one cell); the organisation's name comes from a return of that organisation.
 */
function findingsSheet(collection: Collection): ValuesSheet {
  const byFile = new Map<string, ReturnResult>();
  const byCode = new Map<string, ReturnResult>();
  for (const r of collection.returns) {
    if (!byFile.has(r.file)) byFile.set(r.file, r);
    const code = r.organisationCode?.toUpperCase();
    if (code && !byCode.has(code)) byCode.set(code, r);
  }
  const row = (f: Finding, owner: ReturnResult | undefined): SheetValue[] => {
    const files = f.files?.length ? f.files : f.file !== undefined ? [f.file] : owner ? [owner.file] : [];
    const code = f.organisationCode ?? owner?.organisationCode;
    const named = owner ?? (code ? byCode.get(code.toUpperCase()) : undefined) ?? (files.length ? byFile.get(files[0]) : undefined);
    return [files.length ? files.join(", ") : null, code ?? null, named?.organisationName ?? null, f.kind, f.sheet ?? null, f.cell ?? null, f.message];
  };
  const rows = [...collection.returns.flatMap((r) => r.findings.map((f) => row(f, r))), ...collection.findings.map((f) => row(f, undefined))];
  return { name: FINDINGS_SHEET, columns: FINDINGS_COLUMNS, rows, filter: true };
}

function isBlank(v: ReportValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A spare row of the template (its first column, the row's label, blank) is left out unless it
 * holds a figure: a number other than 0, or an error. Text and TRUE/FALSE there are the
 * template's defaults (a spare service line's method), not something a return filled in.
 */
function isSpareRow(row: readonly ReportValue[]): boolean {
  if (!isBlank(row[0])) return false;
  return row.every((v) => v === null || v === undefined || v === 0 || typeof v === "string" || typeof v === "boolean");
}

function tableSheet(name: string, table: ConsolidatedTable, group: TemplateGroup): ValuesSheet {
  const width = table.columns.length;
  const rows: SheetValue[][] = [];
  for (const r of group.returns) {
    for (const values of r.tables?.[table.key] ?? []) {
      const cells = Array.from({ length: width }, (_, i) => values[i] ?? null);
      if (isSpareRow(cells)) continue;
      rows.push([r.organisationCode ?? null, r.organisationName ?? null, ...cells, r.file]);
    }
  }
  return {
    name,
    columns: [{ header: "Organisation code" }, { header: "Organisation name" }, ...table.columns.map((c) => ({ header: c.label, format: c.format })), { header: "File" }],
    rows,
    filter: true,
  };
}

/**
 * A template table's rows from its columns' values (for `ReturnResult.tables`): each column is a
 * defined name's values in order (a range read row by row), or one value repeated on every row
 * (a one-cell name); the table has as many rows as its longest column (one when every column is
 * one cell, as a merger's single body after is), a shorter column ending in blanks, and a column
 * whose name the return lacks blank.
 */
export function tableRows(table: ConsolidatedTable, valuesOf: (name: string) => KeyFigureValue | undefined): ReportValue[][] {
  const columns = table.columns.map((c) => valuesOf(c.name));
  const longest = Math.max(0, ...columns.map((v) => (Array.isArray(v) ? v.length : 0)));
  const rows = longest === 0 && columns.some((v) => v !== undefined && !Array.isArray(v)) ? 1 : longest;
  return Array.from({ length: rows }, (_, i) => columns.map((v) => (Array.isArray(v) ? (v[i] ?? null) : (v ?? null))));
}

/** The table's own sheet name; taken already, the name with its template's, then numbered. */
function tableSheetName(wanted: string, template: string, taken: Set<string>): string {
  if (!taken.has(wanted.toUpperCase())) return uniqueSheetName(wanted, taken);
  const qualified = `${wanted} (${template})`;
  return uniqueSheetName(qualified.length <= 31 && !taken.has(qualified.toUpperCase()) ? qualified : wanted, taken);
}

/** The consolidated workbook's sheets, before they are written. */
export function consolidatedSheets(collection: Collection, options: ConsolidateOptions = {}): ValuesWorkbook {
  const specs = new Map<string, TemplateSpec | undefined>();
  const lookup = options.specOf ?? currentSpec;
  const specOf = (name: string) => {
    if (!specs.has(name)) specs.set(name, lookup(name));
    return specs.get(name);
  };
  const groups = groupByTemplate(collection, specOf);
  const taken = new Set([SUMMARY_SHEET.toUpperCase(), FINDINGS_SHEET.toUpperCase()]);
  const tables = groups.flatMap((g) => (g.spec?.tables ?? []).map((t) => tableSheet(tableSheetName(t.sheet, g.name, taken), t, g)));
  return {
    title: "Consolidated returns",
    sheets: [summarySheet(collection, summaryFigures(groups)), findingsSheet(collection), ...tables],
  };
}

/** The consolidated workbook as .xlsx bytes: the same collection always gives the same bytes. */
export function consolidatedWorkbook(collection: Collection, options: ConsolidateOptions = {}): Uint8Array {
  return writeValuesWorkbook(consolidatedSheets(collection, options));
}
