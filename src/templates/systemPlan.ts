/**
 * System financial plan, organisation by organisation, 2026/27–2028/29 in £000 (DOMAIN.md
 * "Financial plans and balance"): each body's I&E and the bridge from last year's outturn to its
 * planned surplus/(deficit); the breakeven check for every organisation and for the system in
 * every year; in-year reallocations checked neutral (ICS.NEUTRAL); ICB running costs against
 * the allowance; the Mental Health Investment Standard by expenditure category (ICS.MHIS); and
 * blended payments per contract with the low-volume rule (ICS.BLENDED).
 */
import { Column, FORMAT, STYLE, SheetBuilder, TemplateBuilder } from "./builder";
import { Check, aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, sampleCover } from "./cover";
import { SAMPLE_ORGANISATIONS, SAMPLE_SYSTEM } from "./sample";
import { KeyFigure, TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const SYSTEM_PLAN: TemplateInfo = {
  name: "system-plan",
  title: "System financial plan",
  description:
    "Each organisation's I&E and bridge from 2025/26 outturn to its planned surplus/(deficit), 2026/27–2028/29, with breakeven checks for every organisation and the system, neutral in-year reallocations, ICB running costs, the MHIS by category and blended payments (£000).",
  version: "2026.1",
};

export const PLAN_YEARS = ["2026/27", "2027/28", "2028/29"] as const;
const PRIOR_YEAR = "2025/26";
const ORGANISATION_TYPES = ["ICB", "NHS trust", "NHS foundation trust"] as const;

/**
 * A sum of £000 figures typed to the pound or penny, rid of floating-point noise (0.1 + 0.2 − 0.3
 * is not 0 in Excel), so an exact breakeven is 0 and an I&E that agrees with its bridge is equal.
 */
const noNoise = (formula: string) => `ROUND(${formula},6)`;

/** A year as it appears in a defined name: 2026/27 → 2026_27. */
export const yearKey = (year: string): string => year.replace("/", "_");

/**
 * The sample's bridge, £000, per organisation: 2025/26 outturn, the non-recurrent items in it,
 * then for each year [growth, inflation and cost pressures, recurrent efficiency, non-recurrent
 * efficiency, investments, deficit support, in-year reallocation]. Chosen so every body breaks
 * even in every year while its deficit support is withdrawn by 2028/29.
 */
const BRIDGES: readonly { outturn: number; nonRecurrent: number; years: readonly (readonly number[])[] }[] = [
  { outturn: 0, nonRecurrent: 4000, years: [[71600, 46800, 7800, 300, 26400, 0, -2500], [54800, 41900, 7200, 300, 21600, 0, -1000], [53100, 40600, 7900, 300, 21400, 0, 0]] },
  { outturn: -14500, nonRecurrent: 9200, years: [[24800, 21900, 14200, 2700, 3600, 6000, 1500], [23900, 20800, 8000, 500, 2900, 1500, 0], [23100, 20200, 2200, 500, 2600, 0, 0]] },
  { outturn: -6800, nonRecurrent: 6100, years: [[13900, 12600, 7800, 700, 1400, 3500, 1000], [13200, 12100, 2500, 300, 1200, 1500, 1000], [12800, 11700, 2500, 300, 1100, 0, 0]] },
  { outturn: 1200, nonRecurrent: 900, years: [[3100, 2900, 100, 300, 600, 0, 0], [2900, 2800, 400, 300, 500, 0, 0], [2800, 2700, 400, 300, 500, 0, 0]] },
  { outturn: 2300, nonRecurrent: 1500, years: [[6200, 5400, 700, 300, 2100, 0, 0], [5900, 5200, 1200, 300, 1900, 0, 0], [5700, 5000, 1100, 300, 1800, 0, 0]] },
];

/** The sample's I&E, £000, per organisation and year: [operating income, pay, non-pay, non-operating items]; it agrees with the bridge. */
const INCOME_AND_EXPENDITURE: readonly (readonly (readonly number[])[])[] = [
  [[1713900, 8900, 1705000, 0], [1768700, 8700, 1760000, 0], [1821800, 8500, 1813300, 0]],
  [[612400, 398100, 204500, 9800], [636300, 409800, 216600, 9900], [659400, 421300, 227100, 10000]],
  [[341200, 226300, 109500, 5400], [354400, 233700, 115200, 5500], [367200, 241100, 120500, 5600]],
  [[98600, 71200, 26200, 900], [101500, 73100, 27200, 900], [104300, 75000, 28100, 900]],
  [[176300, 128400, 45300, 2100], [182200, 132300, 47300, 2100], [187900, 136100, 49100, 2200]],
];

/**
 * NHS England's mental health expenditure categories as the MHIS assures them, whether each is in
 * the standard's scope (learning disability, autism, dementia, ADHD, specialised services and
 * spend funded by transformation / SDF money are not: DOMAIN.md "Mental Health Investment
 * Standard"), and the sample's spend, £000: 2025/26 outturn, then the plan for each year.
 */
const MH_CATEGORIES: readonly [string, boolean, number, number, number, number][] = [
  ["Children and young people's mental health", true, 14200, 14960, 15520, 16050],
  ["Perinatal mental health", true, 2350, 2480, 2570, 2660],
  ["NHS Talking Therapies (adult common mental health problems)", true, 9860, 10310, 10650, 10980],
  ["Adult community mental health, including early intervention in psychosis", true, 24310, 25540, 26350, 27180],
  ["Crisis and liaison mental health", true, 8920, 9330, 9640, 9940],
  ["Adult and older adult acute bed-based care", true, 21480, 22220, 22900, 23560],
  ["Rehabilitation, placements, and the mental health share of CHC and s117 packages", true, 10640, 11020, 11380, 11720],
  ["Mental health prescribing", true, 4120, 4240, 4350, 4460],
  ["Other in-scope mental health services", true, 2760, 2860, 2950, 3040],
  ["Learning disability", false, 12400, 12800, 13150, 13500],
  ["Autism", false, 1850, 1920, 1980, 2040],
  ["Dementia", false, 6300, 6500, 6690, 6880],
  ["ADHD", false, 2150, 2300, 2420, 2540],
  ["Specialised mental health services", false, 3900, 4010, 4120, 4230],
  ["Funded by transformation / Service Development Funding", false, 2400, 2100, 1500, 900],
];

const MHIS_BASES = ["allocation growth", "published rate"] as const;
/** [growth basis, recurrent baseline allocation £000, published rate] per plan year; 2025/26's allocation is 1,642,300. */
const MHIS_YEARS: readonly [string, number, number | null][] = [
  ["allocation growth", 1713900, null],
  ["allocation growth", 1768700, null],
  ["published rate", 1821800, 0.03],
];

/** ICB running costs: [registered population, allowance £ per head, planned running costs £000] per year. */
const RUNNING_COSTS: readonly [number, number, number][] = [
  [610200, 18.76, 11380],
  [612600, 18.76, 11150],
  [614900, 18.76, 10920],
];

/**
 * 2026/27 contracts, £000: [contract, annual value of the relationship, low-volume payment, fixed,
 * baseline value, forecast value, variable rate, rate below baseline, activity ceiling (the
 * indicative activity plan), quality value, quality achieved].
 */
const CONTRACTS: readonly [string, number, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null][] = [
  ["Northmoor Hospitals NHS Foundation Trust", 412600, null, 312400, 96200, 101350, 1, null, 99800, 3100, 0.8],
  ["Eastbridge and Kingsholt Hospitals NHS Trust", 243200, null, 188900, 54300, 52100, 1, null, 55000, 1880, 1],
  ["Northmoor and Vale Community Health NHS Trust (fixed)", 64250, null, 64250, 0, 0, 0, null, null, 640, 1],
  ["Vale Surgical Centre (independent sector, activity only)", 8450, null, 0, 0, 8450, 1, null, 8000, null, null],
  ["Northmoor Eye Clinic (independent sector)", 1120, 1095, null, null, null, null, null, null, null, null],
  ["Fenmouth Hospitals NHS Trust (out of area)", 940, 960, null, null, null, null, null, null, null, null],
];

const SAMPLE_COVER: CoverValues = sampleCover({
  Commentary: "A fictional sample return: every figure is made up to show a complete plan.",
});

/** Row layout of the year tables on Bridge and I&E: a heading, then a table of the organisations and the system total. */
const YEAR_STRIDE = SAMPLE_ORGANISATIONS.length + 5;
const firstYearHeading = 15;
const yearHeadingRow = (y: number) => firstYearHeading + y * YEAR_STRIDE;

function yearTables(sheet: SheetBuilder, columns: (y: number) => Column[]) {
  return PLAN_YEARS.map((year, y) => {
    sheet.value(`A${yearHeadingRow(y)}`, year, { style: STYLE.section });
    return sheet.table(`A${yearHeadingRow(y) + 1}`, SAMPLE_ORGANISATIONS.length, columns(y), "System");
  });
}

export function systemPlan(options: { mode?: TemplateMode } = {}): TemplateSpec {
  const mode = options.mode ?? "sample";
  /** A sample figure or name, or blank in a copy for distribution (rules such as thresholds and the allowance per head stay). */
  const v = <T,>(x: T): T | null => (mode === "sample" ? x : null);
  const t = new TemplateBuilder();
  const n = SAMPLE_ORGANISATIONS.length;
  coverSheet(t, SYSTEM_PLAN, coverValues(mode, SAMPLE_COVER));
  aboutSheet(t, {
    title: `${SYSTEM_PLAN.title}: ${SAMPLE_SYSTEM}`,
    purpose: [
      "The system's medium-term financial plan, organisation by organisation, for 2026/27 to 2028/29: each body's income and expenditure, and the bridge from its 2025/26 outturn through its underlying (recurrent) position, growth, inflation, efficiency (recurrent and non-recurrent), investments and deficit support to its planned surplus/(deficit).",
      "From 2026/27 every ICB and every trust must break even, as well as the system as a whole: the Checks sheet tests each organisation and the system in each year. Money moved between organisations in year must net to zero (ICS.NEUTRAL).",
      "It also checks ICB running costs against the allowance per head, the Mental Health Investment Standard category by category (ICS.MHIS), and prices each provider contract as a blended payment or, below the low-volume threshold, a fixed low-volume payment (ICS.BLENDED).",
    ],
    units: "£000; the MHIS minimum and blended payments are rounded to the unit on the Bridge sheet (default £1,000); running cost allowance per head in £. Surplus positive, deficit negative, shown (in brackets).",
    sheets: [
      ["Bridge", "The organisations, then for each year the bridge from the prior year to the planned surplus/(deficit), the underlying exit position and the breakeven test; the system on each total row."],
      ["I&E", "Each organisation's income and expenditure by year, and whether it agrees with the bridge."],
      ["RunningCosts", "The ICB's running costs against its allowance (population × £ per head) in each year."],
      ["MHIS", "Mental health spend by expenditure category, the out-of-scope categories excluded, and the minimum (ICS.MHIS) on the year's growth basis."],
      ["Blended", "Each provider contract's 2026/27 payment: blended (ICS.BLENDED) with the activity ceiling, or the low-volume payment below the threshold."],
    ],
    notes: [
      "The bridge items are entered as amounts: growth and in-year reallocations signed as they move the position, inflation and investments as costs (0 or more, taken off), efficiency and deficit support as gains (0 or more). Each later year starts from the year before's planned position, with its non-recurrent items (non-recurrent efficiency, deficit support, reallocations) taken out.",
      "Organisations and figures are illustrative: replace them with the system's own.",
    ],
  });

  // Bridge: the organisations once, then one table a year.
  const b = t.sheet("Bridge", { orientation: "landscape" });
  b.title("Plan bridge: outturn to planned surplus/(deficit)", "Every organisation and the system must plan a surplus/(deficit) of 0 or more in every year.");
  b.widths({ A: 50 });
  b.value("A4", "Rounding unit (£000)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.001, undefined, "A power of ten: 0.001 (£1), 1 (£1,000)").name("RoundTo", "B4");
  b.value("A5", "Neutrality tolerance £000 (optional)", { style: STYLE.section }).input("B5", null, FORMAT.thousands).number("B5", 0, undefined, "How far from zero reallocations may net; blank = exactly zero").name("Tolerance", "B5");
  const orgs = b.table("A7", n, [
    { key: "org", header: "Organisation", input: SAMPLE_ORGANISATIONS.map((o) => v(o.name)), name: "Organisations" },
    { key: "type", header: "Type", width: 20, input: SAMPLE_ORGANISATIONS.map((o) => v(o.type)), list: ORGANISATION_TYPES, name: "OrganisationTypes" },
  ]);
  const orgCell = (i: number) => `Bridge!$A$${orgs.firstRow + i}`;
  const money = { format: FORMAT.thousands };
  const bridges = yearTables(b, (y) => {
    const year = PLAN_YEARS[y];
    const prior = y === 0 ? PRIOR_YEAR : PLAN_YEARS[y - 1];
    const previous = (key: string, r: number) => `${key}${r - YEAR_STRIDE}`;
    const item = (key: string, header: string, k: number, min?: number): Column => ({ key, header, width: 13, ...money, input: BRIDGES.map((o) => v(o.years[y][k])), min, total: "sum" });
    return [
      { key: "org", header: "Organisation", each: (r) => `${orgCell(r - (yearHeadingRow(y) + 2))}` },
      y === 0
        ? { key: "start", header: `Outturn ${prior} £000`, width: 13, ...money, input: BRIDGES.map((o) => v(o.outturn)), total: "sum" }
        : { key: "start", header: `Planned ${prior} £000`, width: 13, ...money, each: (r) => previous("L", r), total: "sum" },
      y === 0
        ? { key: "nonrec", header: `Less non-recurrent items in ${prior} £000`, width: 13, ...money, input: BRIDGES.map((o) => v(o.nonRecurrent)), total: "sum" }
        : { key: "nonrec", header: `Less ${prior} non-recurrent items £000`, width: 13, ...money, each: (r) => noNoise(`${previous("H", r)}+${previous("J", r)}+${previous("K", r)}`), total: "sum" },
      { key: "underlying", header: "Underlying (recurrent) position £000", width: 13, ...money, each: (r) => noNoise(`B${r}-C${r}`), total: "sum" },
      item("growth", "Growth £000", 0),
      item("inflation", "Inflation and cost pressures £000 (cost)", 1, 0),
      item("cipRec", "Efficiency: recurrent £000", 2, 0),
      item("cipNr", "Efficiency: non-recurrent £000", 3, 0),
      item("invest", "Investments £000 (cost)", 4, 0),
      item("support", "Deficit support £000", 5, 0),
      { ...item("realloc", "In-year reallocation £000 (nets to zero)", 6), name: `Reallocations_${yearKey(year)}` },
      {
        key: "planned",
        header: `Planned surplus/(deficit) ${year} £000`,
        width: 14,
        ...money,
        each: (r) => noNoise(`D${r}+E${r}-F${r}+G${r}+H${r}-I${r}+J${r}+K${r}`),
        name: `PlannedSurplus_${yearKey(year)}`,
        total: (g) => noNoise(`SUM(${g.range("planned")})`),
        totalName: `SystemPlannedSurplus_${yearKey(year)}`,
      },
      { key: "exit", header: "Underlying exit position £000", width: 13, ...money, each: (r) => noNoise(`D${r}+E${r}-F${r}+G${r}-I${r}`), name: `UnderlyingExit_${yearKey(year)}`, total: "sum" },
      { key: "breakeven", header: "Breaks even", width: 9, each: (r) => `L${r}>=0`, total: (g) => `${g.cell("planned", g.totalRow)}>=0` },
    ];
  });

  // I&E: the same organisations and years; the surplus/(deficit) must agree with the bridge.
  const ie = t.sheet("I&E", { orientation: "landscape" });
  ie.title("Income and expenditure", "Each organisation's I&E; its surplus/(deficit) must agree with the bridge's planned surplus/(deficit).");
  ie.widths({ A: 50 });
  ie.value("A4", "Non-operating items: finance costs, PDC dividend and other non-operating items, net of interest received (a cost, taken off).", { style: STYLE.note });
  const ieTables = yearTables(ie, (y) => {
    const year = PLAN_YEARS[y];
    const line = (key: string, header: string, k: number, min?: number): Column => ({ key, header, width: 14, ...money, input: INCOME_AND_EXPENDITURE.map((o) => v(o[y][k])), min, total: "sum" });
    return [
      { key: "org", header: "Organisation", each: (r) => `${orgCell(r - (yearHeadingRow(y) + 2))}` },
      line("income", "Operating income £000", 0, 0),
      line("pay", "Pay £000", 1, 0),
      line("nonpay", "Non-pay, including purchase of healthcare £000", 2, 0),
      line("nonop", "Non-operating items (net) £000", 3),
      { key: "surplus", header: `Surplus/(deficit) ${year} £000`, width: 14, ...money, each: (r) => noNoise(`B${r}-C${r}-D${r}-E${r}`), total: "sum" },
      { key: "bridge", header: "Per the bridge £000", width: 13, ...money, each: (r) => `Bridge!L${r}`, total: "sum" },
      { key: "agrees", header: "Agrees", width: 9, each: (r) => `F${r}=G${r}`, name: `IEAgrees_${yearKey(year)}` },
    ];
  });

  // ICB running costs against the allowance.
  const rc = t.sheet("RunningCosts", { orientation: "portrait" });
  rc.title("ICB running costs", "Running costs must stay within the allowance: the ICB's population × the allowance per head (about £18.76 in the 2025 reset).");
  rc.widths({ A: 64, B: 13, C: 13, D: 13 });
  rc.value("A4", "", { style: STYLE.header });
  PLAN_YEARS.forEach((year, y) => {
    const c = "BCD"[y];
    rc.value(`${c}4`, year, { style: STYLE.header });
    rc.input(`${c}5`, v(RUNNING_COSTS[y][0]), FORMAT.count);
    rc.input(`${c}6`, RUNNING_COSTS[y][1], "£#,##0.00");
    rc.formula(`${c}7`, `ROUND(${c}5*${c}6/1000,3)`, { format: FORMAT.thousands });
    rc.input(`${c}8`, v(RUNNING_COSTS[y][2]), FORMAT.thousands);
    rc.formula(`${c}9`, `ROUND(${c}7-${c}8,3)`, { format: FORMAT.thousands });
    rc.formula(`${c}10`, `${c}8<=${c}7`, { style: STYLE.total });
  });
  rc.number("B5:D5", 0).number("B6:D6", 0, undefined, "£ per head, e.g. 18.76").number("B8:D8", 0);
  rc.value("A5", "ICB population (registered)").name("RunningCostPopulation", "B5:D5");
  rc.value("A6", "Running cost allowance £ per head").name("RunningCostPerHead", "B6:D6");
  rc.value("A7", "Running cost allowance £000 (population × £ per head, to the nearest £)", { style: STYLE.total }).name("RunningCostAllowance", "B7:D7");
  rc.value("A8", "Planned ICB running costs £000 (excluding delegated pharmacy, optometry, dental and specialised)").name("RunningCosts", "B8:D8");
  rc.value("A9", "Headroom (excess) £000");
  rc.value("A10", "Within the allowance", { style: STYLE.total }).name("RunningCostsWithin", "B10:D10");

  // MHIS: spend by category, in scope or not, and the standard on each year's growth basis.
  const m = t.sheet("MHIS", { orientation: "landscape" });
  m.title("Mental Health Investment Standard", "In-scope mental health spend must grow at least in line with the year's growth basis: the recurrent baseline allocation, or a published rate.");
  m.widths({ A: 72 });
  const spendYears = [PRIOR_YEAR, ...PLAN_YEARS];
  const categories = m.table("A5", MH_CATEGORIES.length, [
    { key: "category", header: "Mental health expenditure category", fixed: MH_CATEGORIES.map((c) => c[0]), name: "MhCategories" },
    { key: "scope", header: "In MHIS scope", width: 9, fixed: MH_CATEGORIES.map((c) => (c[1] ? "Yes" : "No")), name: "MhInScope" },
    ...spendYears.map(
      (year, k): Column => ({
        key: `spend${k}`,
        header: k === 0 ? `Outturn ${year} £000` : `Plan ${year} £000`,
        width: 13,
        ...money,
        input: MH_CATEGORIES.map((c) => v(c[2 + k])),
        min: 0,
        name: `MhSpend_${yearKey(year)}`,
        total: "sum",
      }),
    ),
  ]);
  const inScopeRow = categories.totalRow + 1;
  m.value(`A${inScopeRow}`, "Of which in MHIS scope £000", { style: STYLE.total });
  spendYears.forEach((_, k) => m.formula(`${"CDEF"[k]}${inScopeRow}`, `SUMIF(MhInScope,"Yes",${categories.range(`spend${k}`)})`, { format: FORMAT.thousands, style: STYLE.total }));
  m.name("MhInScopeSpend", `C${inScopeRow}:F${inScopeRow}`);
  const s0 = inScopeRow + 2;
  m.value(`A${s0}`, "The standard £000", { style: STYLE.header });
  const row = (k: number) => s0 + k;
  const mhisLines = [
    "Growth basis",
    `Recurrent baseline allocation, prior year £000`,
    "Recurrent baseline allocation, this year £000",
    "Published growth rate (when the basis is a published rate)",
    "Growth applied",
    "Prior year's in-scope mental health spend £000",
    "MHIS minimum in-scope spend £000 (ICS.MHIS)",
    "Planned in-scope spend £000",
    "Above (below) the minimum £000",
    "Meets the standard",
  ];
  mhisLines.forEach((label, k) => m.value(`A${row(k + 1)}`, label, k === 6 || k === 9 ? { style: STYLE.total } : {}));
  PLAN_YEARS.forEach((year, y) => {
    const c = "BCD"[y];
    const prevSpend = `${"CDEF"[y]}${inScopeRow}`;
    const thisSpend = `${"CDEF"[y + 1]}${inScopeRow}`;
    m.value(`${c}${s0}`, year, { style: STYLE.header });
    m.input(`${c}${row(1)}`, mode === "sample" ? MHIS_YEARS[y][0] : "allocation growth");
    if (y === 0) m.input(`${c}${row(2)}`, v(1642300), FORMAT.thousands);
    else m.formula(`${c}${row(2)}`, `${"BCD"[y - 1]}${row(3)}`, { format: FORMAT.thousands });
    m.input(`${c}${row(3)}`, v(MHIS_YEARS[y][1]), FORMAT.thousands);
    m.input(`${c}${row(4)}`, v(MHIS_YEARS[y][2]), FORMAT.percent);
    const byRate = `${c}${row(1)}="published rate"`;
    m.formula(`${c}${row(5)}`, `IF(${byRate},${c}${row(4)},${c}${row(3)}/${c}${row(2)}-1)`, { format: "0.00%" });
    m.formula(`${c}${row(6)}`, prevSpend, { format: FORMAT.thousands });
    m.formula(`${c}${row(7)}`, `IF(${byRate},ICS.MHIS(${c}${row(6)},1,1+${c}${row(4)},RoundTo),ICS.MHIS(${c}${row(6)},${c}${row(2)},${c}${row(3)},RoundTo))`, { format: FORMAT.thousands, style: STYLE.total });
    m.formula(`${c}${row(8)}`, thisSpend, { format: FORMAT.thousands });
    m.formula(`${c}${row(9)}`, `${c}${row(8)}-${c}${row(7)}`, { format: FORMAT.thousands });
    m.formula(`${c}${row(10)}`, `${c}${row(8)}>=${c}${row(7)}`, { style: STYLE.total });
  });
  m.list(`B${row(1)}:D${row(1)}`, MHIS_BASES, "allocation growth: in line with the recurrent baseline allocation; published rate: the rate NHS England sets for the year");
  m.number(`B${row(2)}:D${row(3)}`, 0).number(`B${row(4)}:D${row(4)}`, -1, 1, "e.g. 3% for a standard set at 3%");
  m.name("MhisBasis", `B${row(1)}:D${row(1)}`)
    .name("MhisPriorAllocation", `B${row(2)}:D${row(2)}`)
    .name("MhisAllocation", `B${row(3)}:D${row(3)}`)
    .name("MhisRate", `B${row(4)}:D${row(4)}`)
    .name("MhisPriorSpend", `B${row(6)}:D${row(6)}`)
    .name("MhisMinimum", `B${row(7)}:D${row(7)}`)
    .name("MhisPlanned", `B${row(8)}:D${row(8)}`)
    .name("MhisMet", `B${row(10)}:D${row(10)}`);

  // Blended payments, 2026/27.
  const bl = t.sheet("Blended", { orientation: "landscape", titleRows: "6:6" });
  bl.title(
    "Blended payments 2026/27",
    "Aligned payment and incentive: fixed element + variable rate × (activity − baseline), activity above the ceiling unpaid, less quality not achieved; relationships below the low-volume threshold get the fixed low-volume payment instead.",
  );
  bl.widths({ A: 52 });
  bl.value("A4", "Low-volume threshold £000 (£1,500 from 2025/26; £500 before)", { style: STYLE.section }).input("B4", 1500, FORMAT.thousands).number("B4", 0).name("LowVolumeThreshold", "B4");
  bl.table("A6", CONTRACTS.length, [
    { key: "contract", header: "Provider contract", input: CONTRACTS.map((x) => v(x[0])), name: "Contracts" },
    { key: "value", header: "Annual value of the relationship £000", width: 13, ...money, input: CONTRACTS.map((x) => v(x[1])), min: 0, prompt: "The three-year rolling average, for the low-volume test" },
    { key: "lowVolume", header: "Low-volume payment £000 (national value)", width: 13, ...money, input: CONTRACTS.map((x) => v(x[2])), min: 0 },
    { key: "fixed", header: "Fixed element £000", width: 13, ...money, input: CONTRACTS.map((x) => v(x[3])), min: 0, total: "sum" },
    { key: "baseline", header: "Baseline activity value £000", width: 13, ...money, input: CONTRACTS.map((x) => v(x[4])), min: 0 },
    { key: "actual", header: "Forecast activity value £000", width: 13, ...money, input: CONTRACTS.map((x) => v(x[5])), min: 0 },
    { key: "rate", header: "Variable rate", width: 10, format: FORMAT.percent, input: CONTRACTS.map((x) => v(x[6])), min: 0, max: 1, prompt: "Share of unit prices: 100% from 2023/24, 75% in 2022/23", name: "VariableRates" },
    { key: "rateBelow", header: "Rate below baseline (blank = variable rate)", width: 11, format: FORMAT.percent, input: CONTRACTS.map((x) => v(x[7])), min: 0, max: 1, prompt: "0% where under-delivery is not clawed back (2022/23)", name: "RatesBelow" },
    { key: "ceiling", header: "Activity ceiling £000 (indicative activity plan; blank = none)", width: 14, ...money, input: CONTRACTS.map((x) => v(x[8])), min: 0 },
    { key: "quality", header: "Quality element £000", width: 11, ...money, input: CONTRACTS.map((x) => v(x[9])), min: 0 },
    { key: "achieved", header: "Quality achieved", width: 10, format: FORMAT.percent, input: CONTRACTS.map((x) => v(x[10])), min: 0, max: 1, name: "QualityAchieved" },
    { key: "basis", header: "Payment basis", width: 12, each: (r) => `IF(B${r}<LowVolumeThreshold,"Low-volume","Blended")`, name: "PaymentBases" },
    {
      key: "payment",
      header: "Payment £000",
      width: 13,
      ...money,
      // A blank rate below or ceiling is spelt out (the variable rate; no limit, as the larger of activity and baseline), since some Excel builds pass a blank cell as 0.
      each: (r) => `IF(L${r}="Low-volume",C${r},ICS.BLENDED(D${r},E${r},F${r},G${r},J${r},K${r},RoundTo,IF(H${r}="",G${r},H${r}),IF(I${r}="",MAX(E${r},F${r}),I${r})))`,
      name: "BlendedPayments",
      total: "sum",
    },
    { key: "change", header: "Above (below) the fixed element £000", width: 13, ...money, each: (r) => `IF(L${r}="Low-volume",0,M${r}-D${r})`, total: "sum" },
    { key: "complete", header: "Inputs complete", width: 9, each: (r) => `IF(L${r}="Low-volume",AND(ISNUMBER(B${r}),ISNUMBER(C${r})),AND(ISNUMBER(D${r}),ISNUMBER(E${r}),ISNUMBER(F${r})))`, name: "ContractsComplete" },
  ]);

  const orgLabel = (i: number, text: string) => `IF(${orgCell(i)}="","Organisation ${i + 1}",${orgCell(i)})&"${text}"`;
  const checks: Check[] = [];
  PLAN_YEARS.forEach((year, y) => {
    const g = bridges[y];
    SAMPLE_ORGANISATIONS.forEach((o, i) => {
      const text = ` breaks even in ${year}: planned surplus/(deficit) of 0 or more`;
      checks.push({
        label: `${o.name}${text}`,
        labelFormula: orgLabel(i, text),
        formula: `Bridge!${g.cell("planned", g.firstRow + i)}>=0`,
        fix: `A planned deficit: every ICB and trust must break even from 2026/27. Close the gap on the ${year} bridge (efficiency, investments) or agree a neutral in-year reallocation.`,
      });
    });
    checks.push({ label: `The system breaks even in ${year}`, formula: `SystemPlannedSurplus_${yearKey(year)}>=0`, fix: "The organisations' planned surplus/(deficit) add up to a deficit." });
  });
  PLAN_YEARS.forEach((year) => {
    checks.push({
      label: `In-year reallocations in ${year} are financially neutral (ICS.NEUTRAL)`,
      formula: `ICS.NEUTRAL(Reallocations_${yearKey(year)},Tolerance)`,
      fix: "The reallocations do not add up to zero: one organisation's gain must be matched by reductions elsewhere.",
    });
  });
  PLAN_YEARS.forEach((year) => {
    checks.push({ label: `Each organisation's ${year} I&E agrees with its bridge`, formula: `AND(IEAgrees_${yearKey(year)})`, fix: "An I&E surplus/(deficit) differs from the bridge: see the Agrees column on the I&E sheet." });
  });
  PLAN_YEARS.forEach((year, y) => {
    checks.push({ label: `ICB running costs are within the allowance in ${year}`, formula: `INDEX(RunningCostsWithin,1,${y + 1})`, fix: "Planned running costs exceed population × allowance per head: see the RunningCosts sheet." });
  });
  PLAN_YEARS.forEach((year, y) => {
    checks.push({ label: `Planned in-scope mental health spend meets the MHIS minimum in ${year}`, formula: `INDEX(MhisMet,1,${y + 1})`, fix: "In-scope mental health spend must grow at least in line with the year's growth basis: see the MHIS sheet." });
  });
  const bridgeInputs = bridges.map((g, y) => (y === 0 ? `Bridge!${g.block("start", "nonrec")},Bridge!${g.block("growth", "realloc")}` : `Bridge!${g.block("growth", "realloc")}`)).join(",");
  const ieInputs = ieTables.map((g) => `'I&E'!${g.block("income", "nonop")}`).join(",");
  checks.push(
    {
      label: "Every bridge figure is entered as a number (0 for none) for each organisation named",
      formula: `AND(COUNTA(Organisations)>0,COUNT(${bridgeInputs})=${9 + 2 * 7}*COUNTA(Organisations))`,
      fix: "No organisation is named, a bridge figure is blank or typed as text, or figures are entered on a row with no organisation.",
    },
    {
      label: "Every I&E figure is entered as a number (0 for none) for each organisation named",
      formula: `AND(COUNTA(Organisations)>0,COUNT(${ieInputs})=${4 * PLAN_YEARS.length}*COUNTA(Organisations))`,
      fix: "No organisation is named, an I&E figure is blank or typed as text, or figures are entered on a row with no organisation.",
    },
    {
      label: "Every MHIS figure is entered as a number (0 for none)",
      formula: `AND(COUNT(MHIS!${categories.block("spend0", "spend3")})=${MH_CATEGORIES.length * 4},COUNT(MhisPriorAllocation,MhisAllocation)=6,ISNUMBER(SUM(MhisMinimum)))`,
      fix: "A category's spend, an allocation or the rate for a published-rate year is blank or typed as text.",
    },
    { label: "Every contract's inputs are complete (low-volume: its payment; blended: fixed, baseline and forecast)", formula: "AND(ContractsComplete)", fix: "See the Inputs complete column on the Blended sheet." },
    { label: "Every contract's payment is calculated", formula: "ISNUMBER(SUM(BlendedPayments))", fix: "A contract's figure is typed as text or out of range: see the Blended sheet." },
    {
      label: "Variable rates, rates below baseline and quality achieved are between 0% and 100%",
      formula: "AND(MIN(VariableRates,RatesBelow,QualityAchieved)>=0,MAX(VariableRates,RatesBelow,QualityAchieved)<=1)",
      fix: "Enter rates as percentages from 0% to 100%.",
    },
  );
  checksSheet(t, checks);
  const keyFigures: KeyFigure[] = [
    { name: "Organisations", label: "Organisations" },
    ...PLAN_YEARS.flatMap((year): KeyFigure[] => [
      { name: `PlannedSurplus_${yearKey(year)}`, label: `Planned surplus/(deficit) by organisation ${year} £000`, format: FORMAT.thousands },
      { name: `SystemPlannedSurplus_${yearKey(year)}`, label: `System planned surplus/(deficit) ${year} £000`, format: FORMAT.thousands },
      { name: `UnderlyingExit_${yearKey(year)}`, label: `Underlying exit position by organisation ${year} £000`, format: FORMAT.thousands },
    ]),
    { name: "RunningCosts", label: "Planned ICB running costs by year £000", format: FORMAT.thousands },
    { name: "MhisMinimum", label: "MHIS minimum in-scope spend by year £000", format: FORMAT.thousands },
    { name: "MhisPlanned", label: "Planned in-scope mental health spend by year £000", format: FORMAT.thousands },
    { name: "BlendedPayments", label: "Payment by contract 2026/27 £000", format: FORMAT.thousands },
  ];
  return t.build(SYSTEM_PLAN, keyFigures, {
    tables: [
      {
        key: "organisations",
        sheet: "Organisations",
        columns: [
          { name: "Organisations", label: "Organisation" },
          { name: "OrganisationTypes", label: "Type" },
          ...PLAN_YEARS.flatMap((year) => [
            { name: `PlannedSurplus_${yearKey(year)}`, label: `Planned surplus/(deficit) ${year} £000`, format: FORMAT.thousands },
            { name: `UnderlyingExit_${yearKey(year)}`, label: `Underlying exit position ${year} £000`, format: FORMAT.thousands },
          ]),
        ],
      },
      {
        // One row per plan year, in order (the years are headers on the sheets, not names).
        key: "years",
        sheet: "Running costs and MHIS",
        columns: [
          { name: "RunningCostAllowance", label: "Running cost allowance £000", format: FORMAT.thousands },
          { name: "RunningCosts", label: "Planned ICB running costs £000", format: FORMAT.thousands },
          { name: "MhisMinimum", label: "MHIS minimum in-scope spend £000", format: FORMAT.thousands },
          { name: "MhisPlanned", label: "Planned in-scope mental health spend £000", format: FORMAT.thousands },
        ],
      },
      {
        key: "contracts",
        sheet: "Contracts",
        columns: [
          { name: "Contracts", label: "Provider contract" },
          { name: "PaymentBases", label: "Payment basis" },
          { name: "BlendedPayments", label: "Payment 2026/27 £000", format: FORMAT.thousands },
        ],
      },
    ],
  });
}
