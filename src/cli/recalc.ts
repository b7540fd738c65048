/**
 * `ics-finance recalc <in.xlsx> [--out <out.xlsx>]`: recalculates every formula of a workbook on
 * the engine (built-ins and ICS.*, including the `_xldudf_ICS_` names Excel saves add-in
 * functions under), writes the values as the cells' cached results, and lists each failing check
 * and error cell. Exit 0 when clean, 1 when anything failed, 2 for a usage error.
 */
import * as fs from "fs";
import { Rect, parseRange, parseReference } from "../workbook/a1";
import type { ReadWorkbook } from "../xlsx/model";
import { WorkbookReadError, readWorkbook } from "../xlsx/read";
import { recalculate } from "../engine/workbook/recalculate";
import { Agreement, Review, compareSaved, describeAgreement, describeKept, describeReview, isClean, keptFindings, reviewRecalculation } from "../engine/workbook/review";
import type { Calculated, ContentCell, WorkbookContent } from "../templates/calc";
import { resultUpdates, writeCachedValues } from "../xlsx/write";
import { Io, plainMessage } from "./main";
import { tooLargeToRead } from "./fileSize";
import { parseFlags } from "./template";

export const RECALC_USAGE = `Usage: ics-finance recalc [--json] [--compare] <in.xlsx> [--out <out.xlsx>]
Recalculates every formula, writes the values to --out if given, and lists each FALSE on the
Checks sheet, each error cell, and each formula kept at Excel's saved value (not recalculated:
a function the engine lacks, an external link); --compare also lists every cell whose
recalculated value differs from the value the file saved; --json prints the same as one JSON
object. Exit status: 0 clean, 1 a failing check, an error cell or (with --compare) a value that
differs, 2 a usage error or a file that cannot be read (with what to do).`;

/**
 * Formula text as Excel saves it, as the engine reads it: `_xldudf_ICS_POT(` is `ICS.POT(`,
 * `_xlfn.` prefixes of newer built-ins go, and the bare constants TRUE and FALSE become TRUE()
 * and FALSE() (the engine has them only as functions). Quoted text and sheet names are left alone.
 */
export function normaliseFormula(formula: string): string {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  return text
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/_xldudf_ICS_([A-Za-z0-9_]+)\s*\(/gi, (_, name: string) => `ICS.${name.toUpperCase()}(`)
            .replace(/_xlfn\.(_xlws\.)?/gi, "")
            .replace(/(^|[^A-Za-z0-9_.!$'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi, (_, before: string, constant: string) => `${before}${constant.toUpperCase()}()`),
    )
    .join("");
}

interface LoadedWorkbook {
  read: ReadWorkbook;
  content: WorkbookContent;
  skippedNames: string[];
}

/**
 * The reader's workbook as the recalculation's `WorkbookContent` (until the recalculation reads
 * `ReadWorkbook` itself): formulas normalised for the engine, the cells an array formula fills
 * left empty for the engine to fill, formulas the reader did not read kept as their saved values,
 * and workbook-scoped names of one range (others listed as not loaded).
 */
export function contentFromRead(wb: ReadWorkbook): { content: WorkbookContent; skippedNames: string[] } {
  const content: WorkbookContent = { sheets: [], names: [] };
  for (const sheet of wb.sheets) {
    const blocks: Rect[] = [];
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.ref === undefined) continue;
      try {
        blocks.push(parseRange(c.ref));
      } catch {
        // a block outside the sheet: the anchor alone
      }
    }
    blocks.sort((a, b) => a.top - b.top);
    let next = 0;
    let active: Rect[] = [];
    let activeRow = -1;
    const cells: ContentCell[] = [];
    for (const c of sheet.cells) {
      if (blocks.length > 0) {
        if (c.row !== activeRow) {
          activeRow = c.row;
          active = active.filter((b) => b.bottom >= c.row);
          while (next < blocks.length && blocks[next].top <= c.row) {
            if (blocks[next].bottom >= c.row) active.push(blocks[next]);
            next++;
          }
        }
        // The cells an array formula fills hold its saved values; the engine must find them empty.
        if (c.formula === undefined && active.some((b) => c.col >= b.left && c.col <= b.right)) continue;
      }
      const at = { row: c.row, col: c.col };
      if (c.formula !== undefined) cells.push({ ...at, formula: normaliseFormula(c.formula), ...(c.ref !== undefined && c.formulaKind !== "plain" ? { spill: c.ref } : {}) });
      else if (c.error !== undefined) cells.push({ ...at, error: c.error });
      else if (c.value !== undefined) cells.push({ ...at, value: c.value });
    }
    content.sheets.push({ name: sheet.name, cells });
  }
  const skippedNames: string[] = [];
  const sheetNames = new Set(wb.sheets.map((s) => s.name));
  for (const n of wb.names) {
    if (n.name.startsWith("_xlnm.")) continue;
    const ref = n.scope === undefined ? parseReference(n.refersTo) : undefined;
    if (ref && sheetNames.has(ref.sheet)) content.names.push({ name: n.name, sheet: ref.sheet, range: ref.range });
    else skippedNames.push(n.name);
  }
  return { content, skippedNames };
}

