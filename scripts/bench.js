#!/usr/bin/env node
/**
 * `npm run bench`: how fast is an exact national delegation? Splits an amount across all 6,553 GP
 * practices in England weighted by `Final WP` (NHS England 2024/25, read at run time from
 * <repo>/../shared/data/), through the core, through HyperFormula as one spilling formula, as
 * 6,553 native ROUND formulas in the same engine, and as a plain float loop (the floor). Prints
 * medians in ms and heap figures; nothing is asserted. Loads the compiled code from dist-cli/.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const zlib = require("zlib");

const ROOT = path.join(__dirname, "..");
const DATA_FILE = path.join(ROOT, "..", "shared", "data", "practice-weighted-populations-2024-25.csv");
const DIST_CLI = path.join(ROOT, "dist-cli");

if (!fs.existsSync(path.join(DIST_CLI, "core", "index.js"))) {
  console.log("bench: dist-cli/ is missing; run `npm run bench` (it builds it with `npm run build:cli`).");
  process.exit(1);
}
const { benchRecalc } = require("./bench-recalc.js");
if (!fs.existsSync(DATA_FILE)) {
  console.log(`bench: the practice figures are skipped, the practice file ${DATA_FILE} is absent (see shared/data/README.md).`);
  benchRecalc(DIST_CLI, ROOT);
  process.exit(0);
}

const { evaluate, findFunction } = require(path.join(DIST_CLI, "core"));
const { apportion, apportionExact, apportionUnits } = require(path.join(DIST_CLI, "core", "split.js"));
const { createEngine } = require(path.join(DIST_CLI, "engine"));
const { parseCsv } = require(path.join(DIST_CLI, "cli", "csv.js"));

// A GC handle without needing `node --expose-gc`, so heap figures are not blurred by garbage.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

const [header, ...records] = parseCsv(fs.readFileSync(DATA_FILE, "utf8").replace(/^\uFEFF/, "")).filter((r) => r.length > 1);
const wpColumn = header.indexOf("Final WP");
const weights = records.map((r) => Number(r[wpColumn]));
const N = weights.length;
const AMOUNT = 1234567890.12;
const AMOUNT_PENCE = 123456789012n;
const RECALC_AMOUNTS = [987654321.09, 1234567890.12, 555555555.55, 100000000.01];

/** Median wall time in ms of `runs` calls after `warmup` unmeasured ones. */
function median(fn, runs, warmup = Math.min(runs, 5)) {
  for (let i = 0; i < warmup; i++) fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

/** One measurement in its own frame, so no stale reference to an earlier result survives the GC. */
function heapOnce(fn) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const result = fn();
  const allocated = process.memoryUsage().heapUsed - before;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  if (typeof result?.destroy === "function") result.destroy();
  return { allocated, retained };
}

/**
 * Heap used by one call: what it allocated (no GC in between) and what its result keeps alive.
 * Warmed up first, so compiling the code is not counted; median of `runs` measurements.
 */
function heap(fn, runs = 5, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn()?.destroy?.();
  const samples = Array.from({ length: runs }, () => heapOnce(fn));
  const mid = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  return { allocated: mid(samples.map((m) => m.allocated)), retained: mid(samples.map((m) => m.retained)) };
}

const ms = (x) => `${x.toFixed(3).padStart(9)} ms`;
const mb = (bytes) => (Math.abs(bytes) < 1048576 ? `${(bytes / 1024).toFixed(0).padStart(5)} KB` : `${(bytes / 1048576).toFixed(1).padStart(5)} MB`);
const line = (label, value, extra = "") => console.log(`  ${label.padEnd(58)}${value}${extra ? "  " + extra : ""}`);

/** The floor: a float loop, rounded to the penny, that does not add up. */
function floatLoop(amount, ws) {
  let total = 0;
  for (let i = 0; i < ws.length; i++) total += ws[i];
  const out = new Array(ws.length);
  for (let i = 0; i < ws.length; i++) out[i] = Math.round(((amount * ws[i]) / total) * 100) / 100;
  return out;
}

const pence = (values) => values.reduce((acc, v) => acc + BigInt(Math.round(v * 100)), 0n);
const started = Date.now();

console.log(`ICS finance bench: ${N} practices weighted by Final WP, amount £${AMOUNT.toLocaleString("en-GB")}`);
console.log(`node ${process.version}, ${require("os").cpus().length} cpus, load ${require("os").loadavg()[0].toFixed(2)}\n`);

// (d) and (a): the floor, the primitive, and the whole catalogue function.
const grid = weights.map((w) => [w]);
const delegate = findFunction("DELEGATE");
const floatMs = median(() => floatLoop(AMOUNT, weights), 400, 50);
const unitsMs = median(() => apportionUnits(123456789012, weights), 400, 50);
const apportionMs = median(() => apportion(AMOUNT_PENCE, weights), 400, 50);
const exactMs = median(() => apportionExact(AMOUNT_PENCE, weights), 15, 3);
const evaluateMs = median(() => evaluate(delegate, [AMOUNT, grid]), 60, 10);

