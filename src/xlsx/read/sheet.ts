/**
 * One worksheet part: its cells (values, formulas plain, shared, array and dynamic-array, cached
 * results), protection, merges and data validations. Merges and validations are kept as the
 * ranges the file states ("A1:XFD1048576" is one string), never expanded to cells.
 */
import { ERROR_CODES, ErrorCode } from "../../core";
import { WorkbookReadError } from "../errors";
import type { FormulaKind, ReadCell } from "../model";
import { MAX_COL, MAX_ROW, formulaDepth, shiftFormula } from "./formula";
import type { ReadLimits } from "./limits";
import type { Package } from "./package";
import { TextCollector } from "./package";
import { isTrue } from "./parts";
import { unescapeXstring } from "./strings";
import type { Attributes, XmlHandler } from "./xml";

export interface SheetContext {
  sheetName: string;
  readonly strings: readonly string[];
  /** Index `cm` → whether that cell metadata marks a dynamic array. */
  readonly dynamicArray: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: ReadLimits;
  /** Filled cells read so far in the workbook, shared across sheets for `maxCells`. */
  cellCount: { n: number };
  /** Characters of shared-formula text filled in so far, for `maxSharedFormulaChars`. */
  sharedChars: { n: number };
  warn(text: string): void;
}

export interface SheetPart {
  cells: ReadCell[];
  protected: boolean;
  merges: string[];
  /** Zero-based rows saved with hidden="1", ascending. */
  hiddenRows: number[];
  validations: { sqref: string; type: string; formula1?: string }[];
  tableRids: string[];
}

interface MutableCell {
  row: number;
  col: number;
  value?: string | number | boolean;
  error?: ErrorCode;
  formula?: string;
  formulaKind?: FormulaKind;
  ref?: string;
  unreadFormula?: string;
}

const ERRORS: ReadonlySet<string> = new Set(ERROR_CODES);

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, col: number): string {
  return `${letters(col)}${row + 1}`;
}

/** "B12" → [11, 1]; undefined if it is not a cell on the sheet. */
function parseCellRef(r: string): [number, number] | undefined {
  const n = r.length;
  let i = 0;
  let col = 0;
  while (i < n) {
    const c = r.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    i++;
  }
  if (i === 0 || i > 3 || col > MAX_COL) return undefined;
  let row = 0;
  const digits = i;
  while (i < n) {
    const c = r.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
    i++;
  }
  if (i === digits || i - digits > 7 || row < 1 || row > MAX_ROW) return undefined;
  return [row - 1, col - 1];
}

const DAY_MS = 86400000;

/** A `t="d"` cell's ISO 8601 date-time as a serial number in the workbook's date system. */
export function isoToSerial(text: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(text.trim());
    if (!t) return undefined;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(`0.${t[4] ?? 0}`)) / 86400;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)) + Math.round(Number(`0.${m[7] ?? 0}`) * 1000);
  if (!Number.isFinite(ms)) return undefined;
  if (date1904) return (ms - Date.UTC(1904, 0, 1)) / DAY_MS;
  const serial = (ms - Date.UTC(1899, 11, 30)) / DAY_MS;
  // Excel's 1900 system counts a 29 February 1900 that never was: dates before March 1900 are one less.
  return serial < 61 ? serial - 1 : serial;
}

class SheetReader implements XmlHandler {
  readonly out: SheetPart = { cells: [], protected: false, merges: [], hiddenRows: [], validations: [], tableRids: [] };
  private readonly ctx: SheetContext;
  private readonly collector = new TextCollector();
  private readonly stack: string[] = [];
  private inSheetData = false;
  private row = -1;
  private col = -1;
  // The cell being read.
  private cell: MutableCell | undefined;
  private cellType = "n";
  private cellCm = 0;
  private v: string | undefined;
  private f: string | undefined;
  private fType = "normal";
  private fRef: string | undefined;
  private fSi: string | undefined;
  private inIs = false;
  private phonetic = 0;
  private isPieces: string[] = [];
  // Shared formulas: the master's cell and text by `si`; cells that came before their master.
  private readonly masters = new Map<string, { row: number; col: number; text: string; unread?: string }>();
  private readonly orphans: { cell: MutableCell; si: string }[] = [];
  private ordered = true;
  private validation: { sqref: string; type: string; formula1?: string } | undefined;
  private collecting: "formula1" | "sqref" | undefined;
  private badRefs = 0;
  private badValues = 0;

