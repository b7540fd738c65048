/**
 * "Build the pot": the financial year, the units and the stream lines (stream, amount, pooled
 * share) become a "Pot" sheet with a formatted table, named ranges, =ICS.POT and
 * =ICS.POTSTREAMS, and a check that the streams add up to the pot.
 */
import { ArgValue, Cell } from "../../core";
import { STREAMS, streamIndex } from "../../core/rules/streams";
import { CellContent, WorkbookOp } from "../../workbook/port";
import { ErrorSite, Issue, issueFrom, runCore } from "./check";
import { MessageContext, ParsedError, rowName } from "./messages";
import { entryCell, usedRows } from "./entry";
import { SHARE_FORMAT, STYLE, SheetWriter, Units, absoluteRange, asText, defaultRoundTo, moneyFormat, moneyHeader, namePrefix } from "./sheet";

export interface PotLine {
  /** A stream's display name (or key); "" until chosen. */
  stream: string;
  amount: string;
  /** Pooled share, e.g. "85%" or "0.85"; blank means all of it. */
  share: string;
}

export interface PotInputs {
  year: string;
  units: Units;
  roundTo: string;
  lines: PotLine[];
}

export const STREAM_CHOICES: readonly string[] = STREAMS.map((s) => s.display);

/** The financial year a date falls in: 1 April to 31 March, written 2025/26. */
export function financialYear(date: Date): string {
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

export function blankLine(): PotLine {
  return { stream: "", amount: "", share: "" };
}

export function newPotInputs(today = new Date()): PotInputs {
  return { year: financialYear(today), units: "£000", roundTo: defaultRoundTo("£000"), lines: [blankLine(), blankLine(), blankLine()] };
}

/** The table's columns in order, for a pasted block: stream, amount, pooled share. */
export const LINE_COLUMNS = ["Stream", "Amount", "Pooled share"] as const;

/** One pasted cell into a line: a stream by its name or key (any case), or the amount or share as typed. */
export function setLineCell(line: PotLine, column: number, text: string): PotLine {
  if (column === 0) {
    const i = streamIndex(text);
    return { ...line, stream: i === undefined ? text : STREAMS[i].display };
  }
  if (column === 1) return { ...line, amount: text };
  if (column === 2) return { ...line, share: text };
  return line;
}

export function usedLines(inputs: PotInputs): PotLine[] {
  return usedRows(inputs.lines, (l) => [l.stream, l.amount, l.share]);
}

/** The arguments of ICS.POT and ICS.POTSTREAMS: amounts, streams, pooled_shares, round_to. */
export function potArgs(inputs: PotInputs): ArgValue[] {
  const lines = usedLines(inputs);
  return [lines.map((l) => [entryCell(l.amount)]), lines.map((l) => [l.stream === "" ? null : l.stream]), lines.map((l) => [entryCell(l.share)]), entryCell(inputs.roundTo)];
}

function fieldOf(site: ErrorSite): string | undefined {
  const line = site.row !== undefined ? site.row - 1 : undefined;
  switch (site.argument) {
    case "amounts":
      return line === undefined ? "lines" : `lines.${line}.amount`;
    case "streams":
      return line === undefined ? "lines" : `lines.${line}.stream`;
    case "pooled_shares":
      return line === undefined ? "lines" : `lines.${line}.share`;
    case "round_to":
      return "roundTo";
    default:
      return undefined;
  }
}

/** The pane's words for the core's sites: the field's label and the line's stream. */
export function potWords(inputs: PotInputs): MessageContext {
  const lines = usedLines(inputs);
  const line = (row: number) => rowName("line", row - 1, lines[row - 1]?.stream);
  return {
    units: inputs.units,
    label: (site: ParsedError) => {
      switch (site.argument) {
        case "amounts":
          return site.row ? `Amount, ${line(site.row)}` : "The amounts";
        case "streams":
          return site.row ? `Stream, line ${site.row}` : "The streams";
        case "pooled_shares":
          return site.row ? `Pooled share, ${line(site.row)}` : "The pooled shares";
        case "round_to":
          return "Round to";
        default:
          return undefined;
      }
    },
  };
}

/** A label, not a rule of the core: "2025/26", the second year following the first. */
export function yearIssue(year: string): Issue | undefined {
  const m = /^(\d{4})\/(\d{2})$/.exec(year.trim());
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return undefined;
  return { field: "year", message: "Write the financial year as 2025/26: the year it starts, a slash, and the last two digits of the next" };
}

export interface PotPreview {
  streams: { stream: string; amount: number }[];
  total: number;
}

export interface PotCheck {
  issues: Issue[];
  preview?: PotPreview;
}

export function checkPot(inputs: PotInputs): PotCheck {
  const issues: Issue[] = [];
  const year = yearIssue(inputs.year);
  if (year) issues.push(year);
  if (!usedLines(inputs).some((l) => l.amount.trim() !== "")) {
    // The rounding unit is still checked by the core, on a pot of no lines.
    const empty = runCore("POT", [[[null]], undefined, undefined, entryCell(inputs.roundTo)]);
    if (!empty.ok) issues.push(issueFrom(empty.error, fieldOf, potWords(inputs)));
    issues.push({ field: "lines", message: "Add at least one stream line with an amount" });
    return { issues };
  }
  const args = potArgs(inputs);
  const total = runCore("POT", args);
  if (!total.ok) return { issues: [...issues, issueFrom(total.error, fieldOf, potWords(inputs))] };
  const byStream = runCore("POTSTREAMS", args);
  if (!byStream.ok) return { issues: [...issues, issueFrom(byStream.error, fieldOf, potWords(inputs))] };
  const rows = byStream.output as Cell[][];
  return {
    issues,
    preview: { streams: rows.slice(0, -1).map((r) => ({ stream: String(r[0]), amount: r[1] as number })), total: total.output as number },
  };
}

/** Which wizard step shows a field: 0 year and units, 1 the lines. */
export function potStepOf(field: string | undefined): number {
  return field === undefined || field.startsWith("lines") ? 1 : 0;
}

/** The cells of the Pot sheet, for a sheet name that is free in the workbook. */
export function potOps(inputs: PotInputs, sheet: string): WorkbookOp[] {
  const lines = usedLines(inputs);
  const n = lines.length;
  if (n === 0) throw new Error("potOps: no lines to write");
  const p = namePrefix(sheet);
  const roundTo = entryCell(inputs.roundTo);
  const money = moneyFormat(inputs.units, roundTo);
  const first = 7;
  const last = first + n - 1;
  // POTSTREAMS spills a row per stream present plus the total; the engine reserves this many.
  const spillRows = Math.min(n, STREAMS.length) + 1;
  const spillLast = first + spillRows - 1;
  const potRow = last + 2;
  const unitsRound = `-LOG10(${p}_RoundTo)`;
  const w = new SheetWriter(sheet);

  w.cells("A1", [[`Single pot ${inputs.year.trim()}`]]).style("A1", STYLE.title);
  w.cells("A2", [["Financial year", asText(inputs.year.trim())], ["Units", asText(inputs.units)], ["Round to", roundTo]]);
  w.input("B2").input("B4").name(`${p}_RoundTo`, "B4", "Rounding unit of the pot, a power of ten in the sheet's units");

  w.cells("A6", [["Stream", moneyHeader("Amount", inputs.units), "Pooled share (blank = 100%)"]]).style("A6:C6", STYLE.header);
  w.cells(`A${first}`, lines.map((l): CellContent[] => [l.stream, entryCell(l.amount), entryCell(l.share)]));
  w.input(`A${first}:C${last}`).format(`B${first}:B${last}`, money).format(`C${first}:C${last}`, SHARE_FORMAT);
  w.name(`${p}_Streams`, `A${first}:A${last}`, "Stream of each budget line");
  w.name(`${p}_Amounts`, `B${first}:B${last}`, "Budget lines brought into the pot");
  w.name(`${p}_Shares`, `C${first}:C${last}`, "Share of each line pooled (blank = 100%)");
  // Range arguments as absolute references, scalar inputs as names (sheet.ts, RANGE_ARGUMENTS).
  const args = [absoluteRange("B", first, last), absoluteRange("A", first, last), absoluteRange("C", first, last), `${p}_RoundTo`].join(",");

  w.cells(`A${potRow}`, [["Pot", `=ICS.POT(${args})`]]).style(`A${potRow}:B${potRow}`, STYLE.result).format(`B${potRow}`, money);
  w.name(`${p}_Total`, `B${potRow}`, "The single pot");

  w.cells("E6", [["Pot by stream", moneyHeader("Pooled", inputs.units)]]).style("E6:F6", STYLE.header);
  w.cells(`E${first}`, [[`=ICS.POTSTREAMS(${args})`]]).format(`F${first}:F${spillLast}`, money);
  w.name(`${p}_ByStream`, `E${first}:F${spillLast}`, "The pot by stream, then the total");

  w.cells(`A${potRow + 1}`, [
    ["Check: streams add up to the pot", `=ROUND(SUMIF(E${first}:E${spillLast},"<>Total",F${first}:F${spillLast}),${unitsRound})=ROUND(${p}_Total,${unitsRound})`],
  ]).style(`A${potRow + 1}:B${potRow + 1}`, STYLE.check);
  w.cells(`A${potRow + 3}`, [["Change the yellow inputs and the formulas recalculate. Written by the ICS Finance add-in."]]).style(`A${potRow + 3}`, STYLE.note);

  w.width("A", 34).width("B", 16).width("C", 16).width("D", 3).width("E", 32).width("F", 16);
  return w.finish();
}
