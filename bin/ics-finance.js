#!/usr/bin/env node
// The CLI runs from dist-cli (built by `npm run build:cli`, and by `prepare` on npm install).
// On a clone installed with --ignore-scripts it builds itself once on first use.
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const entry = path.join(root, "dist-cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  const { execFileSync } = require("child_process");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], { stdio: "inherit" });
}
// run() prints a plain message for any failure and exits only once stdout and stderr have drained.
require(entry).run(process.argv.slice(2));
