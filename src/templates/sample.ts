/**
 * Northmoor and Vale ICS: the fictional integrated care system the templates ship filled in with,
 * the same system the playground uses (src/playground/sample.ts: its four places, its ICB and
 * councils), so a user sees every calculation working before typing their own figures. No real
 * body, place or person; the codes are made up (no ICB code starts QZ, no practice code Z).
 */
export const SAMPLE_SYSTEM = "Northmoor and Vale ICS (fictional)";

/** The fictional ICB: its ODS code (an ICB code, Q + two characters) and name. */
export const SAMPLE_ICB = { code: "QZN", name: "NHS Northmoor and Vale ICB (fictional)" } as const;

/** A practice's need-weighted populations, by NHS England's components (the practice file's columns). */
export interface WeightedPopulations {
  /** `Final WP`: the overall core weighted population. */
  final: number;
  /** `Final PMC WP`: primary medical care. */
  pmc: number;
  /** `CS WP`: community services. */
  community: number;
  /** `MH WP`: mental health. */
  mentalHealth: number;
  /** `Prescr WP`: prescribing. */
  prescribing: number;
}

/** A GP practice as the place-delegation template needs it (NHS England's practice file has these). */
export interface PracticeRow {
  code: string;
  name: string;
  /** The primary care network's code, where the file gives one. */
  pcn?: string;
  /** The place it belongs to: by default its former CCG's footprint; a mapping can override it. */
  place: string;
  /** Its local authority's code and name (the file's LA21 and UTLA21). */
  laCode?: string;
  laName?: string;
  population: number;
  weighted: WeightedPopulations;
}

/** The practices of a system and, for each place, what the template shows about it. */
export interface DelegationSystem {
  name: string;
  /** The ICB's code (ICS22) and name: the Cover's ICBCode and OrganisationCode. */
  icbCode: string;
  icbName: string;
  practices: readonly PracticeRow[];
  /** Places in the order the template lists them; default: each place as first seen in practices. */
  places?: readonly string[];
  /** What each place is, e.g. "Former NHS Oxfordshire CCG (10Q)"; shown beside its name. */
  placeNotes?: Readonly<Record<string, string>>;
  /** Where the practices came from, e.g. "practice-weighted-populations-2024-25.csv, ICB QU9" (PrefilledFrom). */
  source?: string;
}

const p = (code: string, name: string, pcn: string, place: string, population: number, final: number, pmc: number, community: number, mentalHealth: number, prescribing: number): PracticeRow => ({
  code,
  name,
  pcn,
  place,
  laCode: SAMPLE_PLACE_CODES[place],
  laName: place,
  population,
  weighted: { final, pmc, community, mentalHealth, prescribing },
});

/** Made-up local authority codes for the four places (real ones run E06000001 to about E06000066). */
const SAMPLE_PLACE_CODES: Record<string, string> = { Northmoor: "E06009901", Eastbridge: "E06009902", Vale: "E06009903", Kingsholt: "E06009904" };

/**
 * 34 practices in the playground's four places, their registered populations adding up to the
 * playground's (Northmoor 412,300, Eastbridge 268,900, Vale 183,400, Kingsholt 151,700) and their
 * weighted populations following its need indices (1.07, 0.93, 1.12, 0.96). Large merged
 * practices keep the list short.
 */