console.log("Core (median of repeated runs)");
line("(d) plain float loop, rounded, not exact", ms(floatMs));
line("(a) apportion (exact, bigint[] parts)", ms(apportionMs), `${(apportionMs / floatMs).toFixed(1)}× the float loop`);
line("(a) apportionUnits (exact, number[] parts)", ms(unitsMs), `${(unitsMs / floatMs).toFixed(1)}× the float loop`);
line("    apportionExact (BigInt reference, full sort)", ms(exactMs), `${(exactMs / floatMs).toFixed(1)}× the float loop`);
line("(a) evaluate(DELEGATE, [amount, 6553×1 weights])", ms(evaluateMs));

const floatParts = floatLoop(AMOUNT, weights);
const exactParts = evaluate(delegate, [AMOUNT, grid]).map((r) => r[0]);
console.log(`  checks: DELEGATE adds up to ${pence(exactParts) === AMOUNT_PENCE ? "the penny" : "THE WRONG TOTAL"}; ` +
  `float loop is off by ${pence(floatParts) - AMOUNT_PENCE}p and differs from DELEGATE in ${floatParts.filter((v, i) => v !== exactParts[i]).length} rows`);

// (b) and (c): the same split in HyperFormula, one spilling formula against 6,553 native formulas.
const icsSheet = () => weights.map((w, i) => (i === 0 ? [w, AMOUNT, "=ICS.DELEGATE(B1, A1:A6553)"] : [w]));
const nativeSheet = () => weights.map((w, i) => [w, i === 0 ? AMOUNT : null, `=ROUND($B$1*A${i + 1}/SUM($A$1:$A$${N}),2)`]);
const readC = (hf) => hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: N - 1, col: 2 } }).map((r) => r[0]);

function engineFigures(label, sheet, runs) {
  const buildMs = median(() => createEngine({ Sheet1: sheet() }).destroy(), runs, 1);
  const hf = createEngine({ Sheet1: sheet() });
  readC(hf);
  const recalcMs = median((i) => {
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[RECALC_AMOUNTS[i % RECALC_AMOUNTS.length]]]);
    return hf.getCellValue({ sheet: 0, row: 0, col: 2 });
  }, runs * 2, 2);
  hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[AMOUNT]]);
  const off = pence(readC(hf)) - AMOUNT_PENCE;
  hf.destroy();
  const memory = heap(() => createEngine({ Sheet1: sheet() }), 1, 0);
  line(`(${label[0]}) ${label.slice(2)}: build + evaluate`, ms(buildMs));
  line(`    recalc after changing the amount (setCellContents)`, ms(recalcMs));
  line(`    heap for the built engine: allocated / retained`, `${mb(memory.allocated)} /${mb(memory.retained)}`);
  line(`    Σ of the ${N} results vs the amount`, off === 0n ? "exact" : `off by ${off}p`);
  return { buildMs, recalcMs };
}

console.log("\nHyperFormula (median of 5 builds, 10 recalcs)");
const spill = engineFigures("b one spilling =ICS.DELEGATE(B1, A1:A6553)", icsSheet, 5);
const native = engineFigures(`c ${N} native =ROUND($B$1*Ai/SUM($A$1:$A$${N}),2)`, nativeSheet, 5);
line("spilling ICS formula vs native formulas: build", `${(native.buildMs / spill.buildMs).toFixed(1)}× faster`);
line("spilling ICS formula vs native formulas: recalc", `${(native.recalcMs / spill.recalcMs).toFixed(1)}× faster`);

console.log("\nMemory of one call (heapUsed delta: allocated during / retained by its result)");
for (const [label, fn] of [
  ["float loop", () => floatLoop(AMOUNT, weights)],
  ["apportion", () => apportion(AMOUNT_PENCE, weights)],
  ["apportionUnits", () => apportionUnits(123456789012, weights)],
  ["apportionExact", () => apportionExact(AMOUNT_PENCE, weights)],
  ["evaluate(DELEGATE)", () => evaluate(delegate, [AMOUNT, grid])],
]) {
  const m = heap(fn);
  line(label, `${mb(m.allocated)} /${mb(m.retained)}`);
}

console.log("\nBundles (gzipped; from an existing dist/, not built here)");
for (const name of ["functions.js", "taskpane.js"]) {
  const file = path.join(ROOT, "dist", name);
  if (!fs.existsSync(file)) {
    line(`dist/${name}`, "absent (run npm run build)");
    continue;
  }
  const raw = fs.readFileSync(file);
  line(`dist/${name}`, `${(zlib.gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`, `(${(raw.length / 1024).toFixed(1)} KiB raw)`);
}

benchRecalc(DIST_CLI, ROOT);

console.log(`\nbench: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
