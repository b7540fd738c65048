/**
 * Fidelity over real workbooks: every file of a folder (`../shared/corpus/real`) read, recalculated,
 * and each formula's recalculated value compared with the value the file saved. Used by the
 * corpus test and `npm run bench`; the figure is "N of M formula cells agree with the saved values".
 */
import * as fs from "fs";
import * as path from "path";
import { recalculate } from "../engine/workbook/recalculate";
import { Difference, compareSaved } from "../engine/workbook/review";
import { readWorkbook } from "../xlsx/read";

export interface CorpusAgreement {
  files: number;
  /** Files the reader refused (they have no formulas to compare). */
  unreadable: number;
  /** Formula cells with a saved value. */
  compared: number;
  agree: number;
  /** Kept at Excel's saved value, by "reason: detail". */
  kept: Map<string, number>;
  keptCells: number;
  /** Recalculated to a different value, each with its file. */
  differences: (Difference & { file: string })[];
  /** Formula cells the file saved no value for (libraries often write none). */
  unsaved: number;
}

export function corpusAgreement(dir: string): CorpusAgreement {
  const out: CorpusAgreement = { files: 0, unreadable: 0, compared: 0, agree: 0, kept: new Map(), keptCells: 0, differences: [], unsaved: 0 };
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
  for (const file of files) {
    out.files++;
    let wb;
    try {
      wb = readWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, file))));
    } catch {
      out.unreadable++;
      continue;
    }
    const recalc = recalculate(wb);
    try {
      const a = compareSaved(recalc);
      out.compared += a.compared;
      out.agree += a.agree;
      out.keptCells += a.kept;
      out.unsaved += a.unsaved;
      for (const f of recalc.formulas) {
        if (!f.kept || !f.hasSaved) continue;
        const key = `${f.kept.reason}: ${f.kept.detail}`;
        out.kept.set(key, (out.kept.get(key) ?? 0) + 1);
      }
      for (const d of a.differences) out.differences.push({ ...d, file });
    } finally {
      recalc.destroy();
    }
  }
  return out;
}

/** The differences grouped by file, most first: what the rest are. */
export function differencesByFile(a: CorpusAgreement): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of a.differences) counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
  return [...counts.entries()].sort((x, y) => y[1] - x[1]);
}
