/**
 * One return checked as RETURNS.md says, in order: read it safely, identify it, compare its
 * structure with the template it was sent as, recalculate it on the engine (checks and error
 * cells), and compare what it saved with what its formulas give. Runs the same in Node (the CLI)
 * and the browser (the Returns page): bytes in, a report out, never a throw for a bad file.
 */
import { Cell, isErrorValue } from "../core";
import { recalculate, Recalculation } from "../engine/workbook/recalculate";
import { compareSaved, keptFindings, reviewRecalculation } from "../engine/workbook/review";
import { COVER_SHEET } from "../templates/builder";
import { ALL_CHECKS } from "../templates/common";
import { COVER_FIELDS } from "../templates/cover";
import type { TemplateSpec } from "../templates/spec";
import { cellAddress, parseRange, parseReference, rectColumns, rectRows } from "../workbook/a1";
import type { ReadWorkbook } from "../xlsx/model";
import { WorkbookReadError, readWorkbook } from "../xlsx/read";
import { tableRows } from "./consolidate";
import { canonicalFormula } from "./formulaText";
import { Identity, identify } from "./identify";
import { ShapeError, currentVersion, isKnownTemplate, releasedSpec, releasedVersions } from "./released";
import { compareStructure } from "./structure";
import { CheckOptions, Finding, KeyFigureValue, ReportValue, ReturnResult, WARNING_KINDS } from "./types";

/** The most cells a key figure or a table column is read from: a name stretched over a whole column stops here. */
export const MOST_CELLS_PER_NAME = 20000;

export function reportValue(cell: Cell): ReportValue {
  if (isErrorValue(cell)) return { error: cell.error };
  return cell;
}

