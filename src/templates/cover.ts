/**
 * The Cover every template starts with (../shared/spec/RETURNS.md, "What every template carries"):
 * who the return is from and for, who prepared and approved it, and which template and version it
 * is. Its input cells carry the workbook-scoped names RETURNS.md fixes — stored in returns that go
 * out to the NHS, so never renamed — and "Cover complete" is the first check on the Checks sheet.
 */
import { COVER_SHEET, FORMAT, STYLE, TemplateBuilder } from "./builder";
import type { Check } from "./common";
import { SAMPLE_ICB } from "./sample";
import type { Scalar, TemplateInfo, TemplateMode } from "./spec";

/** Years a return may be for (the medium-term planning framework runs to 2028/29). */
export const FINANCIAL_YEARS = ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30"] as const;
/** Planning rounds, then the month-end reports (M12 is the year end). */
export const SUBMISSION_ROUNDS = ["Plan v1", "Plan v2", "Plan final", "M3", "M6", "M9", "M12"] as const;

/** The earliest and latest approval dates the Cover accepts, as Excel serial days. */
const FIRST_DATE = { year: 2020, serial: 43831 };
const LAST_DATE = { year: 2035, serial: 49674 };

export type CoverInput = "OrganisationCode" | "OrganisationName" | "ICBCode" | "FinancialYear" | "SubmissionRound" | "PreparedBy" | "ApprovedBy" | "ApprovedOn" | "Commentary";

export interface CoverField {
  /** The defined name over the input cell. */
  name: CoverInput;
  label: string;
  /** Shown beside the cell: what to enter. */
  guidance: string;
  /** Commentary alone may be left blank. */
  required: boolean;
  /** A formula (in terms of the name) TRUE when a filled-in entry is valid; none = any text. */
  valid?: string;
  /** Said when `valid` is FALSE. */
  invalid?: string;
}

const list = (items: readonly string[]) => `{${items.map((i) => `"${i}"`).join(",")}}`;

export const COVER_FIELDS: readonly CoverField[] = [
  {
    name: "OrganisationCode",
    label: "Organisation code (ODS)",
    guidance: "The ODS code of the organisation making this return, e.g. QWO for an ICB or RR8 for a trust.",
    required: true,
    valid: 'AND(LEN(OrganisationCode)>=3,LEN(OrganisationCode)<=9,ISERROR(FIND(" ",OrganisationCode)))',
    invalid: "3 to 9 letters and digits, no spaces",
  },
  { name: "OrganisationName", label: "Organisation name", guidance: "Its name as ODS gives it.", required: true },
  {
    name: "ICBCode",
    label: "ICB code",
    guidance: "The integrated care board the return is for: Q and two characters, e.g. QWO (West Yorkshire).",
    required: true,
    valid: 'AND(LEN(ICBCode)=3,LEFT(ICBCode,1)="Q")',
    invalid: "Q and two characters",
  },
  {
    name: "FinancialYear",
    label: "Financial year",
    guidance: "The year the return is for, 1 April to 31 March, e.g. 2026/27.",
    required: true,
    valid: `ISNUMBER(MATCH(FinancialYear,${list(FINANCIAL_YEARS)},0))`,
    invalid: `one of ${FINANCIAL_YEARS.join(", ")}`,
  },
  {
    name: "SubmissionRound",
    label: "Submission round",
    guidance: "Which submission this is: a plan round, or a month-end report (M12 = year end).",
    required: true,
    valid: `ISNUMBER(MATCH(SubmissionRound,${list(SUBMISSION_ROUNDS)},0))`,
    invalid: `one of ${SUBMISSION_ROUNDS.join(", ")}`,
  },
  { name: "PreparedBy", label: "Prepared by", guidance: "Name and role of the person who prepared the return.", required: true },
  { name: "ApprovedBy", label: "Approved by", guidance: "Name and role of the person who approved it (e.g. the chief finance officer).", required: true },
  {
    name: "ApprovedOn",
    label: "Approved on",
    guidance: "The date it was approved, dd/mm/yyyy.",
    required: true,
    valid: `AND(ISNUMBER(ApprovedOn),ApprovedOn>=${FIRST_DATE.serial},ApprovedOn<=${LAST_DATE.serial})`,
    invalid: `a date from ${FIRST_DATE.year} to ${LAST_DATE.year}`,
  },
  { name: "Commentary", label: "Commentary (optional)", guidance: "Anything the central team should know when reading this return.", required: false },
];

export type CoverValues = Partial<Record<CoverInput, Scalar>>;

/** The read-only identity shown on the Cover (the file's custom properties carry the same). */
export const TEMPLATE_NAME = "TemplateName";
export const TEMPLATE_VERSION = "TemplateVersion";
/** The cell that is TRUE when every required Cover input is filled in and valid. */
export const COVER_COMPLETE = "CoverComplete";

