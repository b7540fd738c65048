/**
 * Capital plan, 2026/27–2029/30 in £000 (DOMAIN.md "Capital"): the system's four-year operational
 * capital envelopes (CDEL) less its top-slices (contingency, priority schemes), the rest split
 * among its organisations each year by ICS.CAPITAL (depreciation and backlog maintenance by
 * default; a population term is a local choice), unallocated capital shown and checked, the
 * funding sources of the joint capital resource use plan, and each organisation's schemes ranked
 * by priority and filled to its envelope.
 */
import { FORMAT, STYLE, TemplateBuilder } from "./builder";
import { Check, aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, sampleCover } from "./cover";
import { SAMPLE_ORGANISATIONS, SAMPLE_SYSTEM } from "./sample";
import { KeyFigure, TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const CAPITAL_ENVELOPE: TemplateInfo = {
  name: "capital",
  title: "Capital plan",
  description:
    "The system's operational capital envelopes 2026/27–2029/30 less top-slices, split to organisations by depreciation and backlog (ICS.CAPITAL) with unallocated capital shown, funding sources, and schemes ranked by priority within each organisation's envelope (£000).",
  version: "2026.1",
};

export const CAPITAL_YEARS = ["2026/27", "2027/28", "2028/29", "2029/30"] as const;
const YEAR_COLUMNS = "BCDE";

/** [operational envelope (CDEL), system contingency, system priority schemes] per year, £000. */
const ENVELOPES: readonly [number, number, number][] = [
  [96400, 2000, 4500],
  [98300, 2000, 6000],
  [100200, 2000, 3000],
  [102100, 2000, 2500],
];

/** {depreciation, backlog, weighted population}: the national formula's two terms; no population term unless the system chooses one. */
const MIX = [0.7, 0.3, 0];

const ORGANISATION_NAMES: readonly string[] = SAMPLE_ORGANISATIONS.map((o) => (o.type === "ICB" ? `${o.name} (primary care estate)` : o.name));

/** Per organisation (as listed): [depreciation, backlog maintenance, weighted population], £000 and persons. */
const BASIS: readonly [number, number, number][] = [
  [0, 2400, 610000],
  [38200, 64800, 498000],
  [21400, 47900, 286000],
  [4600, 8700, 610000],
  [7900, 13600, 610000],
];

/** Per year, per organisation: [bid, minimum], £000 (null = none). */
const BIDS: readonly (readonly [number | null, number | null][])[] = [
  [[4000, 1500], [52000, null], [31000, null], [5000, null], [14000, 12500]],
  [[2500, 1500], [50000, null], [30000, null], [6000, null], [11000, null]],
  [[2500, 1500], [54000, null], [33000, null], [6500, null], [12000, null]],
  [[3000, 1500], [55000, null], [34000, null], [7000, null], [12500, null]],
];

/** Per year: [national programmes / PDC, IFRS 16 leases, disposals], £000. */
const OTHER_FUNDING: readonly [number, number, number][] = [
  [18500, 6200, 1500],
  [24000, 5800, 0],
  [31000, 5400, 3200],
  [12000, 5900, 0],
];

const SCHEME_CATEGORIES = ["Backlog maintenance", "Medical equipment", "Digital", "Estates: new build or refurbishment", "Other"] as const;

/** [priority, organisation (index), scheme, category, four-year cost £000], each organisation's schemes more than its envelope. */
const SCHEMES: readonly [number, number, string, string, number][] = [
  [1, 1, "Critical infrastructure: roofs, electrical and water systems", "Backlog maintenance", 78000],
  [2, 1, "Main theatres refurbishment", "Estates: new build or refurbishment", 42500],
  [3, 1, "Medical equipment replacement programme", "Medical equipment", 36000],
  [4, 1, "Electronic patient record: next phase", "Digital", 28000],
  [5, 1, "Staff car park decking", "Other", 18000],
  [1, 2, "Fire safety and backlog works", "Backlog maintenance", 52000],
  [2, 2, "CT and MRI replacement", "Medical equipment", 31000],
  [3, 2, "Ward reconfiguration", "Estates: new build or refurbishment", 26000],
  [4, 2, "Digital infrastructure", "Digital", 14000],
  [1, 3, "Community estate backlog", "Backlog maintenance", 11000],
  [2, 3, "Mobile working devices", "Digital", 6500],
  [3, 3, "Health centre refurbishment", "Estates: new build or refurbishment", 9000],
  [1, 4, "Inpatient ligature and safety works", "Backlog maintenance", 18000],
  [2, 4, "Seclusion suite", "Estates: new build or refurbishment", 9500],
  [3, 4, "Community mental health hub", "Estates: new build or refurbishment", 16000],
  [1, 0, "Primary care estate improvement grants", "Estates: new build or refurbishment", 4500],
  [2, 0, "General practice digital equipment", "Digital", 2500],
];
const SAMPLE_COVER: CoverValues = sampleCover({
  Commentary: "A fictional sample return: every figure is made up to show a complete capital plan.",
});

/** Blank rows left at the foot of the scheme list for more schemes. */
const SPARE_SCHEME_ROWS = 5;

export function capital(options: { mode?: TemplateMode } = {}): TemplateSpec {
  const mode = options.mode ?? "sample";
  /** A sample figure or name, or blank in a copy for distribution (the mix, a policy choice, stays). */
  const v = <T,>(x: T): T | null => (mode === "sample" ? x : null);
  const t = new TemplateBuilder();
  const n = ORGANISATION_NAMES.length;
  coverSheet(t, CAPITAL_ENVELOPE, coverValues(mode, SAMPLE_COVER));
  aboutSheet(t, {
    title: `${CAPITAL_ENVELOPE.title}: ${SAMPLE_SYSTEM}`,
    purpose: [
      "The system's capital plan for the four years of its operational capital envelopes (capital departmental expenditure limit, CDEL), 2026/27 to 2029/30: the envelope less what the system holds back (contingency, priority schemes), and the rest split among the ICB and its trusts by their shares of depreciation and backlog maintenance (ICS.CAPITAL), within each one's bid and above any agreed minimum.",
      "Capital left unallocated is shown every year and fails a check: it cannot be rolled forward, so the system must decide where it goes. The funding sheet adds national programmes (PDC), IFRS 16 leases and disposals; the schemes sheet fills each organisation's envelope with its schemes in priority order.",
    ],
    units: "£000, rounded to the unit on the Envelope sheet (default £1,000). Weighted population: the need-weighted population each organisation serves (used only if the system gives it a weight).",
    sheets: [
      ["Envelope", "The envelope, top-slices, amount to split, allocated and unallocated capital for each year, and the mix of the split."],
      ["Split", "Each organisation's depreciation, backlog and (optional) weighted population, then each year's bids, minimums and allocations (ICS.CAPITAL)."],
      ["Funding", "The year's capital resource by source: operational capital (allocated, held back, unallocated), national programmes / PDC, IFRS 16 leases, disposals."],
      ["Schemes", "Each organisation's four-year envelope against its schemes, and the scheme list ranked by priority: funded, part funded or not funded within the envelope."],
    ],
    notes: [
      "The national operational capital formula is based on depreciation and backlog maintenance; a weighted-population term is the system's local choice (0% here).",
      "Organisations and figures are illustrative: replace them with the system's own.",
    ],
  });

  // Envelope: the four years, top-slices, and what is split.
  const e = t.sheet("Envelope", { orientation: "landscape" });
  e.title("Operational capital envelopes", "The envelope less the system's top-slices is split among the organisations; anything not allocated is shown, and must be decided on.");
  e.widths({ A: 58, B: 14, C: 14, D: 14, E: 14 });
  e.value("A4", "Rounding unit (£000)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B4");
  e.value("B6", "Depreciation", { style: STYLE.header })
    .value("C6", "Backlog maintenance", { style: STYLE.header })
    .value("D6", "Weighted population (a local choice)", { style: STYLE.header })
    .value("E6", "Total", { style: STYLE.header });
  e.value("A7", "Mix: weight of each share in the split", { style: STYLE.section });
  MIX.forEach((w, i) => e.input(`${"BCD"[i]}7`, w, FORMAT.percent));
  e.number("B7:D7", 0, 1, "0% to 100%; the three add up to 100%").name("Mix", "B7:D7").formula("E7", "SUM(Mix)", { format: FORMAT.percent });
  e.value("A8", "The national operational capital formula uses depreciation and backlog maintenance; a population term is a local choice.", { style: STYLE.note });
  e.value("A10", "£000", { style: STYLE.header });
  const lines: [number, string][] = [
    [11, "Operational capital envelope (CDEL)"],
    [12, "Less: system contingency"],
    [13, "Less: system priority schemes"],
    [14, "To split among the organisations"],
    [15, "Allocated to organisations (ICS.CAPITAL)"],
    [16, "Unallocated (cannot be rolled forward)"],
  ];
  for (const [row, label] of lines) e.value(`A${row}`, label, row >= 14 ? { style: STYLE.total } : {});
  CAPITAL_YEARS.forEach((year, y) => {
    const c = YEAR_COLUMNS[y];
    e.value(`${c}10`, year, { style: STYLE.header });
    ENVELOPES[y].forEach((amount, k) => e.input(`${c}${11 + k}`, v(amount), FORMAT.thousands));
    e.formula(`${c}14`, `${c}11-${c}12-${c}13`, { format: FORMAT.thousands, style: STYLE.total });
    e.formula(`${c}15`, `SUM(Allocations_${year.replace("/", "_")})`, { format: FORMAT.thousands, style: STYLE.total });
    e.formula(`${c}16`, `${c}14-${c}15`, { format: FORMAT.thousands, style: STYLE.total });
  });
  e.number("B11:E13", 0);
  e.name("CapitalEnvelope", "B11:E11")
    .name("CapitalContingency", "B12:E12")
    .name("CapitalPriorityTopSlice", "B13:E13")
    .name("CapitalAvailable", "B14:E14")
    .name("CapitalAllocated", "B15:E15")
    .name("CapitalUnallocated", "B16:E16");

  // Split: each organisation's basis once, then each year's bids, minimums and allocations.
  const s = t.sheet("Split", { orientation: "landscape" });
  s.title("Split to organisations", "Each organisation's share: mix × (its depreciation, backlog and weighted population as shares of the system's), within its bid and above its minimum.");
  s.widths({ A: 52 });
  const headingRow = (y: number) => 13 + y * (n + 6);
  const firstRow = (y: number) => headingRow(y) + 2;
  const basisFirst = 5; // the basis table's header is row 4
  const basis = s.table("A4", n, [
    { key: "org", header: "Organisation", input: ORGANISATION_NAMES.map(v), name: "CapitalOrganisations" },
    { key: "dep", header: "Depreciation £000", width: 14, format: FORMAT.thousands, input: BASIS.map((o) => v(o[0])), min: 0, name: "Depreciation", total: "sum" },
    { key: "backlog", header: "Backlog maintenance £000", width: 14, format: FORMAT.thousands, input: BASIS.map((o) => v(o[1])), min: 0, name: "Backlog", total: "sum" },
    { key: "wp", header: "Weighted population (a local choice)", width: 14, format: FORMAT.count, input: BASIS.map((o) => v(o[2])), min: 0, name: "WeightedPopulation" },
    {
      key: "fourYear",
      header: `Allocation ${CAPITAL_YEARS[0]}–${CAPITAL_YEARS[CAPITAL_YEARS.length - 1]} £000`,
      width: 14,
      format: FORMAT.thousands,
      each: (r) => CAPITAL_YEARS.map((_, y) => `E${firstRow(y) + r - basisFirst}`).join("+"),
      name: "FourYearAllocations",
      total: "sum",
    },
  ]);
  CAPITAL_YEARS.forEach((year, y) => {
    const key = year.replace("/", "_");
    s.value(`A${headingRow(y)}`, year, { style: STYLE.section });
    const g = s.table(`A${headingRow(y) + 1}`, n, [
      { key: "org", header: "Organisation", each: (r) => `A${basis.firstRow + r - firstRow(y)}` },
      { key: "bid", header: "Bid £000 (optional)", width: 14, format: FORMAT.thousands, input: BIDS[y].map((b) => v(b[0])), min: 0, name: `Bids_${key}`, total: "sum" },
      { key: "min", header: "Minimum £000 (optional)", width: 14, format: FORMAT.thousands, input: BIDS[y].map((b) => v(b[1])), min: 0, name: `Minimums_${key}`, total: "sum" },
      { key: "available", header: "Share of the amount to split", width: 14, format: FORMAT.percent, each: (r) => `IFERROR(E${r}/Envelope!$${YEAR_COLUMNS[y]}$14,0)` },
      {
        key: "allocation",
        header: `Allocation ${year} £000`,
        width: 14,
        format: FORMAT.thousands,
        spill: (g) =>
          `ICS.CAPITAL(Envelope!$${YEAR_COLUMNS[y]}$14,${basis.range("dep", true)},${basis.range("backlog", true)},${basis.range("wp", true)},Mix,${g.range("min")},${g.range("bid")},RoundTo)`,
        name: `Allocations_${key}`,
        total: "sum",
      },
      { key: "bidOk", header: "Within bid", width: 9, each: (r) => `OR(B${r}="",E${r}<=B${r})`, name: `WithinBids_${key}` },
      { key: "minOk", header: "At or above minimum", width: 10, each: (r) => `OR(C${r}="",E${r}>=C${r})`, name: `MinimumsMet_${key}` },
      { key: "unmet", header: "Bid not met £000", width: 12, format: FORMAT.thousands, each: (r) => `IF(B${r}="",0,B${r}-E${r})`, total: "sum" },
    ]);
    s.value(`A${g.totalRow + 1}`, `Unallocated ${year} £000`, { style: STYLE.total }).formula(`E${g.totalRow + 1}`, `Envelope!${YEAR_COLUMNS[y]}16`, { format: FORMAT.thousands, style: STYLE.total });
  });

  // Funding: the joint capital resource use plan's sources.
  const f = t.sheet("Funding", { orientation: "landscape" });
  f.title("Capital funding sources", "The year's capital resource: operational capital (allocated, held back by the system, unallocated) and the other sources.");
  f.widths({ A: 58, B: 14, C: 14, D: 14, E: 14 });
  f.value("A4", "£000", { style: STYLE.header });
  const sources: [number, string, (c: string, y: number) => string | null][] = [
    [5, "Operational capital allocated to organisations", (c) => `Envelope!${c}15`],
    [6, "Operational capital held for system contingency", (c) => `Envelope!${c}12`],
    [7, "Operational capital held for system priority schemes", (c) => `Envelope!${c}13`],
    [8, "Operational capital unallocated", (c) => `Envelope!${c}16`],
    [9, "Operational capital (the envelope)", (c) => `SUM(${c}5:${c}8)`],
    [10, "National programmes / public dividend capital (PDC)", () => null],
    [11, "IFRS 16 leases (right-of-use assets)", () => null],
    [12, "Disposals (proceeds reinvested)", () => null],
    [13, "Total capital resource", (c) => `${c}9+SUM(${c}10:${c}12)`],
  ];
  for (const [row, label] of sources) f.value(`A${row}`, label, row === 9 || row === 13 ? { style: STYLE.total } : {});
  CAPITAL_YEARS.forEach((year, y) => {
    const c = YEAR_COLUMNS[y];
    f.value(`${c}4`, year, { style: STYLE.header });
    for (const [row, , formula] of sources) {
      const text = formula(c, y);
      if (text === null) f.input(`${c}${row}`, v(OTHER_FUNDING[y][row - 10]), FORMAT.thousands);
      else f.formula(`${c}${row}`, text, { format: FORMAT.thousands, ...(row === 9 || row === 13 ? { style: STYLE.total } : {}) });
    }
  });
  f.number("B10:E12", 0).name("OtherCapitalFunding", "B10:E12").name("CapitalResource", "B13:E13");

  // Schemes: each organisation's envelope, filled by its schemes in priority order.
  const sc = t.sheet("Schemes", { orientation: "landscape", titleRows: `${n + 9}:${n + 9}` });
  sc.title("Schemes by priority", "Each organisation's schemes, highest priority (1) first, are funded from its four-year allocation until it is used up.");
  sc.widths({ A: 52 });
  const schemeHeader = n + 9;
  const schemeFirst = schemeHeader + 1;
  const schemeRows = SCHEMES.length + SPARE_SCHEME_ROWS;
  const schemeRange = (col: string) => `$${col}$${schemeFirst}:$${col}$${schemeFirst + schemeRows - 1}`;
  const pad = <T,>(values: readonly T[]): (T | null)[] => [...values.map(v), ...Array<null>(SPARE_SCHEME_ROWS).fill(null)];
  sc.table("A4", n, [
    { key: "org", header: "Organisation", each: (r) => `Split!A${r}` },
    { key: "envelope", header: "Four-year allocation £000", width: 14, format: FORMAT.thousands, each: (r) => `Split!E${r}`, total: "sum" },
    { key: "funded", header: "Schemes funded £000", width: 14, format: FORMAT.thousands, each: (r) => `SUMIF(${schemeRange("B")},A${r},${schemeRange("H")})`, total: "sum" },
    { key: "left", header: "Allocation without a scheme £000", width: 14, format: FORMAT.thousands, each: (r) => `B${r}-C${r}`, name: "AllocationWithoutScheme", total: "sum" },
  ]);
  sc.value(`A${schemeHeader - 1}`, "Scheme list", { style: STYLE.section });
  sc.table(`A${schemeHeader}`, schemeRows, [
    { key: "scheme", header: "Scheme", input: pad(SCHEMES.map((x) => x[2])), name: "Schemes" },
    { key: "org", header: "Organisation", width: 44, input: pad(SCHEMES.map((x) => ORGANISATION_NAMES[x[1]])), name: "SchemeOrganisations" },
    { key: "priority", header: "Priority (1 = highest)", width: 10, format: "0", input: pad(SCHEMES.map((x) => x[0])), min: 1, name: "SchemePriorities" },
    { key: "category", header: "Category", width: 22, input: pad(SCHEMES.map((x) => x[3])), list: SCHEME_CATEGORIES },
    { key: "cost", header: "Capital cost 2026/27–2029/30 £000", width: 14, format: FORMAT.thousands, input: pad(SCHEMES.map((x) => x[4])), min: 0, name: "SchemeCosts", total: "sum" },
    {
      key: "before",
      header: "Higher-priority schemes £000",
      width: 14,
      format: FORMAT.thousands,
      each: (r) => `IF(B${r}="","",SUMIFS(${schemeRange("E")},${schemeRange("B")},B${r},${schemeRange("C")},"<"&C${r}))`,
    },
    { key: "envelope", header: "Organisation's allocation £000", width: 14, format: FORMAT.thousands, each: (r) => `IF(B${r}="","",SUMIF(CapitalOrganisations,B${r},FourYearAllocations))` },
    { key: "funded", header: "Funded within the allocation £000", width: 14, format: FORMAT.thousands, each: (r) => `IF(B${r}="","",MAX(0,MIN(E${r},G${r}-F${r})))`, name: "SchemeFunded", total: "sum" },
    { key: "status", header: "Status", width: 12, each: (r) => `IF(B${r}="","",IF(H${r}=E${r},"Funded",IF(H${r}>0,"Part funded","Not funded")))` },
    { key: "known", header: "Organisation listed", width: 10, each: (r) => `IF(B${r}="",TRUE(),COUNTIF(CapitalOrganisations,B${r})>0)`, name: "SchemeOrganisationKnown" },
    { key: "unique", header: "Priority unique", width: 10, each: (r) => `IF(B${r}="",TRUE(),COUNTIFS(${schemeRange("B")},B${r},${schemeRange("C")},C${r})=1)`, name: "SchemePriorityUnique" },
  ]);

  const checks: Check[] = [];
  CAPITAL_YEARS.forEach((year, y) => {
    const key = year.replace("/", "_");
    const c = YEAR_COLUMNS[y];
    checks.push(
      { label: `${year}: the top-slices fit inside the envelope`, formula: `Envelope!${c}14>=0`, fix: "Contingency and priority schemes add up to more than the envelope." },
      { label: `${year}: every allocation is calculated (ICS.CAPITAL)`, formula: `ISNUMBER(SUM(Allocations_${key}))`, fix: "An allocation is an error: see the Split sheet for the message (a minimum above a bid, or minimums above the amount to split)." },
      {
        label: `${year}: no capital is left unallocated (it cannot be rolled forward)`,
        formula: `ABS(Envelope!${c}16)<RoundTo/2`,
        fix: "The bids add up to less than the amount to split: raise a bid, add to the system's contingency or priority schemes, or agree where the rest goes.",
      },
      { label: `${year}: allocations are within bids and at or above minimums`, formula: `AND(WithinBids_${key},MinimumsMet_${key})`, fix: "See the Within bid and At or above minimum columns on the Split sheet." },
    );
  });
  checks.push(
    { label: "The mix adds up to 100%", formula: "ABS(SUM(Mix)-1)<0.000000001", fix: "The three weights must add up to exactly 100%." },
    {
      label: "Every organisation is named and its basis figures are numbers",
      formula: `AND(COUNTA(CapitalOrganisations)>0,COUNT(Depreciation)+COUNT(Backlog)+COUNT(WeightedPopulation)=3*COUNTA(CapitalOrganisations))`,
      fix: "No organisation is named, or a depreciation, backlog or weighted population figure is blank or typed as text (enter 0 for none).",
    },
    { label: "The envelope and top-slices are entered for every year (0 for none)", formula: `COUNT(CapitalEnvelope,CapitalContingency,CapitalPriorityTopSlice)=${3 * CAPITAL_YEARS.length}`, fix: "An envelope, contingency or priority-scheme figure is blank or typed as text." },
    { label: "Every other funding source is a number (0 for none)", formula: `COUNT(OtherCapitalFunding)=${3 * CAPITAL_YEARS.length}`, fix: "A national programme, lease or disposal figure is blank or typed as text." },
    { label: "Every scheme belongs to an organisation on the Split sheet", formula: "AND(SchemeOrganisationKnown)", fix: "A scheme's organisation is spelt differently from the Split sheet." },
    { label: "No two schemes of an organisation share a priority", formula: "AND(SchemePriorityUnique)", fix: "Give each of an organisation's schemes its own priority: 1, 2, 3, ..." },
    { label: "Each organisation's allocation is used by its schemes", formula: "AND(MAX(AllocationWithoutScheme)<RoundTo/2,MIN(AllocationWithoutScheme)>-RoundTo/2)", fix: "An organisation has allocated capital no scheme uses: add its schemes, or release the capital." },
  );
  checksSheet(t, checks);
  const span = `${CAPITAL_YEARS[0]}–${CAPITAL_YEARS[CAPITAL_YEARS.length - 1]}`;
  const keyFigures: KeyFigure[] = [
    { name: "CapitalEnvelope", label: "Operational capital envelope (CDEL) by year £000", format: FORMAT.thousands },
    { name: "CapitalAllocated", label: "Capital allocated to organisations by year £000", format: FORMAT.thousands },
    { name: "CapitalUnallocated", label: "Unallocated capital by year £000", format: FORMAT.thousands },
    { name: "CapitalOrganisations", label: "Organisations" },
    { name: "FourYearAllocations", label: `Capital allocation by organisation ${span} £000`, format: FORMAT.thousands },
    { name: "CapitalResource", label: "Total capital resource by year £000", format: FORMAT.thousands },
  ];
  return t.build(CAPITAL_ENVELOPE, keyFigures, {
    tables: [
      {
        key: "organisations",
        sheet: "Capital by organisation",
        columns: [
          { name: "CapitalOrganisations", label: "Organisation" },
          { name: "Depreciation", label: "Depreciation £000", format: FORMAT.thousands },
          { name: "Backlog", label: "Backlog maintenance £000", format: FORMAT.thousands },
          { name: "WeightedPopulation", label: "Weighted population", format: FORMAT.count },
          ...CAPITAL_YEARS.map((year) => ({ name: `Allocations_${year.replace("/", "_")}`, label: `Allocation ${year} £000`, format: FORMAT.thousands })),
          { name: "FourYearAllocations", label: `Allocation ${span} £000`, format: FORMAT.thousands },
        ],
      },
      {
        // One row per year, in order (the years are headers on the sheets, not names).
        key: "years",
        sheet: "Capital by year",
        columns: [
          { name: "CapitalEnvelope", label: "Operational capital envelope (CDEL) £000", format: FORMAT.thousands },
          { name: "CapitalAvailable", label: "Amount to split £000", format: FORMAT.thousands },
          { name: "CapitalAllocated", label: "Allocated to organisations £000", format: FORMAT.thousands },
          { name: "CapitalUnallocated", label: "Unallocated £000", format: FORMAT.thousands },
          { name: "CapitalResource", label: "Total capital resource £000", format: FORMAT.thousands },
        ],
      },
      {
        key: "schemes",
        sheet: "Capital schemes",
        columns: [
          { name: "Schemes", label: "Scheme" },
          { name: "SchemeOrganisations", label: "Organisation" },
          { name: "SchemePriorities", label: "Priority (1 = highest)", format: "0" },
          { name: "SchemeCosts", label: `Capital cost ${span} £000`, format: FORMAT.thousands },
          { name: "SchemeFunded", label: "Funded within the allocation £000", format: FORMAT.thousands },
        ],
      },
    ],
  });
}
