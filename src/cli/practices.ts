/**
 * NHS England's GP practice weighted-population file (the format of the place-based allocation
 * tool's data, e.g. `../shared/data/practice-weighted-populations-2024-25.csv`): one ICB's
 * practices and places for `ics-finance template place-delegation --practices <file> --icb <code>`.
 * Places are upper-tier local authorities (UTLA21); weights are the overall need-weighted
 * population (Final WP).
 */
import * as fs from "fs";
import type { DelegationSystem, PracticeRow } from "../templates";
import { parseCsv } from "./csv";

export interface PracticeRecord extends PracticeRow {
  icb: string;
  icbName: string;
}

/** A problem with the file or the request, worded for the person running the CLI. */
export class PracticeFileError extends Error {}

/** The population column is named after its year ("pop 2022/23"); take whichever the file has. */
const COLUMNS = {
  code: /^Practice_Code$/i,
  name: /^GP_Practice_Name$/i,
  icb: /^ICS22$/i,
  icbName: /^ICS22name$/i,
  place: /^UTLA21$/i,
  population: /^pop \d{4}\/\d{2}$/i,
  weightedPopulation: /^Final WP$/i,
} as const;

export function readPracticeCsv(text: string): PracticeRecord[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) throw new PracticeFileError("the file is empty");
  const index = Object.fromEntries(
    Object.entries(COLUMNS).map(([key, pattern]) => {
      const i = header.findIndex((h) => pattern.test(h.trim()));
      if (i < 0) throw new PracticeFileError(`no column matching ${pattern.source.replace(/[\^$\\]/g, "")}: is this NHS England's practice weighted-population file?`);
      return [key, i];
    }),
  ) as Record<keyof typeof COLUMNS, number>;
  return rows.map((r, i) => {
    const number = (key: "population" | "weightedPopulation") => {
      const text = (r[index[key]] ?? "").trim();
      const n = Number(text);
      if (text === "" || !Number.isFinite(n)) throw new PracticeFileError(`line ${i + 2}: ${header[index[key]]} is ${JSON.stringify(text)}, not a number`);
      return n;
    };
    return {
      code: r[index.code],
      name: r[index.name],
      icb: r[index.icb],
      icbName: r[index.icbName],
      place: r[index.place],
      population: number("population"),
      weightedPopulation: number("weightedPopulation"),
    };
  });
}

export function readPracticeFile(file: string): PracticeRecord[] {
  return readPracticeCsv(fs.readFileSync(file, "utf8"));
}

/** One ICB's practices, grouped by place (places in alphabetical order, practices by code). */
export function delegationSystem(records: readonly PracticeRecord[], icb: string): DelegationSystem {
  const code = icb.trim().toUpperCase();
  const practices = records.filter((r) => r.icb.toUpperCase() === code);
  if (practices.length === 0) {
    const known = [...new Set(records.map((r) => r.icb))].sort();
    throw new PracticeFileError(`no practices for ICB "${icb}"; the file has ${known.length} ICBs: ${known.join(", ")}`);
  }
  const places = [...new Set(practices.map((p) => p.place))].sort((a, b) => a.localeCompare(b, "en-GB"));
  const ordered = [...practices].sort((a, b) => places.indexOf(a.place) - places.indexOf(b.place) || a.code.localeCompare(b.code));
  return {
    name: `${practices[0].icbName} (${code})`,
    places,
    practices: ordered.map(({ code: c, name, place, population, weightedPopulation }) => ({ code: c, name, place, population, weightedPopulation })),
  };
}
