/**
 * Fidelity over the real workbooks of ../shared/corpus: each formula recalculated on the engine
 * against the value Excel (or the library that wrote the file) saved. Prints the figure; fails if
 * it falls below what it is now, or if a file throws instead of getting a verdict.
 */
import * as fs from "fs";
import * as path from "path";
import { corpusAgreement, differencesByFile } from "../../../src/cli/corpus";
import { recalculate } from "../../../src/engine/workbook/recalculate";
import { sameValue } from "../../../src/engine/workbook/review";
import { readWorkbook } from "../../../src/xlsx/read";

const CORPUS = path.join(__dirname, "..", "..", "..", "..", "shared", "corpus", "real");
const present = fs.existsSync(CORPUS);
if (!present) console.log(`Skipping the corpus agreement test: ${CORPUS} is absent (see shared/corpus/README.md).`);
const describeIfCorpus = present ? describe : describe.skip;

describeIfCorpus("recalculated values agree with the saved ones over the corpus", () => {
  test("N of M formula cells agree", () => {
    const a = corpusAgreement(CORPUS);
    const share = a.agree / a.compared;
    const byFile = differencesByFile(a)
      .slice(0, 5)
      .map(([file, n]) => `  ${n}\t${file}`)
      .join("\n");
    const kept = [...a.kept.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 8)
      .map(([k, n]) => `  ${n}\t${k}`)
      .join("\n");
    console.log(
      `${a.agree} of ${a.compared} formula cells agree with the saved values (${(100 * share).toFixed(2)}%) over ${a.files} files; ` +
        `${a.keptCells} kept as saved (not recalculated), ${a.differences.length} differ, ${a.unsaved} saved no value.\n` +
        `Differences by file:\n${byFile}\nKept, by cause:\n${kept}`,
    );
    expect(a.compared).toBeGreaterThan(3000);
    expect(share).toBeGreaterThanOrEqual(0.98);
    // Kept cells carry Excel's value; with them, what the engine shows matches the file even more closely.
    expect((a.agree + a.keptCells) / a.compared).toBeGreaterThanOrEqual(0.995);
  }, 120000);
});

describeIfCorpus("hidden rows from a real file", () => {
  test("LibreOffice's AGGREGATE test sheet: its hidden row is read, and every option agrees with the saved values", () => {
    const file = path.join(CORPUS, "ClosedXML+ClosedXML__ClosedXML.Tests_Resource_TryToLoad_LO_xlsx_functions-excel-2010.xlsx");
    const wb = readWorkbook(new Uint8Array(fs.readFileSync(file)));
    const sheet2 = wb.sheets.find((s) => s.name === "Sheet2")!;
    expect(sheet2.hiddenRows).toEqual([5]);
    const r = recalculate(wb);
    try {
      const aggregates = r.formulas.filter((f) => f.sheet === "Sheet2" && f.formula.includes("AGGREGATE") && f.hasSaved);
      expect(aggregates.length).toBeGreaterThan(150);
      const differing = aggregates.filter((f) => !f.kept && !sameValue(f.saved, r.value(f.sheet, f.row, f.col)));
      expect(differing.map((f) => `${f.formula} saved ${JSON.stringify(f.saved)}`)).toEqual([]);
    } finally {
      r.destroy();
    }
  });
});
