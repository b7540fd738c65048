/**
 * Returns for the Returns page's browser test, made from the shipped samples (each a clean,
 * filled-in return) and changed the way real returns go wrong: a sheet's protection removed, an
 * old template version, a file cut short, the same return sent twice, a workbook that is no
 * return, and a file that is not a workbook at all.
 */
import fs from "fs";
import path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as XLSX from "xlsx";
import { ROOT } from "./browser";

export interface FixtureFile {
  name: string;
  bytes: Uint8Array;
}

const SAMPLES = path.join(ROOT, "assets", "templates");

function sample(template: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(SAMPLES, `${template}.xlsx`)));
}

/** The package with one part changed (the part must exist and the change must take). */
function withPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  if (!files[part]) throw new Error(`fixture: no ${part}`);
  const before = strFromU8(files[part]);
  const after = change(before);
  if (after === before) throw new Error(`fixture: ${part} unchanged`);
  files[part] = strToU8(after);
  return zipSync(files);
}

/** The worksheet part of a sheet, through the workbook's relationships. */
function sheetPart(bytes: Uint8Array, sheet: string): string {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`fixture: no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

export function unprotected(template: string, sheet: string): Uint8Array {
  const bytes = sample(template);
  return withPart(bytes, sheetPart(bytes, sheet), (xml) => xml.replace(/<sheetProtection [^>]*\/>/, ""));
}

export function oldVersion(template: string, version: string): Uint8Array {
  return withPart(sample(template), "docProps/custom.xml", (xml) => xml.replace(/(name="TemplateVersion"><vt:lpwstr>)[^<]*/, `$1${version}`));
}

/** An ordinary workbook someone sent by mistake: no template properties, no Cover. */
function notAReturn(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["Budget", 2026], ["Total", 1200]]), "Sheet1");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** Chosen with the file input. */
export function chosenReturns(): FixtureFile[] {
  const delegation = sample("place-delegation");
  return [
    { name: "place-delegation.xlsx", bytes: delegation },
    { name: "risk-share.xlsx", bytes: sample("risk-share") },
    { name: "system-plan.xlsx", bytes: sample("system-plan") },
    { name: "capital.xlsx", bytes: sample("capital") },
    { name: "risk-share-unprotected.xlsx", bytes: unprotected("risk-share", "Checks") },
  ];
}

/** Dropped on the drop zone (with a file that is not a return, which the page leaves out). */
export function droppedReturns(): FixtureFile[] {
  const delegation = sample("place-delegation");
  return [
    { name: "system-plan-old.xlsx", bytes: oldVersion("system-plan", "2025.1") },
    { name: "place-delegation-cut-short.xlsx", bytes: delegation.slice(0, Math.floor(delegation.length / 2)) },
    { name: "budget.xlsx", bytes: notAReturn() },
    { name: "merger.xlsx", bytes: sample("merger") },
    { name: "notes.txt", bytes: strToU8("Not a return.") },
  ];
}