function shown(v: Cell): string {
  if (v === null || v === "") return "blank";
  if (isErrorValue(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return `"${v}"`;
}

/** The cells a workbook-scoped name covers, as the return defines it. */
function namedRange(wb: ReadWorkbook, name: string): { sheet: string; top: number; left: number; rows: number; cols: number } | undefined {
  const def = wb.names.find((n) => n.scope === undefined && n.name.toLowerCase() === name.toLowerCase());
  const ref = def ? parseReference(def.refersTo) : undefined;
  if (!ref) return undefined;
  const sheet = wb.sheets.find((s) => s.name.toLowerCase() === ref.sheet.toLowerCase());
  if (!sheet) return undefined;
  const r = parseRange(ref.range);
  return { sheet: sheet.name, top: r.top, left: r.left, rows: rectRows(r), cols: rectColumns(r) };
}

function namedValues(wb: ReadWorkbook, recalc: Recalculation, name: string): ReportValue[] | undefined {
  const range = namedRange(wb, name);
  if (!range) return undefined;
  const values: ReportValue[] = [];
  for (let r = 0; r < range.rows && values.length < MOST_CELLS_PER_NAME; r++) {
    for (let c = 0; c < range.cols && values.length < MOST_CELLS_PER_NAME; c++) values.push(reportValue(recalc.value(range.sheet, range.top + r, range.left + c)));
  }
  return values;
}

/** A defined name's recalculated value: one cell's value, or a range's values in order. */
function namedFigure(wb: ReadWorkbook, recalc: Recalculation, name: string): KeyFigureValue | undefined {
  const values = namedValues(wb, recalc, name);
  if (values === undefined) return undefined; // missing-name says it
  const range = namedRange(wb, name);
  return range && range.rows * range.cols === 1 ? values[0] : values;
}

function keyFigures(wb: ReadWorkbook, recalc: Recalculation, spec: TemplateSpec): Record<string, KeyFigureValue> {
  const figures: Record<string, KeyFigureValue> = {};
  for (const k of spec.keyFigures) {
    const value = namedFigure(wb, recalc, k.name);
    if (value !== undefined) figures[k.name] = value;
  }
  return figures;
}

/** Each declared table's rows, for the consolidated workbook. */
function tables(wb: ReadWorkbook, recalc: Recalculation, spec: TemplateSpec): Record<string, ReportValue[][]> {
  const out: Record<string, ReportValue[][]> = {};
  for (const table of spec.tables) out[table.key] = tableRows(table, (name) => namedFigure(wb, recalc, name));
  return out;
}

/** Cover inputs that are blank or invalid, as the Cover's own Status column says (its formulas, recalculated). */
function coverFindings(wb: ReadWorkbook, recalc: Recalculation): Finding[] {
  const findings: Finding[] = [];
  for (const field of COVER_FIELDS) {
    if (!field.required) continue;
    const range = namedRange(wb, field.name);
    if (!range) continue; // missing-name says it
    const status = recalc.value(range.sheet, range.top, range.left + 1);
    const input = recalc.value(range.sheet, range.top, range.left);
    const blank = input === null || (typeof input === "string" && input.trim() === "");
    if (status === "OK" || (typeof status !== "string" && !blank)) continue;
    const said = typeof status === "string" && status !== "" ? status : "Missing";
    findings.push({
      kind: "cover-incomplete",
      sheet: range.sheet,
      cell: cellAddress(range.top, range.left),
      message: `${field.label}: ${blank ? "blank" : `${shown(input)} is ${said.replace(/^Invalid: /, "invalid: ")}`}. ${field.guidance}`,
    });
  }
  return findings;
}

/** Steps 4 and 5: the engine's checks, error cells and kept formulas, and saved values against recalculated ones. */
function recalculationFindings(wb: ReadWorkbook, recalc: Recalculation, coverIncomplete: boolean): Finding[] {
  const findings: Finding[] = [];
  const review = reviewRecalculation(recalc, wb.sheets);
  const formulaAt = new Map(recalc.formulas.map((f) => [`${f.sheet}!${cellAddress(f.row, f.col)}`, f.formula]));
  const overall = namedRange(wb, ALL_CHECKS);
  const overallAt = overall ? `${overall.sheet}!${cellAddress(overall.top, overall.left)}` : undefined;
  const failing = review.checks.filter((c) => !c.passed);
  for (const check of failing) {
    const at = `${check.sheet}!${check.address}`;
    // "All checks pass" repeats the others; "Cover complete" repeats the cover findings.
    if (at === overallAt && failing.length > 1) continue;
    if (coverIncomplete && canonicalFormula(formulaAt.get(at) ?? "").includes("COVERCOMPLETE")) continue;
    const { top, left } = parseRange(check.address);
    const fix = recalc.value(check.sheet, top, left + 1);
    findings.push({ kind: "check-false", sheet: check.sheet, cell: check.address, message: `The check "${check.label || at}" is FALSE.${typeof fix === "string" && fix !== "" ? ` ${fix}` : ""}` });
  }
  for (const e of review.errors) {
    findings.push({ kind: "error", sheet: e.sheet, cell: e.address, message: `${e.address} shows ${e.error}${e.message ? `: ${e.message}` : ""}.` });
  }
  for (const k of keptFindings(recalc)) {
    const [first, ...others] = k.cells;
    const bang = first.lastIndexOf("!");
    findings.push({
      kind: "not-recalculated",
      sheet: first.slice(0, bang).replace(/^'(.*)'$/, "$1"),
      cell: first.slice(bang + 1),
      message: `Not recalculated (${k.detail}): Excel's saved value is kept${others.length > 0 ? `, here and in ${others.length} other cell${others.length === 1 ? "" : "s"}` : ""}. A warning, not a failure.`,
    });
  }
  const manual = wb.calc.mode === "manual";
  for (const d of compareSaved(recalc).differences) {
    if (d.volatile) continue;
    findings.push({
      kind: "value-differs",
      sheet: d.sheet,
      cell: d.cell,
      message: `${d.cell} was saved as ${shown(d.saved)} but its formula gives ${shown(d.recalculated)}: ${manual ? "the workbook was saved with calculation on manual" : "a value was pasted over, or calculation was left on manual"}. Recalculate (F9) with calculation on automatic, check the figure and save again.`,
    });
  }
  return findings;
}

function verdictOf(findings: readonly Finding[]): ReturnResult["verdict"] {
  return findings.some((f) => !WARNING_KINDS.has(f.kind)) ? "findings" : "clean";
}

function identityFields(file: string, id: Identity): Omit<ReturnResult, "verdict" | "findings" | "keyFigures"> {
  const out: Omit<ReturnResult, "verdict" | "findings" | "keyFigures"> = { file };
  if (id.template !== undefined) out.template = id.template;
  if (id.templateVersion !== undefined) out.templateVersion = id.templateVersion;
  if (id.organisationCode !== undefined) out.organisationCode = id.organisationCode;
  if (id.organisationName !== undefined) out.organisationName = id.organisationName;
  if (id.icbCode !== undefined) out.icbCode = id.icbCode;
  if (id.financialYear !== undefined) out.financialYear = id.financialYear;
  if (id.submissionRound !== undefined) out.submissionRound = id.submissionRound;
  return out;
}

/** The spec to compare with: its own version when released, else none (and why, as a finding). */
function specFor(id: Identity & { template: string }): { spec?: TemplateSpec; finding?: Finding } {
  const current = currentVersion(id.template);
  const version = id.templateVersion ?? current ?? "";
  let spec: TemplateSpec | undefined;
  try {
    spec = releasedSpec(id.template, version, id.shape);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    spec = releasedSpec(id.template, version);
  }
  if (version === current) return { spec };
  const known = releasedVersions(id.template);
  if (spec) return { spec, finding: { kind: "old-version", message: `Template version ${version} is not the current one (${current}): it was checked against version ${version}, as it was sent. Send the next return on version ${current}.` } };
  return {
    finding: {
      kind: "old-version",
      message: `Template version ${id.templateVersion ?? "(none)"} is not one ics-finance knows (released: ${known.join(", ")}; current ${current}): its structure was not compared, only its checks and values. Ask for the return on version ${current}, or update ics-finance.`,
    },
  };
}

/** A return that could not be read at all: its verdict, with why and what to do. */
export function unreadableReturn(file: string, why: string): ReturnResult {
  return { file, verdict: "unreadable", keyFigures: {}, findings: [{ kind: "unreadable", message: `Not read: ${why}` }] };
}

export function checkReturn(file: string, bytes: Uint8Array, options: CheckOptions = {}): ReturnResult {
  let wb: ReadWorkbook;
  try {
    wb = readWorkbook(bytes);
  } catch (e) {
    const message = e instanceof WorkbookReadError ? e.message : "the reader failed on this file (a fault in ics-finance, not in the file): please report it with the file";
    return unreadableReturn(file, message);
  }
  const id = identify(wb);
  const base = identityFields(file, id);
  const done = (findings: Finding[], extra: Partial<ReturnResult> = {}): ReturnResult => ({ ...base, verdict: verdictOf(findings), keyFigures: {}, findings, ...extra });
  if (id.template === undefined) {
    if (!id.hasCover) return done([{ kind: "not-a-return", message: "Not a return: the file has no TemplateName property and no Cover sheet. Was the wrong file sent?" }]);
    return done([{ kind: "not-a-return", message: "Not a return ics-finance can identify: it has a Cover sheet but no TemplateName property or TemplateName cell. Ask for the return on a fresh copy of the template." }]);
  }
  if (!isKnownTemplate(id.template)) return done([{ kind: "not-a-return", message: `Its TemplateName "${id.template}" is not a template ics-finance knows. Was the wrong file sent, or is ics-finance out of date?` }]);
  if (options.template !== undefined && id.template !== options.template) {
    return done([{ kind: "wrong-template", message: `A ${id.template} return, not ${options.template}: it was not checked. Check it on its own (without --template), or ask for the ${options.template} return.` }]);
  }
  const findings: Finding[] = [];
  const { spec, finding } = specFor({ ...id, template: id.template });
  if (finding) findings.push(finding);
  if (spec) findings.push(...compareStructure(wb, spec).findings);
  const recalc = recalculate(wb);
  try {
    const cover = wb.sheets.some((s) => s.name === COVER_SHEET) ? coverFindings(wb, recalc) : [];
    findings.push(...cover, ...recalculationFindings(wb, recalc, cover.length > 0));
    const reference = spec ?? releasedSpec(id.template, currentVersion(id.template) ?? "");
    return done(findings, reference ? { keyFigures: keyFigures(wb, recalc, reference), tables: tables(wb, recalc, reference) } : {});
  } finally {
    recalc.destroy();
  }
}