/** Excel's serial day number of a calendar date. */
export function excelDate(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * The fictional sample organisation's Cover (the playground's system, a first plan round);
 * each template's sample overrides what differs, at least its commentary.
 */
export function sampleCover(overrides: CoverValues): CoverValues {
  return {
    OrganisationCode: SAMPLE_ICB.code,
    OrganisationName: SAMPLE_ICB.name,
    ICBCode: SAMPLE_ICB.code,
    FinancialYear: "2026/27",
    SubmissionRound: "Plan v1",
    PreparedBy: "Alex Finch, Head of Financial Planning (fictional)",
    ApprovedBy: "Robin Wren, Chief Finance Officer (fictional)",
    ApprovedOn: excelDate(2026, 3, 18),
    ...overrides,
  };
}

/**
 * The Cover's values for a mode: the sample's fictional organisation in full, a prefilled copy
 * only the codes it was prefilled with, a blank copy nothing.
 */
export function coverValues(mode: TemplateMode, sample: CoverValues, prefilled: CoverValues = {}): CoverValues {
  if (mode === "sample") return sample;
  if (mode === "prefilled") return prefilled;
  return {};
}

const FIRST_ROW = 5;

export function coverSheet(t: TemplateBuilder, info: TemplateInfo, values: CoverValues): void {
  const s = t.sheet(COVER_SHEET).title(`${info.title}: return cover`, "Who this return is from and for, and who approved it. Fill in every yellow cell (Commentary is optional); the status beside each says what is missing.");
  s.widths({ A: 28, B: 48, C: 34, D: 90 });
  const header = FIRST_ROW - 1;
  s.value(`A${header}`, "Return", { style: STYLE.header }).value(`B${header}`, "Entry", { style: STYLE.header }).value(`C${header}`, "Status", { style: STYLE.header }).value(`D${header}`, "What to enter", { style: STYLE.header });
  COVER_FIELDS.forEach((field, i) => {
    const row = FIRST_ROW + i;
    const at = `B${row}`;
    s.value(`A${row}`, field.label, { style: STYLE.section });
    s.input(at, values[field.name] ?? null, field.name === "ApprovedOn" ? FORMAT.date : "@");
    s.name(field.name, at, field.guidance);
    if (field.name === "FinancialYear") s.list(at, FINANCIAL_YEARS, "The financial year, e.g. 2026/27");
    if (field.name === "SubmissionRound") s.list(at, SUBMISSION_ROUNDS, "A plan round, or a month end (M12 = year end)");
    if (field.name === "ApprovedOn") s.number(at, FIRST_DATE.serial, LAST_DATE.serial, "A date, dd/mm/yyyy");
    const blank = `LEN(TRIM(${field.name}))=0`;
    const status = !field.required
      ? `IF(${blank},"Optional: left blank","Given")`
      : field.valid
        ? `IF(${blank},"Missing",IF(IFERROR(${field.valid},FALSE()),"OK","Invalid: ${field.invalid}"))`
        : `IF(${blank},"Missing","OK")`;
    s.formula(`C${row}`, status);
    s.value(`D${row}`, field.guidance, { style: STYLE.note });
  });
  const last = FIRST_ROW + COVER_FIELDS.length - 1;
  const required = COVER_FIELDS.filter((f) => f.required).length;
  let row = last + 2;
  s.value(`A${row}`, "Template", { style: STYLE.section }).value(`B${row}`, info.name).name(TEMPLATE_NAME, `B${row}`, "The template's key (read-only; the file's TemplateName property)");
  s.value(`D${row}`, info.title, { style: STYLE.note });
  row++;
  s.value(`A${row}`, "Template version", { style: STYLE.section }).value(`B${row}`, info.version).name(TEMPLATE_VERSION, `B${row}`, "The template's version (read-only; the file's TemplateVersion property)");
  s.value(`D${row}`, "Returns are checked against the template of this name and version: do not change either.", { style: STYLE.note });
  row++;
  s.value(`A${row}`, "Add-in and catalogue", { style: STYLE.section }).formula(`B${row}`, "ICS.VERSION()");
  row += 2;
  s.value(`A${row}`, "Cover complete", { style: STYLE.total })
    .formula(`B${row}`, `COUNTIF(C${FIRST_ROW}:C${last},"OK")=${required}`, { style: STYLE.total })
    .name(COVER_COMPLETE, `B${row}`);
  s.value(`D${row}`, "TRUE once every required entry above says OK.", { style: STYLE.note });
}

/** The first check of every template. */
export const COVER_CHECK: Check = {
  label: "Cover complete: organisation, ICB, year, round, preparer, approver and approval date filled in and valid",
  formula: COVER_COMPLETE,
  fix: "Fill in every yellow cell on the Cover: its Status column says which entry is missing or invalid.",
};
