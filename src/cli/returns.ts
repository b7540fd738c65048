/**
 * `ics-finance returns <file-or-folder>... [--template <name>] [--expect <codes.csv>]
 * [--out <consolidated.xlsx>] [--json]` (../shared/spec/RETURNS.md): checks every return given or
 * found in the folders, in one process, on the same core as the Returns page (src/returns).
 * Progress on stderr; the report on stdout; exit 0 all clean, 1 any finding, 2 a usage error.
 */
import * as fs from "fs";
import * as path from "path";
import { TEMPLATES } from "../templates";
import { Collection, ExpectedListError, Finding, anyFinding, collectReturns, consolidatedWorkbook, parseExpected } from "../returns";
import { Io, plainMessage } from "./main";
import { checkAll } from "./returnsPool";

import { parseFlags } from "./template";

export const RETURNS_USAGE = `Usage: ics-finance returns <file-or-folder>... [--template <name>] [--expect <codes.csv>] [--out <consolidated.xlsx>] [--json]
Checks every .xlsx and .xlsm given or found in the folders (and their subfolders): identifies each
return, compares it with the template it was sent as, recalculates it and lists every finding by
file, sheet and cell. --template: only returns of that template are checked (others are
findings); --expect: the organisations that should have returned (one ODS code per line, or a CSV
with a column OrganisationCode); --out: the consolidated workbook (Summary, Findings and one sheet
per template table); --json: the report as one JSON object. Progress goes to stderr.
Exit status: 0 all returns clean, 1 any finding, 2 a usage error.`;

/** Beyond this many files in the folders given, stop and say so (a folder picked by mistake: a whole drive). */
export const MOST_FILES = 10000;

const WORKBOOK = /\.(xlsx|xlsm)$/i;

class UsageError extends Error {}

/** Every return in the paths given, in a stable order: files as given, folders walked (links to folders are not followed). */
export function findReturns(paths: readonly string[], note: (text: string) => void): string[] {
  const found: string[] = [];
  const add = (file: string) => {
    if (found.length >= MOST_FILES) throw new UsageError(`more than ${MOST_FILES} workbooks in the folders given: give the folder of this collection's returns only`);
    found.push(file);
  };
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith(".")) continue;
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && WORKBOOK.test(e.name)) {
        // Excel's lock file while someone has the workbook open: not a return.
        if (e.name.startsWith("~$")) note(`skipped ${full}: Excel's lock file (someone has ${e.name.slice(2)} open), not a return`);
        else add(full);
      }
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new UsageError(`${p}: ${plainMessage(e).replace(`${p}: `, "")}`);
    }
    if (stat.isDirectory()) walk(p);
    else add(p);
  }
  return found;
}

function where(f: Finding): string {
  if (!f.sheet) return "";
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

function textReport(collection: Collection, out: string | undefined): string[] {
  const lines: string[] = [];
  for (const r of collection.returns) {
    const who = [r.organisationCode, r.template ? `${r.template} ${r.templateVersion ?? ""}`.trim() : undefined].filter(Boolean).join(", ");
    const failures = r.findings.length;
    lines.push(`${r.file}: ${r.verdict}${who ? ` (${who})` : ""}${failures > 0 ? `, ${failures} finding${failures === 1 ? "" : "s"}` : ""}`);
    for (const f of r.findings) lines.push(`  ${f.kind}\t${where(f)}\t${f.message}`);
  }
  for (const f of collection.findings) lines.push(`${f.kind}\t${f.organisationCode ?? ""}\t${f.message}`);
  const s = collection.summary;
  lines.push(`${s.returns} return${s.returns === 1 ? "" : "s"}: ${s.clean} clean, ${s.withFindings} with findings, ${s.unreadable} unreadable${s.missing > 0 ? `; ${s.missing} expected organisation${s.missing === 1 ? "" : "s"} sent none` : ""}${out ? `; consolidated workbook written to ${out}` : ""}`);
  return lines;
}

/** `--json`: the collection as RETURNS.md gives it (the consolidation tables stay in the workbook). */
export function jsonCollection(collection: Collection): object {
  return { ...collection, returns: collection.returns.map(({ tables: _tables, ...r }) => r) };
}

export async function returnsCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseFlags(args, ["template", "expect", "out"], ["json"]);
  if (!parsed || parsed.words.length === 0) {
    io.err(RETURNS_USAGE);
    return 2;
  }
  const { template, expect, out } = parsed.values;
  const json = parsed.switches.has("json");
  const usage = (message: string) => {
    io.err(`ics-finance returns: ${message}`);
    return 2;
  };
  if (template !== undefined && !TEMPLATES.some((t) => t.name === template)) return usage(`no template "${template}"; templates are ${TEMPLATES.map((t) => t.name).join(", ")}`);
  let expected: string[] = [];
  if (expect !== undefined) {
    try {
      expected = parseExpected(fs.readFileSync(expect, "utf8"));
    } catch (e) {
      return usage(`--expect ${expect}: ${e instanceof ExpectedListError ? e.message : plainMessage(e).replace(`${expect}: `, "")}`);
    }
  }
  let files: string[];
  try {
    files = findReturns(parsed.words, (text) => io.err(text));
  } catch (e) {
    return usage(e instanceof UsageError ? e.message : plainMessage(e));
  }
  if (files.length === 0) return usage(`no .xlsx or .xlsm file in ${parsed.words.join(", ")}`);
  const results = await checkAll(files, template, (done, file) => io.err(`[${done}/${files.length}] ${file}`));
  const collection = collectReturns(results, expected);
  if (out !== undefined) {
    try {
      fs.writeFileSync(out, consolidatedWorkbook(collection));
    } catch (e) {
      return usage(`the consolidated workbook could not be written to ${out} (${plainMessage(e)})`);
    }
  }
  if (json) io.out(JSON.stringify(jsonCollection(collection)));
  else for (const line of textReport(collection, out)) io.out(line);
  return anyFinding(collection) ? 1 : 0;
}
