/**
 * The two sheets every template has: About (purpose, units, the add-in version for the audit
 * trail) and Checks (each check a formula that is TRUE when the workbook is sound).
 */
import { COVER_SHEET, STYLE, TemplateBuilder } from "./builder";
import { COVER_CHECK } from "./cover";
import { CHECKS_SHEET } from "./spec";

export interface AboutText {
  title: string;
  purpose: readonly string[];
  units: string;
  /** Each sheet and what it holds. */
  sheets: readonly (readonly [string, string])[];
  notes?: readonly string[];
}

/** The name of the cell that is TRUE when every check passes. */
export const ALL_CHECKS = "AllChecksPass";

export function aboutSheet(t: TemplateBuilder, about: AboutText): void {
  const s = t.sheet("About").title(about.title).widths({ A: 26, B: 100 });
  let row = 3;
  const line = (label: string, text: string) => {
    if (label) s.value(`A${row}`, label, { style: STYLE.section });
    s.value(`B${row}`, text);
    row++;
  };
  about.purpose.forEach((text, i) => line(i === 0 ? "Purpose" : "", text));
  row++;
  line("Units", about.units);
  s.value(`A${row}`, "Add-in version", { style: STYLE.section }).formula(`B${row}`, "ICS.VERSION()");
  row++;
  s.value(`A${row}`, "All checks pass", { style: STYLE.section }).formula(`B${row}`, ALL_CHECKS);
  row += 2;
  line("How to use", "Type into the yellow cells only. Grey cells are calculated and locked (Review > Unprotect Sheet, no password, to change the layout).");
  s.value(`A${row}`, "Input", { style: STYLE.input }).value(`B${row}`, "A figure or choice you enter (validated: lists for streams and methods, limits for shares).");
  row++;
  s.value(`A${row}`, "Calculated", { style: STYLE.calc }).value(`B${row}`, "A formula: ICS.* functions from the ICS finance add-in, or plain Excel arithmetic on the inputs.");
  row++;
  line("Checks", `The ${CHECKS_SHEET} sheet: every check is TRUE when the workbook is sound. \`ics-finance recalc <file>\` recalculates a return and lists any FALSE check and error cell.`);
  line("Without the add-in", "Excel shows the values saved with the file. Insert the template from the add-in's task pane to get live formulas.");
  for (const note of about.notes ?? []) line("", note);
  row++;
  s.value(`A${row}`, "Sheet", { style: STYLE.header }).value(`B${row}`, "What it holds", { style: STYLE.header });
  row++;
  line(COVER_SHEET, "Who the return is from and for (organisation, ICB, year, round), who prepared and approved it, and the template's name and version.");
  for (const [sheet, what] of about.sheets) line(sheet, what);
  line(CHECKS_SHEET, "The checks, each TRUE when the workbook is sound.");
}

export interface Check {
  label: string;
  /** A formula for the label when it names something typed in (an organisation's name), so the label follows it; `label` then says what it reads for the sample. */
  labelFormula?: string;
  /** A formula that is TRUE when sound; an error in it counts as FALSE. */
  formula: string;
  /** What a FALSE means and what to do. */
  fix: string;
}

/** The Checks sheet; "Cover complete" comes first whenever the template has a Cover. */
export function checksSheet(t: TemplateBuilder, templateChecks: readonly Check[]): void {
  const checks = t.sheets.some((sheet) => sheet.spec.name === COVER_SHEET) ? [COVER_CHECK, ...templateChecks] : templateChecks;
  const s = t.sheet(CHECKS_SHEET).title("Checks", "Every check is TRUE when the workbook is sound; a FALSE says what to look at.").widths({ A: 60, B: 10, C: 90 });
  const first = 6;
  const last = first + checks.length - 1;
  s.value("A4", "All checks pass", { style: STYLE.total }).formula("B4", `AND(B${first}:B${last})`, { style: STYLE.total }).name(ALL_CHECKS, "B4");
  s.value("A5", "Check", { style: STYLE.header }).value("B5", "Result", { style: STYLE.header }).value("C5", "If FALSE", { style: STYLE.header });
  checks.forEach((check, i) => {
    const row = first + i;
    if (check.labelFormula) s.formula(`A${row}`, check.labelFormula);
    else s.value(`A${row}`, check.label);
    s.formula(`B${row}`, `IFERROR(${check.formula},FALSE())`).value(`C${row}`, check.fix, { style: STYLE.note });
  });
}
