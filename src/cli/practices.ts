/**
 * NHS England's GP practice weighted-population file (the format of the place-based allocation
 * tool's data, e.g. `../shared/data/practice-weighted-populations-2024-25.csv`): one ICB's
 * practices and places for `ics-finance template place-delegation --practices <file> --icb <code>`.
 * Places default to the former CCGs (`Former CCG`), the footprints most ICBs delegate to: the
 * file's `UTLA21` holds districts in two-tier areas, so it would split a county into several
 * places. `--places <mapping.csv>` (practice code → place) overrides them.
 */
import * as fs from "fs";
import * as path from "path";
import type { DelegationSystem, PracticeRow } from "../templates";
import { parseCsv } from "../format/csv";

export interface PracticeRecord extends PracticeRow {
  icb: string;
  icbName: string;
  /** The former CCG's code (CCG21) and name (`Former CCG`). */
  ccgCode: string;
  ccgName: string;
}

/** A problem with the file or the request, worded for the person running the CLI. */
export class PracticeFileError extends Error {}

/** The population column is named after its year ("pop 2022/23"); take whichever the file has. */
const REQUIRED = {
  code: /^Practice_Code$/i,
  name: /^GP_Practice_Name$/i,
  icb: /^ICS22$/i,
  icbName: /^ICS22name$/i,
  ccgName: /^Former CCG$/i,
  population: /^pop \d{4}\/\d{2}$/i,
  final: /^Final WP$/i,
  pmc: /^Final PMC WP$/i,
  community: /^CS WP$/i,
  mentalHealth: /^MH WP$/i,
  prescribing: /^Prescr WP$/i,
} as const;
const OPTIONAL = { pcn: /^PCN_Code$/i, ccgCode: /^CCG21$/i, laCode: /^LA21$/i, laName: /^UTLA21$/i } as const;
const NUMBERS = ["population", "final", "pmc", "community", "mentalHealth", "prescribing"] as const;

function columnIndex(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((h) => pattern.test(h.trim()));
}

export function readPracticeCsv(text: string): PracticeRecord[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) throw new PracticeFileError("the file is empty");
  const index = Object.fromEntries(
    Object.entries(REQUIRED).map(([key, pattern]) => {
      const i = columnIndex(header, pattern);
      if (i < 0) throw new PracticeFileError(`no column matching ${pattern.source.replace(/[\^$\\]/g, "")}: is this NHS England's practice weighted-population file?`);
      return [key, i];
    }),
  ) as Record<keyof typeof REQUIRED, number>;
  const optional = Object.fromEntries(Object.entries(OPTIONAL).map(([key, pattern]) => [key, columnIndex(header, pattern)])) as Record<keyof typeof OPTIONAL, number>;
  return rows.map((r, i) => {
    const number = (key: (typeof NUMBERS)[number]) => {
      const text = (r[index[key]] ?? "").trim();
      const n = Number(text);
      if (text === "" || !Number.isFinite(n)) throw new PracticeFileError(`line ${i + 2}: ${header[index[key]]} is ${JSON.stringify(text)}, not a number`);
      return n;
    };
    const text = (k: number) => (k < 0 ? "" : (r[k] ?? "").trim());
    const ccgName = text(index.ccgName);
    return {
      code: text(index.code),
      name: text(index.name),
      pcn: text(optional.pcn),
      icb: text(index.icb),
      icbName: text(index.icbName),
      ccgCode: text(optional.ccgCode),
      ccgName,
      place: placeOfCcg(ccgName),
      laCode: text(optional.laCode),
      laName: text(optional.laName),
      population: number("population"),
      weighted: { final: number("final"), pmc: number("pmc"), community: number("community"), mentalHealth: number("mentalHealth"), prescribing: number("prescribing") },
    };
  });
}

/** "NHS Bradford District and Craven CCG" → "Bradford District and Craven". */
export function placeOfCcg(ccgName: string): string {
  return ccgName.replace(/^NHS\s+/i, "").replace(/\s+(CCG|Clinical Commissioning Group)$/i, "").trim();
}

export function readPracticeFile(file: string): PracticeRecord[] {
  return readPracticeCsv(fs.readFileSync(file, "utf8"));
}