  constructor(ctx: SheetContext) {
    this.ctx = ctx;
  }

  open(local: string, a: Attributes): void {
    const stack = this.stack;
    const parent = stack.length > 0 ? stack[stack.length - 1] : "";
    stack.push(local);
    if (this.inSheetData) {
      if (local === "c" && parent === "row") this.openCell(a);
      else if (this.cell) {
        if (local === "v" && parent === "c") this.collector.start();
        else if (local === "f" && parent === "c") {
          this.fType = a.get("t") ?? "normal";
          this.fRef = a.get("ref");
          this.fSi = a.get("si");
          this.collector.start();
        } else if (local === "is" && parent === "c") {
          this.inIs = true;
          if (this.isPieces.length > 0) this.isPieces = [];
        } else if (this.inIs) {
          if (local === "rPh") this.phonetic++;
          else if (local === "t" && this.phonetic === 0) this.collector.start();
        }
      } else if (local === "row" && parent === "sheetData") {
        const r = a.get("r");
        const n = r === undefined ? this.row + 2 : Number(r);
        if (Number.isInteger(n) && n >= 1 && n <= MAX_ROW) this.row = n - 1;
        else {
          this.badRefs++;
          this.row++;
        }
        const hidden = a.get("hidden");
        if (hidden === "1" || hidden === "true") this.out.hiddenRows.push(this.row);
        this.col = -1;
      }
      return;
    }
    if (local === "sheetData" && stack.length === 2) this.inSheetData = true;
    else if (local === "mergeCell" && parent === "mergeCells") {
      const ref = a.get("ref");
      if (ref) this.out.merges.push(ref);
    } else if (local === "dataValidation" && parent === "dataValidations") {
      this.validation = { sqref: a.get("sqref") ?? "", type: a.get("type") ?? "none" };
    } else if (this.validation && parent === "dataValidation" && (local === "formula1" || local === "sqref")) {
      this.collecting = local;
      this.collector.start();
    } else if (local === "sheetProtection" && stack.length === 2) this.out.protected = isTrue(a.get("sheet"));
    else if (local === "tablePart" && parent === "tableParts") {
      const id = a.getPrefixed("id") ?? a.get("id");
      if (id) this.out.tableRids.push(id);
    }
  }

  close(local: string): void {
    this.stack.pop();
    if (this.inSheetData) {
      if (local === "sheetData") this.inSheetData = false;
      else if (this.cell) {
        if (local === "c" && this.stack[this.stack.length - 1] === "row") this.closeCell();
        else if (local === "v" && this.collector.active) this.v = this.collector.finish();
        else if (local === "f" && this.collector.active) this.f = this.collector.finish();
        else if (this.inIs) {
          if (local === "is") this.inIs = false;
          else if (local === "rPh") this.phonetic--;
          else if (local === "t" && this.collector.active) this.isPieces.push(this.collector.finish());
        }
      }
      return;
    }
    if (this.collecting && local === this.collecting && this.validation) {
      const t = this.collector.finish().trim();
      if (local === "formula1") this.validation.formula1 = t;
      else this.validation.sqref = t;
      this.collecting = undefined;
    } else if (local === "dataValidation" && this.validation) {
      if (this.validation.sqref) this.out.validations.push(this.validation);
      this.validation = undefined;
    }
  }

  text(s: string, start: number, end: number): void {
    if (this.collector.active) this.collector.add(s, start, end);
  }

  cdata(t: string): void {
    if (this.collector.active) this.collector.addLiteral(t);
  }

