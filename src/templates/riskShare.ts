/**
 * A section 75 / Better Care Fund risk-share schedule as partners sign it (../shared/spec/DOMAIN.md,
 * "Risk sharing"): the partners (any number: ICBs, councils, trusts), the scheme lines (pooled or
 * aligned, a lead commissioner, fixed or variable, each line's risk method), how an overspend and
 * an underspend are shared, the contingency and caps, each quarter's forecast, the year-end
 * settlement of who pays whom, and the sign-off. Units: £000.
 */
import { RISK_SHARE_METHODS, UNDERSPEND_METHODS } from "../core/rules/riskshare";
import { columnLetters } from "../workbook/a1";
import { FORMAT, STYLE, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, excelDate, sampleCover } from "./cover";
import { SAMPLE_ICB, SAMPLE_SYSTEM } from "./sample";
import { TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const RISK_SHARE: TemplateInfo = {
  name: "risk-share",
  title: "Risk share agreement and settlement",
  description:
    "A section 75 / Better Care Fund risk share: partners, scheme lines (pooled or aligned, lead commissioner, fixed or variable, each line's method), overspend and underspend methods, contingency and caps, quarterly forecasts, the year-end settlement and sign-off (£000).",
  version: "2026.1",
};

/** How a net overspend is shared (ICS.RISKSHARE's `method`) and a net underspend (`underspend_method`). */
const OVERSPEND_METHODS = RISK_SHARE_METHODS;
export const PARTNER_TYPES = ["ICB", "Local authority", "NHS trust", "Other"] as const;
export const BUDGET_TYPES = ["pooled", "aligned"] as const;
export const COST_TYPES = ["variable", "fixed"] as const;
/** A line's risk method: shared under the agreement, or borne by its lead commissioner. */
export const LINE_METHODS = ["agreement", "lead"] as const;
export const UNUSED_CONTINGENCY = ["returned", "carried forward"] as const;
const QUARTERS = ["Q1", "Q2", "Q3", "Q4"] as const;

interface Partner {
  name: string;
  type: (typeof PARTNER_TYPES)[number];
  code: string;
  cap: number | null;
  chiefExecutive: string;
  s151: string | null;
}

/** The playground's partners (src/playground/sample.ts); the host ICB first. */
const PARTNERS: readonly Partner[] = [
  { name: "Northmoor and Vale ICB", type: "ICB", code: SAMPLE_ICB.code, cap: null, chiefExecutive: "Sam Kestrel, Chief Executive (fictional)", s151: null },
  { name: "Northmoor County Council", type: "Local authority", code: "Z9A", cap: null, chiefExecutive: "Jo Heron, Chief Executive (fictional)", s151: "Pat Linnet, Director of Finance, s151 officer (fictional)" },
  { name: "Vale Borough Council", type: "Local authority", code: "Z9B", cap: 400, chiefExecutive: "Chris Plover, Chief Executive (fictional)", s151: "Lee Dunnock, Chief Finance Officer, s151 officer (fictional)" },
];

interface Line {
  name: string;
  type: (typeof BUDGET_TYPES)[number];
  lead: number;
  cost: (typeof COST_TYPES)[number];
  method: (typeof LINE_METHODS)[number];
  contributions: readonly number[];
  forecasts: readonly number[];
}

/** Scheme lines (£000): the pooled, variable lines are shared under the agreement. */
const LINES: readonly Line[] = [
  { name: "Intermediate care and reablement", type: "pooled", lead: 1, cost: "variable", method: "agreement", contributions: [14200, 9800, 3100], forecasts: [27500, 27900, 28300, 28550] },
  { name: "Home care packages", type: "pooled", lead: 1, cost: "variable", method: "agreement", contributions: [6400, 22000, 4200], forecasts: [32900, 33200, 33400, 33500] },
  { name: "Community equipment service", type: "pooled", lead: 2, cost: "variable", method: "agreement", contributions: [2100, 1900, 1400], forecasts: [5350, 5200, 5100, 5050] },
  { name: "Discharge to assess beds", type: "pooled", lead: 0, cost: "variable", method: "agreement", contributions: [12600, 4200, 1300], forecasts: [18100, 17800, 17600, 17480] },
  { name: "Disabled facilities grant", type: "aligned", lead: 2, cost: "fixed", method: "lead", contributions: [0, 2400, 2300], forecasts: [4700, 4700, 4700, 4700] },
  { name: "Carers' support", type: "pooled", lead: 1, cost: "fixed", method: "lead", contributions: [1900, 1300, 0], forecasts: [3200, 3220, 3240, 3240] },
  { name: "Community health services (aligned)", type: "aligned", lead: 0, cost: "variable", method: "lead", contributions: [21200, 0, 0], forecasts: [21300, 21450, 21500, 21580] },
];
const SPARE_LINES = 3;

/** [upper limit of the cumulative variance, each partner's share]: used when a method is "bands". */
const BANDS: readonly [number | null, (number | null)[]][] = [
  [500, [1, 0, 0]],
  [2000, [0.5, 0.25, 0.25]],
  [null, [null, null, null]],
];

const SAMPLE_COVER: CoverValues = sampleCover({
  SubmissionRound: "M12",
  PreparedBy: "Alex Finch, Head of Financial Planning, for the partners (fictional)",
  ApprovedOn: excelDate(2027, 4, 22),
  Commentary: "A fictional sample: the year-end settlement of the Northmoor and Vale Better Care Fund.",
});

export interface RiskShareOptions {
  mode?: TemplateMode;
  /** A blank copy's number of partners (e.g. three ICBs and a council: 4); the sample has its own 3. */
  partners?: number;
}

/** The partners a blank copy may have room for. */
export const MOST_PARTNERS = 12;

export function riskShare(options: RiskShareOptions = {}): TemplateSpec {
  const mode = options.mode ?? "sample";
  const sample = mode === "sample";
  const v = <T>(x: T): T | null => (sample ? x : null);
  const n = sample ? PARTNERS.length : (options.partners ?? PARTNERS.length);
  if (!Number.isInteger(n) || n < 2 || n > MOST_PARTNERS) throw new Error(`a risk share has 2 to ${MOST_PARTNERS} partners, not ${n}`);
  if (sample && options.partners !== undefined && options.partners !== n) throw new Error(`the sample has ${n} partners: give a number of partners with a blank copy only`);
  // The sample's partners, or a blank copy's empty rows.
  const partners: readonly (Partner | undefined)[] = sample ? PARTNERS : Array.from({ length: n }, () => undefined);
  const t = new TemplateBuilder();
  coverSheet(t, RISK_SHARE, coverValues(mode, SAMPLE_COVER));
  aboutSheet(t, {
    title: `${RISK_SHARE.title}: ${sample ? SAMPLE_SYSTEM : "(your pooled fund)"}`,
    purpose: [
      "The risk-share schedule of a section 75 agreement or Better Care Fund plan, line by line: each scheme line's budget from each partner, pooled or aligned, its lead commissioner, fixed or variable, and its risk method — shared under the agreement, or borne by the lead commissioner (aligned budgets, fixed lines).",
      'A variance on a line shared under the agreement is its lead commissioner\'s own variance. A net overspend is shared by the overspend method (e.g. "waterfall": underspends in the pool offset overspends first, the contingency meets what is left, and only the rest falls on the partners that overspent); a net underspend by the underspend method (e.g. "retain": it stays in the pool). Caps limit a partner\'s exposure to losses.',
      "Each quarter's forecast shows who would bear what; the Settlement sheet settles the year end: each partner's transfer is what it bears less its own variance, with the contingency used and returned and any underspend retained, and the transfers, contingency and retained amounts add up to zero. The partners' chief executives and each council's section 151 officer sign it off.",
    ],
    units: "£000, rounded to the unit on the Agreement sheet (default £1,000). Variances: overspend positive, underspend negative. Transfers: positive pays into the pool, negative receives from it.",
    sheets: [
      ["Agreement", "The fund, the overspend and underspend methods, the contingency and what happens to it unused; the partners (type, ODS code, pooled contribution, cap); the bands."],
      ["Lines", "Each scheme line: pooled or aligned, lead commissioner, fixed or variable, risk method, each partner's contribution, the budget, and the forecast outturn and variance for each quarter (Q4 is the year end)."],
      ["Forecast", "By quarter, for each partner: its own variance under the agreement, what it bears after the risk share (ICS.RISKSHARE), what it bears outside it, and its position."],
      ["Settlement", "The year end: each partner's transfer, the contingency used, returned and carried forward, any underspend retained, the balance (zero), and the sign-off."],
    ],
    notes: [sample ? "Partners, lines and figures are the fictional Northmoor and Vale Better Care Fund: replace them with the fund's own, or generate a blank copy (ics-finance template risk-share --blank)." : "Fill in the partners, the scheme lines and each quarter's forecast; the checks say what is missing."],
  });

  // Agreement: the terms and the partners.
  const a = t.sheet("Agreement", { orientation: "landscape" });
  a.title("Risk-share agreement", "The terms: how an overspend and an underspend are shared, the reserve that meets an overspend first, and the partners.");
  a.widths({ A: 44, B: 26 });
  a.value("A4", "Pooled fund", { style: STYLE.section }).input("B4", v("Northmoor and Vale Better Care Fund (section 75 pooled fund)")).name("PooledFund", "B4");
  a.value("A5", "Overspend method", { style: STYLE.section }).input("B5", "waterfall").list("B5", OVERSPEND_METHODS, "How a net overspend is shared").name("Method", "B5");
  a.value("A6", "Underspend method", { style: STYLE.section }).input("B6", "retain").list("B6", UNDERSPEND_METHODS, "How a net underspend is shared").name("UnderspendMethod", "B6");
  a.value("A7", "Contingency (risk reserve) £000", { style: STYLE.section }).input("B7", v(750), FORMAT.thousands).number("B7", 0, undefined, "Meets a net overspend first; 0 or more").name("Contingency", "B7");
  a.value("A8", "Contingency unused at the year end is", { style: STYLE.section }).input("B8", "returned").list("B8", UNUSED_CONTINGENCY, "returned to the partners by pooled contribution, or carried forward").name("ContingencyUnused", "B8");
  a.value("A9", "Rounding unit (£000)", { style: STYLE.section }).input("B9", 1, "General").number("B9", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B9");

  const lineRows = LINES.length + SPARE_LINES;
  const linesFirst = 6; // the Lines table's first data row (header at 5)
  const linesLast = linesFirst + lineRows - 1;
  const contributionLetter = (i: number) => columnLetters(5 + i); // F, G, ...
  const partnersTable = a.table("A11", n, [
    { key: "partner", header: "Partner", input: partners.map((p) => p?.name ?? null), name: "Partners" },
    { key: "type", header: "Type", width: 16, input: partners.map((p) => p?.type ?? null), list: PARTNER_TYPES, name: "PartnerTypes" },
    { key: "code", header: "ODS code", width: 10, input: partners.map((p) => p?.code ?? null), name: "PartnerCodes" },
    {
      key: "contribution",
      header: "Pooled contribution £000 (lines shared under the agreement)",
      width: 18,
      format: FORMAT.thousands,
      each: (r, g) => `SUMIF(Lines!$E$${linesFirst}:$E$${linesLast},"agreement",Lines!$${contributionLetter(r - g.firstRow)}$${linesFirst}:$${contributionLetter(r - g.firstRow)}$${linesLast})`,
      name: "Contributions",
      total: "sum",
    },
    { key: "all", header: "All its budgets in the schedule £000", width: 16, format: FORMAT.thousands, each: (r, g) => `SUM(Lines!$${contributionLetter(r - g.firstRow)}$${linesFirst}:$${contributionLetter(r - g.firstRow)}$${linesLast})`, total: "sum" },
    { key: "cap", header: "Cap on exposure to an overspend £000 (optional)", width: 16, format: FORMAT.thousands, input: partners.map((p) => p?.cap ?? null), min: 0, prompt: "The most this partner bears of an overspend; blank = no cap", name: "Caps" },
    { key: "share", header: "Share of pooled contributions", width: 13, format: FORMAT.percent, each: (r, g) => `IF(SUM(Contributions)>0,${g.cell("contribution", r)}/SUM(Contributions),"")` },
  ]);
  a.name("PoolTotal", partnersTable.cell("contribution", partnersTable.totalRow), "The pooled fund: every partner's contribution to lines shared under the agreement");

  const bandsAt = partnersTable.totalRow + 3;
  a.value(`A${bandsAt - 1}`, 'Bands (only when a method is "bands"): each band\'s limit of the cumulative variance and each partner\'s share of it; leave the last limit blank for "the rest", and a band\'s shares blank for pro rata.', { style: STYLE.note });
  const shareColumns = partners.map((_, i) => ({
    key: `p${i}`,
    header: `Partner ${i + 1} share`,
    headerFormula: `IF(LEN(${partnersTable.cell("partner", partnersTable.firstRow + i)})>0,${partnersTable.cell("partner", partnersTable.firstRow + i)},"Partner ${i + 1}")`,
    width: 16,
    format: FORMAT.percent,
    input: BANDS.map((b) => (sample ? b[1][i] : null)),
    min: 0,
    max: 1,
    prompt: "0% to 100% of this band",
  }));
  const bands = a.table(`A${bandsAt}`, BANDS.length, [
    { key: "limit", header: "Band: variance up to £000 (blank = the rest)", format: FORMAT.thousands, input: BANDS.map((b) => (sample ? b[0] : null)), min: 0 },
    ...shareColumns,
    {
      key: "ok",
      header: "Shares add up to 100%",
      width: 14,
      each: (r, g) => `OR(COUNT(${g.cell("p0", r)}:${g.cell(`p${n - 1}`, r)})=0,ABS(SUM(${g.cell("p0", r)}:${g.cell(`p${n - 1}`, r)})-1)<0.000000001)`,
      name: "BandRowsOk",
    },
  ]);
  a.name("Bands", bands.block("limit", `p${n - 1}`)).name("BandShares", bands.block("p0", `p${n - 1}`));

  // Lines: scheme lines across the partners, with each quarter's forecast.
  const l = t.sheet("Lines", { orientation: "landscape", titleRows: "5:5" });
  l.title("Scheme lines", "Each line's budget from each partner, and its forecast outturn each quarter (Q4 = the year-end outturn). Variance = forecast − budget: overspend positive.");
  l.value("A3", 'Risk method: "agreement" = the line\'s variance is its lead commissioner\'s own variance, shared under the agreement; "lead" = its lead commissioner bears it (aligned budgets, fixed lines).', { style: STYLE.note });
  const padded = [...LINES.map((x) => (sample ? x : null)), ...Array.from({ length: SPARE_LINES }, () => null)];
  const partnerCell = (i: number) => `Agreement!$${partnersTable.letter("partner")}$${partnersTable.firstRow + i}`;
  const linesTable = l.table("A5", lineRows, [
    { key: "line", header: "Scheme line", width: 40, input: padded.map((x) => x?.name ?? null), name: "LineNames" },
    { key: "type", header: "Pooled or aligned", width: 10, input: padded.map((x) => x?.type ?? null), list: BUDGET_TYPES, name: "LineTypes" },
    { key: "lead", header: "Lead commissioner (a partner)", width: 26, input: padded.map((x) => (x ? PARTNERS[x.lead].name : null)), name: "LineLeads" },
    { key: "cost", header: "Fixed or variable", width: 10, input: padded.map((x) => x?.cost ?? null), list: COST_TYPES, name: "LineCosts" },
    { key: "method", header: "Risk method", width: 11, input: padded.map((x) => x?.method ?? null), list: LINE_METHODS, prompt: "agreement: shared under the agreement; lead: the lead commissioner bears it", name: "LineMethods" },
    ...partners.map((_, i) => ({
      key: `c${i}`,
      header: `Partner ${i + 1} £000`,
      headerFormula: `IF(LEN(${partnerCell(i)})>0,${partnerCell(i)}&" £000","Partner ${i + 1} £000")`,
      width: 14,
      format: FORMAT.thousands,
      input: padded.map((x) => x?.contributions[i] ?? null),
      min: 0,
      total: "sum" as const,
    })),
    { key: "budget", header: "Budget £000", width: 13, format: FORMAT.thousands, each: (r, g) => `SUM(${g.cell("c0", r)}:${g.cell(`c${n - 1}`, r)})`, name: "LineBudgets", total: "sum" },
    ...QUARTERS.map((q, j) => ({
      key: `f${q}`,
      header: `Forecast outturn ${q} £000${q === "Q4" ? " (year end)" : ""}`,
      width: 13,
      format: FORMAT.thousands,
      input: padded.map((x) => x?.forecasts[j] ?? null),
      min: 0,
      name: `LineForecast_${q}`,
      total: "sum" as const,
    })),
    ...QUARTERS.map((q) => ({
      key: `v${q}`,
      header: `Variance ${q} £000`,
      width: 12,
      format: FORMAT.thousands,
      each: (r: number, g: { cell(key: string, row: number): string }) => `IF(${g.cell(`f${q}`, r)}="",0,${g.cell(`f${q}`, r)}-${g.cell("budget", r)})`,
      name: `LineVariance_${q}`,
      total: "sum" as const,
    })),
    {
      key: "complete",
      header: "Line complete",
      width: 9,
      // A named line: a known type, cost and method, a lead who is a partner, a budget, and the year-end
      // forecast; a line left blank is complete as it is.
      each: (r, g) =>
        `IF(LEN(${g.cell("line", r)})>0,AND(ISNUMBER(MATCH(${g.cell("type", r)},{"pooled","aligned"},0)),ISNUMBER(MATCH(${g.cell("cost", r)},{"variable","fixed"},0)),ISNUMBER(MATCH(${g.cell("method", r)},{"agreement","lead"},0)),ISNUMBER(MATCH(${g.cell("lead", r)},Partners,0)),COUNT(${g.cell("c0", r)}:${g.cell(`c${n - 1}`, r)})>0,${g.cell("budget", r)}>0,ISNUMBER(${g.cell("fQ4", r)})),COUNTA(${g.cell("type", r)}:${g.cell("method", r)})+COUNT(${g.cell("c0", r)}:${g.cell(`c${n - 1}`, r)})+COUNT(${g.cell("fQ1", r)}:${g.cell("fQ4", r)})=0)`,
      name: "LineComplete",
    },
  ]);
  if (linesTable.firstRow !== linesFirst || linesTable.letter("c0") !== contributionLetter(0) || linesTable.letter("method") !== "E") throw new Error("the Lines table moved");
  l.name("LineContributions", linesTable.block("c0", `c${n - 1}`));

  // Forecast: partners down, quarters across.
  const f = t.sheet("Forecast", { orientation: "landscape" });
  f.title("Quarterly forecast", "Each quarter's forecast outturn shared as the agreement shares it: what each partner would bear, and its position.");
  f.widths({ A: 44, B: 14, C: 14, D: 14, E: 14 });
  const partnerOn = (r: number, firstRow: number) => `Agreement!${partnersTable.cell("partner", partnersTable.firstRow + r - firstRow)}`;
  const guard = `IF(SUM(Contributions)>0,Contributions,{${partners.map(() => 1).join(";")}})`;
  const own = f.table("A3", n, [
    { key: "partner", header: "Own variance on the lines it leads, shared under the agreement £000", each: (r, g) => partnerOn(r, g.firstRow) },
    ...QUARTERS.map((q) => ({
      key: q,
      header: q,
      format: FORMAT.thousands,
      each: (r: number, g: { firstRow: number }) => `IF(LEN(${partnerOn(r, g.firstRow)})=0,0,SUMIFS(LineVariance_${q},LineLeads,${partnerOn(r, g.firstRow)},LineMethods,"agreement"))`,
      name: `OwnVariance_${q}`,
      total: "sum" as const,
    })),
  ], "Net variance shared under the agreement");
  const borneAt = own.totalRow + 2;
  const borne = f.table(`A${borneAt}`, n, [
    { key: "partner", header: "Borne after the risk share (ICS.RISKSHARE) £000", each: (r, g) => partnerOn(r, g.firstRow) },
    ...QUARTERS.map((q) => ({
      key: q,
      header: q,
      format: FORMAT.thousands,
      spill: () => `ICS.RISKSHARE(${own.range(q)},${guard},Method,IF(OR(Method="bands",UnderspendMethod="bands"),Bands,""),Contingency,Caps,RoundTo,UnderspendMethod)`,
      name: `Borne_${q}`,
      total: "sum" as const,
    })),
  ], "Total borne");
  const usedRow = borne.totalRow + 1;
  const retainedRow = usedRow + 1;
  f.value(`A${usedRow}`, "Met from the contingency £000", { style: STYLE.total }).value(`A${retainedRow}`, "Underspend retained in the pool £000", { style: STYLE.total });
  QUARTERS.forEach((q) => {
    const netCell = own.cell(q, own.totalRow);
    const borneCell = borne.cell(q, borne.totalRow);
    f.formula(borne.cell(q, usedRow), `IF(${netCell}>0,${netCell}-${borneCell},0)`, { format: FORMAT.thousands, style: STYLE.total });
    f.formula(borne.cell(q, retainedRow), `IF(${netCell}<0,${borneCell}-${netCell},0)`, { format: FORMAT.thousands, style: STYLE.total });
  });
  f.name("ContingencyUsedByQuarter", `${borne.cell("Q1", usedRow)}:${borne.cell("Q4", usedRow)}`);
  const outsideAt = retainedRow + 2;
  const outside = f.table(`A${outsideAt}`, n, [
    { key: "partner", header: "Borne outside the agreement (lines its lead commissioner bears) £000", each: (r, g) => partnerOn(r, g.firstRow) },
    ...QUARTERS.map((q) => ({
      key: q,
      header: q,
      format: FORMAT.thousands,
      each: (r: number, g: { firstRow: number }) => `IF(LEN(${partnerOn(r, g.firstRow)})=0,0,SUMIFS(LineVariance_${q},LineLeads,${partnerOn(r, g.firstRow)},LineMethods,"lead"))`,
      name: `Outside_${q}`,
      total: "sum" as const,
    })),
  ]);
  const positionAt = outside.totalRow + 2;
  f.table(`A${positionAt}`, n, [
    { key: "partner", header: "Each partner's forecast position £000 (+ cost, − gain)", each: (r, g) => partnerOn(r, g.firstRow) },
    ...QUARTERS.map((q) => ({
      key: q,
      header: q,
      format: FORMAT.thousands,
      each: (r: number, g: { firstRow: number }) => `${borne.cell(q, borne.firstRow + r - g.firstRow)}+${outside.cell(q, outside.firstRow + r - g.firstRow)}`,
      total: "sum" as const,
    })),
  ]);

  // Settlement: the year end (Q4), who pays whom, and sign-off.
  const s = t.sheet("Settlement", { orientation: "landscape" });
  s.title("Year-end settlement", "The Q4 (year-end) outturn settled: each partner's transfer = what it bears − its own variance, less any unused contingency returned to it. Positive pays into the pool; negative receives from it.");
  s.widths({ A: 44 });
  const q4 = (table: typeof own, r: number, firstRow: number) => `Forecast!${table.cell("Q4", table.firstRow + r - firstRow)}`;
  const settlement = s.table("A4", n, [
    { key: "partner", header: "Partner", each: (r, g) => partnerOn(r, g.firstRow) },
    { key: "contribution", header: "Pooled contribution £000", width: 14, format: FORMAT.thousands, each: (r, g) => `Agreement!${partnersTable.cell("contribution", partnersTable.firstRow + r - g.firstRow)}`, total: "sum" },
    { key: "own", header: "Own variance £000", width: 13, format: FORMAT.thousands, each: (r, g) => q4(own, r, g.firstRow), name: "SettlementOwnVariance", total: "sum" },
    { key: "borne", header: "Bears under the agreement £000", width: 14, format: FORMAT.thousands, each: (r, g) => q4(borne, r, g.firstRow), name: "SettlementBorne", total: "sum" },
    { key: "onVariance", header: "Bears − own variance £000", width: 14, format: FORMAT.thousands, each: (r, g) => `${g.cell("borne", r)}-${g.cell("own", r)}`, total: "sum" },
    { key: "returned", header: "Unused contingency returned to it £000", width: 14, format: FORMAT.thousands, spill: () => `ICS.DELEGATE(ContingencyReturned,${guard},,,RoundTo)`, name: "ContingencyReturnedByPartner", total: "sum" },
    { key: "transfer", header: "Transfer £000 (+ pays in, − receives)", width: 15, format: FORMAT.thousands, each: (r, g) => `${g.cell("onVariance", r)}-${g.cell("returned", r)}`, name: "SettlementTransfers", total: "sum" },
    { key: "outside", header: "Bears outside the agreement £000 (no transfer)", width: 15, format: FORMAT.thousands, each: (r, g) => q4(outside, r, g.firstRow), total: "sum" },
    { key: "position", header: "Year-end position £000 (+ cost, − gain)", width: 14, format: FORMAT.thousands, each: (r, g) => `${g.cell("borne", r)}+${g.cell("outside", r)}-${g.cell("returned", r)}`, name: "SettlementPositions", total: "sum" },
    {
      key: "cap",
      header: "Within its cap",
      width: 9,
      each: (r, g) => {
        const cap = `Agreement!${partnersTable.cell("cap", partnersTable.firstRow + r - g.firstRow)}`;
        return `OR(${cap}="",${g.cell("borne", r)}<=${cap}+RoundTo/2)`;
      },
      name: "WithinCaps",
    },
  ], "Partners");
  let row = settlement.totalRow + 2;
  const pool = (label: string, formula: string, name: string, note: string) => {
    s.value(`A${row}`, label, { style: STYLE.section }).formula(`B${row}`, formula, { format: FORMAT.thousands }).name(name, `B${row}`);
    s.value(`C${row}`, note, { style: STYLE.note });
    row++;
  };
  pool("Contingency held £000", "N(Contingency)", "ContingencyHeld", "The risk reserve on the Agreement sheet.");
  pool("Met from the contingency £000", "Forecast!" + borne.cell("Q4", usedRow), "ContingencyUsed", "The part of a net overspend the contingency met.");
  pool("Unused contingency returned £000", `IF(ContingencyUnused="returned",ContingencyHeld-ContingencyUsed,0)`, "ContingencyReturned", "Returned to the partners in proportion to their pooled contributions.");
  pool("Contingency carried forward £000", "ContingencyHeld-ContingencyUsed-ContingencyReturned", "ContingencyCarriedForward", "Kept in the pool for next year.");
  pool("Underspend retained in the pool (carried forward) £000", "Forecast!" + borne.cell("Q4", retainedRow), "UnderspendRetained", 'A net underspend the agreement keeps in the pool (underspend method "retain").');
  row++;
  s.value(`A${row}`, "Balance: Σ transfers + contingency paid out (met and returned) − underspend retained", { style: STYLE.total })
    .formula(`B${row}`, `${settlement.cell("transfer", settlement.totalRow)}+ContingencyUsed+ContingencyReturned-UnderspendRetained`, { format: FORMAT.thousands, style: STYLE.total })
    .name("SettlementBalance", `B${row}`);
  s.value(`C${row}`, "Zero when the settlement adds up: every pound paid in is paid out, met from the contingency or kept in the pool.", { style: STYLE.note });
  row += 3;

  s.value(`A${row - 1}`, "Sign-off: each partner's chief executive, and each council's section 151 officer", { style: STYLE.section });
  s.table(`A${row}`, n, [
    { key: "partner", header: "Partner", each: (r, g) => partnerOn(r, g.firstRow) },
    { key: "type", header: "Type", width: 14, each: (r, g) => `Agreement!${partnersTable.cell("type", partnersTable.firstRow + r - g.firstRow)}` },
    { key: "ce", header: "Chief executive", width: 34, input: partners.map((p) => p?.chiefExecutive ?? null) },
    { key: "ceOn", header: "Signed on", width: 11, format: FORMAT.date, input: partners.map((p) => (p ? excelDate(2027, 4, 20) : null)), min: 43831, max: 49674, prompt: "A date, dd/mm/yyyy" },
    { key: "s151", header: "Section 151 officer (councils)", width: 34, input: partners.map((p) => p?.s151 ?? null) },
    { key: "s151On", header: "Signed on", width: 11, format: FORMAT.date, input: partners.map((p) => (p?.s151 ? excelDate(2027, 4, 21) : null)), min: 43831, max: 49674, prompt: "A date, dd/mm/yyyy" },
    {
      key: "done",
      header: "Signed off",
      width: 9,
      each: (r, g) =>
        `AND(LEN(${g.cell("ce", r)})>0,ISNUMBER(${g.cell("ceOn", r)}),OR(${g.cell("type", r)}<>"Local authority",AND(LEN(${g.cell("s151", r)})>0,ISNUMBER(${g.cell("s151On", r)}))))`,
      name: "SignedOff",
    },
  ]);

  const list = (items: readonly string[]) => `{${items.map((m) => `"${m}"`).join(",")}}`;
  checksSheet(t, [
    { label: "Every partner has a name, a type from the list and an ODS code", formula: `AND(COUNTA(Partners)=${n},COUNTA(PartnerCodes)=${n},${PARTNER_TYPES.map((x) => `COUNTIF(PartnerTypes,"${x}")`).join("+")}=${n})`, fix: "See the partners on the Agreement sheet." },
    { label: "Every scheme line is complete: type, cost, risk method, a lead commissioner who is a partner, a budget and the year-end forecast", formula: "AND(LineComplete)", fix: "See the Line complete column on the Lines sheet." },
    { label: "The pooled fund holds something to share: pooled contributions add up to more than 0", formula: "SUM(Contributions)>0", fix: 'No line is shared under the agreement, or its contributions are blank: see the Lines sheet (risk method "agreement").' },
    { label: `The overspend method is one of ${OVERSPEND_METHODS.join(", ")}, the underspend method one of ${UNDERSPEND_METHODS.join(", ")}`, formula: `AND(ISNUMBER(MATCH(Method,${list(OVERSPEND_METHODS)},0)),ISNUMBER(MATCH(UnderspendMethod,${list(UNDERSPEND_METHODS)},0)),ISNUMBER(MATCH(ContingencyUnused,${list(UNUSED_CONTINGENCY)},0)))`, fix: "Choose each from its list on the Agreement sheet." },
    { label: "Every band share is between 0% and 100%, and each band's shares add up to 100% (or are all blank)", formula: "AND(N(MIN(BandShares))>=0,N(MAX(BandShares))<=1,AND(BandRowsOk))", fix: "See the bands on the Agreement sheet." },
    { label: "The contingency is blank or 0 or more", formula: 'OR(Contingency="",AND(ISNUMBER(Contingency),Contingency>=0))', fix: "Enter the risk reserve as a number of 0 or more." },
    { label: "Every quarter is shared without error", formula: `ISNUMBER(SUM(${QUARTERS.map((q) => `Borne_${q}`).join(",")}))`, fix: "A forecast is typed as text, or the agreement cannot share a quarter's variance: see the error on the Forecast sheet." },
    { label: "The contingency meets only overspends, and no more than it holds", formula: "AND(MIN(ContingencyUsedByQuarter)>-RoundTo/2,MAX(ContingencyUsedByQuarter)<N(Contingency)+RoundTo/2)", fix: "Something other than the contingency absorbed part of a variance." },
    { label: "No partner bears more than its cap at the year end", formula: "AND(WithinCaps)", fix: "A cap was not respected: see the Settlement sheet." },
    { label: "The settlement adds up: Σ transfers + contingency met and returned − underspend retained = 0", formula: "ABS(SettlementBalance)<RoundTo/2", fix: "See the balance on the Settlement sheet." },
    { label: "Signed off by every partner's chief executive and each council's section 151 officer", formula: "AND(SignedOff)", fix: "See the sign-off rows on the Settlement sheet: a name or a date is missing." },
  ]);
  return t.build(RISK_SHARE, [
    { name: "Partners", label: "Partners" },
    { name: "Contributions", label: "Pooled contribution by partner £000", format: FORMAT.thousands },
    { name: "PoolTotal", label: "Pooled fund £000", format: FORMAT.thousands },
    { name: "SettlementTransfers", label: "Year-end transfer by partner £000", format: FORMAT.thousands },
    { name: "ContingencyUsed", label: "Met from the contingency £000", format: FORMAT.thousands },
    { name: "UnderspendRetained", label: "Underspend retained £000", format: FORMAT.thousands },
  ], {
    shape: { partners: n },
    tables: [
      {
        key: "partners",
        sheet: "Partners",
        columns: [
          { name: "Partners", label: "Partner" },
          { name: "PartnerTypes", label: "Type" },
          { name: "PartnerCodes", label: "ODS code" },
          { name: "Contributions", label: "Pooled contribution £000", format: FORMAT.thousands },
          { name: "Caps", label: "Cap on exposure to an overspend £000", format: FORMAT.thousands },
          { name: "SettlementOwnVariance", label: "Own variance £000", format: FORMAT.thousands },
          { name: "SettlementBorne", label: "Bears under the agreement £000", format: FORMAT.thousands },
          { name: "ContingencyReturnedByPartner", label: "Unused contingency returned to it £000", format: FORMAT.thousands },
          { name: "SettlementTransfers", label: "Transfer £000 (+ pays in, − receives)", format: FORMAT.thousands },
          { name: "SettlementPositions", label: "Year-end position £000 (+ cost, − gain)", format: FORMAT.thousands },
        ],
      },
      {
        key: "lines",
        sheet: "Scheme lines",
        columns: [
          { name: "LineNames", label: "Scheme line" },
          { name: "LineTypes", label: "Pooled or aligned" },
          { name: "LineLeads", label: "Lead commissioner" },
          { name: "LineMethods", label: "Risk method" },
          { name: "LineBudgets", label: "Budget £000", format: FORMAT.thousands },
          { name: "LineForecast_Q4", label: "Forecast outturn Q4 (year end) £000", format: FORMAT.thousands },
          { name: "LineVariance_Q4", label: "Variance Q4 £000", format: FORMAT.thousands },
        ],
      },
    ],
  });
}
