/**
 * Capital envelope: the system's operational capital (CDEL) split among its organisations by a
 * blend of depreciation, backlog maintenance and weighted population, with minimums and bids.
 * Units: £000.
 */
import { FORMAT, STYLE, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, excelDate } from "./cover";
import { SAMPLE_ICB, SAMPLE_SYSTEM } from "./sample";
import { TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const CAPITAL_ENVELOPE: TemplateInfo = {
  name: "capital",
  title: "Capital envelope",
  description: "The system's operational capital envelope (CDEL) split by depreciation, backlog maintenance and weighted population, with minimums and bids (£000).",
  version: "2026.1",
};

/** [organisation, depreciation, backlog maintenance, weighted population, minimum, bid]; money in £000. */
const ORGANISATIONS: readonly [string, number, number, number, number | null, number | null][] = [
  ["Northmoor Hospitals NHS Foundation Trust", 38200, 64800, 498000, null, 52000],
  ["Eastbridge and Kingsholt Hospitals NHS Trust", 21400, 47900, 286000, null, 31000],
  ["Northmoor and Vale Community Health NHS Trust", 4600, 8700, 610000, null, 7500],
  ["Northmoor and Vale Mental Health NHS Foundation Trust", 7900, 13600, 610000, 12500, 14000],
  ["Northmoor and Vale ICB (primary care estate)", 0, 2400, 610000, null, 4000],
];

/** {depreciation, backlog, weighted population}: depreciation-led, as national guidance informs it. */
const MIX = [0.6, 0.25, 0.15];

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

export function capital(options: { mode?: TemplateMode } = {}): TemplateSpec {
  const mode = options.mode ?? "sample";
  /** A sample figure, or blank in a copy for distribution. */
  const v = <T>(x: T): T | null => (mode === "sample" ? x : null);
  const t = new TemplateBuilder();
  coverSheet(t, CAPITAL_ENVELOPE, coverValues(mode, SAMPLE_COVER));
  aboutSheet(t, {
    title: `${CAPITAL_ENVELOPE.title}: ${SAMPLE_SYSTEM}`,
    purpose: [
      "Splits the system's operational capital envelope (capital departmental expenditure limit, CDEL) among the ICB and its trusts: a blend of each one's share of depreciation, of backlog maintenance and of weighted population, raised to any agreed minimum and held to what each bid for.",
    ],
    units: "£000, rounded to the unit on the Capital sheet (default £1,000). Weighted population: the need-weighted population each organisation serves.",
    sheets: [["Capital", "The envelope, the mix of the three shares, each organisation's basis, minimum and bid, and its allocation (ICS.CAPITAL)."]],
    notes: ["Organisations and figures are illustrative: replace them with the system's own."],
  });

  const s = t.sheet("Capital", { orientation: "landscape", titleRows: "10:10" });
  s.title("Capital envelope", "Each organisation's share: mix × (its depreciation, backlog and weighted population as shares of the system's), within its minimum and bid.");
  s.widths({ A: 50 });
  s.value("A4", "System operational capital envelope (CDEL) £000", { style: STYLE.section }).input("B4", v(96400), FORMAT.thousands).number("B4", 0).name("Envelope", "B4");
  s.value("A5", "Rounding unit (£000)", { style: STYLE.section }).input("B5", 1, "General").number("B5", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B5");
  s.value("B7", "Depreciation", { style: STYLE.header }).value("C7", "Backlog maintenance", { style: STYLE.header }).value("D7", "Weighted population", { style: STYLE.header }).value("E7", "Total", { style: STYLE.header });
  s.value("A8", "Mix: weight of each share in the split", { style: STYLE.section });
  MIX.forEach((w, i) => s.input(`${"BCD"[i]}8`, w, FORMAT.percent));
  s.number("B8:D8", 0, 1, "0% to 100%; the three add up to 100%").name("Mix", "B8:D8").formula("E8", "SUM(Mix)", { format: FORMAT.percent });

  s.table("A10", ORGANISATIONS.length, [
    { key: "org", header: "Organisation", input: ORGANISATIONS.map((o) => v(o[0])), name: "CapitalOrganisations" },
    { key: "dep", header: "Depreciation £000", width: 14, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[1])), min: 0, name: "Depreciation", total: "sum" },
    { key: "backlog", header: "Backlog maintenance £000", width: 14, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[2])), min: 0, name: "Backlog", total: "sum" },
    { key: "wp", header: "Weighted population", width: 14, format: FORMAT.count, input: ORGANISATIONS.map((o) => v(o[3])), min: 0, name: "WeightedPopulation" },
    { key: "min", header: "Minimum £000 (optional)", width: 13, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[4])), min: 0, name: "Minimums", total: "sum" },
    { key: "bid", header: "Bid £000 (optional)", width: 13, format: FORMAT.thousands, input: ORGANISATIONS.map((o) => v(o[5])), min: 0, name: "Bids", total: "sum" },
    {
      key: "allocation",
      header: "Allocation £000",
      width: 14,
      format: FORMAT.thousands,
      spill: (g) => `ICS.CAPITAL(Envelope,${g.range("dep")},${g.range("backlog")},${g.range("wp")},Mix,${g.range("min")},${g.range("bid")},RoundTo)`,
      name: "Allocations",
      total: "sum",
    },
    { key: "share", header: "Share of envelope", width: 10, format: FORMAT.percent, each: (r, g) => `${g.cell("allocation", r)}/Envelope` },
    { key: "minOk", header: "At or above minimum", width: 10, each: (r, g) => `OR(${g.cell("min", r)}="",${g.cell("allocation", r)}>=${g.cell("min", r)})`, name: "MinimumsMet" },
    { key: "bidOk", header: "Within bid", width: 9, each: (r, g) => `OR(${g.cell("bid", r)}="",${g.cell("allocation", r)}<=${g.cell("bid", r)})`, name: "BidsRespected" },
    { key: "unmet", header: "Bid not met £000", width: 12, format: FORMAT.thousands, each: (r, g) => `IF(${g.cell("bid", r)}="",0,${g.cell("bid", r)}-${g.cell("allocation", r)})`, total: "sum" },
  ]);

  checksSheet(t, [
    { label: "Allocations add up to the envelope exactly", formula: "ABS(SUM(Allocations)-Envelope)<RoundTo/2", fix: "An allocation is missing: look for the error on the Capital sheet." },
    { label: "The mix adds up to 100%", formula: "ABS(SUM(Mix)-1)<0.000000001", fix: "The three weights must add up to exactly 100%." },
    { label: "Minimums fit inside the envelope", formula: "N(SUM(Minimums))<=Envelope", fix: "Minimums add up to more than the envelope." },
    { label: "Every organisation gets at least its minimum", formula: "AND(MinimumsMet)", fix: "A minimum could not be met: see the Capital sheet." },
    { label: "No organisation gets more than it bid for", formula: "AND(BidsRespected)", fix: "An allocation is above its bid: see the Capital sheet." },
    { label: "Every basis figure is a number", formula: "COUNT(Depreciation)+COUNT(Backlog)+COUNT(WeightedPopulation)=3*COUNTA(CapitalOrganisations)", fix: "A depreciation, backlog or weighted population figure is blank or typed as text (enter 0 for none)." },
  ]);
  return t.build(CAPITAL_ENVELOPE, [
    { name: "Envelope", label: "Capital envelope (CDEL) £000" },
    { name: "CapitalOrganisations", label: "Organisations" },
    { name: "Allocations", label: "Capital allocation by organisation £000" },
  ]);
}
