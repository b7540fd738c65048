/**
 * NHS England's GP practice weighted populations for 2024/25 (every practice in England), read at
 * run time from `<repo>/../shared/data/`. The file is never committed; tests that need it skip,
 * saying why, when it is absent.
 */
import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../src/format/csv";


export const PRACTICES_FILE = path.join(__dirname, "..", "..", "..", "shared", "data", "practice-weighted-populations-2024-25.csv");

export const practicesAvailable = fs.existsSync(PRACTICES_FILE);

/** `describe`, or `describe.skip` with a printed reason when the practice file is absent. */
export const describeIfPractices: jest.Describe = practicesAvailable ? describe : describe.skip;
if (!practicesAvailable) {
  console.warn(`Skipping tests on the real practice file: ${PRACTICES_FILE} is absent (see shared/data/README.md).`);
}

/** Records keyed by header name. */
export function readCsvRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}

export interface Practice {
  code: string;
  name: string;
  /** The ICB (ICS22), e.g. QWO for West Yorkshire. */
  icb: string;
  icbName: string;
  /** The upper-tier local authority (UTLA21), the usual place inside an ICB. */
  place: string;
  /** `Former CCG`: the CCG the practice belonged to before ICBs (the template's default place). */
  formerCcg: string;
  /** `pop 2022/23`: projected registered population. */
  population: number;
  /** `Final WP`: overall core need-weighted population. */
  weightedPopulation: number;
}

let cache: Practice[] | undefined;

/** Every practice in the file (read once per test file). */
export function readPractices(): Practice[] {
  if (cache) return cache;
  cache = readCsvRecords(PRACTICES_FILE).map((r) => ({
    code: r["Practice_Code"],
    name: r["GP_Practice_Name"],
    icb: r["ICS22"],
    icbName: r["ICS22name"],
    place: r["UTLA21"],
    formerCcg: r["Former CCG"],
    population: Number(r["pop 2022/23"]),
    weightedPopulation: Number(r["Final WP"]),
  }));
  return cache;
}

export interface Place {
  name: string;
  population: number;
  weightedPopulation: number;
}

/** The places (UTLA21) of one ICB, in first-seen order, with their practices' totals (float sums). */
export function placesOf(icb: string): Place[] {
  const byPlace = new Map<string, Place>();
  for (const p of readPractices()) {
    if (p.icb !== icb) continue;
    const place = byPlace.get(p.place) ?? { name: p.place, population: 0, weightedPopulation: 0 };
    place.population += p.population;
    place.weightedPopulation += p.weightedPopulation;
    byPlace.set(p.place, place);
  }
  return [...byPlace.values()];
}
