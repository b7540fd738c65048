/**
 * `ics-finance recalc <in.xlsx> [--out <out.xlsx>]`: recalculates every formula of a workbook on
 * the engine (built-ins and ICS.*, including the `_xldudf_ICS_` names Excel saves add-in
 * functions under), writes the values as the cells' cached results, and lists each failing check
 * and error cell. Exit 0 when clean, 1 when anything failed, 2 for a usage error.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import { ERROR_CODES, ErrorCode } from "../core";
import { cellAddress, parseRange, parseReference } from "../workbook/a1";
import { ContentCell, WorkbookContent, calculate, describeReview, isClean, review } from "../templates/calc";
import { resultUpdates, writeCachedValues } from "../xlsx/write";
import type { Io } from "./main";
import { parseFlags } from "./template";

export const RECALC_USAGE = `Usage: ics-finance recalc <in.xlsx> [--out <out.xlsx>]
Recalculates every formula, writes the values to --out if given, and lists each FALSE on the
Checks sheet and each error cell. Exit status: 0 clean, 1 a failing check or error cell, 2 a usage error.`;

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

/** Excel's serial day number for a date exceljs read from a date-formatted cell. */
function serial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

type Loaded = { content: ContentCell; target: ExcelJS.Cell };

interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  content: WorkbookContent;
  formulas: { sheet: ExcelJS.Worksheet; cells: Loaded[] }[];
  skippedNames: string[];
}

function constantOf(cell: ExcelJS.Cell): Omit<ContentCell, "row" | "col"> | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  if (v instanceof Date) return { value: serial(v) };
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (o.richText) return { value: o.richText.map((r) => r.text).join("") };
    if (o.error && (ERROR_CODES as readonly string[]).includes(o.error)) return { error: o.error as ErrorCode };
    if (typeof o.text === "string") return { value: o.text };
  }
  return undefined;
}

export async function loadWorkbook(file: string): Promise<LoadedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const content: WorkbookContent = { sheets: [], names: [] };
  const formulas: LoadedWorkbook["formulas"] = [];
  for (const ws of workbook.worksheets) {
    const cells: ContentCell[] = [];
    const loaded: Loaded[] = [];
    // The cells an array formula fills hold its saved values; the engine must find them empty.
    const covered = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as { shareType?: string; ref?: string } | null;
        if (cell.type === ExcelJS.ValueType.Formula && v?.shareType === "array" && v.ref) {
          const r = parseRange(v.ref);
          for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) covered.add(cellAddress(i, j));
        }
      }),
    );
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
        if (cell.type === ExcelJS.ValueType.Merge) return;
        if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
          const v = cell.value as { shareType?: string; ref?: string };
          const c: ContentCell = { ...at, formula: normaliseFormula(cell.formula), ...(v.shareType === "array" && v.ref ? { spill: v.ref } : {}) };
          cells.push(c);
          loaded.push({ content: c, target: cell });
          return;
        }
        if (covered.has(cellAddress(at.row, at.col))) return;
        const constant = constantOf(cell);
        if (constant) cells.push({ ...at, ...constant });
      }),
    );
    content.sheets.push({ name: ws.name, cells });
    formulas.push({ sheet: ws, cells: loaded });
  }
  const skippedNames: string[] = [];
  for (const n of workbook.definedNames.model as { name: string; ranges: string[] }[]) {
    if (n.name.startsWith("_xlnm.")) continue;
    const ref = n.ranges.length === 1 ? parseReference(n.ranges[0]) : undefined;
    if (ref && workbook.getWorksheet(ref.sheet)) content.names.push({ name: n.name, sheet: ref.sheet, range: ref.range });
    else skippedNames.push(n.name);
  }
  return { workbook, content, formulas, skippedNames };
}

export async function recalcCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseFlags(args, ["out"]);
  if (!parsed || parsed.words.length !== 1) {
    io.err(RECALC_USAGE);
    return 2;
  }
  const [file] = parsed.words;
  const out = parsed.values.out;
  if (!fs.existsSync(file)) {
    io.err(`ics-finance recalc: ${file}: no such file`);
    return 2;
  }
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadWorkbook(file);
  } catch (e) {
    io.err(`ics-finance recalc: ${file}: not a workbook exceljs can read (${e instanceof Error ? e.message : String(e)})`);
    return 2;
  }
  const calc = calculate(loaded.content);
  try {
    const result = review(loaded.content, calc);
    if (out) {
      // Only cached values change; every other part of the original package is kept as it was.
      const updates = resultUpdates(loaded.content, (sheet, row, col) => calc.value(sheet, row, col));
      try {
        fs.writeFileSync(out, writeCachedValues(new Uint8Array(fs.readFileSync(file)), updates));
      } catch (e) {
        io.err(`ics-finance recalc: ${file}: the values could not be written back (${e instanceof Error ? e.message : String(e)})`);
        return 2;
      }
    }
    const [summary, ...findings] = describeReview(result);
    io.out(`${file}: ${loaded.content.sheets.length} sheets, ${summary}${out ? `; values written to ${out}` : ""}`);
    if (loaded.skippedNames.length > 0) io.out(`names not loaded (not a single range): ${loaded.skippedNames.join(", ")}`);
    for (const line of findings) io.out(line);
    return isClean(result) ? 0 : 1;
  } finally {
    calc.engine.destroy();
  }
}
