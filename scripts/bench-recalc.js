/**
 * The recalculation figures of `npm run bench`: agreement with the saved values over the real
 * workbooks of ../shared/corpus ("N of M formula cells agree"), with what the rest are, and the
 * time to recalculate and review a return with 10,000 and with 20,000 checks (linear: twice the
 * checks, about twice the time). Loads the compiled code from dist-cli/; nothing is asserted.
 */
"use strict";
const fs = require("fs");
const path = require("path");

function median(fn, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

/** A return with `n` checks: Data!B{i} and C{i} compared on Checks!B{i}, each labelled in A{i}; one in ten FALSE. */
function checksWorkbook(n) {
  const data = [];
  const checks = [];
  for (let i = 0; i < n; i++) {
    data.push({ row: i, col: 1, value: i }, { row: i, col: 2, value: i % 10 === 0 ? i + 1 : i });
    checks.push({ row: i, col: 0, value: `Line ${i + 1} balances` }, { row: i, col: 1, formula: `Data!B${i + 1}=Data!C${i + 1}`, formulaKind: "plain", value: true });
  }
  const sheet = (name, cells) => ({ name, part: "", state: "visible", cells, protected: false, merges: [], validations: [] });
  return {
    sheets: [sheet("Data", data), sheet("Checks", checks)],
    names: [],
    tables: [],
    date1904: false,
    calc: { mode: "auto", fullCalcOnLoad: false },
    customProperties: {},
    hasMacros: false,
    externalLinks: 0,
    warnings: [],
  };
}

function benchRecalc(distCli, root) {
  const { recalculate } = require(path.join(distCli, "engine", "workbook", "recalculate.js"));
  const { reviewRecalculation, describeReview } = require(path.join(distCli, "engine", "workbook", "review.js"));
  const { corpusAgreement, differencesByFile } = require(path.join(distCli, "cli", "corpus.js"));
  const line = (label, value) => console.log(`  ${label.padEnd(58)}${value}`);

  console.log("\nRecalculating a return (recalculate + review + report, median of 3)");
  const figures = [];
  for (const n of [10000, 20000]) {
    const wb = checksWorkbook(n);
    let failing = 0;
    const ms = median(() => {
      const r = recalculate(wb);
      const review = reviewRecalculation(r, wb.sheets);
      failing = review.checks.filter((c) => !c.passed).length;
      describeReview(review);
      r.destroy();
    }, 3);
    figures.push(ms);
    line(`${n.toLocaleString("en-GB")} checks (${failing.toLocaleString("en-GB")} FALSE)`, `${ms.toFixed(0).padStart(7)} ms`);
  }
  line("20,000 vs 10,000 checks (2.0 is linear)", `${(figures[1] / figures[0]).toFixed(2).padStart(7)}×`);

  const corpus = path.join(root, "..", "shared", "corpus", "real");
  if (!fs.existsSync(corpus)) {
    console.log(`\nCorpus agreement: skipped, ${corpus} is absent (see shared/corpus/README.md).`);
    return;
  }
  const started = Date.now();
  const a = corpusAgreement(corpus);
  console.log(`\nCorpus agreement (${a.files} real workbooks in ../shared/corpus, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  ${a.agree} of ${a.compared} formula cells agree with the saved values (${((100 * a.agree) / a.compared).toFixed(2)}%)`);
  console.log(`  ${a.keptCells} kept at their saved values (not recalculated), ${a.differences.length} recalculate to another value, ${a.unsaved} more saved no value to compare`);
  console.log("  kept, by cause:");
  for (const [k, n] of [...a.kept.entries()].sort((x, y) => y[1] - x[1])) console.log(`    ${String(n).padStart(5)}  ${k}`);
  console.log("  differing, by file:");
  for (const [file, n] of differencesByFile(a)) console.log(`    ${String(n).padStart(5)}  ${file}`);
}

module.exports = { benchRecalc };