/** A practice-to-place mapping: a CSV with a practice code column and a place column. */
export function readPlaceMappingCsv(text: string): Map<string, string> {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) throw new PracticeFileError("the place mapping is empty");
  const code = columnIndex(header, /^(practice[ _]?code|practice|code)$/i);
  const place = columnIndex(header, /^place( name)?$/i);
  if (code < 0 || place < 0) throw new PracticeFileError(`the place mapping needs a header row with columns Practice_Code and Place; it has ${header.map((h) => JSON.stringify(h)).join(", ")}`);
  const mapping = new Map<string, string>();
  rows.forEach((r, i) => {
    const c = (r[code] ?? "").trim().toUpperCase();
    const p = (r[place] ?? "").trim();
    if (c === "" && p === "") return;
    if (c === "" || p === "") throw new PracticeFileError(`place mapping line ${i + 2}: a practice code and a place are both needed`);
    const before = mapping.get(c);
    if (before !== undefined && before !== p) throw new PracticeFileError(`place mapping line ${i + 2}: practice ${c} is mapped to "${before}" and to "${p}"`);
    mapping.set(c, p);
  });
  return mapping;
}

export function readPlaceMapping(file: string): Map<string, string> {
  return readPlaceMappingCsv(fs.readFileSync(file, "utf8"));
}

export interface SystemSource {
  /** The practice file's name, for PrefilledFrom. */
  practicesFile?: string;
  /** Practice code → place; every practice of the ICB must be in it. */
  places?: ReadonlyMap<string, string>;
  placesFile?: string;
}

function listSome(items: readonly string[], most = 5): string {
  return items.length <= most ? items.join(", ") : `${items.slice(0, most).join(", ")} and ${items.length - most} more`;
}

/** One ICB's practices, grouped by place (places in alphabetical order, practices by code). */
export function delegationSystem(records: readonly PracticeRecord[], icb: string, source: SystemSource = {}): DelegationSystem {
  const code = icb.trim().toUpperCase();
  const inIcb = records.filter((r) => r.icb.toUpperCase() === code);
  if (inIcb.length === 0) {
    const known = [...new Set(records.map((r) => r.icb))].sort();
    throw new PracticeFileError(`no practices for ICB "${icb}"; the file has ${known.length} ICBs: ${known.join(", ")}`);
  }
  let practices: PracticeRecord[] = inIcb;
  const notes: Record<string, string> = {};
  if (source.places) {
    const mapping = source.places;
    const missing = inIcb.filter((p) => !mapping.has(p.code.toUpperCase())).map((p) => p.code);
    if (missing.length > 0) throw new PracticeFileError(`the place mapping has no place for ${missing.length} of ${code}'s ${inIcb.length} practices: ${listSome(missing)}`);
    const known = new Set(records.map((r) => r.code.toUpperCase()));
    const unknown = [...mapping.keys()].filter((c) => !known.has(c));
    if (unknown.length > 0) throw new PracticeFileError(`the place mapping names ${unknown.length} practice code${unknown.length === 1 ? "" : "s"} the practice file does not have: ${listSome(unknown)}`);
    practices = inIcb.map((p) => ({ ...p, place: mapping.get(p.code.toUpperCase())! }));
    for (const place of new Set(practices.map((p) => p.place))) notes[place] = `From ${source.placesFile ? path.basename(source.placesFile) : "the place mapping"}`;
  } else {
    for (const p of practices) notes[p.place] = `Former ${p.ccgName}${p.ccgCode ? ` (${p.ccgCode})` : ""}`;
  }
  const places = [...new Set(practices.map((p) => p.place))].sort((a, b) => a.localeCompare(b, "en-GB"));
  const ordered = [...practices].sort((a, b) => places.indexOf(a.place) - places.indexOf(b.place) || a.code.localeCompare(b.code));
  const from = [source.practicesFile ? path.basename(source.practicesFile) : "NHS England's practice file", `ICB ${code}`, ...(source.places ? [`places from ${source.placesFile ? path.basename(source.placesFile) : "a mapping"}`] : [])];
  return {
    name: `${inIcb[0].icbName} (${code})`,
    icbCode: code,
    icbName: inIcb[0].icbName,
    places,
    placeNotes: notes,
    source: from.join(", "),
    practices: ordered.map(({ code: c, name, pcn, place, laCode, laName, population, weighted }) => ({ code: c, name, pcn, place, laCode, laName, population, weighted })),
  };
}
