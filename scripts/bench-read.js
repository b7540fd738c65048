#!/usr/bin/env node
/**
 * `npm run bench`, reading returned workbooks: time and peak memory of `readWorkbook` on the
 * largest file of ../shared/corpus, on a generated return with data validation over the whole
 * sheet and 150 whole columns (and 50,000 merges) against the same return without, and how soon
 * a 4 GiB zip bomb is refused. Also the same two returns read and recalculated as `recalc` does.
 * Prints figures; nothing is asserted. Loads the compiled code from dist-cli/.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const zlib = require("zlib");
const { execFileSync } = require("child_process");
const { zipSync } = require("fflate");

const ROOT = path.join(__dirname, "..");
const DIST_CLI = path.join(ROOT, "dist-cli");
const CORPUS = path.join(ROOT, "..", "shared", "corpus", "real");
if (!fs.existsSync(path.join(DIST_CLI, "xlsx", "read", "index.js"))) {
  console.log("bench-read: dist-cli/ is missing; run `npm run bench` (it builds it with `npm run build:cli`).");
  process.exit(1);
}
const { readWorkbook } = require(path.join(DIST_CLI, "xlsx", "read"));
const { contentFromRead } = require(path.join(DIST_CLI, "cli", "recalc.js"));
const { calculate, review } = require(path.join(DIST_CLI, "templates", "calc.js"));

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

/**
 * Median wall time in ms of `runs` calls after `warmup`; the median CPU time of the same calls is
 * left in `lastCpu` (on a shared machine the wall time includes waiting for a core).
 */
let lastCpu = 0;
function median(fn, runs, warmup = 2) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    fn();
    const used = process.cpuUsage(cpu);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpus.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  lastCpu = cpus[cpus.length >> 1];
  return times[times.length >> 1];
}

/**
 * Peak memory of reading `file` once in a fresh process: its maximum resident set beyond a
 * process that only loads the reader, and the heap the read allocated (no GC in between).
 */
function peakOfRead(file) {
  const script = (read) => `
    const fs = require("fs");
    const { readWorkbook } = require(${JSON.stringify(path.join(DIST_CLI, "xlsx", "read"))});
    const bytes = new Uint8Array(fs.readFileSync(${JSON.stringify(file)}));
    const before = process.memoryUsage().heapUsed;
    let wb;
    ${read ? "try { wb = readWorkbook(bytes); } catch (e) { wb = e; }" : ""}
    const heap = process.memoryUsage().heapUsed - before;
    process.stdout.write(JSON.stringify({ rss: process.resourceUsage().maxRSS * 1024, heap }));`;
  const run = (read) => JSON.parse(execFileSync(process.execPath, ["--max-semi-space-size=64", "-e", script(read)], { encoding: "utf8" }));
  const base = run(false);
  const with_ = run(true);
  return { rss: Math.max(0, with_.rss - base.rss), heap: with_.heap };
}

const ms = (x) => `${x.toFixed(1).padStart(8)} ms (cpu ${lastCpu.toFixed(1).padStart(6)} ms)`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1).padStart(6)} MB`;
const line = (label, value, extra = "") => console.log(`  ${label.padEnd(62)}${value}${extra ? "  " + extra : ""}`);

// ---------------------------------------------------------------------------------------------
// Generated returns: 2,000 rows × 5 columns of values and formulas, with and without validation
// over the whole sheet, 150 whole columns and 50,000 merged ranges.

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const enc = new TextEncoder();

function colName(c) {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function packageParts(sheetXml) {
  return {
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ...(sheetXml === undefined ? {} : { "xl/worksheets/sheet1.xml": sheetXml }),
  };
}

/** "plain", "validation" (the whole sheet and 150 whole columns) or "merges" (50,000 merged ranges). */
function generatedReturn(kind) {
  const rows = [];
  for (let r = 1; r <= 2000; r++) {
    rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${(r * 1.5).toFixed(2)}</v></c><c r="C${r}"><f>A${r}*B${r}</f><v>${r * r * 1.5}</v></c><c r="D${r}"><f>ROUND(C${r}/3,2)</f><v>0</v></c><c r="E${r}" t="b"><f>D${r}&gt;=0</f><v>1</v></c></row>`);
  }
  let after = "";
  if (kind === "merges") after = `<mergeCells count="50000">${Array.from({ length: 50000 }, (_, i) => `<mergeCell ref="G${2 * i + 1}:H${2 * i + 2}"/>`).join("")}</mergeCells>`;
  if (kind === "validation") {
    const columns = Array.from({ length: 150 }, (_, i) => `<dataValidation type="list" allowBlank="1" sqref="${colName(i + 10)}1:${colName(i + 10)}1048576"><formula1>"Yes,No"</formula1></dataValidation>`).join("");
    after = `<dataValidations count="151"><dataValidation type="decimal" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>${columns}</dataValidations>`;
  }
  const parts = packageParts(`<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData>${after}</worksheet>`);
  const files = {};
  for (const [k, v] of Object.entries(parts)) files[k] = enc.encode(v);
  return zipSync(files);
}

