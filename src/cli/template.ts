/**
 * `ics-finance template --list` and `ics-finance template <name> [--out <file.xlsx>]
 * [--practices <file.csv> --icb <code>]`: writes a workbook template with its values calculated,
 * and says whether it is clean (no error cell, every check TRUE).
 */
import * as fs from "fs";
import * as path from "path";
import { TEMPLATES, TemplateOptions, templateSpec } from "../templates";
import { describeReview, isClean } from "../templates/calc";
import { addinReferenceFrom } from "../templates/addin";
import { renderXlsx } from "../templates/xlsx";
import type { Io } from "./main";
import { PracticeFileError, delegationSystem, readPracticeFile } from "./practices";

export const TEMPLATE_USAGE = `Usage:
  ics-finance template --list
  ics-finance template <name> [--out <file.xlsx>]
  ics-finance template place-delegation --practices <file.csv> --icb <code> [--out <file.xlsx>]

--practices prefills places and practices from NHS England's practice weighted-population file
(places = UTLA21 within the ICB, weights = Final WP), e.g. --icb QWO for West Yorkshire.`;

/** `--flag value` pairs and bare words; undefined when a flag lacks its value or is unknown. */
export function parseFlags(args: readonly string[], flags: readonly string[]): { values: Record<string, string>; words: string[] } | undefined {
  const values: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      words.push(arg);
      continue;
    }
    const flag = arg.slice(2);
    const value = args[i + 1];
    if (!flags.includes(flag) || value === undefined || value.startsWith("--")) return undefined;
    values[flag] = value;
    i++;
  }
  return { values, words };
}

export async function templateCommand(args: string[], io: Io): Promise<number> {
  if (args.length === 1 && args[0] === "--list") {
    const width = Math.max(...TEMPLATES.map((t) => t.name.length));
    for (const t of TEMPLATES) io.out(`${t.name.padEnd(width)}  ${t.title}: ${t.description}`);
    return 0;
  }
  const parsed = parseFlags(args, ["out", "practices", "icb"]);
  if (!parsed || parsed.words.length !== 1) {
    io.err(TEMPLATE_USAGE);
    return 2;
  }
  const name = parsed.words[0];
  const { out = `${name}.xlsx`, practices, icb } = parsed.values;
  if (!TEMPLATES.some((t) => t.name === name)) {
    io.err(`ics-finance template: no template "${name}"; templates are ${TEMPLATES.map((t) => t.name).join(", ")}`);
    return 2;
  }
  if ((practices === undefined) !== (icb === undefined) || (practices !== undefined && name !== "place-delegation")) {
    io.err(`ics-finance template: --practices and --icb go together, with place-delegation only\n\n${TEMPLATE_USAGE}`);
    return 2;
  }
  const options: TemplateOptions = {};
  if (practices !== undefined && icb !== undefined) {
    try {
      options.system = delegationSystem(readPracticeFile(practices), icb);
    } catch (e) {
      // The file's own problems and the file system's (no such file) are the user's to fix.
      const unreadable = e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string";
      if (!(e instanceof PracticeFileError) && !unreadable) throw e;
      io.err(`ics-finance template: ${practices}: ${e.message}`);
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
  io.out(`wrote ${path.relative(process.cwd(), path.resolve(out)) || out}: ${spec.title}, ${spec.sheets.length} sheets`);
  for (const line of describeReview(review)) io.out(line);
  return isClean(review) ? 0 : 1;
}
