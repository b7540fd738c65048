/**
 * Every real workbook in ../shared/corpus (see its README) read with the verdict recorded in
 * corpus-verdicts.tsv: "read N sheets, C cells, F formulas" or "refused <reason>". A change in
 * any verdict fails here, naming the file; `UPDATE_CORPUS_VERDICTS=1 npx jest test/xlsx/corpus`
 * rewrites the table after a deliberate change (review its diff).
 */
import * as fs from "fs";
import * as path from "path";
import { WorkbookReadError, readWorkbook } from "../../src/xlsx/read";

const CORPUS = path.join(__dirname, "..", "..", "..", "shared", "corpus");
const TABLE = path.join(__dirname, "corpus-verdicts.tsv");
const present = fs.existsSync(path.join(CORPUS, "manifest.tsv"));

function verdict(file: string): string {
  const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS, file)));
  try {
    const wb = readWorkbook(bytes);
    let cells = 0;
    let formulas = 0;
    for (const s of wb.sheets) {
      cells += s.cells.length;
      for (const c of s.cells) if (c.formula !== undefined) formulas++;
    }
    return `read ${wb.sheets.length} sheets, ${cells} cells, ${formulas} formulas`;
  } catch (e) {
    if (e instanceof WorkbookReadError) return `refused ${e.reason}`;
    return `CRASH ${e instanceof Error ? e.message : String(e)}`;
  }
}

if (!present) {
  test.skip(`corpus verdicts: skipped, ${CORPUS} is absent (the shared corpus is read at run time, never copied)`, () => undefined);
} else {
  const files = fs
    .readFileSync(path.join(CORPUS, "manifest.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("\t")[0]);

  test(`all ${files.length} corpus files get their recorded verdict, none crashes, every message is plain`, () => {
    const actual = new Map<string, string>();
    for (const f of files) actual.set(f, verdict(f));
    if (process.env.UPDATE_CORPUS_VERDICTS === "1") {
      fs.writeFileSync(TABLE, `file\tverdict\n${[...actual].map(([f, v]) => `${f}\t${v}`).join("\n")}\n`);
    }
    const recorded = new Map(
      fs
        .readFileSync(TABLE, "utf8")
        .split("\n")
        .slice(1)
        .filter((l) => l !== "")
        .map((l) => l.split("\t") as [string, string]),
    );
    const differences = files.filter((f) => recorded.get(f) !== actual.get(f)).map((f) => `${f}: recorded "${recorded.get(f)}", now "${actual.get(f)}"`);
    expect(differences).toEqual([]);
    expect([...recorded.keys()].filter((f) => !actual.has(f))).toEqual([]);
    expect([...actual.values()].filter((v) => v.startsWith("CRASH"))).toEqual([]);
    // No file reads as an empty workbook: every "read" has at least one sheet.
    expect([...actual.values()].filter((v) => v.startsWith("read 0 sheets"))).toEqual([]);
  });

  test("the refusals' messages say what to do, without internals", () => {
    for (const f of files) {
      try {
        readWorkbook(new Uint8Array(fs.readFileSync(path.join(CORPUS, f))));
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        const m = (e as Error).message;
        expect(m).not.toMatch(/ at |Error:|undefined|\bnull\b|https?:/);
        expect(m).toMatch(/send|save|ask|not a workbook/);
      }
    }
  });
}
