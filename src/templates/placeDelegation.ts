/**
 * Single pot and place delegation: the pot from its streams, the system's top-slices, the rest
 * delegated to places by weighted population (with optional cash floors), and each place's budget
 * split across its GP practices. Units: £, rounded to whole pounds by default.
 */
import { STREAMS, STREAM_KEYS } from "../core/rules/streams";
import { FORMAT, STYLE, Table, TemplateBuilder } from "./builder";
import { aboutSheet, checksSheet } from "./common";
import { DelegationSystem, PracticeRow, SAMPLE_DELEGATION } from "./sample";
import { TemplateInfo, TemplateSpec } from "./spec";

export const PLACE_DELEGATION: TemplateInfo = {
  name: "place-delegation",
  title: "Single pot and place delegation",
  description: "The pot by stream, the system's top-slices, delegation to places by weighted population with optional floors, and a practice-level split inside each place (£).",
  version: "2026.1",
};

/** Illustrative pot lines (£): replace with the system's allocation. Specialised is 85% pooled. */
const POT_LINES: readonly [string, string, number, number | null][] = [
  ["Core services allocation", "core", 352600000, null],
  ["Primary medical care (delegated GP contracts)", "primary_medical", 36900000, null],
  ["Pharmacy, optometry and dental", "pod", 27450000, null],
  ["Specialised services (delegated)", "specialised", 61800000, 0.85],
  ["Other directly commissioned services", "other_direct", 1950000, null],
  ["Running cost allowance", "running_costs", 4400000, null],
  ["System support funding", "system_support", 2750000, null],
  ["Elective recovery funding", "elective_recovery", 5600000, null],
];
const SPARE_POT_LINES = 4;

/** Illustrative top-slices (£): what the system keeps before delegating to places. */
const TOP_SLICES: readonly [string, number][] = [
  ["Running costs retained by the ICB", 4400000],
  ["Specialised services commissioned at system level", 52530000],
  ["System contingency reserve (0.5%)", 2420000],
  ["System-wide services (NHS 111, crisis lines)", 24800000],
];
const SPARE_TOP_SLICES = 2;

/** Budget per registered patient; blank where there is no population (a closed practice). */
const perHead = (r: number, g: Table) => `IF(${g.cell("pop", r)}>0,${g.cell("budget", r)}/${g.cell("pop", r)},"")`;

function placesOf(system: DelegationSystem): string[] {
  if (system.places) return [...system.places];
  return [...new Set(system.practices.map((p) => p.place))];
}

