/**
 * Delegation to place, service line by service line (../shared/spec/DOMAIN.md, "Delegation to
 * place"): each delegated line — primary medical care by the PMC weighted population, community
 * services by the community WP, prescribing by the prescribing WP, continuing healthcare by last
 * year's spend, other lines on a chosen basis — less what the system keeps of it, split to places
 * from last year's place baselines towards target at a chosen pace (ICS.CONVERGE and its levers)
 * or straight to target (ICS.DELEGATE), with distance from target (ICS.DFT). Practice-level
 * budgets only for the lines held at practice level (primary medical care and prescribing).
 * Acute and specialised money is never delegated here. Units: £, whole pounds by default.
 */
import { FORMAT, STYLE, Table, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, sampleCover } from "./cover";
import { DelegationSystem, PracticeRow, SAMPLE_DELEGATION, WeightedPopulations } from "./sample";
import { TemplateInfo, TemplateMode, TemplateSpec } from "./spec";

export const PLACE_DELEGATION: TemplateInfo = {
  name: "place-delegation",
  title: "Delegation to place by service line",
  description:
    "The delegated budget built line by line (primary medical care, community services, prescribing, CHC, other lines on a chosen basis) less top-slices, each line split to places from last year's baselines towards target (ICS.CONVERGE) or at target (ICS.DELEGATE), distance from target, and practice budgets for primary medical care and prescribing (£).",
  version: "2026.1",
};

/** What a line can be split by: a registered population, a weighted-population component, or last year's spend. */
export const BASES = ["Final WP", "PMC WP", "CS WP", "MH WP", "Prescr WP", "Population", "Last year"] as const;
export type Basis = (typeof BASES)[number];
/** The place table's columns, in the order `INDEX` picks a basis from (Last year is the line's own baselines). */
const PLACE_BASES = ["Population", "Final WP", "PMC WP", "CS WP", "MH WP", "Prescr WP"] as const;

export const METHODS = ["converge", "target"] as const;

interface LineSpec {
  name: string | null;
  basis: Basis | null;
  /** A practice-level line: its place budgets are split to practices on the same basis. */
  practice?: "pmc" | "prescribing";
  allocation: number | null;
  topSlice: number | null;
  topSliceFor: string | null;
  method: (typeof METHODS)[number];
  minUplift: number | null;
  maxBelow: number | null;
  /** A plausible £ per head for every place on this line. */
  perHead: [number, number] | null;
  /** Last year's budget by place, in the sample's place order. */
  baselines: readonly number[] | null;
}

/** The lines every system delegates, each on its own basis (fixed: locked on the Lines sheet). */
const FIXED_LINES: readonly LineSpec[] = [
  {
    name: "Primary medical care (GP contracts)",
    basis: "PMC WP",
    practice: "pmc",
    allocation: 176300000,
    topSlice: 2650000,
    topSliceFor: "Primary care contingency and GP IT held by the ICB",
    method: "converge",
    minUplift: 0.02,
    maxBelow: 0.05,
    perHead: [120, 300],
    baselines: [71254000, 40750000, 30605000, 24073000],
  },
  {
    name: "Community services",
    basis: "CS WP",
    allocation: 241500000,
    topSlice: 4800000,
    topSliceFor: "System-wide rapid response and community hub",
    method: "converge",
    minUplift: 0.015,
    maxBelow: 0.05,
    perHead: [120, 450],
    baselines: [99941000, 52954000, 42806000, 33118000],
  },
  {
    name: "Prescribing",
    basis: "Prescr WP",
    practice: "prescribing",
    allocation: 178900000,
    topSlice: 2200000,
    topSliceFor: "High-cost drugs and prescribing reserve",
    method: "converge",
    minUplift: 0.02,
    maxBelow: null,
    perHead: [100, 300],
    baselines: [73050000, 39474000, 32200000, 24780000],
  },
  {
    name: "Continuing healthcare (CHC)",
    basis: "Last year",
    allocation: 96400000,
    topSlice: 1500000,
    topSliceFor: "CHC risk reserve",
    method: "converge",
    minUplift: 0.01,
    maxBelow: null,
    perHead: [30, 250],
    baselines: [41250000, 22400000, 17350000, 10900000],
  },
];

/** Other delegated lines: the system names them and chooses each one's basis. */
const OTHER_LINES: readonly LineSpec[] = [
  {
    name: "Community mental health services",
    basis: "MH WP",
    allocation: 64200000,
    topSlice: null,
    topSliceFor: null,
    method: "converge",
    minUplift: 0.025,
    maxBelow: 0.05,
    perHead: [30, 150],
    baselines: [27533000, 13628000, 11142000, 8327000],
  },
  {
    name: "Intermediate care and discharge",
    basis: "Final WP",
    allocation: 38600000,
    topSlice: 600000,
    topSliceFor: "System discharge hub",
    method: "target",
    minUplift: null,
    maxBelow: null,
    perHead: null,
    baselines: null,
  },
];
const SPARE_LINES = 2;
const SPARE: LineSpec = { name: null, basis: null, allocation: null, topSlice: null, topSliceFor: null, method: "target", minUplift: null, maxBelow: null, perHead: null, baselines: null };

