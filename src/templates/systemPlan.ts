/**
 * System financial plan: organisations' control totals and proposed changes (which must be
 * financially neutral), the Mental Health Investment Standard minimum against planned spend, and
 * the blended payment for each provider contract. Units: £000.
 */
import { FORMAT, STYLE, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, excelDate } from "./cover";
import { SAMPLE_ICB, SAMPLE_SYSTEM } from "./sample";
import { TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const SYSTEM_PLAN: TemplateInfo = {
  name: "system-plan",
  title: "System financial plan",
  description: "Organisations' control totals with a neutrality check on proposed changes, the MHIS minimum against planned mental health spend, and blended payments for each provider contract (£000).",
  version: "2026.1",
};

const ORGANISATION_TYPES = ["ICB", "NHS trust", "NHS foundation trust"] as const;

/** [organisation, type, control total (surplus + / deficit −), proposed change] in £000. */
const ORGANISATIONS: readonly [string, string, number, number][] = [
  ["Northmoor and Vale ICB", "ICB", 0, 1000],
  ["Northmoor Hospitals NHS Foundation Trust", "NHS foundation trust", -14500, 2500],
  ["Northmoor and Vale Community Health NHS Trust", "NHS trust", 1200, -600],
  ["Northmoor and Vale Mental Health NHS Foundation Trust", "NHS foundation trust", 2300, -1400],
  ["Eastbridge and Kingsholt Hospitals NHS Trust", "NHS trust", -6800, -1500],
];

/** [contract, fixed, baseline value, forecast value, variable rate, quality value, quality achieved] in £000. */
const CONTRACTS: readonly [string, number, number, number, number | null, number | null, number | null][] = [
  ["Northmoor Hospitals NHS Foundation Trust", 312400, 96200, 101350, 1, 3100, 0.8],
  ["Eastbridge and Kingsholt Hospitals NHS Trust", 188900, 54300, 52100, 1, 1880, 1],
  ["Northmoor and Vale Community Health NHS Trust (fixed)", 64250, 0, 0, 0, 640, 1],
  ["Vale Surgical Centre (independent sector, activity only)", 0, 0, 8450, 1, null, null],
];

const SAMPLE_COVER: CoverValues = {
  OrganisationCode: SAMPLE_ICB.code,
  OrganisationName: SAMPLE_ICB.name,
  ICBCode: SAMPLE_ICB.code,
  FinancialYear: "2026/27",
  SubmissionRound: "Plan v1",
  PreparedBy: "Alex Finch, Head of Financial Planning (fictional)",
  ApprovedBy: "Robin Wren, Chief Finance Officer (fictional)",
  ApprovedOn: excelDate(2026, 3, 18),
  Commentary: "A fictional sample return: every figure is made up to show a complete return.",
};

export function systemPlan(options: { mode?: TemplateMode } = {}): TemplateSpec {
  const mode = options.mode ?? "sample";
  /** A sample figure, or blank in a copy for distribution. */
  const v = <T>(x: T): T | null => (mode === "sample" ? x : null);
  const t = new TemplateBuilder();
  coverSheet(t, SYSTEM_PLAN, coverValues(mode, SAMPLE_COVER));
  aboutSheet(t, {
    title: `${SYSTEM_PLAN.title}: ${SAMPLE_SYSTEM}`,
    purpose: [
      "The system's plan in three parts: each organisation's control total and any proposed moves between them, which must net to zero; the Mental Health Investment Standard minimum against planned mental health spend; and the blended payment (aligned payment and incentive) for each provider contract.",
    ],
    units: "£000, rounded to the unit on the Control totals sheet (default £1,000). Control totals: surplus positive, deficit negative.",
    sheets: [
      ["ControlTotals", "Each organisation's control total, proposed change and revised total; the neutrality check (ICS.NEUTRAL)."],
      ["MHIS", "Last year's mental health spend and allocations, this year's minimum (ICS.MHIS) and the plan against it."],
      ["Blended", "Each provider contract's fixed, variable and quality elements, and its blended payment (ICS.BLENDED)."],
    ],
    notes: ["Organisations and figures are illustrative: replace them with the system's own."],
  });

  const c = t.sheet("ControlTotals", { orientation: "landscape", titleRows: "7:7" });
  c.title("Control totals", "Moves between organisations' control totals are allowed only if they are financially neutral: the changes add up to zero.");
  c.widths({ A: 50 });
  c.value("A4", "Rounding unit (£000)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B4");
  c.value("A5", "Neutrality tolerance £000 (optional)", { style: STYLE.section }).input("B5", null, FORMAT.thousands).number("B5", 0, undefined, "How far from zero the changes may net; blank = exactly zero").name("Tolerance", "B5");
  const orgs = c.table("A7", ORGANISATIONS.length, [
    { key: "org", header: "Organisation", input: ORGANISATIONS.map((o) => v(o[0])), name: "Organisations" },
    { key: "type", header: "Type", width: 20, input: ORGANISATIONS.map((o) => v(o[1])), list: ORGANISATION_TYPES },
    { key: "total", header: "Control total £000 (surplus + / deficit −)", width: 18, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[2])), name: "ControlTotals", total: "sum" },
    { key: "change", header: "Proposed change £000", width: 16, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[3])), name: "Changes", total: "sum" },
    { key: "revised", header: "Revised control total £000", width: 18, format: FORMAT.thousands, each: (r, g) => `${g.cell("total", r)}+${g.cell("change", r)}`, name: "RevisedTotals", total: "sum" },
  ], "System");
  const neutralRow = orgs.totalRow + 2;
  c.value(`A${neutralRow}`, "Changes are financially neutral (ICS.NEUTRAL)", { style: STYLE.total }).formula(`B${neutralRow}`, "ICS.NEUTRAL(Changes,Tolerance)", { style: STYLE.total }).name("ChangesNeutral", `B${neutralRow}`);

  const m = t.sheet("MHIS");
  m.title("Mental Health Investment Standard", "Mental health spend must grow at least in line with the recurrent baseline allocation. In scope: excludes learning disability, autism, dementia, ADHD, specialised services and transformation-funded spend.");
  m.widths({ A: 62, B: 16 });
  const inputs: [string, number, string][] = [
    ["Last year's in-scope mental health spend £000", 98640, "PriorMhSpend"],
    ["Last year's recurrent baseline allocation £000", 1642300, "PriorAllocation"],
    ["This year's recurrent baseline allocation £000", 1713900, "Allocation"],
    ["Planned in-scope mental health spend this year £000", 103400, "PlannedMhSpend"],
  ];
  inputs.forEach(([label, value, name], i) => m.value(`A${4 + i}`, label).input(`B${4 + i}`, v(value), FORMAT.thousands).number(`B${4 + i}`, 0).name(name, `B${4 + i}`));
  m.value("A9", "Growth in the recurrent baseline allocation").formula("B9", "Allocation/PriorAllocation-1", { format: FORMAT.percent });
  m.value("A10", "MHIS minimum mental health spend £000 (ICS.MHIS)", { style: STYLE.total }).formula("B10", "ICS.MHIS(PriorMhSpend,PriorAllocation,Allocation,RoundTo)", { format: FORMAT.thousands, style: STYLE.total }).name("MhisMinimum", "B10");
  m.value("A11", "Planned spend above the minimum £000").formula("B11", "PlannedMhSpend-MhisMinimum", { format: FORMAT.thousands });
  m.value("A12", "Planned growth in mental health spend").formula("B12", "PlannedMhSpend/PriorMhSpend-1", { format: FORMAT.percent });

  const b = t.sheet("Blended", { orientation: "landscape", titleRows: "5:5" });
  b.title("Blended payments", "Aligned payment and incentive: the fixed element, plus the variable rate × (actual − baseline activity value), less the quality element not achieved.");
  b.table("A5", CONTRACTS.length, [
    { key: "contract", header: "Provider contract", width: 52, input: CONTRACTS.map((x) => v(x[0])) },
    { key: "fixed", header: "Fixed element £000", width: 14, format: FORMAT.thousands, input: CONTRACTS.map((x) => v(x[1])), min: 0, total: "sum" },
    { key: "baseline", header: "Baseline activity value £000", width: 14, format: FORMAT.thousands, input: CONTRACTS.map((x) => v(x[2])), min: 0 },
    { key: "actual", header: "Forecast activity value £000", width: 14, format: FORMAT.thousands, input: CONTRACTS.map((x) => v(x[3])), min: 0 },
    { key: "rate", header: "Variable rate", width: 10, format: FORMAT.percent, input: CONTRACTS.map((x) => v(x[4])), min: 0, max: 1, prompt: "Share of unit prices: 100% from 2023/24", name: "VariableRates" },
    { key: "quality", header: "Quality element £000", width: 12, format: FORMAT.thousands, input: CONTRACTS.map((x) => v(x[5])), min: 0 },
    { key: "achieved", header: "Quality achieved", width: 10, format: FORMAT.percent, input: CONTRACTS.map((x) => v(x[6])), min: 0, max: 1, name: "QualityAchieved" },
    {
      key: "payment",
      header: "Blended payment £000",
      width: 14,
      format: FORMAT.thousands,
      each: (r, g) => `ICS.BLENDED(${["fixed", "baseline", "actual", "rate", "quality", "achieved"].map((k) => g.cell(k, r)).join(",")},RoundTo)`,
      name: "BlendedPayments",
      total: "sum",
    },
    { key: "change", header: "Above (below) the fixed element £000", width: 14, format: FORMAT.thousands, each: (r, g) => `${g.cell("payment", r)}-${g.cell("fixed", r)}`, total: "sum" },
  ]);

  checksSheet(t, [
    { label: "Every organisation has a control total", formula: "COUNT(ControlTotals)=COUNTA(Organisations)", fix: "A control total is blank or typed as text." },
    { label: "Proposed changes are numbers", formula: "COUNT(Changes)=COUNTA(Changes)", fix: "A proposed change is typed as text." },
    { label: "Proposed changes are financially neutral (ICS.NEUTRAL)", formula: "ChangesNeutral", fix: "The changes do not add up to zero: one organisation's increase must be matched by reductions elsewhere." },
    { label: "Planned mental health spend meets the MHIS minimum", formula: "PlannedMhSpend>=MhisMinimum", fix: "Mental health spend must grow at least in line with the allocation: see the MHIS sheet." },
    { label: "Every contract's blended payment is calculated", formula: "ISNUMBER(SUM(BlendedPayments))", fix: "A contract's figure is typed as text or out of range: see the Blended sheet." },
    { label: "Variable rates and quality achieved are between 0% and 100%", formula: "AND(MIN(VariableRates)>=0,MAX(VariableRates)<=1,MIN(QualityAchieved)>=0,MAX(QualityAchieved)<=1)", fix: "Enter rates as percentages from 0% to 100%." },
  ]);
  return t.build(SYSTEM_PLAN, [
    { name: "ControlTotals", label: "Control total by organisation £000" },
    { name: "RevisedTotals", label: "Revised control total by organisation £000" },
    { name: "MhisMinimum", label: "MHIS minimum £000" },
    { name: "PlannedMhSpend", label: "Planned mental health spend £000" },
    { name: "BlendedPayments", label: "Blended payment by contract £000" },
  ]);
}