  private openCell(a: Attributes): void {
    const r = a.get("r");
    let at: [number, number] | undefined;
    if (r === undefined) at = this.row >= 0 && this.col + 1 < MAX_COL ? [this.row, this.col + 1] : undefined;
    else at = parseCellRef(r);
    if (!at) {
      this.badRefs++;
      this.cell = { row: -1, col: -1 };
    } else {
      this.row = at[0];
      this.col = at[1];
      this.cell = { row: at[0], col: at[1] };
    }
    this.cellType = a.get("t") ?? "n";
    const cm = a.get("cm");
    this.cellCm = cm === undefined ? 0 : Number(cm);
    this.v = undefined;
    this.f = undefined;
    this.fType = "normal";
    this.fRef = undefined;
    this.fSi = undefined;
    this.inIs = false;
    this.phonetic = 0;
    if (this.isPieces.length > 0) this.isPieces = [];
  }

  private closeCell(): void {
    const cell = this.cell!;
    this.cell = undefined;
    if (cell.row < 0) return;
    this.readValue(cell);
    if (this.f !== undefined || this.fType === "shared" || this.fType === "dataTable") this.readFormula(cell);
    if (cell.value === undefined && cell.error === undefined && cell.formula === undefined && cell.unreadFormula === undefined) return;
    const ctx = this.ctx;
    if (++ctx.cellCount.n > ctx.limits.maxCells) {
      throw new WorkbookReadError(
        "limit",
        `the workbook has more than ${ctx.limits.maxCells.toLocaleString("en-GB")} filled cells, more than the reader accepts from a returned workbook; if the file is genuine, ask for unused rows and sheets to be removed, or for it to be split`,
      );
    }
    const cells = this.out.cells;
    if (this.ordered && cells.length > 0) {
      const last = cells[cells.length - 1];
      if (cell.row < last.row || (cell.row === last.row && cell.col <= last.col)) this.ordered = false;
    }
    cells.push(cell);
  }

  private readValue(cell: MutableCell): void {
    const v = this.v;
    switch (this.cellType) {
      case "s": {
        if (v === undefined || v.trim() === "") return;
        const s = this.ctx.strings[Number(v)];
        if (s === undefined) this.badValues++;
        else cell.value = s;
        return;
      }
      case "str":
        if (v !== undefined) cell.value = unescapeXstring(v);
        return;
      case "inlineStr":
        if (this.isPieces.length > 0) cell.value = unescapeXstring(this.isPieces.join(""));
        else if (v !== undefined) cell.value = unescapeXstring(v);
        return;
      case "b":
        if (v === undefined || v.trim() === "") return;
        cell.value = isTrue(v);
        return;
      case "e": {
        if (v === undefined) return;
        const e = v.trim();
        if (ERRORS.has(e)) cell.error = e as ErrorCode;
        else if (e !== "") {
          // Errors newer than the engine knows (#GETTING_DATA, #BLOCKED!, #CONNECT!…): as #VALUE!.
          cell.error = "#VALUE!";
          this.ctx.warn(`${this.ctx.sheetName}!${address(cell.row, cell.col)} holds the error ${e.slice(0, 20)}, read as #VALUE!`);
        }
        return;
      }
      case "d": {
        if (v === undefined || v.trim() === "") return;
        const serial = isoToSerial(v, this.ctx.date1904);
        if (serial === undefined) this.badValues++;
        else cell.value = serial;
        return;
      }
      default: {
        if (v === undefined) return;
        const t = v.trim();
        if (t === "") return;
        const n = Number(t);
        if (Number.isFinite(n)) cell.value = n;
        else this.badValues++;
      }
    }
  }

  private readFormula(cell: MutableCell): void {
    const ctx = this.ctx;
    const text = this.f ?? "";
    const where = `${ctx.sheetName}!${address(cell.row, cell.col)}`;
    if (this.fType === "dataTable") {
      cell.unreadFormula = "a what-if data table (TABLE): its values are Excel's";
      ctx.warn(`${where} is part of a what-if data table: its saved values are kept`);
      return;
    }
    if (this.fType === "shared" && this.fSi !== undefined) {
      const si = this.fSi;
      if (text.trim() !== "") {
        // The master (the first cell of the shared range); some writers repeat the text in every cell.
        const unread = this.unreadReason(text);
        if (!this.masters.has(si)) this.masters.set(si, { row: cell.row, col: cell.col, text, unread });
        this.setFormula(cell, text, unread, where);
        return;
      }
      const master = this.masters.get(si);
      if (!master) {
        this.orphans.push({ cell, si });
        return;
      }
      this.fromMaster(cell, master, where);
      return;
    }
    if (text.trim() === "") return;
    this.setFormula(cell, text, this.unreadReason(text), where);
    if (this.fType === "array") {
      cell.formulaKind = this.cellCm > 0 && this.ctx.dynamicArray[this.cellCm] ? "dynamic" : "array";
      cell.ref = this.fRef && this.fRef.trim() !== "" ? this.fRef.trim() : address(cell.row, cell.col);
    }
  }