/** Reads `file` through the file layer's reader; throws `WorkbookReadError` for an unreadable file. */
export function loadWorkbook(file: string): LoadedWorkbook {
  const tooLarge = tooLargeToRead(fs.statSync(file).size);
  if (tooLarge) throw new WorkbookReadError("limit", tooLarge);
  const read = readWorkbook(new Uint8Array(fs.readFileSync(file)));
  return { read, ...contentFromRead(read) };
}

/** `--json`: the same verdict as the text report, as one JSON object. */
function jsonReport(file: string, loaded: LoadedWorkbook, result: Review, out: string | undefined, extra: { notRecalculated: object[]; compare?: Agreement }): object {
  const byError = new Map<string, { error: string; message: string; cells: string[] }>();
  for (const e of result.errors) {
    const key = `${e.error}\t${e.message}`;
    const entry = byError.get(key) ?? { error: e.error, message: e.message, cells: [] };
    entry.cells.push(`${e.sheet}!${e.address}`);
    byError.set(key, entry);
  }
  return {
    file,
    readable: true,
    clean: isClean(result),
    sheets: loaded.content.sheets.length,
    formulas: result.formulas,
    errorCells: result.errors.length,
    checks: { total: result.checks.length, passed: result.checks.filter((c) => c.passed).length },
    failingChecks: result.checks.filter((c) => !c.passed).map((c) => ({ cell: `${c.sheet}!${c.address}`, label: c.label })),
    errors: [...byError.values()],
    notRecalculated: extra.notRecalculated,
    ...(extra.compare
      ? {
          compare: {
            compared: extra.compare.compared,
            agree: extra.compare.agree,
            kept: extra.compare.kept,
            unsaved: extra.compare.unsaved,
            differences: extra.compare.differences.map((d) => ({ cell: `${d.sheet}!${d.cell}`, formula: d.formula, saved: d.saved, recalculated: d.recalculated, volatile: d.volatile })),
          },
        }
      : {}),
    warnings: loaded.read.warnings,
    ...(out ? { written: out } : {}),
  };
}

export async function recalcCommand(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const compare = args.includes("--compare");
  const parsed = parseFlags(
    args.filter((a) => a !== "--json" && a !== "--compare"),
    ["out"],
  );
  if (!parsed || parsed.words.length !== 1) {
    io.err(RECALC_USAGE);
    return 2;
  }
  const [file] = parsed.words;
  const out = parsed.values.out;
  const refuse = (reason: string, message: string) => {
    if (json) io.out(JSON.stringify({ file, readable: false, reason, message }));
    else io.err(`ics-finance recalc: ${file}: ${message}`);
    return 2;
  };
  if (!fs.existsSync(file)) return refuse("no-file", "no such file");
  if (fs.statSync(file).isDirectory()) return refuse("no-file", "a folder, not a workbook file");
  let loaded: LoadedWorkbook;
  try {
    loaded = loadWorkbook(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) return refuse(e.reason, e.message);
    const code = (e as { code?: string }).code;
    if (code === "EACCES" || code === "EPERM") return refuse("no-file", "the file cannot be opened (no permission to read it)");
    if (code === "EISDIR") return refuse("no-file", "a folder, not a workbook file");
    // Anything else is a fault of the reader, not of the file: still a plain message.
    return refuse("internal", "the reader failed on this file (a fault in ics-finance, not in the file): please report it with the file");
  }
  const recalc = recalculate(loaded.read);
  const calc: Calculated = { engine: recalc.engine, value: recalc.value, recalculation: recalc };
  try {
    const result = reviewRecalculation(recalc, loaded.read.sheets);
    const kept = keptFindings(recalc);
    const agreement = compare ? compareSaved(recalc) : undefined;
    const differs = agreement ? agreement.differences.some((d) => !d.volatile) : false;
    const code = isClean(result) && !differs ? 0 : 1;
    if (out) {
      // Only cached values change; every other part of the original package is kept as it was.
      const updates = resultUpdates(loaded.content, (sheet, row, col) => calc.value(sheet, row, col));
      try {
        fs.writeFileSync(out, writeCachedValues(new Uint8Array(fs.readFileSync(file)), updates));
      } catch (e) {
        io.err(`ics-finance recalc: ${file}: the values could not be written back to ${out} (${plainMessage(e)})`);
        return 2;
      }
    }
    if (json) {
      io.out(JSON.stringify(jsonReport(file, loaded, result, out, { notRecalculated: kept.map((k) => ({ reason: k.reason, detail: k.detail, cells: k.cells })), compare: agreement })));
      return code;
    }
    const [summary, ...findings] = describeReview(result);
    io.out(`${file}: ${loaded.read.sheets.length} sheets, ${summary}${out ? `; values written to ${out}` : ""}`);
    for (const line of findings) io.out(line);
    for (const line of describeKept(kept)) io.out(line);
    if (agreement) for (const line of describeAgreement(agreement)) io.out(line);
    for (const w of loaded.read.warnings) io.out(`note\t${w}`);
    return code;
  } finally {
    recalc.destroy();
  }
}