export const SAMPLE_DELEGATION: DelegationSystem = {
  name: SAMPLE_SYSTEM,
  icbCode: SAMPLE_ICB.code,
  icbName: SAMPLE_ICB.name,
  places: ["Northmoor", "Eastbridge", "Vale", "Kingsholt"],
  placeNotes: { Northmoor: "Northmoor County Council area", Eastbridge: "Eastbridge City Council area", Vale: "Vale Borough Council area", Kingsholt: "Kingsholt District Council area" },
  practices: [
  p("Z10001", "Moorgate Surgery", "UZ101", "Northmoor", 29421.7, 30296.9, 29608.7, 32838.9, 33565.1, 31089.5),
  p("Z10002", "Northmoor Market Practice", "UZ101", "Northmoor", 24682.1, 26137.0, 26762.6, 25968.8, 27917.5, 25337.1),
  p("Z10003", "Fellside Medical Group", "UZ101", "Northmoor", 38383.8, 39609.6, 38208.8, 41492.6, 43237.8, 38964.2),
  p("Z10004", "Heatherbank Surgery", "UZ101", "Northmoor", 22533.7, 24307.8, 23646.4, 24517.5, 24722.9, 22595.8),
  p("Z10005", "Ironbridge Road Practice", "UZ102", "Northmoor", 35231.5, 36037.5, 35392.4, 39529.1, 38192.1, 36257.1),
  p("Z10006", "St Cuthbert's Health Centre", "UZ102", "Northmoor", 30568.5, 32988.2, 31490.3, 33015.0, 34361.6, 32692.0),
  p("Z10007", "Tarn View Surgery", "UZ102", "Northmoor", 22138.1, 23081.6, 23083.5, 24459.9, 25080.3, 23746.6),
  p("Z10008", "Quarry Lane Medical Centre", "UZ102", "Northmoor", 34452.1, 36082.0, 37370.1, 36519.5, 37311.6, 37055.4),
  p("Z10009", "Beacon Hill Practice", "UZ103", "Northmoor", 21576.4, 22283.3, 22306.9, 22683.6, 23956.5, 23223.6),
  p("Z10010", "Ridgeway & Scar Surgery", "UZ103", "Northmoor", 32430.4, 34953.9, 34825.8, 35075.8, 36103.6, 34327.4),
  p("Z10011", "Northmoor Central Health Centre", "UZ103", "Northmoor", 22463.0, 24227.4, 23147.4, 25598.1, 25619.0, 23493.7),
  p("Z10012", "Colliery Row Practice", "UZ103", "Northmoor", 23034.5, 25051.5, 22793.3, 25897.8, 25522.4, 25345.0),
  p("Z10013", "High Moor Family Practice", "UZ104", "Northmoor", 32180.3, 35541.4, 32589.2, 35060.9, 35731.6, 32133.2),
  p("Z10014", "Brackenfield Surgery", "UZ104", "Northmoor", 43203.9, 46051.1, 43231.7, 45791.8, 45095.4, 46518.8),
  p("Z20001", "Eastbridge Riverside Practice", "UZ201", "Eastbridge", 21166.4, 20401.2, 19973.0, 20103.6, 18988.8, 20032.2),
  p("Z20002", "Bridge Street Surgery", "UZ201", "Eastbridge", 24013.4, 23354.7, 22364.0, 22257.7, 21265.8, 21302.2),
  p("Z20003", "Wharfside Medical Centre", "UZ201", "Eastbridge", 27463.6, 25502.7, 26738.6, 25683.2, 23751.8, 24827.4),
  p("Z20004", "Toll House Surgery", "UZ201", "Eastbridge", 39029.0, 35822.4, 37912.8, 39079.8, 36191.8, 35626.1),
  p("Z20005", "Eastbridge Parkway Practice", "UZ202", "Eastbridge", 19992.8, 18811.9, 19633.0, 18297.0, 18919.7, 18731.6),
  p("Z20006", "Lockkeeper's Surgery", "UZ202", "Eastbridge", 28865.4, 27850.2, 28684.8, 27352.6, 26001.3, 25264.9),
  p("Z20007", "Ferry Lane Health Centre", "UZ202", "Eastbridge", 31278.6, 29479.7, 28862.5, 28665.5, 27633.7, 27544.6),
  p("Z20008", "Mill Race Practice", "UZ202", "Eastbridge", 39316.9, 35979.9, 36243.2, 35779.5, 34529.6, 34405.3),
  p("Z20009", "Weavers' Surgery", "UZ203", "Eastbridge", 37773.9, 34650.6, 34722.2, 37538.1, 34765.3, 33217.2),
  p("Z30001", "Vale Town Health Centre", "UZ301", "Vale", 24743.8, 27618.8, 26186.0, 27362.4, 27530.9, 26731.4),
  p("Z30002", "Orchard Vale Surgery", "UZ301", "Vale", 27092.4, 29629.7, 29662.3, 30195.7, 29895.7, 31077.7),
  p("Z30003", "Meadowbank Practice", "UZ301", "Vale", 27506.5, 30894.3, 28126.5, 31868.5, 30365.3, 30276.0),
  p("Z30004", "Hopfield Medical Centre", "UZ301", "Vale", 21548.8, 25289.5, 23671.6, 25346.4, 24372.8, 23336.7),
  p("Z30005", "Church Stile Surgery", "UZ302", "Vale", 39474.6, 42739.5, 42980.9, 45686.3, 47016.9, 42589.3),
  p("Z30006", "Valley Road Practice", "UZ302", "Vale", 43033.9, 46863.1, 47036.9, 52051.3, 51623.2, 48679.7),
  p("Z40001", "Kingsholt Abbey Surgery", "UZ401", "Kingsholt", 37127.1, 33963.2, 34667.0, 35901.5, 34360.3, 35601.6),
  p("Z40002", "Kings Park Medical Centre", "UZ401", "Kingsholt", 35269.8, 35404.7, 34382.0, 36398.9, 35079.2, 34691.6),
  p("Z40003", "Holt Green Practice", "UZ401", "Kingsholt", 23122.3, 21896.9, 22026.4, 22238.8, 21262.2, 21110.4),
  p("Z40004", "The Old School Surgery, Kingsholt", "UZ401", "Kingsholt", 30008.8, 29165.9, 30585.9, 30682.9, 28399.4, 28664.2),
  p("Z40005", "Castle Mead Surgery", "UZ402", "Kingsholt", 26172.0, 25878.0, 24583.6, 26294.5, 25836.3, 25317.7),
  ],
};

/** Northmoor and Vale's NHS bodies, in the order the system-plan and capital templates list them. */
export const SAMPLE_ORGANISATIONS = [
  { name: "Northmoor and Vale ICB", type: "ICB" },
  { name: "Northmoor Hospitals NHS Foundation Trust", type: "NHS foundation trust" },
  { name: "Eastbridge and Kingsholt Hospitals NHS Trust", type: "NHS trust" },
  { name: "Northmoor and Vale Community Health NHS Trust", type: "NHS trust" },
  { name: "Northmoor and Vale Mental Health NHS Foundation Trust", type: "NHS foundation trust" },
] as const;