export function placeDelegation(system: DelegationSystem = SAMPLE_DELEGATION): TemplateSpec {
  const places = placesOf(system);
  const practicesByPlace = places.map((place) => system.practices.filter((p) => p.place === place));
  const unplaced = system.practices.filter((p) => !places.includes(p.place));
  if (unplaced.length > 0) throw new Error(`practice ${unplaced[0].code} is in "${unplaced[0].place}", which is not one of the places`);
  const practices: PracticeRow[] = practicesByPlace.flat();

  const t = new TemplateBuilder();
  aboutSheet(t, {
    title: `${PLACE_DELEGATION.title}: ${system.name}`,
    purpose: [
      "Brings the system's funding streams into one pot, keeps the system's top-slices, delegates the rest to places in proportion to weighted population (with optional cash floors so no place loses), and splits each place's budget across its GP practices.",
      "Every split adds up exactly: places plus top-slices equal the pot to the pound, and each place's practices equal the place.",
    ],
    units: "£, rounded to the unit on the Pot sheet (default £1). Populations are GP-registered; weighted populations are NHS England's need-weighted populations (Final WP).",
    sheets: [
      ["Pot", "Budget lines by stream and the share of each brought into the pot; the pot (ICS.POT) and the pot by stream."],
      ["Places", "Top-slices, the amount delegated, and each place's weighted population, need index (ICS.NEEDINDEX) and budget (ICS.DELEGATE)."],
      ["Practices", "Each practice's population and weighted population, and its share of its place's budget (ICS.DELEGATE per place)."],
    ],
    notes: [
      "Pot lines and top-slices ship with illustrative amounts: replace them with the system's own.",
      `Practices and places: ${system.name}. Add a practice or place by regenerating the template (ics-finance template place-delegation --practices <file> --icb <code>).`,
    ],
  });

  // Pot: budget lines, each with its stream and the share of it pooled.
  const pot = t.sheet("Pot", { orientation: "landscape", titleRows: "6:6" });
  pot.title("Single pot", "One row per budget line: its stream (a key from the list on the right) and the share of it brought into the pot (blank = 100%).");
  pot.value("A4", "Rounding unit (£)", { style: STYLE.section }).input("B4", 1, "General").number("B4", 0.01, undefined, "A power of ten: 0.01, 1 or 1000").name("RoundTo", "B4");
  const lines = [...POT_LINES, ...Array.from({ length: SPARE_POT_LINES }, () => [null, null, null, null] as const)];
  const potTable = pot.table("A6", lines.length, [
    { key: "line", header: "Budget line", width: 48, input: lines.map((l) => l[0]) },
    { key: "stream", header: "Stream", width: 20, input: lines.map((l) => l[1]), list: STREAM_KEYS, prompt: "Choose the funding stream", name: "PotStreams" },
    { key: "amount", header: "Amount £", width: 18, format: FORMAT.pounds, input: lines.map((l) => l[2]), name: "PotAmounts", total: "sum" },
    { key: "share", header: "Pooled share", width: 12, format: FORMAT.percent, input: lines.map((l) => l[3]), min: 0, max: 1, prompt: "0% to 100%; blank = 100%", name: "PotShares" },
  ], "Total before pooling");
  const potRow = potTable.totalRow + 2;
  pot.value(`A${potRow}`, "The pot (ICS.POT)", { style: STYLE.total }).formula(`C${potRow}`, "ICS.POT(PotAmounts,PotStreams,PotShares,RoundTo)", { format: FORMAT.pounds, style: STYLE.total }).name("Pot", `C${potRow}`);
  // The pot by stream spills one row per stream present, then the total; room for every stream.
  pot.value("F6", "Pot by stream (ICS.POTSTREAMS)", { style: STYLE.header }).value("G6", "£", { style: STYLE.header });
  pot.spill(`F7:G${7 + STREAMS.length}`, `ICS.POTSTREAMS(${potTable.range("amount")},${potTable.range("stream")},${potTable.range("share")},RoundTo)`, { format: FORMAT.pounds });
  const keysRow = 9 + STREAMS.length;
  pot.value(`F${keysRow}`, "Stream key", { style: STYLE.header }).value(`G${keysRow}`, "Stream", { style: STYLE.header }).value(`H${keysRow}`, "What it holds", { style: STYLE.header });
  STREAMS.forEach((s, i) => pot.value(`F${keysRow + 1 + i}`, s.key).value(`G${keysRow + 1 + i}`, s.display).value(`H${keysRow + 1 + i}`, s.holds, { style: STYLE.note }));
  pot.widths({ E: 3, F: 34, G: 30, H: 60 });

  // Places: top-slices, the delegated amount, then the places.
  const pl = t.sheet("Places", { orientation: "landscape", titleRows: "18:18" });
  pl.title("Delegation to places", "The system keeps its top-slices; the rest is delegated to places by weighted population, with optional floors.");
  pl.value("A4", "The pot", { style: STYLE.section }).formula("B4", "Pot", { format: FORMAT.pounds });
  const slices = [...TOP_SLICES, ...Array.from({ length: SPARE_TOP_SLICES }, () => [null, null] as const)];
  const sliceTable = pl.table("A6", slices.length, [
    { key: "slice", header: "Top-slice kept by the system", width: 48, input: slices.map((s) => s[0]) },
    { key: "amount", header: "Amount £", width: 18, format: FORMAT.pounds, input: slices.map((s) => s[1]), min: 0, name: "TopSlices", total: "sum" },
  ]);
  const delegatedRow = sliceTable.totalRow + 2;
  pl.value(`A${delegatedRow}`, "Delegated to places (pot less top-slices)", { style: STYLE.total }).formula(`B${delegatedRow}`, "Pot-SUM(TopSlices)", { format: FORMAT.pounds, style: STYLE.total }).name("Delegated", `B${delegatedRow}`);

  const placeHeader = `A${delegatedRow + 3}`;
  const n = places.length;
  const placeTable = pl.table(placeHeader, n, [
    { key: "place", header: "Place", fixed: places, name: "PlaceNames" },
    { key: "pop", header: "Registered population", width: 14, format: FORMAT.count, each: (r) => `SUMIF(PracticePlaces,A${r},PracticePopulation)`, name: "PlacePopulation", total: "sum" },
    { key: "wp", header: "Weighted population", width: 14, format: FORMAT.count, each: (r) => `SUMIF(PracticePlaces,A${r},PracticeWP)`, name: "PlaceWP", total: "sum" },
    { key: "need", header: "Need index", width: 10, format: FORMAT.index, spill: (g) => `ICS.NEEDINDEX(${g.range("wp")},${g.range("pop")})`, name: "NeedIndex" },
    { key: "floor", header: "Floor £ (optional)", width: 16, format: FORMAT.pounds, input: places.map((p) => system.floors?.[p] ?? null), min: 0, prompt: "The least this place may get, e.g. last year's cash; blank = none", name: "PlaceFloors" },
    {
      key: "budget",
      header: "Delegated budget £",
      width: 18,
      format: FORMAT.pounds,
      spill: (g) => `ICS.DELEGATE(Delegated,${g.range("wp")},${g.range("floor")},,RoundTo)`,
      name: "PlaceBudgets",
      total: "sum",
    },
    { key: "head", header: "£ per head", width: 10, format: FORMAT.pounds, each: perHead },
    { key: "share", header: "Share of delegated", width: 11, format: FORMAT.percent, each: (r, g) => `${g.cell("budget", r)}/Delegated` },
    { key: "floorMet", header: "Floor met", width: 8, each: (r, g) => `OR(${g.cell("floor", r)}="",${g.cell("budget", r)}>=${g.cell("floor", r)})`, name: "PlaceFloorMet" },
    { key: "practices", header: "Practices' total £", width: 18, format: FORMAT.pounds, each: (r) => `SUMIF(PracticePlaces,A${r},PracticeBudgets)`, name: "PlacePracticeTotals", total: "sum" },
    { key: "match", header: "Practices add up", width: 9, each: (r, g) => `ABS(${g.cell("practices", r)}-${g.cell("budget", r)})<RoundTo/2`, name: "PlacePracticesMatch" },
  ]);
  pl.widths({ A: 48 });

  // Practices: one block per place, each split from its place's budget.
  const pr = t.sheet("Practices", { orientation: "landscape", titleRows: "4:4" });
  pr.title("Practice-level split", "Each place's budget split across its practices by weighted population (one ICS.DELEGATE per place).");
  const practiceTable = pr.table("A4", practices.length, [
    { key: "code", header: "Practice code", width: 10, fixed: practices.map((p) => p.code), name: "PracticeCodes" },
    { key: "name", header: "Practice", width: 44, fixed: practices.map((p) => p.name) },
    { key: "place", header: "Place", width: 22, fixed: practices.map((p) => p.place), name: "PracticePlaces" },
    { key: "pop", header: "Registered population", width: 14, format: FORMAT.count, input: practices.map((p) => p.population), min: 0, name: "PracticePopulation", total: "sum" },
    { key: "wp", header: "Weighted population", width: 14, format: FORMAT.count, input: practices.map((p) => p.weightedPopulation), min: 0, name: "PracticeWP", total: "sum" },
    { key: "budget", header: "Budget £", width: 16, format: FORMAT.pounds, name: "PracticeBudgets", total: "sum" },
    { key: "head", header: "£ per head", width: 10, format: FORMAT.pounds, each: perHead },
  ]);
  let first = practiceTable.firstRow;
  practicesByPlace.forEach((group, k) => {
    if (group.length === 0) return;
    const last = first + group.length - 1;
    const placeBudget = `Places!$${placeTable.letter("budget")}$${placeTable.firstRow + k}`;
    pr.spill(`F${first}:F${last}`, `ICS.DELEGATE(${placeBudget},E${first}:E${last},,,RoundTo)`, { format: FORMAT.pounds });
    first = last + 1;
  });

  checksSheet(t, [
    { label: "The pot is a number: every amount is a number and every stream is known", formula: "ISNUMBER(Pot)", fix: "Look at the Pot sheet: an amount typed as text, or a stream not in the list." },
    { label: "Top-slices are numbers and leave something to delegate", formula: "AND(ISNUMBER(Delegated),Delegated>=0)", fix: "Top-slices add up to more than the pot, or one is not a number." },
    { label: "Places add up to the delegated amount exactly", formula: "ABS(SUM(PlaceBudgets)-Delegated)<RoundTo/2", fix: "A place budget is missing: look for an error on the Places sheet (floors above the amount?)." },
    { label: "Places plus top-slices add up to the pot exactly", formula: "ABS(SUM(PlaceBudgets)+SUM(TopSlices)-Pot)<RoundTo/2", fix: "Every pound of the pot must be delegated or kept as a top-slice." },
    { label: "Every place gets at least its floor", formula: "AND(PlaceFloorMet)", fix: "A floor could not be honoured: see the Places sheet." },
    { label: "Each place's practices add up to its budget exactly", formula: "AND(PlacePracticesMatch)", fix: "A practice block does not match its place: see Practices." },
    { label: "Every practice is counted in a place", formula: "ABS(SUM(PlacePopulation)-SUM(PracticePopulation))<0.001", fix: "A place was renamed on the Places sheet, or a practice's place is not listed." },
    { label: "Need indices average 1 across the system (population-weighted)", formula: "ABS(SUMPRODUCT(NeedIndex,PlacePopulation)/SUM(PlacePopulation)-1)<0.000001", fix: "A population or weighted population is missing or not a number." },
    { label: "Every practice has a population and a weighted population", formula: "COUNT(PracticePopulation)+COUNT(PracticeWP)=2*COUNTA(PracticeCodes)", fix: "A practice's population is blank or typed as text." },
  ]);
  return t.build(PLACE_DELEGATION);
}
