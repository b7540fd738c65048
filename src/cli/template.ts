/**
 * `ics-finance template --list` and `ics-finance template <name> [--blank] [--out <file.xlsx>]
 * [--practices <file.csv> --icb <code> [--places <mapping.csv>]]`: writes a workbook template with
 * its values calculated, in one of the three ways ../shared/spec/RETURNS.md describes, and says
 * whether it is clean (no error cell, every check TRUE) or, for a blank copy, what is left to fill.
 */
import * as fs from "fs";
import * as path from "path";
import { TEMPLATES, TemplateOptions, takesPractices, templateSpec } from "../templates";
import { describeReview, isClean } from "../templates/calc";
import { addinReferenceFrom } from "../templates/addin";
import { renderXlsx } from "../templates/xlsx";
import type { Io } from "./main";
import { PracticeFileError, delegationSystem, readPlaceMapping, readPracticeFile } from "./practices";

export const TEMPLATE_USAGE = `Usage:
  ics-finance template --list
  ics-finance template <name> [--blank] [--out <file.xlsx>]
  ics-finance template place-delegation --practices <file.csv> --icb <code> [--places <mapping.csv>] [--out <file.xlsx>]

Without flags: the fictional sample, its Cover filled in, recalculating clean.
--blank: the copy a central team distributes: Cover and money inputs empty (its checks are FALSE
until the organisation fills them in).
--practices prefills a blank copy with one ICB's practices and places from NHS England's practice
weighted-population file, e.g. --icb QU9: places are the former CCGs unless --places maps each
practice code to a place (a CSV with columns Practice_Code and Place).`;

/** \`--flag value\` pairs, bare \`--switch\`es and bare words; undefined when a flag lacks its value or is unknown. */
export function parseFlags(args: readonly string[], flags: readonly string[], switches: readonly string[] = []): { values: Record<string, string>; switches: Set<string>; words: string[] } | undefined {
  const values: Record<string, string> = {};
  const on = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const flag = arg.slice(2);
    if (switches.includes(flag)) {
      on.add(flag);
      continue;
    }
    const value = args[i + 1];
    if (!flags.includes(flag) || value === undefined || value.startsWith("--")) return undefined;
    values[flag] = value;
    i++;
  }
  return { values, switches: on, words };
}

export async function templateCommand(args: string[], io: Io): Promise<number> {
  if (args.length === 1 && args[0] === "--list") {
    const width = Math.max(...TEMPLATES.map((t) => t.name.length));
    for (const t of TEMPLATES) io.out(`${t.name.padEnd(width)}  ${t.title} (version ${t.version}): ${t.description}`);
    return 0;
  }
  const parsed = parseFlags(args, ["out", "practices", "icb", "places"], ["blank"]);
  if (!parsed || parsed.words.length !== 1) {
    io.err(TEMPLATE_USAGE);
    return 2;
  }
  const name = parsed.words[0];
  const { out = `${name}.xlsx`, practices, icb, places } = parsed.values;
  if (!TEMPLATES.some((t) => t.name === name)) {
    io.err(`ics-finance template: no template "${name}"; templates are ${TEMPLATES.map((t) => t.name).join(", ")}`);
    return 2;
  }
  if ((practices === undefined) !== (icb === undefined) || (practices !== undefined && !takesPractices(name)) || (places !== undefined && practices === undefined)) {
    io.err(`ics-finance template: --practices and --icb go together (with --places optional), with place-delegation only\n\n${TEMPLATE_USAGE}`);
    return 2;
  }
  const options: TemplateOptions = { mode: parsed.switches.has("blank") ? "blank" : "sample" };
  if (practices !== undefined && icb !== undefined) {
    let reading = practices;
    try {
      let mapping: Map<string, string> | undefined;
      if (places !== undefined) {
        reading = places;
        mapping = readPlaceMapping(places);
        reading = practices;
      }
      options.system = delegationSystem(readPracticeFile(practices), icb, { practicesFile: practices, places: mapping, placesFile: places });
      options.mode = "prefilled";
    } catch (e) {
      // The file's own problems and the file system's (no such file) are the user's to fix.
      const unreadable = e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string";
      if (!(e instanceof PracticeFileError) && !unreadable) throw e;
      io.err(`ics-finance template: ${reading}: ${e.message}`);
      return 2;
    }
  }
  const spec = templateSpec(name, options);
  let addin;
  try {
    addin = addinReferenceFrom(process.env);
  } catch (e) {
    io.err(`ics-finance template: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const prefilledFrom = practices !== undefined && icb !== undefined ? `${path.basename(practices)}; ICB ${icb.toUpperCase()}` : undefined;
  const { buffer, review } = await renderXlsx(spec, { addin, prefilledFrom });
  fs.writeFileSync(out, buffer);
  const what = options.mode === "sample" ? "the fictional sample" : options.mode === "blank" ? "blank, for distribution" : `prefilled from ${spec.prefilledFrom}, money inputs blank`;
  io.out(`wrote ${path.relative(process.cwd(), path.resolve(out)) || out}: ${spec.title} (${spec.name} ${spec.version}, ${what}), ${spec.sheets.length} sheets`);
  for (const line of describeReview(review)) io.out(line);
  if (options.mode === "sample") return isClean(review) ? 0 : 1;
  // A blank copy is honestly incomplete: its checks are FALSE until it is filled in. It is written
  // as meant, so the exit status is 0.
  const failing = review.checks.filter((c) => !c.passed).length;
  if (failing > 0) io.out(`incomplete until filled in: ${failing} check${failing === 1 ? "" : "s"} FALSE while the Cover and the money inputs are blank`);
  return 0;
}