/** The practice file's weighted-population column behind each basis. */
const PRACTICE_COLUMNS: { basis: (typeof PLACE_BASES)[number]; key: keyof WeightedPopulations | "population"; header: string; name: string }[] = [
  { basis: "Population", key: "population", header: "Registered population", name: "Population" },
  { basis: "Final WP", key: "final", header: "Final WP (core)", name: "FinalWP" },
  { basis: "PMC WP", key: "pmc", header: "PMC WP (primary medical care)", name: "PmcWP" },
  { basis: "CS WP", key: "community", header: "CS WP (community services)", name: "CsWP" },
  { basis: "MH WP", key: "mentalHealth", header: "MH WP (mental health)", name: "MhWP" },
  { basis: "Prescr WP", key: "prescribing", header: "Prescr WP (prescribing)", name: "PrescrWP" },
];

export interface PlaceDelegationOptions {
  mode?: TemplateMode;
  /** The system's practices and places; default the fictional sample. */
  system?: DelegationSystem;
}

const SAMPLE_COVER: CoverValues = sampleCover({
  Commentary: "A fictional sample return: every figure is made up to show a complete return.",
});

function placesOf(system: DelegationSystem): string[] {
  if (system.places) return [...system.places];
  return [...new Set(system.practices.map((p) => p.place))];
}

const perHead = (money: string, pop: string) => `IF(N(${pop})>0,${money}/${pop},"")`;

