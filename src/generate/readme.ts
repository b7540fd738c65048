/**
 * The README's function list (between the `functions:start`/`functions:end` markers), from the
 * catalogue: the syntax and one example with its result for each function.
 */
import { CATALOGUE, FunctionSpec } from "../core";
import { syntax } from "./docs";
import { helpAnchor } from "./functionsTs";

export const README_START = "<!-- functions:start -->";
export const README_END = "<!-- functions:end -->";

function oneLine(result: string): string {
  const rows = result.split("\n").map((row) => row.split("\t").join(", "));
  return rows.length === 1 ? rows[0] : `{${rows.join("; ")}}`;
}

export function renderFunctionList(catalogue: readonly FunctionSpec[] = CATALOGUE): string {
  const lines = ["| Function | What it does | Example | Result |", "|---|---|---|---|"];
  for (const spec of catalogue) {
    const example = spec.examples[0];
    const cell = (s: string) => s.replace(/\|/g, "\\|");
    lines.push(`| [\`${cell(syntax(spec))}\`](docs/functions.md#${helpAnchor(spec)}) | ${cell(spec.description)} | \`${cell(example.formula)}\` | ${cell(oneLine(example.result))} |`);
  }
  return lines.join("\n");
}

/** The README with its function list replaced; throws if the markers are missing. */
export function renderReadme(current: string, catalogue: readonly FunctionSpec[] = CATALOGUE): string {
  const start = current.indexOf(README_START);
  const end = current.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md must contain ${README_START} and ${README_END}`);
  return `${current.slice(0, start + README_START.length)}\n${renderFunctionList(catalogue)}\n${current.slice(end)}`;
}