/** A zip whose one sheet inflates to `mib` MiB of spaces while its headers claim 1,000 bytes. */
function zipBomb(mib) {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH };
  const chunk = zlib.deflateRawSync(Buffer.alloc(1048576, 0x20), flush);
  const data = Buffer.concat([zlib.deflateRawSync(Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>`), flush), ...Array(mib).fill(chunk), zlib.deflateRawSync(Buffer.from("</sheetData></worksheet>"))]);
  // The package's other parts, zipped normally; the bomb appended as one more entry.
  const others = {};
  for (const [k, v] of Object.entries(packageParts(undefined))) others[k] = [enc.encode(v), { level: 0 }];
  const head = Buffer.from(zipSync(others));
  const eocd = head.length - 22;
  const dirSize = head.readUInt32LE(eocd + 12);
  const dirOffset = head.readUInt32LE(eocd + 16);
  const otherLocal = head.subarray(0, dirOffset);
  const otherCentral = head.subarray(dirOffset, dirOffset + dirSize);
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(otherLocal.length, 42);
  const n = head.readUInt16LE(eocd + 10) + 1;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(n, 8);
  end.writeUInt16LE(n, 10);
  end.writeUInt32LE(otherCentral.length + 46 + name.length, 12);
  end.writeUInt32LE(otherLocal.length + 30 + name.length + data.length, 16);
  return new Uint8Array(Buffer.concat([otherLocal, local, name, data, otherCentral, central, name, end]));
}

const started = Date.now();
console.log(`\nReading returned workbooks (readWorkbook; median wall and CPU time of repeated runs, warmed up)`);
console.log(`  node ${process.version}, ${os.cpus().length} cpus, load ${os.loadavg()[0].toFixed(2)}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ics-bench-read-"));

if (fs.existsSync(CORPUS)) {
  const files = fs.readdirSync(CORPUS).map((f) => ({ f, size: fs.statSync(path.join(CORPUS, f)).size }));
  files.sort((a, b) => b.size - a.size);
  const largest = path.join(CORPUS, files[0].f);
  const bytes = new Uint8Array(fs.readFileSync(largest));
  const wb = readWorkbook(bytes);
  const cells = wb.sheets.reduce((n, s) => n + s.cells.length, 0);
  line(`largest corpus file (${(files[0].size / 1024).toFixed(0)} KiB, ${wb.sheets.length} sheets, ${cells.toLocaleString("en-GB")} cells)`, ms(median(() => readWorkbook(bytes), 10)));
  const peak = peakOfRead(largest);
  line("    peak memory of one read: resident set / heap held after", `${mb(peak.rss)} /${mb(peak.heap)}`);
  let total = 0;
  let totalCpu = 0;
  let slowest = { ms: 0, f: "" };
  for (const { f } of files) {
    const b = new Uint8Array(fs.readFileSync(path.join(CORPUS, f)));
    const t = median(() => {
      try {
        readWorkbook(b);
      } catch {
        // a refusal is a verdict too
      }
    }, 1, 1);
    total += t;
    totalCpu += lastCpu;
    if (lastCpu > slowest.ms) slowest = { ms: lastCpu, f };
  }
  lastCpu = totalCpu;
  line(`all ${files.length} corpus files, one read each (after one warm-up)`, ms(total), `slowest: cpu ${slowest.ms.toFixed(1)} ms, ${slowest.f.slice(0, 50)}`);
} else {
  line("corpus", `absent (${CORPUS}): skipped`);
}

const variants = [
  ["plain", "return of 10,000 cells (2,000 rows, 6,000 formulas), no validation"],
  ["validation", "same + validation over A1:XFD1048576 and 150 whole columns"],
  ["merges", "same + 50,000 merged ranges (no validation)"],
].map(([kind, label]) => {
  const bytes = generatedReturn(kind);
  const file = path.join(tmp, `${kind}.xlsx`);
  fs.writeFileSync(file, bytes);
  return { kind, label, bytes, file };
});
median(() => readWorkbook(variants[0].bytes), 10);
const plainCpu = lastCpu;
for (const v of variants) {
  const t = median(() => readWorkbook(v.bytes), 10);
  line(`${v.label}`, ms(t), `(${(v.bytes.length / 1024).toFixed(0)} KiB${v.kind === "plain" ? "" : `; ${(lastCpu / plainCpu).toFixed(2)}× the plain read's CPU time`})`);
  const p = peakOfRead(v.file);
  line("    peak memory of one read: resident set / heap held after", `${mb(p.rss)} /${mb(p.heap)}`);
}
const recalc = (b) => () => {
  const { content } = contentFromRead(readWorkbook(b));
  const calc = calculate(content);
  review(content, calc);
  calc.engine.destroy();
};
const plainRecalc = median(recalc(variants[0].bytes), 5, 1);
const plainRecalcCpu = lastCpu;
line("read + recalculate + review (as recalc does), plain", ms(plainRecalc));
const validationRecalc = median(recalc(variants[1].bytes), 5, 1);
line("read + recalculate + review, whole-sheet validation", ms(validationRecalc), `${(lastCpu / plainRecalcCpu).toFixed(2)}× the plain's CPU time`);

const bomb = zipBomb(4096);
let refusal = "";
const bombMs = median(() => {
  try {
    readWorkbook(bomb);
  } catch (e) {
    refusal = e.reason;
  }
}, 3, 1);
line(`4 GiB zip bomb (${(bomb.length / 1048576).toFixed(1)} MiB file, headers claim 1,000 bytes)`, ms(bombMs), `refused: ${refusal}`);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\nbench-read: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