  private fromMaster(cell: MutableCell, master: { row: number; col: number; text: string; unread?: string }, where: string): void {
    if (master.unread) {
      cell.unreadFormula = master.unread;
      this.ctx.warn(`${where}: ${master.unread}; its saved value is kept`);
      return;
    }
    const l = this.ctx.limits;
    if ((this.ctx.sharedChars.n += master.text.length) > l.maxSharedFormulaChars) {
      throw new WorkbookReadError(
        "limit",
        `the workbook's shared formulas fill in more than ${l.maxSharedFormulaChars.toLocaleString("en-GB")} characters of formula text, more than the reader accepts from a returned workbook; if the file is genuine, ask for it to be split`,
      );
    }
    cell.formula = shiftFormula(master.text, cell.row - master.row, cell.col - master.col);
    cell.formulaKind = "plain";
  }

  private unreadReason(text: string): string | undefined {
    const l = this.ctx.limits;
    if (text.length > l.maxFormulaLength) return `the formula is ${text.length.toLocaleString("en-GB")} characters long, over the reader's limit of ${l.maxFormulaLength.toLocaleString("en-GB")}`;
    const depth = formulaDepth(text);
    if (depth > l.maxFormulaDepth) return `the formula nests ${depth} levels deep, over the reader's limit of ${l.maxFormulaDepth}`;
    return undefined;
  }

  private setFormula(cell: MutableCell, text: string, unread: string | undefined, where: string): void {
    if (unread) {
      cell.unreadFormula = unread;
      this.ctx.warn(`${where}: ${unread}; its saved value is kept`);
      return;
    }
    cell.formula = text;
    cell.formulaKind = "plain";
  }

  finish(): SheetPart {
    const ctx = this.ctx;
    for (const { cell, si } of this.orphans) {
      const master = this.masters.get(si);
      const where = `${ctx.sheetName}!${address(cell.row, cell.col)}`;
      if (master) this.fromMaster(cell, master, where);
      else {
        cell.unreadFormula = "a shared formula whose first cell is missing";
        ctx.warn(`${where} has a shared formula whose first cell is missing: its saved value is kept`);
      }
    }
    if (this.badRefs > 0) ctx.warn(`${ctx.sheetName}: ${this.badRefs} rows or cells with an address outside the sheet were passed over`);
    if (this.badValues > 0) ctx.warn(`${ctx.sheetName}: ${this.badValues} cell values that could not be read were passed over`);
    let cells = this.out.cells;
    if (!this.ordered) {
      cells.sort((a, b) => a.row - b.row || a.col - b.col);
      // A cell written twice: the later one wins, as it would in a sequential reader.
      const unique: ReadCell[] = [];
      for (const c of cells) {
        const last = unique[unique.length - 1];
        if (last && last.row === c.row && last.col === c.col) unique[unique.length - 1] = c;
        else unique.push(c);
      }
      if (unique.length !== cells.length) ctx.warn(`${ctx.sheetName}: ${cells.length - unique.length} cells written twice; the last of each was read`);
      cells = unique;
      this.out.cells = cells;
    }
    return this.out;
  }
}

/** Reads a worksheet part; undefined if the package has no such part. */
export function readSheetPart(pkg: Package, part: string, ctx: SheetContext): SheetPart | undefined {
  const reader = new SheetReader(ctx);
  if (!pkg.xml(part, reader)) return undefined;
  return reader.finish();
}
