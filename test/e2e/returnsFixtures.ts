/**
 * Returns for the Returns page's browser test: the shipped samples (each a clean, filled-in
 * return) given organisation codes of their own, then changed the way real returns go wrong by
 * the fixtures module (src/fixtures/tamper.ts), and a workbook that is no return at all. Each
 * comes with the findings planted in it, as [kind, sheet, cell].
 */
import fs from "fs";
import path from "path";
import { strToU8 } from "fflate";
import * as XLSX from "xlsx";
import { asOldExcel, changeFormula, changeSavedValue, clearCover, renameSheet, setCoverInputs, setTemplateVersion, truncated, typeOverFormula, unprotectSheet } from "../../src/fixtures/tamper";
import { ROOT } from "./browser";

export type Planted = (string | null)[];

export interface FixtureFile {
  name: string;
  bytes: Uint8Array;
  /** The findings planted in it (for a return; none for what the page leaves out). */
  planted?: Planted[];
}

function sample(template: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(ROOT, "assets", "templates", `${template}.xlsx`)));
}

/** An ordinary workbook someone sent by mistake: no template properties, no Cover. */
function notAReturn(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Budget", 2026], ["Total", 1200]]), "Sheet1");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** The organisation codes the returns carry, and one that sends none. */
export const SENT = ["QZN", "QZR", "QZA", "QZB", "QZD", "QZE", "QZF", "QZG"];
export const NEVER_SENT = "QZX";

let made: { chosen: FixtureFile[]; dropped: FixtureFile[] } | undefined;

function make(): { chosen: FixtureFile[]; dropped: FixtureFile[] } {
  const delegation = sample("place-delegation");
  const as = (code: string, bytes = delegation) => setCoverInputs(bytes, { OrganisationCode: code });
  const chosen: FixtureFile[] = [
    { name: "01-clean.xlsx", bytes: delegation, planted: [] },
    { name: "02-clean-risk-share.xlsx", bytes: as("QZR", sample("risk-share")), planted: [] },
    { name: "03-typed-over.xlsx", bytes: typeOverFormula(as("QZA"), "Lines", "G9"), planted: [["hard-coded", "Lines", "G9"]] },
    { name: "04-saved-value.xlsx", bytes: changeSavedValue(as("QZB"), "Lines", "G10", 12345), planted: [["value-differs", "Lines", "G10"]] },
    { name: "05-renamed-sheet.xlsx", bytes: renameSheet(as("QZD"), "Lines", "Service lines"), planted: [["missing-sheet", "Lines", null]] },
    { name: "06-unprotected.xlsx", bytes: unprotectSheet(as("QZE"), "Places"), planted: [["unprotected", "Places", null]] },
  ];
  const dropped: FixtureFile[] = [
    { name: "07-old-version.xlsx", bytes: setTemplateVersion(as("QZF"), "2025.1"), planted: [["old-version", null, null]] },
    { name: "08-blank-cover.xlsx", bytes: clearCover(delegation), planted: ["B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12"].map((cell) => ["cover-incomplete", "Cover", cell]) },
    { name: "09-sent-twice.xlsx", bytes: delegation, planted: [] },
    { name: "10-cut-short.xlsx", bytes: truncated(delegation), planted: [["unreadable", null, null]] },
    { name: "11-formula-changed.xlsx", bytes: changeFormula(as("QZG"), "Lines", "D17", "SUM(D9:D15)"), planted: [["formula-changed", "Lines", "D17"]] },
    { name: "12-old-excel.xlsx", bytes: asOldExcel(), planted: [["unreadable", null, null]] },
    { name: "13-not-a-return.xlsx", bytes: notAReturn(), planted: [["not-a-return", null, null]] },
    { name: "notes.txt", bytes: strToU8("Not a return: the page leaves it out.") },
  ];
  return { chosen, dropped };
}

/** Chosen with the file input. */
export function chosenReturns(): FixtureFile[] {
  made ??= make();
  return made.chosen;
}

/** Dropped on the drop zone, with a file that is not a return, which the page leaves out. */
export function droppedReturns(): FixtureFile[] {
  made ??= make();
  return made.dropped;
}
