/**
 * The footprint of `ics-finance template merger --practices <file> --icb <A>,<B>[,…] [--move <local
 * authorities>] [--places <mapping.csv>]`: whole ICBs combine into one body (the first --icb's code),
 * and for a boundary change the practices in the named local authorities join it from whichever
 * ICB holds them today; that ICB carries on without them. Places as in place-delegation (former
 * CCGs by default, `--places` to map practices); moved practices form their own place unless mapped.
 */
import * as path from "path";
import type { FormerBody, MergerPlace, MergerPractice, MergerSystem } from "../templates";
import { PracticeFileError, PracticeRecord } from "./practices";

export interface FootprintRequest {
  /** ICB codes, the first the body the others (and any moved practices) join. */
  icbs: readonly string[];
  /** Local authorities (names or codes as the practice file's local-authority columns give them). */
  move?: readonly string[];
  /** Practice code → place. */
  places?: ReadonlyMap<string, string>;
  practicesFile?: string;
  placesFile?: string;
}

function listSome(items: readonly string[], most = 8): string {
  return items.length <= most ? items.join(", ") : `${items.slice(0, most).join(", ")} and ${items.length - most} more`;
}

/** "a, b and c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Splits "A, B ,C" at commas; blank items dropped. */
export function splitList(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const key = (s: string) => s.trim().toLowerCase();

export function mergerFootprint(records: readonly PracticeRecord[], request: FootprintRequest): MergerSystem {
  const known = [...new Set(records.map((r) => r.icb))].sort();
  const codes = request.icbs.map((c) => c.trim().toUpperCase());
  const unknownIcbs = codes.filter((c) => !known.includes(c));
  if (unknownIcbs.length > 0) throw new PracticeFileError(`no practices for ICB ${unknownIcbs.map((c) => `"${c}"`).join(", ")}; the file has ${known.length} ICBs: ${known.join(", ")}`);
  if (new Set(codes).size !== codes.length) throw new PracticeFileError(`--icb names an ICB twice: ${codes.join(", ")}`);
  const move = request.move ?? [];
  if (codes.length < 2 && move.length === 0) throw new PracticeFileError("a merger needs at least two ICBs (--icb A,B), or one ICB and the local authorities that join it (--move)");

  // A local authority by its code (LA21) or name (UTLA21); the file's LAD21 and LTLA21 repeat them.
  const moving = new Set<PracticeRecord>();
  for (const wanted of move) {
    const hits = records.filter((r) => [r.laCode, r.laName].some((v) => v && key(v) === key(wanted)));
    if (hits.length === 0) {
      const names = [...new Set(records.flatMap((r) => [r.laName ?? ""]).filter((x) => x !== ""))].sort((a, b) => a.localeCompare(b, "en-GB"));
      const near = names.filter((x) => key(x).includes(key(wanted)) || key(x).startsWith(key(wanted).slice(0, 4)));
      throw new PracticeFileError(
        `no practices in local authority "${wanted}"${near.length > 0 ? ` (did you mean ${listSome(near.map((x) => `"${x}"`), 5)}?)` : ""}; the file's ${names.length} local authorities are: ${names.join(", ")}`,
      );
    }
    for (const r of hits) moving.add(r);
  }
  const combinedCode = codes[0];
  const wholeCodes = new Set(codes);
  // Practices already in a body that joins whole do not move.
  const moved = [...moving].filter((r) => !wholeCodes.has(r.icb.toUpperCase()));
  const donorCodes = [...new Set(moved.map((r) => r.icb.toUpperCase()))].sort();
  if (move.length > 0 && moved.length === 0) throw new PracticeFileError(`every practice in ${andList(move.map((m) => `"${m}"`))} is already in ${andList(codes)}: nothing moves`);
  const formerCodes = [...codes, ...donorCodes];
  const byIcb = (code: string) => records.filter((r) => r.icb.toUpperCase() === code);
  // A donor all of whose practices move joins whole rather than carrying on empty.
  const carriesOn = donorCodes.filter((code) => byIcb(code).some((r) => !moved.includes(r)));
  const icbName = (code: string) => byIcb(code)[0].icbName;
  const sum = (rs: readonly PracticeRecord[], f: (r: PracticeRecord) => number) => rs.reduce((a, r) => a + f(r), 0);

  const formerBodies: FormerBody[] = formerCodes.map((code) => {
    const own = byIcb(code);
    return { code, name: icbName(code), filePractices: own.length, filePopulation: sum(own, (r) => r.population), fileWeightedPopulation: sum(own, (r) => r.weighted.final) };
  });
  const movedFrom = (code: string) => moved.filter((r) => r.icb.toUpperCase() === code);
  const combinedName =
    codes.length > 1
      ? `${andList(codes.map(icbName))}, combined`
      : `${icbName(combinedCode)} with ${andList(donorCodes.map((c) => `${andList([...new Set(movedFrom(c).map((r) => r.laName || r.laCode || "?"))])} from ${c}`))}`;
  const bodiesAfter = [{ code: combinedCode, name: combinedName }, ...carriesOn.map((code) => ({ code, name: `${icbName(code)}, after the change` }))];

  const mapping = request.places;
  const all = formerCodes.flatMap(byIcb);
  if (mapping) {
    const inFile = new Set(records.map((r) => r.code.toUpperCase()));
    const unknown = [...mapping.keys()].filter((c) => !inFile.has(c));
    if (unknown.length > 0) throw new PracticeFileError(`the place mapping names ${unknown.length} practice code${unknown.length === 1 ? "" : "s"} the practice file does not have: ${listSome(unknown)}`);
    // The combined body's own practices must all be mapped (as place-delegation asks); moved ones and those staying behind keep their default.
    const missing = all.filter((r) => wholeCodes.has(r.icb.toUpperCase()) && !mapping.has(r.code.toUpperCase())).map((r) => r.code);
    if (missing.length > 0) throw new PracticeFileError(`the place mapping has no place for ${missing.length} of the combined body's practices: ${listSome(missing)}`);
  }
  const movedPlace = (code: string) => `${andList([...new Set(movedFrom(code).map((r) => r.laName || r.laCode || "?"))])} (from ${code})`;
  const practices: MergerPractice[] = all.map((r) => {
    const formerBody = r.icb.toUpperCase();
    const isMoved = moved.includes(r) && carriesOn.includes(formerBody);
    const bodyAfter = wholeCodes.has(formerBody) || moved.includes(r) || !carriesOn.includes(formerBody) ? combinedCode : formerBody;
    const defaultPlace = moved.includes(r) ? movedPlace(formerBody) : r.place;
    const place = mapping?.get(r.code.toUpperCase()) ?? defaultPlace;
    return { code: r.code, name: r.name, pcn: r.pcn, place, laCode: r.laCode, laName: r.laName, population: r.population, weighted: r.weighted, formerBody, bodyAfter, moved: isMoved };
  });

  // Places: the combined body's first (its own, then moved ones), then each body that carries on; alphabetical within.
  const placeMap = new Map<string, MergerPlace>();
  for (const p of practices) {
    const before = placeMap.get(p.place);
    if (before && (before.formerBody !== p.formerBody || before.bodyAfter !== p.bodyAfter)) {
      throw new PracticeFileError(`place "${p.place}" would hold practices of ${before.formerBody} → ${before.bodyAfter} and of ${p.formerBody} → ${p.bodyAfter} (practice ${p.code}): a place keeps to one body before and one after; map them to separate places`);
    }
    if (!before) {
      const r = all.find((x) => x.code === p.code)!;
      const note = mapping?.has(p.code.toUpperCase())
        ? `From ${request.placesFile ? path.basename(request.placesFile) : "the place mapping"}`
        : p.moved
          ? `Moves from ${p.formerBody} ${icbName(p.formerBody)} to ${combinedCode}`
          : `Former ${r.ccgName}${r.ccgCode ? ` (${r.ccgCode})` : ""}, ${p.formerBody}`;
      placeMap.set(p.place, { name: p.place, note, formerBody: p.formerBody, bodyAfter: p.bodyAfter, moved: p.moved });
    }
  }
  const afterOrder = bodiesAfter.map((b) => b.code);
  const places = [...placeMap.values()].sort(
    (a, b) => afterOrder.indexOf(a.bodyAfter) - afterOrder.indexOf(b.bodyAfter) || Number(a.moved) - Number(b.moved) || a.name.localeCompare(b.name, "en-GB"),
  );
  const placeOrder = places.map((p) => p.name);
  practices.sort((a, b) => placeOrder.indexOf(a.place) - placeOrder.indexOf(b.place) || a.code.localeCompare(b.code));

  const file = request.practicesFile ? path.basename(request.practicesFile) : "NHS England's practice file";
  const source = [
    file,
    `ICB${codes.length > 1 ? "s" : ""} ${andList(codes)}`,
    ...(move.length > 0 ? [`moving ${andList(move)}${donorCodes.length > 0 ? ` from ${andList(donorCodes)}` : ""}`] : []),
    ...(mapping ? [`places from ${request.placesFile ? path.basename(request.placesFile) : "a mapping"}`] : []),
  ].join(", ");
  return {
    name: bodiesAfter.length > 1 ? `${combinedName}; ${bodiesAfter.slice(1).map((b) => b.name).join("; ")}` : combinedName,
    formerBodies,
    bodiesAfter,
    places,
    practices,
    englandWeightedPopulation: sum(records, (r) => r.weighted.final),
    source,
  };
}
