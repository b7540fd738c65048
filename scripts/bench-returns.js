#!/usr/bin/env node
/**
 * `npm run bench`, collecting returns: one place-delegation return per ICB (42, all 6,553
 * practices of NHS England's practice file), filled in so each recalculates clean, a few changed
 * as real returns go wrong; then, in one fresh process, all of them checked and consolidated as
 * `ics-finance returns <folder> --out all.xlsx` does (read each file, checkReturn, collectReturns,
 * consolidatedWorkbook, write), timed, with its peak memory and the findings by kind, beside
 * LibreOffice's time to load and save the same files headless when `soffice` is on PATH.
 * Generation is not timed against the aim (its time is printed). Prints figures; asserts nothing.
 * Loads the compiled code from dist-cli/. `--generate <folder>` only writes the returns there (and
 * keeps them), e.g. to run `ics-finance returns <folder>` on them by hand.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const DIST_CLI = path.join(ROOT, "dist-cli");
const PRACTICES = path.join(ROOT, "..", "shared", "data", "practice-weighted-populations-2024-25.csv");
/** The aim (issue 11): all 42 returns checked and consolidated in under 3 s on this 2-core machine. */
const AIM_SECONDS = 3;

function need(file, what) {
  if (!fs.existsSync(file)) {
    console.log(`bench-returns: ${what} is missing (${path.relative(ROOT, file)}); run \`npm run bench\` (it builds dist-cli/ with \`npm run build:cli\`).`);
    process.exit(1);
  }
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Loads a module of dist-cli if it is there (the consolidation may not be merged yet). */
function optional(rel) {
  const file = path.join(DIST_CLI, rel);
  return fs.existsSync(file) ? require(file) : undefined;
}

// ---- the check, in its own process: what `ics-finance returns <folder> --out all.xlsx` does ----

function check(folder, out) {
  const returns = optional(path.join("returns", "index.js"));
  const consolidate = optional(path.join("returns", "consolidate.js"));
  const files = fs
    .readdirSync(folder)
    .filter((f) => /\.(xlsx|xlsm)$/i.test(f))
    .sort()
    .map((f) => path.join(folder, f));
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const phases = {};
  let collection;
  if (returns) {
    const t = process.hrtime.bigint();
    const results = files.map((file) => returns.checkReturn(file, new Uint8Array(fs.readFileSync(file))));
    phases.check = seconds(t);
    const c = process.hrtime.bigint();
    collection = returns.collectReturns(results);
    phases.collect = seconds(c);
    if (consolidate) {
      const w = process.hrtime.bigint();
      fs.writeFileSync(out, consolidate.consolidatedWorkbook(collection));
      phases.consolidate = seconds(w);
    }
  } else {
    // No checker yet: time the reader and the recalculation it is built on, so the figure means something.
    const { readWorkbook } = require(path.join(DIST_CLI, "xlsx", "read"));
    const { recalculate } = require(path.join(DIST_CLI, "engine", "workbook", "recalculate.js"));
    const { reviewRecalculation, compareSaved } = require(path.join(DIST_CLI, "engine", "workbook", "review.js"));
    const t = process.hrtime.bigint();
    for (const file of files) {
      const wb = readWorkbook(new Uint8Array(fs.readFileSync(file)));
      const recalc = recalculate(wb);
      reviewRecalculation(recalc, wb.sheets);
      compareSaved(recalc);
      recalc.destroy();
    }
    phases.readAndRecalculate = seconds(t);
  }
  const wall = seconds(start);
  const used = process.cpuUsage(cpu);
  const byKind = {};
  const perFile = {};
  if (collection) {
    for (const r of collection.returns) {
      for (const f of r.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
      if (r.findings.length > 0) perFile[path.basename(r.file)] = r.findings.map((f) => `${f.kind}${f.sheet ? ` ${f.sheet}${f.cell ? `!${f.cell}` : ""}` : ""}`);
    }
    for (const f of collection.findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
  }
  return {
    files: files.length,
    wall,
    cpu: (used.user + used.system) / 1e6,
    phases,
    maxRssKiB: process.resourceUsage().maxRSS,
    checked: Boolean(returns),
    consolidated: Boolean(returns && consolidate),
    summary: collection?.summary,
    byKind,
    perFile,
    written: returns && consolidate && fs.existsSync(out) ? fs.statSync(out).size : undefined,
  };
}

if (process.argv[2] === "--check") {
  process.stdout.write(JSON.stringify(check(process.argv[3], process.argv[4])));
  process.exit(0);
}

// ---- generation ----

/** The returns that go wrong: the first ICBs in code order, each changed one way. */
const PLANTED = [
  { what: "a formula typed over with its own value (Lines!G9, line 1 delegated to places)", make: async (system, x) => x.tamper.typeOverFormula(await x.filled(system), "Lines", "G9") },
  {
    what: "a saved value that differs from its formula (Lines!G10 saved £1,000 higher, as with calculation on manual)",
    make: async (system, x) => {
      const bytes = await x.filled(system);
      const g10 = x.readWorkbook(bytes).sheets.find((s) => s.name === "Lines").cells.find((c) => c.row === 9 && c.col === 6);
      return x.tamper.changeSavedValue(bytes, "Lines", "G10", g10.value + 1000);
    },
  },
  { what: "an unprotected sheet (Practices)", make: async (system, x) => x.tamper.unprotectSheet(await x.filled(system), "Practices") },
  { what: "a practice's row deleted inside the Practices table (its second row)", make: (system, x) => x.deletedPracticeRow(system, 1) },
  { what: "an old template version (2025.1)", make: async (system, x) => x.tamper.setTemplateVersion(await x.filled(system), "2025.1") },
];

async function generate(folder) {
  const { readPracticeFile, delegationSystem } = require(path.join(DIST_CLI, "cli", "practices.js"));
  const { filledPlaceDelegation, deletedPracticeRow } = require(path.join(DIST_CLI, "fixtures", "returns.js"));
  const x = { filled: filledPlaceDelegation, deletedPracticeRow, tamper: require(path.join(DIST_CLI, "fixtures", "tamper.js")), readWorkbook: require(path.join(DIST_CLI, "xlsx", "read")).readWorkbook };
  const records = readPracticeFile(PRACTICES);
  const icbs = [...new Set(records.map((r) => r.icb))].sort();
  const planted = [];
  for (const [i, icb] of icbs.entries()) {
    const system = delegationSystem(records, icb, { practicesFile: PRACTICES });
    const plant = PLANTED[i];
    const bytes = plant ? await plant.make(system, x) : await filledPlaceDelegation(system);
    const file = `${icb}-place-delegation.xlsx`;
    fs.writeFileSync(path.join(folder, file), bytes);
    if (plant) planted.push(`${file}: ${plant.what}`);
  }
  return { icbs: icbs.length, practices: records.length, planted };
}

// ---- LibreOffice, for comparison ----

function libreOffice(folder) {
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  if (which.status !== 0 || which.stdout.trim() === "") return { skipped: "soffice is not on PATH" };
  const files = fs.readdirSync(folder).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(folder, f));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-returns-lo-"));
  // Its own profile, so another engineer's LibreOffice (or a stale lock) does not get in the way.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "bench-returns-lo-profile-"));
  const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outdir, ...files];
  // A first start creates the profile: not part of loading and saving the files.
  spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--terminate_after_init"], { encoding: "utf8", timeout: 120_000 });
  const start = process.hrtime.bigint();
  const run = spawnSync("soffice", args, { encoding: "utf8", timeout: 600_000 });
  const wall = seconds(start);
  const written = fs.readdirSync(outdir).length;
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  if (run.error) return { skipped: `soffice failed: ${run.error.message}` };
  return { wall, written, files: files.length };
}

async function main() {
  if (process.argv[2] === "--generate" && !process.argv[3]) {
    console.log("Usage: node scripts/bench-returns.js [--generate <folder>]  (--generate: only write the 42 returns there, and keep them)");
    process.exitCode = 2;
    return;
  }
  if (!fs.existsSync(PRACTICES)) {
    console.log(`bench-returns: skipped: the practice file is absent (${PRACTICES}; see shared/data/README.md).`);
    return;
  }
  need(path.join(DIST_CLI, "fixtures", "returns.js"), "dist-cli/fixtures");
  if (process.argv[2] === "--generate") {
    const folder = process.argv[3];
    fs.mkdirSync(folder, { recursive: true });
    const generated = await generate(folder);
    console.log(`bench-returns: wrote ${generated.icbs} returns to ${folder}; planted:`);
    for (const p of generated.planted) console.log(`  ${p}`);
    return;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-returns-"));
  try {
    const genStart = process.hrtime.bigint();
    const generated = await generate(folder);
    const genTime = seconds(genStart);
    const files = fs.readdirSync(folder).filter((f) => f.endsWith(".xlsx"));
    const bytes = files.reduce((s, f) => s + fs.statSync(path.join(folder, f)).size, 0);
    console.log(`bench-returns: generated ${files.length} place-delegation returns (${generated.icbs} ICBs, ${generated.practices} practices, ${(bytes / 1024 / 1024).toFixed(1)} MiB) in ${genTime.toFixed(1)} s (not timed against the aim); planted:`);
    for (const p of generated.planted) console.log(`  ${p}`);

    const out = path.join(folder, "..", `${path.basename(folder)}-all.xlsx`);
    const child = spawnSync(process.execPath, [__filename, "--check", folder, out], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) {
      console.log(`bench-returns: the check failed:\n${child.stderr}`);
      process.exitCode = 1;
      return;
    }
    const r = JSON.parse(child.stdout);
    const what = r.consolidated ? "checked and consolidated" : r.checked ? "checked (src/returns/consolidate is not built yet: no consolidated workbook)" : "read and recalculated (src/returns is not built yet: the checker itself was not timed)";
    const phases = Object.entries(r.phases).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(", ");
    console.log(`bench-returns: ${r.files} returns ${what} in one process: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU (${phases}); peak memory (maxRSS) ${(r.maxRssKiB / 1024).toFixed(0)} MiB`);
    console.log(`  aim: under ${AIM_SECONDS} s for all ${r.files}: ${r.wall < AIM_SECONDS ? "met" : "NOT met"} (${(r.wall / AIM_SECONDS * 100).toFixed(0)}% of the aim)${r.written ? `; consolidated workbook ${(r.written / 1024).toFixed(0)} KiB` : ""}`);
    if (r.summary) {
      const s = r.summary;
      console.log(`  ${s.returns} returns: ${s.clean} clean, ${s.withFindings} with findings, ${s.unreadable} unreadable`);
      const kinds = Object.entries(r.byKind).sort(([a], [b]) => a.localeCompare(b));
      console.log(`  findings by kind: ${kinds.length === 0 ? "none" : kinds.map(([k, n]) => `${k} ${n}`).join(", ")}`);
      for (const [file, findings] of Object.entries(r.perFile)) console.log(`    ${file}: ${findings.join("; ")}`);
    }
    fs.rmSync(out, { force: true });

    const lo = libreOffice(folder);
    if (lo.skipped) console.log(`bench-returns: LibreOffice skipped: ${lo.skipped}`);
    else console.log(`bench-returns: LibreOffice loaded and saved the same ${lo.files} files headless in ${lo.wall.toFixed(1)} s (${lo.written} written): ${(lo.wall / r.wall).toFixed(1)}× the check's time`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-returns: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 1;
});
