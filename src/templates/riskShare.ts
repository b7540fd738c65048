/**
 * Risk share agreement for a pooled fund (section 75 / Better Care Fund): partners and their
 * contributions, the method and its bands, the contingency, and a table of over- and underspend
 * scenarios showing what each partner bears. Units: £000.
 */
import { RISK_SHARE_METHODS } from "../core/rules/riskshare";
import { FORMAT, STYLE, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { SAMPLE_SYSTEM } from "./sample";
import { TemplateInfo, TemplateSpec } from "./spec";

export const RISK_SHARE: TemplateInfo = {
  name: "risk-share",
  title: "Risk share agreement",
  description: "A pooled fund's risk share (section 75 / Better Care Fund): partners, contributions, method and bands, contingency, and what each partner bears in over- and underspend scenarios (£000).",
  version: "2026.1",
};

/** [partner, role, contribution, cap] in £000; the host comes first (it is the "lead" party). */
const PARTNERS: readonly [string, string, number, number | null][] = [
  ["Kestrel Vale ICB", "Host", 42500, null],
  ["Kestrel County Council", "Partner", 18200, null],
  ["Kestrel City Council", "Partner", 9300, 600],
];

/** [upper limit of the cumulative variance, share of each partner]; the last band is "the rest", pro rata. */
const BANDS: readonly [number | null, (number | null)[]][] = [
  [500, [1, 0, 0]],
  [2000, [0.5, 0.25, 0.25]],
  [null, [null, null, null]],
];

/** [scenario, each partner's own variance £000]: + overspend, − underspend. */
const SCENARIOS: readonly [string, number[]][] = [
  ["Host overspends", [1200, 0, 0]],
  ["All overspend", [900, 600, 300]],
  ["Offsetting", [800, -500, 0]],
  ["Underspend", [-400, -200, -100]],
  ["Severe overspend", [3000, 1500, 500]],
];

export function riskShare(): TemplateSpec {
  const n = PARTNERS.length;
  const t = new TemplateBuilder();
  aboutSheet(t, {
    title: `${RISK_SHARE.title}: ${SAMPLE_SYSTEM}`,
    purpose: [
      "Sets out how a pooled fund's over- or underspend is shared between its partners, as the risk-share schedule of a section 75 agreement or Better Care Fund plan does, and shows the result for a range of scenarios.",
      "A net overspend is first met from the contingency; what is left is shared by the method: in proportion to contributions, equally, each partner its own, the waterfall (underspends offset overspends, then the contingency, then only the overspending partners pay), all to the host (lead), or in bands. Caps limit a partner's exposure to an overspend.",
      "An underspend is shared in full and never capped: with bands it is returned in proportion to contributions (the bands tier losses), with the waterfall to the partners that underspent, otherwise by the method.",
    ],
    units: "£000, rounded to the unit on the Agreement sheet (default £1,000). Shares in bands are percentages of each band.",
    sheets: [
      ["Agreement", "Partners, contributions and caps; the method, the contingency and the bands."],
      ["Scenarios", "Each scenario's variance by partner, and what each partner bears under the agreement (ICS.RISKSHARE)."],
    ],
    notes: ["Partners, contributions and scenarios are illustrative: replace them with the fund's own."],
  });

  const a = t.sheet("Agreement", { orientation: "landscape" });
  a.title("Risk-share agreement", "The terms: who contributes what, how a variance is shared, and the reserve that meets an overspend first.");
  a.widths({ A: 44 });
  a.value("A4", "Pooled fund", { style: STYLE.section }).input("B4", "Kestrel Vale Better Care Fund (section 75 pooled fund)");
  a.value("A5", "Risk-share method", { style: STYLE.section }).input("B5", "bands").list("B5", RISK_SHARE_METHODS, "How a variance is shared").name("Method", "B5");
  a.value("A6", "Contingency (risk reserve) £000", { style: STYLE.section }).input("B6", 750, FORMAT.thousands).number("B6", 0, undefined, "Meets a net overspend first; 0 or more").name("Contingency", "B6");
  a.value("A7", "Rounding unit (£000)", { style: STYLE.section }).input("B7", 1, "General").number("B7", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B7");

  const partners = a.table("A9", n, [
    { key: "partner", header: "Partner", input: PARTNERS.map((p) => p[0]), name: "Partners" },
    { key: "role", header: "Role", width: 12, input: PARTNERS.map((p) => p[1]) },
    { key: "contribution", header: "Contribution £000", width: 16, format: FORMAT.thousands, input: PARTNERS.map((p) => p[2]), min: 0, name: "Contributions", total: "sum" },
    { key: "cap", header: "Cap on exposure £000 (optional)", width: 16, format: FORMAT.thousands, input: PARTNERS.map((p) => p[3]), min: 0, prompt: "The most this partner bears; blank = no cap", name: "Caps" },
    { key: "share", header: "Share of contributions", width: 14, format: FORMAT.percent, each: (r, g) => `${g.cell("contribution", r)}/SUM(Contributions)` },
  ]);

  const bandsAt = partners.totalRow + 3;
  a.value(`A${bandsAt - 1}`, 'Bands (method "bands" only): each band\'s limit of the cumulative variance, and each partner\'s share of it; leave the last limit blank for "the rest", and a band\'s shares blank for pro rata.', { style: STYLE.note });
  const shareColumns = PARTNERS.map((_, i) => ({
    key: `p${i}`,
    header: `Partner ${i + 1} share`,
    headerFormula: partners.cell("partner", partners.firstRow + i),
    width: 16,
    format: FORMAT.percent,
    input: BANDS.map((b) => b[1][i]),
    min: 0,
    max: 1,
    prompt: "0% to 100% of this band",
  }));
  const bands = a.table(`A${bandsAt}`, BANDS.length, [
    { key: "limit", header: "Band: variance up to £000 (blank = the rest)", format: FORMAT.thousands, input: BANDS.map((b) => b[0]), min: 0 },
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

  // Scenarios: partners down, scenarios across; each column shared by one RISKSHARE.
  const s = t.sheet("Scenarios", { orientation: "landscape" });
  s.title("Scenarios", "Each column is a scenario: each partner's own variance (+ overspend, − underspend), then what each partner bears under the agreement.");
  s.widths({ A: 36 });
  const k = SCENARIOS.length;
  const contributions = `Agreement!${partners.range("contribution", true)}`;
  const variances = s.table("A4", n, [
    { key: "partner", header: "Variance by partner £000", each: (r) => `Agreement!${partners.cell("partner", partners.firstRow + r - 5)}` },
    ...SCENARIOS.map(([name, values], j) => ({ key: `s${j}`, header: name, headerInput: true, format: FORMAT.thousands, width: 16, input: values, total: "sum" as const })),
  ], "Net variance");
  s.name("ScenarioVariances", variances.block("s0", `s${k - 1}`));

  const borneAt = variances.totalRow + 2;
  const borne = s.table(`A${borneAt}`, n, [
    { key: "partner", header: "Borne after the risk share £000", each: (r) => `Agreement!${partners.cell("partner", partners.firstRow + r - borneAt - 1)}` },
    ...SCENARIOS.map((_, j) => ({
      key: `s${j}`,
      header: "",
      headerFormula: variances.cell(`s${j}`, variances.headerRow),
      format: FORMAT.thousands,
      spill: () => `ICS.RISKSHARE(${variances.range(`s${j}`)},${contributions},Method,IF(Method="bands",Bands,""),Contingency,Caps,RoundTo)`,
      total: "sum" as const,
    })),
    // Caps limit exposure to overspends only, so a gain does not count against a cap.
    { key: "largest", header: "Largest overspend borne £000", width: 14, format: FORMAT.thousands, each: (r, g) => `MAX(0,MAX(${g.cell("s0", r)}:${g.cell(`s${k - 1}`, r)}))` },
    { key: "cap", header: "Within cap", width: 9, each: (r, g) => `OR(Agreement!${partners.cell("cap", partners.firstRow + r - borneAt - 1)}="",${g.cell("largest", r)}<=Agreement!${partners.cell("cap", partners.firstRow + r - borneAt - 1)}+RoundTo/2)`, name: "WithinCaps" },
  ], "Total shared");
  s.name("ScenarioShares", borne.block("s0", `s${k - 1}`));
  const usedRow = borne.totalRow + 1;
  s.value(`A${usedRow}`, "Met from the contingency £000", { style: STYLE.total });
  for (let j = 0; j < k; j++) {
    s.formula(borne.cell(`s${j}`, usedRow), `${variances.cell(`s${j}`, variances.totalRow)}-${borne.cell(`s${j}`, borne.totalRow)}`, { format: FORMAT.thousands, style: STYLE.total });
  }
  s.name("ContingencyUsed", `${borne.cell("s0", usedRow)}:${borne.cell(`s${k - 1}`, usedRow)}`);

  const methods = RISK_SHARE_METHODS.map((m) => `"${m}"`).join(",");
  checksSheet(t, [
    { label: "Every contribution is a number of 0 or more, and they add up to more than 0", formula: "AND(COUNT(Contributions)=COUNTA(Partners),MIN(Contributions)>=0,SUM(Contributions)>0)", fix: "A contribution on the Agreement sheet is blank, negative or typed as text." },
    { label: `The method is one of ${RISK_SHARE_METHODS.join(", ")}`, formula: `ISNUMBER(MATCH(Method,{${methods}},0))`, fix: "Choose the method from the list on the Agreement sheet." },
    { label: "Every band share is between 0% and 100%", formula: "AND(MIN(BandShares)>=0,MAX(BandShares)<=1)", fix: "A partner's share of a band is over 100% or negative." },
    { label: "Each band's shares add up to 100%, or are all blank (pro rata)", formula: "AND(BandRowsOk)", fix: "A band's shares do not add up to 100%: see the Agreement sheet." },
    { label: "The contingency is blank or 0 or more", formula: 'OR(Contingency="",AND(ISNUMBER(Contingency),Contingency>=0))', fix: "Enter the risk reserve as a number of 0 or more." },
    { label: "Every scenario is shared without error", formula: "ISNUMBER(SUM(ScenarioShares))", fix: "A scenario's variance is typed as text, or the agreement cannot share it: see the error on the Scenarios sheet." },
    { label: "The contingency meets only overspends, and no more than it holds", formula: "AND(MIN(ContingencyUsed)>-RoundTo/2,MAX(ContingencyUsed)<N(Contingency)+RoundTo/2)", fix: "Something other than the contingency absorbed part of a variance." },
    { label: "No partner bears more than its cap", formula: "AND(WithinCaps)", fix: "A cap was not respected: see the Scenarios sheet." },
  ]);
  return t.build(RISK_SHARE);
}