export function placeDelegation(options: PlaceDelegationOptions = {}): TemplateSpec {
  const system = options.system ?? SAMPLE_DELEGATION;
  const mode: TemplateMode = options.mode ?? (options.system ? "prefilled" : "sample");
  const sample = mode === "sample";
  const money = <T>(v: T): T | null => (sample ? v : null);
  const places = placesOf(system);
  const n = places.length;
  const practicesByPlace = places.map((place) => system.practices.filter((p) => p.place === place));
  const unplaced = system.practices.filter((p) => !places.includes(p.place));
  if (unplaced.length > 0) throw new Error(`practice ${unplaced[0].code} is in "${unplaced[0].place}", which is not one of the places`);
  const empty = places.find((_, k) => practicesByPlace[k].length === 0);
  if (empty !== undefined) throw new Error(`place "${empty}" has no practices`);
  const practices: PracticeRow[] = practicesByPlace.flat();
  // The sample's baselines are by the sample's places; a system with other places has none.
  const samplePlaces = placesOf(SAMPLE_DELEGATION);
  const sameSystem = places.length === samplePlaces.length && places.every((p, i) => p === samplePlaces[i]);
  const lines: LineSpec[] = [...FIXED_LINES, ...OTHER_LINES, ...Array.from({ length: SPARE_LINES }, () => SPARE)].map((l, i) =>
    i < FIXED_LINES.length || sample ? l : { ...SPARE, name: sample ? l.name : null, basis: null },
  );
  const icb = `${system.icbCode} ${system.icbName}`;

  const t = new TemplateBuilder();
  coverSheet(t, PLACE_DELEGATION, coverValues(mode, SAMPLE_COVER, { OrganisationCode: system.icbCode, OrganisationName: system.icbName, ICBCode: system.icbCode }));
  aboutSheet(t, {
    title: `${PLACE_DELEGATION.title}: ${system.name}`,
    purpose: [
      "Builds the budget the system delegates to its places service line by service line, each line on its own basis: primary medical care by the PMC weighted population, community services by the community services weighted population, prescribing by the prescribing weighted population, continuing healthcare by last year's spend, and other delegated lines on a basis the system chooses.",
      "The system keeps its top-slices; the rest of each line is split to places, either from last year's place baselines towards target at a chosen pace (ICS.CONVERGE: a minimum uplift, places far below target brought within a set distance first, the rest closing gaps) or straight to target (ICS.DELEGATE). Distance from target (ICS.DFT) is shown for every place and line.",
      "Practice-level budgets exist only for the lines held at practice level: primary medical care and prescribing. Acute and specialised money is not delegated to place. Every split adds up exactly: places plus top-slices equal the delegated pot to the pound.",
    ],
    units: "£, rounded to the unit on the Lines sheet (default £1). Populations are GP-registered; weighted populations are NHS England's need-weighted populations by component.",
    sheets: [
      ["Lines", "Each delegated service line: its basis, allocation, top-slice, method (converge or target) and levers, and the plausible £ per head."],
      ["Places", "The places (ICB and local authority codes), their populations and weighted populations, the delegated budget by place and line, then each line's split: last year's baseline, target (ICS.DELEGATE), budget (ICS.CONVERGE) and distance from target (ICS.DFT)."],
      ["Practices", "Each practice (practice, PCN and local authority codes), its populations, and its primary medical care and prescribing budgets (ICS.DELEGATE of its place's budget)."],
    ],
    notes: [
      sample
        ? "The sample is the fictional Northmoor and Vale system: replace its figures with the system's own, or generate a blank copy (ics-finance template place-delegation --blank, or --practices <file> --icb <code> for a system's own places and practices)."
        : "The money inputs are blank: fill in each line's allocation and top-slice on Lines and last year's baselines on Places. Until then the checks say what is missing.",
      `ICB: ${icb}. Places and practices: ${system.name}${system.source ? ` (from ${system.source})` : ""}. Add a practice or place by regenerating the template (--places <mapping.csv> maps practices to places).`,
    ],
  });

  // Lines: one row per delegated service line.
  const ln = t.sheet("Lines", { orientation: "landscape", titleRows: "8:8" });
  ln.title("Delegated service lines", "Each line: its allocation, what the system keeps of it (top-slice), what goes to places, and how it is split. Yellow cells are inputs.");
  ln.value("A4", "Rounding unit (£)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.01, undefined, "A power of ten: 0.01, 1 or 1000").name("RoundTo", "B4");
  ln.value("A5", "ICB", { style: STYLE.section }).value("B5", icb);
  ln.value("A6", 'Basis: Final WP, PMC WP, CS WP, MH WP or Prescr WP (NHS England\'s weighted populations), Population (registered), or Last year (last year\'s place budgets). Method: "converge" moves from last year\'s baselines towards target; "target" goes straight to target.', { style: STYLE.note });
  const header = 8;
  const first = header + 1;
  const L = lines.length;
  const last = first + L - 1;
  const total = last + 1;
  const cols = {
    line: "A",
    basis: "B",
    held: "C",
    allocation: "D",
    topSlice: "E",
    topSliceFor: "F",
    toPlaces: "G",
    method: "H",
    minUplift: "I",
    maxBelow: "J",
    headFrom: "K",
    headTo: "L",
    lastYear: "M",
    growth: "N",
    growthRate: "O",
    complete: "P",
    addsUp: "Q",
  } as const;
  const headers: Record<keyof typeof cols, string> = {
    line: "Service line",
    basis: "Basis",
    held: "Held at",
    allocation: "Allocation £",
    topSlice: "Top-slice kept by the system £",
    topSliceFor: "Top-slice held for",
    toPlaces: "Delegated to places £",
    method: "Method",
    minUplift: "Minimum uplift (converge)",
    maxBelow: "First bring within x% of target (converge, optional)",
    headFrom: "Plausible £ per head: from",
    headTo: "to",
    lastYear: "Last year's place budgets £",
    growth: "Change on last year £",
    growthRate: "Change on last year",
    complete: "Line complete",
    addsUp: "Places add up",
  };
  (Object.keys(cols) as (keyof typeof cols)[]).forEach((k) => ln.value(`${cols[k]}${header}`, headers[k], { style: STYLE.header }));
  ln.widths({ A: 44, B: 11, C: 9, D: 15, E: 15, F: 36, G: 15, H: 10, I: 11, J: 13, K: 10, L: 8, M: 15, N: 14, O: 10, P: 9, Q: 9 });
  const fixedCount = FIXED_LINES.length;
  // Blocks on the Places sheet: where each line's split is (filled in below, used here).
  const placesSheet = "Places";
  const placeTableHeader = 7;
  const placeFirst = placeTableHeader + 1;
  const placeLast = placeFirst + n - 1;
  const summaryHeader = placeLast + 4;
  const summaryFirst = summaryHeader + 1;
  const summaryLast = summaryFirst + n - 1;
  const blockStart = (k: number) => summaryLast + 4 + k * (n + 5);
  const blockHeader = (k: number) => blockStart(k) + 1;
  const blockFirst = (k: number) => blockHeader(k) + 1;
  const blockLast = (k: number) => blockFirst(k) + n - 1;
  const bCol = {
    place: "A",
    weight: "B",
    baseline: "C",
    uplift: "D",
    target: "E",
    start: "F",
    upliftUsed: "G",
    budget: "H",
    change: "I",
    changeRate: "J",
    dft: "K",
    head: "L",
    plausible: "M",
  } as const;
  const blockRange = (k: number, col: keyof typeof bCol, absolute = true) =>
    absolute ? `$${bCol[col]}$${blockFirst(k)}:$${bCol[col]}$${blockLast(k)}` : `${bCol[col]}${blockFirst(k)}:${bCol[col]}${blockLast(k)}`;
  const onPlaces = (range: string) => `${placesSheet}!${range}`;

  lines.forEach((line, i) => {
    const r = first + i;
    const fixed = i < fixedCount;
    if (fixed) ln.value(`A${r}`, line.name).value(`B${r}`, line.basis);
    else ln.input(`A${r}`, line.name).input(`B${r}`, line.basis);
    ln.value(`C${r}`, line.practice ? "Practice" : "Place");
    ln.input(`D${r}`, money(line.allocation), FORMAT.pounds);
    ln.input(`E${r}`, money(line.topSlice), FORMAT.pounds);
    ln.input(`F${r}`, sample ? line.topSliceFor : null);
    // Blank is 0; text stays an error (never silently 0), so the line's split says which cell.
    ln.formula(`G${r}`, `IF(D${r}="",0,D${r})-IF(E${r}="",0,E${r})`, { format: FORMAT.pounds });
    ln.input(`H${r}`, line.method);
    ln.input(`I${r}`, sample ? line.minUplift : null, FORMAT.percent);
    ln.input(`J${r}`, sample ? line.maxBelow : null, FORMAT.percent);
    ln.input(`K${r}`, line.perHead?.[0] ?? null, FORMAT.pounds);
    ln.input(`L${r}`, line.perHead?.[1] ?? null, FORMAT.pounds);
    // Blank when the line has no baselines (a line straight to target may have none).
    ln.formula(`M${r}`, `IF(COUNT(${onPlaces(blockRange(i, "baseline"))})=0,"",SUM(${onPlaces(blockRange(i, "baseline"))}))`, { format: FORMAT.pounds });
    ln.formula(`N${r}`, `IF(M${r}="","",G${r}-M${r})`, { format: FORMAT.pounds });
    ln.formula(`O${r}`, `IF(N(M${r})>0,N${r}/M${r},"")`, { format: FORMAT.percent });
    // A named line needs an allocation above 0 (a spare line left blank is complete as it is),
    // a basis, a method, and for "converge" last year's baseline for every place.
    const named = fixed ? "TRUE()" : `LEN(A${r})>0`;
    ln.formula(
      `P${r}`,
      `IF(${named},AND(ISNUMBER(D${r}),N(D${r})>0,OR(E${r}="",ISNUMBER(E${r})),G${r}>=0,ISNUMBER(MATCH(B${r},{${BASES.map((b) => `"${b}"`).join(",")}},0)),OR(H${r}="target",AND(H${r}="converge",COUNT(${onPlaces(blockRange(i, "baseline"))})=${n}))),AND(D${r}="",E${r}=""))`,
    );
    ln.formula(`Q${r}`, `ABS(SUM(${onPlaces(blockRange(i, "budget"))})-G${r})<RoundTo/2`);
  });
  ln.list(`B${first + fixedCount}:B${last}`, BASES, "What this line is split by");
  ln.list(`H${first}:H${last}`, METHODS, "converge: from last year's baselines towards target; target: straight to target");
  ln.number(`D${first}:E${last}`, 0, undefined, "£, 0 or more");
  ln.number(`I${first}:J${last}`, 0, 1, "A rate, e.g. 2% (blank = 0 / none)");
  ln.number(`K${first}:L${last}`, 0, undefined, "£ per registered patient; blank = no check");
  ln.value(`A${total}`, "Delegated pot", { style: STYLE.total });
  for (const c of ["D", "E", "G", "M", "N"]) ln.formula(`${c}${total}`, `SUM(${c}${first}:${c}${last})`, { format: FORMAT.pounds, style: STYLE.total });
  ln.name("LineNames", `A${first}:A${last}`)
    .name("LineBases", `B${first}:B${last}`)
    .name("LineAllocations", `D${first}:D${last}`)
    .name("TopSlices", `E${first}:E${last}`)
    .name("LineToPlaces", `G${first}:G${last}`)
    .name("LineMethods", `H${first}:H${last}`)
    .name("LineComplete", `P${first}:P${last}`)
    .name("LinePlacesAddUp", `Q${first}:Q${last}`)
    .name("DelegatedPot", `D${total}`, "The delegated pot: every line's allocation")
    .name("TopSlicesTotal", `E${total}`, "What the system keeps")
    .name("DelegatedToPlaces", `G${total}`, "Delegated to places: the pot less top-slices");

  // Places: the places and their weights, the delegated budget by place, then one block per line.
  const pl = t.sheet(placesSheet, { orientation: "landscape", titleRows: `${placeTableHeader}:${placeTableHeader}` });
  pl.title("Delegation to places", "Each line is split to places on its own basis. The summary adds the lines up by place; each line's block below shows how.");
  pl.value("A4", "ICB", { style: STYLE.section }).value("B4", icb);
  pl.widths({ A: 30, B: 16, C: 16, D: 16, E: 16, F: 16, G: 14, H: 16, I: 14, J: 11, K: 11, L: 11, M: 10 });
  const placeTable = pl.table(`A${placeTableHeader}`, n, [
    { key: "place", header: "Place", fixed: places, name: "PlaceNames" },
    { key: "note", header: "What it is", fixed: places.map((p) => system.placeNotes?.[p] ?? "") },
    {
      key: "las",
      header: "Local authorities (code and name)",
      fixed: practicesByPlace.map((group) => [...new Map(group.filter((p) => p.laCode).map((p) => [p.laCode, `${p.laCode} ${p.laName ?? ""}`.trim()])).values()].join("; ")),
    },
    ...PRACTICE_COLUMNS.map((c) => ({
      key: c.basis,
      header: c.header,
      format: FORMAT.count,
      each: (r: number) => `SUMIF(PracticePlaces,A${r},Practice${c.name})`,
      name: `Place${c.name}`,
      total: "sum" as const,
    })),
    { key: "need", header: "Need index (Final WP)", width: 11, format: FORMAT.index, spill: (g: Table) => `ICS.NEEDINDEX(${g.range("Final WP")},${g.range("Population")})`, name: "NeedIndex" },
  ]);
  if (placeTable.firstRow !== placeFirst) throw new Error("place table moved");
  pl.widths({ B: 30, C: 40 });
  const basisRow = (r: number) => `$${placeTable.letter("Population")}$${r}:$${placeTable.letter("Prescr WP")}$${r}`;
  const popCell = (r: number) => `$${placeTable.letter("Population")}$${r}`;

  // Summary: each line's budget by place, the total, its target and distance from target.
  pl.value(`A${summaryHeader - 1}`, "Delegated budget by place £", { style: STYLE.section });
  const summaryCols = lines.map((_, k) => String.fromCharCode(66 + k)); // B, C, ...
  const col = (offset: number) => String.fromCharCode(66 + L + offset);
  const sTotal = col(0);
  const sHead = col(1);
  const sTarget = col(2);
  const sDft = col(3);
  const sPmcMatch = col(4);
  const sPrescrMatch = col(5);
  pl.value(`A${summaryHeader}`, "Place", { style: STYLE.header });
  lines.forEach((_, k) => pl.formula(`${summaryCols[k]}${summaryHeader}`, `IF(LEN(Lines!A${first + k})>0,Lines!A${first + k},"(spare line ${k + 1})")`, { style: STYLE.header }));
  pl.value(`${sTotal}${summaryHeader}`, "Total delegated £", { style: STYLE.header })
    .value(`${sHead}${summaryHeader}`, "£ per head", { style: STYLE.header })
    .value(`${sTarget}${summaryHeader}`, "Total at target £", { style: STYLE.header })
    .value(`${sDft}${summaryHeader}`, "Distance from target (ICS.DFT)", { style: STYLE.header })
    .value(`${sPmcMatch}${summaryHeader}`, "Practices add up: primary medical care", { style: STYLE.header })
    .value(`${sPrescrMatch}${summaryHeader}`, "Practices add up: prescribing", { style: STYLE.header });
  const pmcLine = lines.findIndex((l) => l.practice === "pmc");
  const prescrLine = lines.findIndex((l) => l.practice === "prescribing");
  for (let i = 0; i < n; i++) {
    const r = summaryFirst + i;
    pl.formula(`A${r}`, `A${placeFirst + i}`);
    lines.forEach((_, k) => pl.formula(`${summaryCols[k]}${r}`, `${bCol.budget}${blockFirst(k) + i}`, { format: FORMAT.pounds }));
    pl.formula(`${sTotal}${r}`, `SUM(${summaryCols[0]}${r}:${summaryCols[L - 1]}${r})`, { format: FORMAT.pounds, style: STYLE.total });
    pl.formula(`${sHead}${r}`, perHead(`${sTotal}${r}`, popCell(placeFirst + i)), { format: FORMAT.pounds });
    pl.formula(`${sTarget}${r}`, lines.map((_, k) => `${bCol.target}${blockFirst(k) + i}`).join("+"), { format: FORMAT.pounds });
    pl.formula(`${sDft}${r}`, `IF(N(${sTarget}${r})=0,"",ICS.DFT(${sTotal}${r},${sTarget}${r}))`, { format: FORMAT.percent2 });
    pl.formula(`${sPmcMatch}${r}`, `ABS(SUMIF(PracticePlaces,A${r},PracticePmcBudgets)-${bCol.budget}${blockFirst(pmcLine) + i})<RoundTo/2`);
    pl.formula(`${sPrescrMatch}${r}`, `ABS(SUMIF(PracticePlaces,A${r},PracticePrescribingBudgets)-${bCol.budget}${blockFirst(prescrLine) + i})<RoundTo/2`);
  }
  const summaryTotal = summaryLast + 1;
  pl.value(`A${summaryTotal}`, "Total", { style: STYLE.total });
  for (const c of [...summaryCols, sTotal, sTarget]) pl.formula(`${c}${summaryTotal}`, `SUM(${c}${summaryFirst}:${c}${summaryLast})`, { format: FORMAT.pounds, style: STYLE.total });
  pl.formula(`${sHead}${summaryTotal}`, perHead(`${sTotal}${summaryTotal}`, `SUM(PlacePopulation)`), { format: FORMAT.pounds, style: STYLE.total });
  pl.name("PlaceBudgets", `${sTotal}${summaryFirst}:${sTotal}${summaryLast}`, "Each place's delegated budget, all lines")
    .name("PlacePerHead", `${sHead}${summaryFirst}:${sHead}${summaryLast}`)
    .name("PlaceTargets", `${sTarget}${summaryFirst}:${sTarget}${summaryLast}`)
    .name("PlaceDFT", `${sDft}${summaryFirst}:${sDft}${summaryLast}`, "Each place's distance from target, all lines")
    .name("PlacePmcMatch", `${sPmcMatch}${summaryFirst}:${sPmcMatch}${summaryLast}`)
    .name("PlacePrescribingMatch", `${sPrescrMatch}${summaryFirst}:${sPrescrMatch}${summaryLast}`);

  // One block per line.
  const blockHeaders: Record<keyof typeof bCol, string> = {
    place: "Place",
    weight: "Basis weight",
    baseline: "Last year's budget £",
    uplift: "Minimum uplift for this place (optional)",
    target: "Target £ (ICS.DELEGATE)",
    start: "Starting point £",
    upliftUsed: "Minimum uplift used",
    budget: "Budget £ (ICS.CONVERGE; a \"target\" line gets its target)",
    change: "Change on last year £",
    changeRate: "Change on last year",
    dft: "Distance from target (ICS.DFT)",
    head: "£ per head",
    plausible: "£ per head plausible",
  };
  const plausibleNames: string[] = [];
  lines.forEach((line, k) => {
    const lr = first + k;
    const lineCell = (c: string) => `Lines!$${c}$${lr}`;
    const method = lineCell(cols.method);
    pl.formula(`A${blockStart(k)}`, `"Line ${k + 1}: "&IF(LEN(${lineCell("A")})>0,${lineCell("A")},"(spare)")&" · basis "&IF(LEN(${lineCell("B")})>0,${lineCell("B")},"(none: population)")&" · "&${method}`, { style: STYLE.section });
    (Object.keys(bCol) as (keyof typeof bCol)[]).forEach((c) => pl.value(`${bCol[c]}${blockHeader(k)}`, blockHeaders[c], { style: STYLE.header }));
    const baselines = sample && sameSystem ? line.baselines : null;
    for (let i = 0; i < n; i++) {
      const r = blockFirst(k) + i;
      const placeRow = placeFirst + i;
      pl.formula(`A${r}`, `$A$${placeRow}`);
      // The basis picks a column of the place table; Last year is this block's own baseline.
      pl.formula(
        `B${r}`,
        `IF(${lineCell("B")}="Last year",N(C${r}),IF(LEN(${lineCell("B")})=0,${popCell(placeRow)},INDEX(${basisRow(placeRow)},1,MATCH(${lineCell("B")},{${PLACE_BASES.map((b) => `"${b}"`).join(",")}},0))))`,
        { format: FORMAT.count },
      );
      pl.input(`C${r}`, baselines?.[i] ?? null, FORMAT.pounds);
      pl.input(`D${r}`, null, FORMAT.percent);
      // Target and converge blank (or "target") start from target, so the line still adds up; the
      // Lines sheet's "Line complete" says a baseline is missing.
      pl.formula(`F${r}`, `IF(OR(${method}="target",C${r}=""),E${r},C${r})`, { format: FORMAT.pounds });
      pl.formula(`G${r}`, `IF(${method}="target",0,IF(D${r}="",N(${lineCell(cols.minUplift)}),D${r}))`, { format: FORMAT.percent });
      pl.formula(`I${r}`, `IF(C${r}="","",H${r}-C${r})`, { format: FORMAT.pounds });
      pl.formula(`J${r}`, `IF(N(C${r})>0,H${r}/C${r}-1,"")`, { format: FORMAT.percent });
      pl.formula(`K${r}`, `IF(N(E${r})=0,"",ICS.DFT(H${r},E${r}))`, { format: FORMAT.percent2 });
      pl.formula(`L${r}`, perHead(`H${r}`, popCell(placeRow)), { format: FORMAT.pounds });
      pl.formula(`M${r}`, `OR(${lineCell(cols.headFrom)}="",${lineCell(cols.headTo)}="",AND(N(L${r})>=${lineCell(cols.headFrom)},N(L${r})<=${lineCell(cols.headTo)}))`);
    }
    pl.look(blockRange(k, "baseline", false), { style: STYLE.input, input: true, format: FORMAT.pounds });
    pl.number(blockRange(k, "baseline", false), 0, undefined, "Last year's budget for this place and line, £");
    pl.number(blockRange(k, "uplift", false), 0, 1, "This place's minimum uplift; blank = the line's");
    // Weights all zero (a spare line, or CHC before its baselines are in) fall back to population.
    pl.spill(blockRange(k, "target", false), `ICS.DELEGATE(${lineCell(cols.toPlaces)},IF(SUM(${blockRange(k, "weight")})>0,${blockRange(k, "weight")},PlacePopulation),,,RoundTo)`, { format: FORMAT.pounds });
    pl.spill(
      blockRange(k, "budget", false),
      `ICS.CONVERGE(${blockRange(k, "start")},${blockRange(k, "target")},${lineCell(cols.toPlaces)}-SUM(${blockRange(k, "start")}),${blockRange(k, "upliftUsed")},RoundTo,IF(AND(${method}="converge",N(${lineCell(cols.maxBelow)})>0),${lineCell(cols.maxBelow)},""))`,
      { format: FORMAT.pounds },
    );
    const totalRow = blockLast(k) + 1;
    pl.value(`A${totalRow}`, "Line total", { style: STYLE.total });
    for (const c of ["C", "E", "F", "H"]) pl.formula(`${c}${totalRow}`, `SUM(${c}${blockFirst(k)}:${c}${blockLast(k)})`, { format: FORMAT.pounds, style: STYLE.total });
    const id = `Line${k + 1}`;
    pl.name(`${id}Baselines`, blockRange(k, "baseline", false))
      .name(`${id}Targets`, blockRange(k, "target", false))
      .name(`${id}Budgets`, blockRange(k, "budget", false))
      .name(`${id}MinUplift`, blockRange(k, "upliftUsed", false))
      .name(`${id}DFT`, blockRange(k, "dft", false))
      .name(`${id}Plausible`, blockRange(k, "plausible", false));
    plausibleNames.push(`${id}Plausible`);
  });

  // Practices: practice-level lines only, each place's budget split across its own practices.
  const pr = t.sheet("Practices", { orientation: "landscape", titleRows: "5:5" });
  pr.title("Practice-level budgets", "Only the lines held at practice level: primary medical care (by PMC WP) and prescribing (by Prescr WP), each place's budget split across its practices (one ICS.DELEGATE per place).");
  pr.value("A3", "ICB", { style: STYLE.section }).value("B3", icb);
  const practiceTable = pr.table("A4", practices.length, [
    { key: "code", header: "Practice code", width: 10, fixed: practices.map((p) => p.code), name: "PracticeCodes" },
    { key: "name", header: "Practice", width: 40, fixed: practices.map((p) => p.name) },
    { key: "pcn", header: "PCN code", width: 9, fixed: practices.map((p) => p.pcn ?? "") },
    { key: "la", header: "Local authority code", width: 11, fixed: practices.map((p) => p.laCode ?? "") },
    { key: "laName", header: "Local authority", width: 20, fixed: practices.map((p) => p.laName ?? "") },
    { key: "place", header: "Place", width: 22, fixed: practices.map((p) => p.place), name: "PracticePlaces" },
    ...PRACTICE_COLUMNS.map((c) => ({
      key: c.basis,
      header: c.header,
      width: 13,
      format: FORMAT.count,
      input: practices.map((p) => (c.key === "population" ? p.population : p.weighted[c.key])),
      min: 0,
      name: `Practice${c.name}`,
      total: "sum" as const,
    })),
    { key: "pmc", header: "Primary medical care budget £", width: 15, format: FORMAT.pounds, name: "PracticePmcBudgets", total: "sum" },
    { key: "prescribing", header: "Prescribing budget £", width: 15, format: FORMAT.pounds, name: "PracticePrescribingBudgets", total: "sum" },
    { key: "pmcHead", header: "Primary medical care £ per head", width: 11, format: FORMAT.pounds, each: (r, g) => perHead(g.cell("pmc", r), g.cell("Population", r)) },
    { key: "prescribingHead", header: "Prescribing £ per head", width: 11, format: FORMAT.pounds, each: (r, g) => perHead(g.cell("prescribing", r), g.cell("Population", r)) },
  ]);
  let at = practiceTable.firstRow;
  practicesByPlace.forEach((group, i) => {
    const end = at + group.length - 1;
    for (const [key, line, weight] of [["pmc", pmcLine, "PMC WP"], ["prescribing", prescrLine, "Prescr WP"]] as const) {
      const c = practiceTable.letter(key);
      const w = practiceTable.letter(weight);
      pr.spill(`${c}${at}:${c}${end}`, `ICS.DELEGATE(${placesSheet}!$${bCol.budget}$${blockFirst(line) + i},${w}${at}:${w}${end},,,RoundTo)`, { format: FORMAT.pounds });
    }
    at = end + 1;
  });

  checksSheet(t, [
    { label: "Every service line is complete: a named line has an allocation above £0, a known basis and method, a top-slice no larger than it, and for converge last year's budget for every place", formula: "AND(LineComplete)", fix: "See the Line complete column on the Lines sheet, and the line's block of baselines on the Places sheet." },
    { label: "Every line is split to places without error", formula: `ISNUMBER(SUM(${lines.map((_, k) => `Line${k + 1}Budgets`).join(",")}))`, fix: 'A line cannot be split: look for the error on the Places sheet (a converging line with less than last year to give? choose "target", or check its baselines).' },
    { label: "Each line's places add up to what it delegates exactly", formula: "AND(LinePlacesAddUp)", fix: "See the Places add up column on the Lines sheet." },
    { label: "Places plus top-slices add up to the delegated pot exactly", formula: "ABS(SUM(PlaceBudgets)+SUM(TopSlices)-DelegatedPot)<RoundTo/2", fix: "Every pound of the delegated pot must go to a place or be kept as a top-slice." },
    { label: "Each place's practices add up to its primary medical care and prescribing budgets exactly", formula: "AND(AND(PlacePmcMatch),AND(PlacePrescribingMatch))", fix: "A practice block does not match its place: see the Practices sheet." },
    { label: "Every place's £ per head on each line is within the line's plausible range", formula: `AND(${plausibleNames.map((x) => `AND(${x})`).join(",")})`, fix: "A line's £ per head is outside the range on the Lines sheet: an amount in £000 instead of £, a missing line, or a baseline in the wrong place?" },
    { label: "Every practice is counted in a place", formula: "ABS(SUM(PlacePopulation)-SUM(PracticePopulation))<0.001", fix: "A practice's place is not one of the places on the Places sheet." },
    { label: "Every practice has a population and every weighted population", formula: `COUNT(PracticePopulation)+COUNT(PracticeFinalWP)+COUNT(PracticePmcWP)+COUNT(PracticeCsWP)+COUNT(PracticeMhWP)+COUNT(PracticePrescrWP)=6*COUNTA(PracticeCodes)`, fix: "A practice's population or weighted population is blank or typed as text." },
    { label: "Need indices average 1 across the system (population-weighted)", formula: "ABS(SUMPRODUCT(NeedIndex,PlacePopulation)/SUM(PlacePopulation)-1)<0.000001", fix: "A population or weighted population is missing or not a number." },
  ]);
  return t.build(
    PLACE_DELEGATION,
    [
      { name: "DelegatedPot", label: "Delegated pot £", format: FORMAT.pounds },
      { name: "TopSlicesTotal", label: "Top-slices £", format: FORMAT.pounds },
      { name: "DelegatedToPlaces", label: "Delegated to places £", format: FORMAT.pounds },
      { name: "PlaceNames", label: "Places" },
      { name: "PlaceBudgets", label: "Delegated budget by place £", format: FORMAT.pounds },
      { name: "PlaceDFT", label: "Distance from target by place", format: FORMAT.percent2 },
    ],
    {
      prefilledFrom: system.source,
      shape: { practicesPerPlace: practicesByPlace.map((group) => group.length) },
      tables: [
        {
          key: "places",
          sheet: "Places",
          columns: [
            { name: "PlaceNames", label: "Place" },
            { name: "PlacePopulation", label: "Registered population", format: FORMAT.count },
            { name: "PlaceFinalWP", label: "Final WP (core)", format: FORMAT.count },
            { name: "NeedIndex", label: "Need index (Final WP)", format: FORMAT.index },
            { name: "PlaceBudgets", label: "Delegated budget £", format: FORMAT.pounds },
            { name: "PlacePerHead", label: "£ per head", format: FORMAT.pounds },
            { name: "PlaceTargets", label: "Total at target £", format: FORMAT.pounds },
            { name: "PlaceDFT", label: "Distance from target", format: FORMAT.percent2 },
          ],
        },
        {
          key: "lines",
          sheet: "Service lines",
          columns: [
            { name: "LineNames", label: "Service line" },
            { name: "LineBases", label: "Basis" },
            { name: "LineMethods", label: "Method" },
            { name: "LineAllocations", label: "Allocation £", format: FORMAT.pounds },
            { name: "TopSlices", label: "Top-slice kept by the system £", format: FORMAT.pounds },
            { name: "LineToPlaces", label: "Delegated to places £", format: FORMAT.pounds },
          ],
        },
        {
          key: "practices",
          sheet: "Practices",
          columns: [
            { name: "PracticeCodes", label: "Practice code" },
            { name: "PracticePlaces", label: "Place" },
            { name: "PracticePopulation", label: "Registered population", format: FORMAT.count },
            { name: "PracticePmcBudgets", label: "Primary medical care budget £", format: FORMAT.pounds },
            { name: "PracticePrescribingBudgets", label: "Prescribing budget £", format: FORMAT.pounds },
          ],
        },
      ],
    },
  );
}

