/**
 * Systems that combine (../shared/spec/DOMAIN.md, "Systems that combine"): an ICB merger, or a
 * boundary change in which a place leaves one ICB and joins another. The former bodies' pots
 * stream by stream and each body's pot after the change, reconciled line by line (nothing may be
 * lost: what a moved place carries out of one body is what it carries into the other); weighted
 * populations, target shares and distance from target recomputed from the practices on the new
 * footprint; places re-mapped with their delegated budgets, and each body's delegation to its
 * places at fair share. Units: £, whole pounds by default.
 */
import { columnLetters } from "../workbook/a1";
import { FORMAT, STYLE, Table, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { CoverValues, coverSheet, coverValues, sampleCover } from "./cover";
import { PracticeRow, SAMPLE_DELEGATION, SAMPLE_ICB } from "./sample";
import { TemplateInfo, TemplateMode, TemplateShape, TemplateSpec } from "./spec";
import { STREAMS } from "../core/rules/streams";

export const MERGER: TemplateInfo = {
  name: "merger",
  title: "ICB merger and boundary change",
  description:
    "Former bodies' pots stream by stream reconciled to each body's pot after a merger or boundary change (a moved place carries its share out of one body and into the other), weighted populations, target shares and distance from target recomputed from the practices, places re-mapped with their delegated budgets and each body's delegation to places at fair share (£).",
  version: "2026.1",
};

/** An ICB as it is before the change. */
export interface FormerBody {
  code: string;
  name: string;
  /** The practice file's count, population and Final WP for the whole ICB (what the template must add up to). */
  filePractices: number;
  filePopulation: number;
  fileWeightedPopulation: number;
}

/** A body after the change: the combined body, or a former body that loses a moved place and carries on. */
export interface BodyAfter {
  code: string;
  name: string;
}

export interface MergerPractice extends PracticeRow {
  /** The code of the ICB that holds it today. */
  formerBody: string;
  /** The code of the body it is in after the change. */
  bodyAfter: string;
  /** Moved by a boundary change (from a body that carries on without it). */
  moved: boolean;
}

export interface MergerPlace {
  name: string;
  /** What it is, e.g. "Former NHS Oxfordshire CCG (10Q)". */
  note: string;
  formerBody: string;
  bodyAfter: string;
  moved: boolean;
}

/** The footprint before and after: every practice of every former body, exactly once. */
export interface MergerSystem {
  name: string;
  formerBodies: readonly FormerBody[];
  /** The combined body first, then any former body that carries on after losing a place. */
  bodiesAfter: readonly BodyAfter[];
  /** Grouped by body after, then by place; each place's practices together. */
  places: readonly MergerPlace[];
  practices: readonly MergerPractice[];
  /** England's total Final WP (the practice file is national), the denominator of every target share. */
  englandWeightedPopulation: number;
  /** PrefilledFrom, e.g. "practice-weighted-populations-2024-25.csv, ICBs QU9 and QNQ". */
  source?: string;
}

export interface MergerOptions {
  mode?: TemplateMode;
  /** The footprint; default the fictional sample (two fictional ICBs combining). */
  system?: MergerSystem;
}

/** Which weighted population a stream's moved share follows: primary medical care by the PMC WP, the rest by Final WP. */
const MOVED_SHARE_BY_PMC = new Set<string>(["primary_medical"]);

/** The fictional sample: Northmoor ICB (Northmoor, Eastbridge) and Vale ICB (Vale, Kingsholt) combine as Northmoor and Vale ICB. */
const SAMPLE_FORMER = [
  { code: "QZM", name: "NHS Northmoor ICB (fictional)", places: ["Northmoor", "Eastbridge"] },
  { code: "QZV", name: "NHS Vale ICB (fictional)", places: ["Vale", "Kingsholt"] },
] as const;

/** The sample's pots by stream key, £ (fictional). */
const SAMPLE_POTS: Record<string, readonly [number, number]> = {
  core: [1187400000, 601900000],
  primary_medical: [104800000, 53600000],
  pod: [78200000, 39700000],
  specialised: [210300000, 0],
  running_costs: [12600000, 6300000],
};
/** England's core services allocation and Final WP in the sample (fictional, of a realistic size). */
const SAMPLE_ENGLAND_CORE = 98500000000;
const SAMPLE_ENGLAND_WP = 57106400;
/** The sample's delegated budgets by place today, £. */
const SAMPLE_DELEGATED: Record<string, number> = { Northmoor: 226000000, Eastbridge: 131500000, Vale: 104000000, Kingsholt: 80500000 };

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export const SAMPLE_MERGER: MergerSystem = (() => {
  const combined = { code: SAMPLE_ICB.code, name: SAMPLE_ICB.name };
  const practices: MergerPractice[] = SAMPLE_FORMER.flatMap((body) =>
    body.places.flatMap((place) => SAMPLE_DELEGATION.practices.filter((p) => p.place === place).map((p) => ({ ...p, formerBody: body.code, bodyAfter: combined.code, moved: false }))),
  );
  return {
    name: `${SAMPLE_FORMER.map((b) => b.name).join(" and ")} combining as ${combined.name}`,
    formerBodies: SAMPLE_FORMER.map((body) => {
      const own = practices.filter((p) => p.formerBody === body.code);
      return { code: body.code, name: body.name, filePractices: own.length, filePopulation: sum(own.map((p) => p.population)), fileWeightedPopulation: sum(own.map((p) => p.weighted.final)) };
    }),
    bodiesAfter: [combined],
    places: SAMPLE_FORMER.flatMap((body) => body.places.map((place) => ({ name: place, note: `${place} (${body.name})`, formerBody: body.code, bodyAfter: combined.code, moved: false }))),
    practices,
    englandWeightedPopulation: SAMPLE_ENGLAND_WP,
  };
})();

const SAMPLE_COVER: CoverValues = sampleCover({
  Commentary: "A fictional sample return: two fictional ICBs combine; every figure is made up to show a complete return.",
});

/** Refuses a footprint the template cannot show honestly (a place split across bodies, a practice twice). */
function validate(system: MergerSystem): void {
  const formers = new Set(system.formerBodies.map((b) => b.code));
  const afters = new Set(system.bodiesAfter.map((b) => b.code));
  const seen = new Set<string>();
  for (const p of system.practices) {
    if (seen.has(p.code)) throw new Error(`practice ${p.code} is listed twice`);
    seen.add(p.code);
    if (!formers.has(p.formerBody)) throw new Error(`practice ${p.code}'s former body ${p.formerBody} is not one of the former bodies`);
    if (!afters.has(p.bodyAfter)) throw new Error(`practice ${p.code}'s body after ${p.bodyAfter} is not one of the bodies after`);
    const place = system.places.find((x) => x.name === p.place);
    if (!place) throw new Error(`practice ${p.code} is in "${p.place}", which is not one of the places`);
    if (place.formerBody !== p.formerBody || place.bodyAfter !== p.bodyAfter) throw new Error(`place "${p.place}" holds practices of more than one body (${p.code} is ${p.formerBody} → ${p.bodyAfter})`);
  }
  const empty = system.places.find((x) => !system.practices.some((p) => p.place === x.name));
  if (empty) throw new Error(`place "${empty.name}" has no practices`);
}

/**
 * The footprint's layout (TemplateShape): the bodies before and after by code (the formulas name
 * them), and each place's body before and after, whether it moved, and its number of practices.
 */
export function mergerShape(system: MergerSystem): TemplateShape {
  const formers = system.formerBodies.map((b) => b.code);
  const afters = system.bodiesAfter.map((b) => b.code);
  return {
    formers,
    afters,
    placeFormer: system.places.map((p) => formers.indexOf(p.formerBody)),
    placeAfter: system.places.map((p) => afters.indexOf(p.bodyAfter)),
    placeMoved: system.places.map((p) => (p.moved ? 1 : 0)),
    practicesPerPlace: system.places.map((p) => system.practices.filter((x) => x.place === p.name).length),
  };
}

const perHead = (money: string, pop: string) => `IF(N(${pop})>0,${money}/${pop},"")`;

export function merger(options: MergerOptions = {}): TemplateSpec {
  const system = options.system ?? SAMPLE_MERGER;
  const mode: TemplateMode = options.mode ?? (options.system ? "prefilled" : "sample");
  const sample = mode === "sample" && system === SAMPLE_MERGER;
  validate(system);
  const formers = system.formerBodies;
  const afters = system.bodiesAfter;
  const combined = afters[0];
  // A donor: a former body that carries on after a place leaves it.
  const donors = formers.filter((f) => afters.some((a) => a.code === f.code) && f.code !== combined.code);
  const joinsWhole = formers.filter((f) => !donors.includes(f));
  const k = formers.length;
  const d = donors.length;
  const m = afters.length;

  const t = new TemplateBuilder();
  coverSheet(t, MERGER, coverValues(mode, SAMPLE_COVER, { OrganisationCode: combined.code, OrganisationName: combined.name, ICBCode: combined.code }));
  aboutSheet(t, {
    title: `${MERGER.title}: ${system.name}`,
    purpose: [
      "Shows that not a pound is lost when ICBs combine or a place moves between them. The Pots sheet takes each former body's pot stream by stream and the pot each body holds afterwards, and checks every stream: a body after holds what its former bodies bring in whole, plus what a moved place carries in, less what it carries out.",
      "A moved place carries its share of its former body's pot: by default its practices' share of that body's weighted population on each stream (Final WP; PMC WP for primary medical care), split exactly with ICS.DELEGATE; type the agreed transfer instead where there is one. The same amount leaves one body and joins the other.",
      "The Bodies sheet recomputes each body's population, weighted population and target share from its practices on the new footprint, its target (England's core services allocation split by weighted population, ICS.DELEGATE) and distance from target (ICS.DFT), for the combined body and each former body. The Places sheet re-maps places: a place keeps its practices, a moved place leaves one body and joins the other with its weighted population and its delegated budget, and each body's delegated budget is shown at fair share across its places (ICS.DELEGATE, ICS.NEEDINDEX, ICS.DFT).",
    ],
    units: "£, rounded to the unit on the Pots sheet (default £1). Populations are GP-registered; weighted populations are NHS England's need-weighted populations (Final WP, and PMC WP for primary medical care).",
    sheets: [
      ["Pots", "Each former body's pot stream by stream, what moved places carry, what each body after should hold and what it holds (as NHS England notifies it or as restated), and whether they match."],
      ["Bodies", "England's totals, then each body before and after: practices, population, weighted population, target share, core services allocation, target and distance from target."],
      ["Places", "Every place with its former body, its body after, whether it moved, its population and weighted population, need index, delegated budget today, and that budget at fair share in its body after."],
      ["Practices", "Every practice of every former body, once: its codes, former body, body after, place, population and weighted populations (from NHS England's practice file)."],
    ],
    notes: [
      sample
        ? "The sample is fictional: Northmoor ICB and Vale ICB combine as Northmoor and Vale ICB. Generate a real footprint with ics-finance template merger --practices <file> --icb <A>,<B> (a merger) or --icb <A> --move <local authorities> (a boundary change)."
        : "The money inputs are blank: fill in each former body's pot and each body's pot after the change on Pots, England's core services allocation on Bodies, and each place's delegated budget on Places. Until then the checks say what is missing.",
      `Former bodies: ${formers.map((f) => `${f.code} ${f.name}`).join("; ")}. After: ${afters.map((a) => `${a.code} ${a.name}`).join("; ")}.${system.source ? ` From ${system.source}.` : ""}`,
    ],
  });

  // Practices first in code (the other sheets refer to its names); sheet order follows the builder's calls, so build them in display order.
  const po = t.sheet("Pots", { orientation: "landscape", titleRows: "7:7" });
  const bo = t.sheet("Bodies", { orientation: "landscape" });
  const pl = t.sheet("Places", { orientation: "landscape", titleRows: "6:6" });
  const pr = t.sheet("Practices", { orientation: "landscape", titleRows: "4:4" });

  // --- Practices: every practice once, locked (NHS England's published figures).
  pr.title("Practices before and after", "Every practice of every former body, once, with the body and place it is in after the change. Populations and weighted populations from NHS England's practice file (yellow: a corrected figure shows on the Checks sheet as differing from the file).");
  const practices = system.practices;
  pr.table("A3", practices.length, [
    { key: "code", header: "Practice code", width: 10, fixed: practices.map((p) => p.code), name: "PracticeCodes" },
    { key: "name", header: "Practice", width: 40, fixed: practices.map((p) => p.name) },
    { key: "pcn", header: "PCN code", width: 9, fixed: practices.map((p) => p.pcn || null) },
    { key: "la", header: "Local authority code", width: 11, fixed: practices.map((p) => p.laCode || null) },
    { key: "laName", header: "Local authority", width: 22, fixed: practices.map((p) => p.laName || null) },
    { key: "former", header: "Former body", width: 9, fixed: practices.map((p) => p.formerBody), name: "PracticeFormerBodies" },
    { key: "after", header: "Body after", width: 9, fixed: practices.map((p) => p.bodyAfter), name: "PracticeBodiesAfter" },
    { key: "place", header: "Place", width: 30, fixed: practices.map((p) => p.place), name: "PracticePlaces" },
    { key: "moved", header: "Moved", width: 7, fixed: practices.map((p) => (p.moved ? "Yes" : null)), name: "PracticeMoved" },
    { key: "pop", header: "Registered population", width: 13, format: FORMAT.count, input: practices.map((p) => p.population), min: 0, name: "PracticePopulation", total: "sum" },
    { key: "wp", header: "Final WP (core)", width: 13, format: FORMAT.count, input: practices.map((p) => p.weighted.final), min: 0, name: "PracticeFinalWP", total: "sum" },
    { key: "pmc", header: "PMC WP (primary medical care)", width: 13, format: FORMAT.count, input: practices.map((p) => p.weighted.pmc), min: 0, name: "PracticePmcWP", total: "sum" },
  ]);

  // --- Pots: streams down, bodies across.
  po.title("Pots stream by stream", "Each former body's pot and each body's pot after the change, stream by stream. Yellow cells are inputs; every stream must reconcile.");
  po.value("A4", "Rounding unit (£)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.01, undefined, "A power of ten: 0.01, 1 or 1000").name("RoundTo", "B4");
  po.value("A5", "A moved place's share of each stream follows its practices' weighted population (Final WP; PMC WP for primary medical care) unless an agreed transfer is typed in. Blank = £0.", { style: STYLE.note });
  const header = 7;
  const first = header + 1;
  const S = STREAMS.length;
  const last = first + S - 1;
  const total = last + 1;
  const coreRow = first + STREAMS.findIndex((s) => s.key === "core");
  let c = 0;
  const next = () => columnLetters(c++);
  const streamCol = next();
  const keyCol = next();
  const formerCol = formers.map(() => next());
  const donorCols = donors.map(() => ({ share: next(), agreed: next(), carried: next() }));
  const afterCols = afters.map(() => ({ expected: next(), actual: next(), matches: next() }));
  const range = (col: string, absolute = false) => (absolute ? `$${col}$${first}:$${col}$${last}` : `${col}${first}:${col}${last}`);
  const amount = (cell: string) => `IF(${cell}="",0,${cell})`;
  po.value(`${streamCol}${header}`, "Stream", { style: STYLE.header }).value(`${keyCol}${header}`, "Stream key", { style: STYLE.header });
  po.widths({ [streamCol]: 32, [keyCol]: 16 });
  STREAMS.forEach((s, i) => po.value(`${streamCol}${first + i}`, s.display).value(`${keyCol}${first + i}`, s.key));
  po.name("StreamKeys", range(keyCol));
  po.value(`${streamCol}${total}`, "Pot (ICS.POT)", { style: STYLE.total });
  const potTotal = (col: string) => po.formula(`${col}${total}`, `ICS.POT(${range(col)},${range(keyCol)},,RoundTo)`, { format: FORMAT.pounds, style: STYLE.total });
  formers.forEach((f, i) => {
    const col = formerCol[i];
    po.value(`${col}${header}`, `${f.code} before £`, { style: STYLE.header }).widths({ [col]: 15 });
    STREAMS.forEach((s, r) => po.input(`${col}${first + r}`, sample ? (SAMPLE_POTS[s.key]?.[i] || null) : null, FORMAT.pounds));
    po.number(range(col), 0, undefined, "£ this former body holds on this stream");
    po.name(`Former${i + 1}Lines`, range(col));
    potTotal(col);
  });
  // The moved share's weights: for each donor, its moved and staying practices' Final WP and PMC WP.
  const weightsRow = total + 3;
  if (d > 0) {
    po.value(`${streamCol}${weightsRow - 1}`, "What the moved practices take with them (weights for the moved share)", { style: STYLE.section });
    ["Moved practices: Final WP", "Staying practices: Final WP", "Moved practices: PMC WP", "Staying practices: PMC WP"].forEach((label, i) => po.value(`${streamCol}${weightsRow + i}`, label));
  }
  donors.forEach((donor, j) => {
    const cols = donorCols[j];
    const fi = formers.indexOf(donor);
    po.value(`${cols.share}${header}`, `Moved share of ${donor.code} by weighted population £`, { style: STYLE.header })
      .value(`${cols.agreed}${header}`, `Agreed transfer out of ${donor.code} £ (optional)`, { style: STYLE.header })
      .value(`${cols.carried}${header}`, `Carried out of ${donor.code} £`, { style: STYLE.header })
      .widths({ [cols.share]: 15, [cols.agreed]: 15, [cols.carried]: 15 });
    const code = `"${donor.code}"`;
    const w = cols.share;
    po.formula(`${w}${weightsRow}`, `SUMIFS(PracticeFinalWP,PracticeFormerBodies,${code},PracticeMoved,"Yes")`, { format: FORMAT.count })
      .formula(`${w}${weightsRow + 1}`, `SUMIFS(PracticeFinalWP,PracticeFormerBodies,${code},PracticeMoved,"<>Yes")`, { format: FORMAT.count })
      .formula(`${w}${weightsRow + 2}`, `SUMIFS(PracticePmcWP,PracticeFormerBodies,${code},PracticeMoved,"Yes")`, { format: FORMAT.count })
      .formula(`${w}${weightsRow + 3}`, `SUMIFS(PracticePmcWP,PracticeFormerBodies,${code},PracticeMoved,"<>Yes")`, { format: FORMAT.count });
    STREAMS.forEach((s, r) => {
      const row = first + r;
      const weights = MOVED_SHARE_BY_PMC.has(s.key) ? `$${w}$${weightsRow + 2}:$${w}$${weightsRow + 3}` : `$${w}$${weightsRow}:$${w}$${weightsRow + 1}`;
      // The first of an exact two-way split {moved; staying} of the donor's line.
      po.formula(`${w}${row}`, `INDEX(ICS.DELEGATE(${amount(`${formerCol[fi]}${row}`)},${weights},,,RoundTo),1,1)`, { format: FORMAT.pounds });
      po.input(`${cols.agreed}${row}`, null, FORMAT.pounds);
      po.formula(`${cols.carried}${row}`, `IF(${cols.agreed}${row}="",${w}${row},${cols.agreed}${row})`, { format: FORMAT.pounds });
    });
    po.number(range(cols.agreed), 0, undefined, "The transfer agreed for this stream; blank = the moved share by weighted population");
    po.name(`Moved${j + 1}Carried`, range(cols.carried));
    for (const col of [cols.share, cols.carried]) potTotal(col);
    po.formula(`${cols.agreed}${total}`, `SUM(${range(cols.agreed)})`, { format: FORMAT.pounds, style: STYLE.total });
  });
  afters.forEach((body, i) => {
    const cols = afterCols[i];
    const isCombined = i === 0;
    po.value(`${cols.expected}${header}`, `${body.code} after: from the former bodies £`, { style: STYLE.header })
      .value(`${cols.actual}${header}`, `${body.code} after: its pot (as notified or restated) £`, { style: STYLE.header })
      .value(`${cols.matches}${header}`, `${body.code} reconciles`, { style: STYLE.header })
      .widths({ [cols.expected]: 15, [cols.actual]: 15, [cols.matches]: 11 });
    STREAMS.forEach((s, r) => {
      const row = first + r;
      const whole = isCombined ? joinsWhole.map((f) => amount(`${formerCol[formers.indexOf(f)]}${row}`)) : [amount(`${formerCol[formers.findIndex((f) => f.code === body.code)]}${row}`)];
      const moved = isCombined ? donorCols.map((dc) => `+${dc.carried}${row}`).join("") : `-${donorCols[donors.findIndex((x) => x.code === body.code)].carried}${row}`;
      po.formula(`${cols.expected}${row}`, `${whole.join("+")}${moved}`, { format: FORMAT.pounds });
      const notified = sample ? sum(formers.map((_, fi) => SAMPLE_POTS[s.key]?.[fi] ?? 0)) || null : null;
      po.input(`${cols.actual}${row}`, notified, FORMAT.pounds);
      po.formula(`${cols.matches}${row}`, `ABS(${amount(`${cols.actual}${row}`)}-${cols.expected}${row})<RoundTo/2`);
    });
    po.number(range(cols.actual), 0, undefined, "£ this body holds on this stream after the change");
    po.name(`After${i + 1}Lines`, range(cols.actual)).name(`After${i + 1}Reconciles`, range(cols.matches));
    potTotal(cols.expected);
    potTotal(cols.actual);
  });
  // The combined pot by stream, as ICS.POTSTREAMS reports a pot: one row per stream present, then the total.
  const streamsAt = total + (d > 0 ? 9 : 3);
  po.value(`${streamCol}${streamsAt - 1}`, `${combined.code} after: its pot by stream (ICS.POTSTREAMS)`, { style: STYLE.section });
  po.spill(`${streamCol}${streamsAt}:${keyCol}${streamsAt + S}`, `ICS.POTSTREAMS(${range(afterCols[0].actual)},${range(keyCol)},,RoundTo)`, { format: FORMAT.pounds });
  po.name("CombinedPotByStream", `${streamCol}${streamsAt}:${keyCol}${streamsAt + S}`);
  const potCell = (col: string) => `Pots!$${col}$${total}`;
  po.name("CombinedPot", `${afterCols[0].actual}${total}`, "The combined body's pot, all streams");

  // --- Bodies: England's totals, then each body before and after.
  bo.title("Bodies before and after", "Populations and weighted populations from the practices; targets share England's core services allocation by weighted population.");
  bo.widths({ A: 12, B: 50, C: 11, D: 14, E: 14, F: 14, G: 14, H: 11, I: 16, J: 16, K: 11, L: 16, M: 16, N: 12 });
  bo.value("A4", "England: core services allocation £", { style: STYLE.section })
    .input("D4", sample ? SAMPLE_ENGLAND_CORE : null, FORMAT.pounds)
    .number("D4", 0, undefined, "England's total core services allocation to ICBs, £ (NHS England's allocations)")
    .name("EnglandCoreAllocation", "D4");
  bo.value("A5", "England: weighted population (Final WP)", { style: STYLE.section })
    .input("D5", system.englandWeightedPopulation, FORMAT.count)
    .number("D5", 0, undefined, "England's total Final WP (the practice file's total)")
    .name("EnglandWeightedPopulation", "D5");
  type Row = { code: string; name: string; potCol?: string };
  const bodyTable = (at: number, label: string, rows: readonly Row[], kind: "former" | "after", files?: readonly FormerBody[]) => {
    bo.value(`A${at - 1}`, label, { style: STYLE.section });
    const restLabel = "Rest of England";
    const all: Row[] = [...rows, { code: "", name: restLabel }];
    const practiceColumn = kind === "former" ? "PracticeFormerBodies" : "PracticeBodiesAfter";
    const placeColumn = kind === "former" ? "PlaceFormerBodies" : "PlaceBodiesAfter";
    const n = rows.length;
    const prefix = kind === "former" ? "FormerBody" : "BodyAfter";
    const table = bo.table(`A${at}`, n + 1, [
      { key: "code", header: "Code", fixed: all.map((r) => r.code) },
      { key: "name", header: kind === "former" ? "Former body" : "Body after the change", fixed: all.map((r) => r.name) },
      { key: "practices", header: "Practices", format: FORMAT.count, each: (r, g) => (r === g.lastRow ? `""` : `COUNTIF(${practiceColumn},A${r})`) },
      { key: "pop", header: "Registered population", format: FORMAT.count, each: (r, g) => (r === g.lastRow ? `""` : `SUMIF(${practiceColumn},A${r},PracticePopulation)`) },
      // Rest of England: what is left of England's weighted population, so the targets share England's allocation.
      { key: "wp", header: "Final WP", format: FORMAT.count, each: (r, g) => (r === g.lastRow ? `MAX(0,N(EnglandWeightedPopulation)-SUM(E${g.firstRow}:E${g.lastRow - 1}))` : `SUMIF(${practiceColumn},A${r},PracticeFinalWP)`) },
      { key: "share", header: "Target share (of England)", format: FORMAT.percent2, each: (r, g) => `IF(N(EnglandWeightedPopulation)>0,${g.cell("wp", r)}/EnglandWeightedPopulation,"")` },
      {
        key: "core",
        header: "Core services allocation £",
        format: FORMAT.pounds,
        each: (r, g) => (r === g.lastRow ? `""` : `IF(Pots!$${rows[r - g.firstRow].potCol}$${coreRow}="","",Pots!$${rows[r - g.firstRow].potCol}$${coreRow})`),
      },
      { key: "target", header: "Target £ (ICS.DELEGATE)", format: FORMAT.pounds, spill: (g) => `ICS.DELEGATE(N(EnglandCoreAllocation),${g.range("wp")},,,RoundTo)` },
      { key: "dft", header: "Distance from target (ICS.DFT)", format: FORMAT.percent2, each: (r, g) => (r === g.lastRow ? `""` : `IF(OR(N(${g.cell("target", r)})=0,${g.cell("core", r)}=""),"",ICS.DFT(${g.cell("core", r)},${g.cell("target", r)}))`) },
      { key: "pot", header: "Pot £ (all streams)", format: FORMAT.pounds, each: (r, g) => (r === g.lastRow ? `""` : potCell(rows[r - g.firstRow].potCol!)) },
      { key: "head", header: "Pot £ per head", format: FORMAT.pounds, each: (r, g) => (r === g.lastRow ? `""` : perHead(g.cell("pot", r), g.cell("pop", r))) },
      { key: "delegated", header: "Delegated to places today £", format: FORMAT.pounds, each: (r, g) => (r === g.lastRow ? `""` : `SUMIF(${placeColumn},A${r},PlaceBudgetsToday)`) },
      { key: "withinPot", header: "Delegates no more than its pot", each: (r, g) => (r === g.lastRow ? `""` : `${g.cell("delegated", r)}<=N(${g.cell("pot", r)})`) },
      ...(files
        ? [
            { key: "filePractices", header: "Practice file: practices", format: FORMAT.count, fixed: [...files.map((f) => f.filePractices), null] },
            { key: "filePop", header: "Practice file: population", format: FORMAT.count, fixed: [...files.map((f) => f.filePopulation), null] },
            { key: "fileWp", header: "Practice file: Final WP", format: FORMAT.count, fixed: [...files.map((f) => f.fileWeightedPopulation), null] },
            {
              key: "fileMatch",
              header: "Matches the practice file",
              each: (r: number, g: Table) =>
                r === g.lastRow ? `""` : `AND(${g.cell("practices", r)}=${g.cell("filePractices", r)},ABS(${g.cell("pop", r)}-${g.cell("filePop", r)})<0.01,ABS(${g.cell("wp", r)}-${g.cell("fileWp", r)})<0.01)`,
            },
          ]
        : []),
    ]);
    const body = (key: string) => `${table.letter(key)}${table.firstRow}:${table.letter(key)}${table.lastRow - 1}`;
    bo.name(`${prefix}Codes`, body("code"))
      .name(`${prefix}Practices`, body("practices"))
      .name(`${prefix}Population`, body("pop"))
      .name(`${prefix}WeightedPopulation`, body("wp"))
      .name(`${prefix}TargetShare`, body("share"))
      .name(`${prefix}Targets`, body("target"))
      .name(`${prefix}DFT`, body("dft"))
      .name(`${prefix}Pots`, body("pot"))
      .name(`${prefix}Delegated`, body("delegated"))
      .name(`${prefix}WithinPot`, body("withinPot"));
    if (files) bo.name("FilePractices", body("filePractices")).name("FilePopulation", body("filePop")).name("FileWeightedPopulation", body("fileWp")).name("FormerBodyMatchesFile", body("fileMatch"));
    return table;
  };
  const before = bodyTable(9, "Before: the former bodies", formers.map((f, i) => ({ code: f.code, name: f.name, potCol: formerCol[i] })), "former", formers);
  const afterAt = before.lastRow + 4;
  const after = bodyTable(afterAt, "After: the combined body first", afters.map((a, i) => ({ code: a.code, name: a.name, potCol: afterCols[i].actual })), "after");
  const combinedRow = after.firstRow;
  bo.name("CombinedPopulation", `D${combinedRow}`, "The combined body's registered population, from its practices")
    .name("CombinedWeightedPopulation", `E${combinedRow}`, "The combined body's Final WP, from its practices")
    .name("CombinedTargetShare", `F${combinedRow}`)
    .name("CombinedDFT", `${after.letter("dft")}${combinedRow}`, "The combined body's distance from target (core services)");
  // Each donor's moved place: what it takes with it.
  if (d > 0) {
    const mv = after.lastRow + 4;
    bo.value(`A${mv - 1}`, "Boundary change: what each moved place takes from the body it leaves to the combined body", { style: STYLE.section });
      const movedTable = bo.table(`A${mv}`, d, [
      { key: "code", header: "Leaves", fixed: donors.map((x) => x.code) },
      { key: "name", header: "Body it leaves", fixed: donors.map((x) => x.name) },
      { key: "practices", header: "Practices moved", format: FORMAT.count, each: (r) => `COUNTIFS(PracticeFormerBodies,A${r},PracticeMoved,"Yes")` },
      { key: "pop", header: "Population moved", format: FORMAT.count, each: (r) => `SUMIFS(PracticePopulation,PracticeFormerBodies,A${r},PracticeMoved,"Yes")` },
      { key: "wp", header: "Final WP moved", format: FORMAT.count, each: (r) => `SUMIFS(PracticeFinalWP,PracticeFormerBodies,A${r},PracticeMoved,"Yes")` },
      { key: "pot", header: "Pot carried £", format: FORMAT.pounds, each: (r, g) => potCell(donorCols[r - g.firstRow].carried) },
      { key: "delegated", header: "Delegated budget carried £", format: FORMAT.pounds, each: (r) => `SUMIFS(PlaceBudgetsToday,PlaceFormerBodies,A${r},PlaceMoved,"Yes")` },
    ]);
    bo.name("MovedPotCarried", movedTable.range("pot")).name("MovedWeightedPopulation", movedTable.range("wp")).name("MovedDelegatedBudget", movedTable.range("delegated"));
  }

  // --- Places: grouped by body after, each group's delegation at fair share.
  pl.title("Places re-mapped", "A place keeps its practices; a moved place leaves one body and joins another with its weighted population and its delegated budget. Each body's delegated budget is shown at fair share across its places.");
  pl.value("A4", "Delegated budget today: what each place holds now, from the body it is in today (yellow). At fair share: its body after's delegated total split by Final WP (ICS.DELEGATE).", { style: STYLE.note });
  const places = system.places;
  const n = places.length;
  const placeTable = pl.table("A5", n, [
    { key: "place", header: "Place", width: 34, fixed: places.map((p) => p.name), name: "PlaceNames" },
    { key: "note", header: "What it is", width: 40, fixed: places.map((p) => p.note) },
    { key: "former", header: "Former body", width: 9, fixed: places.map((p) => p.formerBody), name: "PlaceFormerBodies" },
    { key: "after", header: "Body after", width: 9, fixed: places.map((p) => p.bodyAfter), name: "PlaceBodiesAfter" },
    { key: "moved", header: "Moved", width: 7, fixed: places.map((p) => (p.moved ? "Yes" : null)), name: "PlaceMoved" },
    { key: "practices", header: "Practices", width: 9, format: FORMAT.count, each: (r) => `COUNTIF(PracticePlaces,A${r})`, total: "sum" },
    { key: "pop", header: "Registered population", width: 13, format: FORMAT.count, each: (r) => `SUMIF(PracticePlaces,A${r},PracticePopulation)`, name: "PlacePopulation", total: "sum" },
    { key: "wp", header: "Final WP", width: 13, format: FORMAT.count, each: (r) => `SUMIF(PracticePlaces,A${r},PracticeFinalWP)`, name: "PlaceWeightedPopulation", total: "sum" },
    { key: "need", header: "Need index in its body after (ICS.NEEDINDEX)", width: 12, format: FORMAT.index, name: "PlaceNeedIndex" },
    { key: "today", header: "Delegated budget today £", width: 16, format: FORMAT.pounds, input: places.map((p) => (sample ? (SAMPLE_DELEGATED[p.name] ?? null) : null)), min: 0, name: "PlaceBudgetsToday", total: "sum" },
    { key: "fair", header: "At fair share in its body after £ (ICS.DELEGATE)", width: 16, format: FORMAT.pounds, name: "PlaceFairShare", total: "sum" },
    { key: "dft", header: "Distance from fair share (ICS.DFT)", width: 12, format: FORMAT.percent2, each: (r, g) => `IF(OR(N(${g.cell("fair", r)})=0,${g.cell("today", r)}=""),"",ICS.DFT(${g.cell("today", r)},${g.cell("fair", r)}))`, name: "PlaceDFT" },
    { key: "head", header: "Delegated £ per head", width: 11, format: FORMAT.pounds, each: (r, g) => perHead(g.cell("today", r), g.cell("pop", r)) },
  ]);
  // One NEEDINDEX and one DELEGATE per body after, over its own (contiguous) places.
  const groupRows = afters.map((a) => {
    const rows = places.map((p, i) => (p.bodyAfter === a.code ? placeTable.firstRow + i : -1)).filter((r) => r >= 0);
    if (rows.some((r, i) => i > 0 && r !== rows[i - 1] + 1)) throw new Error(`the places of ${a.code} are not listed together`);
    return { from: rows[0], to: rows[rows.length - 1] };
  });
  const L = (key: string) => placeTable.letter(key);
  groupRows.forEach(({ from, to }) => {
    pl.spill(`${L("need")}${from}:${L("need")}${to}`, `ICS.NEEDINDEX(${L("wp")}${from}:${L("wp")}${to},${L("pop")}${from}:${L("pop")}${to})`, { format: FORMAT.index });
    pl.spill(`${L("fair")}${from}:${L("fair")}${to}`, `ICS.DELEGATE(SUM(${L("today")}${from}:${L("today")}${to}),${L("wp")}${from}:${L("wp")}${to},,,RoundTo)`, { format: FORMAT.pounds });
  });
  // Per body after: its places' fair shares add up, and need averages 1 (population-weighted).
  const checksRow = placeTable.totalRow + 3;
  pl.value(`A${checksRow - 1}`, "Each body after's places", { style: STYLE.section });
  pl.value(`A${checksRow}`, "Body after", { style: STYLE.header })
    .value(`B${checksRow}`, "Delegated today £", { style: STYLE.header })
    .value(`C${checksRow}`, "Fair shares add up", { style: STYLE.header })
    .value(`D${checksRow}`, "Need averages 1", { style: STYLE.header });
  afters.forEach((a, i) => {
    const r = checksRow + 1 + i;
    const { from, to } = groupRows[i];
    pl.value(`A${r}`, a.code)
      .formula(`B${r}`, `SUM(${L("today")}${from}:${L("today")}${to})`, { format: FORMAT.pounds })
      .formula(`C${r}`, `ABS(SUM(${L("fair")}${from}:${L("fair")}${to})-B${r})<RoundTo/2`)
      .formula(`D${r}`, `ABS(SUMPRODUCT(${L("need")}${from}:${L("need")}${to},${L("pop")}${from}:${L("pop")}${to})/SUM(${L("pop")}${from}:${L("pop")}${to})-1)<0.000001`);
  });
  pl.name("PlaceGroupsAddUp", `C${checksRow + 1}:C${checksRow + m}`).name("PlaceGroupsNeedAverage", `D${checksRow + 1}:D${checksRow + m}`);
  pl.name("CombinedDelegated", `B${checksRow + 1}`, "The combined body's budget delegated to places today");

  const reconciles = afters.map((_, i) => `AND(After${i + 1}Reconciles)`).join(",");
  checksSheet(t, [
    { label: "Every former body's pot is filled in (above £0)", formula: `COUNTIF(FormerBodyPots,">0")=${k}`, fix: "Type each former body's pot, stream by stream, on the Pots sheet." },
    { label: "Every body's pot after the change is filled in (above £0)", formula: `COUNTIF(BodyAfterPots,">0")=${m}`, fix: "Type each body's pot after the change (as NHS England notifies it, or as restated) on the Pots sheet." },
    {
      label: "Stream by stream, each body after holds what its former bodies bring in whole, plus what a moved place carries in, less what it carries out",
      formula: `AND(${reconciles})`,
      fix: "A stream does not reconcile: see the 'reconciles' columns on the Pots sheet (a line changed on one side only, a figure in £000, or a transfer agreed but not typed in).",
    },
    { label: "Nothing is lost: the bodies after hold exactly the former bodies' pots in total", formula: "ABS(SUM(BodyAfterPots)-SUM(FormerBodyPots))<RoundTo/2", fix: "The pots after the change add up to more or less than the pots before: see the Pots sheet." },
    {
      label: "Every practice is counted exactly once: each former body's practices are all here, and each is in one body after",
      formula: "AND(SUM(FormerBodyPractices)=SUM(FilePractices),SUM(BodyAfterPractices)=COUNTA(PracticeCodes),SUM(FormerBodyPractices)=COUNTA(PracticeCodes))",
      fix: "A practice row is missing or mislabelled on the Practices sheet: regenerate the template.",
    },
    {
      label: "Weighted populations add up: each former body's practices give the practice file's population and Final WP, and the bodies after hold the same totals",
      formula:
        "AND(AND(FormerBodyMatchesFile),ABS(SUM(BodyAfterWeightedPopulation)-SUM(FormerBodyWeightedPopulation))<0.01,ABS(SUM(BodyAfterPopulation)-SUM(FormerBodyPopulation))<0.01)",
      fix: "A practice's population or weighted population on the Practices sheet differs from NHS England's file (corrected, or typed over): check it, or regenerate the template.",
    },
    {
      label: "England's totals are given: a core services allocation above £0 and a weighted population no smaller than these bodies'",
      formula: "AND(N(EnglandCoreAllocation)>0,N(EnglandWeightedPopulation)>=SUM(FormerBodyWeightedPopulation))",
      fix: "Type England's core services allocation (and check England's weighted population) on the Bodies sheet.",
    },
    { label: "Every body has a distance from target, before and after", formula: `COUNT(FormerBodyDFT)+COUNT(BodyAfterDFT)=${k + m}`, fix: "A body's core services line is blank on the Pots sheet, or England's totals are missing." },
    {
      label: "Every place has its delegated budget today, and no body after delegates more than its pot",
      formula: `AND(COUNT(PlaceBudgetsToday)=${n},AND(BodyAfterWithinPot))`,
      fix: "Type each place's delegated budget on the Places sheet (a figure in £000?).",
    },
    { label: "Each body's places at fair share add up to what it delegates, exactly", formula: "AND(PlaceGroupsAddUp)", fix: "A body's fair shares do not add up: look for an error on the Places sheet." },
    { label: "Need indices average 1 within each body after (population-weighted)", formula: "AND(PlaceGroupsNeedAverage)", fix: "A place's population or weighted population is missing." },
  ]);
  return t.build(
    MERGER,
    [
      { name: "CombinedPot", label: "Combined pot £", format: FORMAT.pounds },
      { name: "CombinedWeightedPopulation", label: "Combined weighted population (Final WP)", format: FORMAT.count },
      { name: "CombinedPopulation", label: "Combined registered population", format: FORMAT.count },
      { name: "CombinedDFT", label: "Combined distance from target (core services)", format: FORMAT.percent2 },
      { name: "FormerBodyCodes", label: "Former bodies" },
      { name: "FormerBodyPots", label: "Former bodies' pots £", format: FORMAT.pounds },
      { name: "FormerBodyDFT", label: "Former bodies' distance from target", format: FORMAT.percent2 },
      { name: "PlaceNames", label: "Places" },
      { name: "PlaceBudgetsToday", label: "Delegated budget by place £", format: FORMAT.pounds },
    ],
    {
      prefilledFrom: system.source,
      shape: mergerShape(system),
      tables: [
        {
          key: "formerBodies",
          sheet: "Former bodies",
          columns: [
            { name: "FormerBodyCodes", label: "Former body" },
            { name: "FormerBodyPractices", label: "Practices", format: FORMAT.count },
            { name: "FormerBodyPopulation", label: "Registered population", format: FORMAT.count },
            { name: "FormerBodyWeightedPopulation", label: "Final WP", format: FORMAT.count },
            { name: "FormerBodyTargets", label: "Target £", format: FORMAT.pounds },
            { name: "FormerBodyPots", label: "Pot £ (all streams)", format: FORMAT.pounds },
            { name: "FormerBodyDFT", label: "Distance from target", format: FORMAT.percent2 },
            { name: "FormerBodyDelegated", label: "Delegated to places today £", format: FORMAT.pounds },
          ],
        },
        {
          key: "bodiesAfter",
          sheet: "Bodies after",
          columns: [
            { name: "BodyAfterCodes", label: "Body after the change" },
            { name: "BodyAfterPractices", label: "Practices", format: FORMAT.count },
            { name: "BodyAfterPopulation", label: "Registered population", format: FORMAT.count },
            { name: "BodyAfterWeightedPopulation", label: "Final WP", format: FORMAT.count },
            { name: "BodyAfterTargets", label: "Target £", format: FORMAT.pounds },
            { name: "BodyAfterPots", label: "Pot £ (all streams)", format: FORMAT.pounds },
            { name: "BodyAfterDFT", label: "Distance from target", format: FORMAT.percent2 },
            { name: "BodyAfterDelegated", label: "Delegated to places today £", format: FORMAT.pounds },
          ],
        },
        {
          key: "places",
          sheet: "Merger places",
          columns: [
            { name: "PlaceNames", label: "Place" },
            { name: "PlaceFormerBodies", label: "Former body" },
            { name: "PlaceBodiesAfter", label: "Body after" },
            { name: "PlaceMoved", label: "Moved" },
            { name: "PlacePopulation", label: "Registered population", format: FORMAT.count },
            { name: "PlaceBudgetsToday", label: "Delegated budget today £", format: FORMAT.pounds },
            { name: "PlaceFairShare", label: "At fair share in its body after £", format: FORMAT.pounds },
            { name: "PlaceDFT", label: "Distance from fair share", format: FORMAT.percent2 },
          ],
        },
      ],
    },
  );
}
