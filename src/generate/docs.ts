/**
 * Writes the function reference (docs/functions.md and docs/functions.html) from the catalogue
 * alone, so the page users reach from Excel's "help on this function" link can never disagree with
 * what the add-in does. The HTML is self-contained (no scripts, no external styles) because the
 * add-in serves it next to the task pane and it must also open from disk.
 */
import { ADDIN_VERSION, CATALOGUE, CATALOGUE_EDITION, ErrorSpec, FunctionSpec, NAMESPACE } from "../core";
import { formatOutput } from "../cli/format";
import { evaluateFormula } from "../engine";
import { helpAnchor } from "./functionsTs";
import { WORKED, WorkedExample } from "./worked";

export const DOCS_TITLE = `${NAMESPACE} function reference`;

/** `ICS.DELEGATE(amount, weights, [floors], [caps], [round_to])`. */
export function syntax(spec: FunctionSpec): string {
  return `${NAMESPACE}.${spec.name}(${spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", ")})`;
}

const GENERATED_NOTE = "Generated from the catalogue (src/core/catalogue) by `npm run generate`: do not edit by hand.";

/** The conventions every function follows (FUNCTIONS.md), as a finance user needs them. */
const CONVENTIONS: readonly { term: string; text: string }[] = [
  { term: "Units", text: "Money is a plain number in whatever units the workbook is kept in, £ or £000. The functions never convert: a plan in £000 gives results in £000, and round_to is in the same units." },
  { term: "Rounding (round_to)", text: "Every money result is rounded to round_to: 0.01 for pence (the default), 1 for whole pounds or whole £000, 1000 for thousands. Halves round away from zero, as accountants expect. Anything that is not a 1 with zeros (0, 5, a negative) is an error." },
  { term: "Splits add up", text: "Every split adds up to its total to the penny (or the unit you round to): each part is rounded down, and the few units left over go to the parts that lost most in rounding, so no table ever needs a balancing line." },
  { term: "Columns and tables", text: "Where a function asks for a column (one figure per place, party or line), select a single column of cells; a single row works too. Columns that go together must have the same number of rows." },
  { term: "Results in several cells", text: "A function that gives one figure per row (a split, an index) fills the cells below the formula by itself: leave them empty, or Excel shows #SPILL!." },
  { term: "Blank cells", text: "A blank cell means \"nothing here\": left out of totals, no weight in a split, no floor or cap." },
  { term: "Text where a figure belongs", text: "A word, TRUE or FALSE where a number is needed is an error, never silently skipped as SUM would: the function shows #VALUE! and says which argument and row to look at." },
  { term: "Reading an error", text: "Click the cell's small warning sign to read its message, such as \"ICS.DELEGATE: floors: add up to 400000, more than the amount 312400 by 87600\": the function, the argument, the row where there is one, and what is wrong. Each function's table of errors below says how to fix it. An error already in a cell the formula uses is passed on unchanged. A figure with more than 15 digits, more than Excel can hold, is #NUM!." },
];

/**
 * The catalogue's help texts are short for Excel's formula builder and use a few shorthands; the
 * reference page says them in words: "n×1" is a column, "m×(1+n)" a table, a "spill" the cells a
 * result fills, "±1e15" Excel's 15 digits.
 */
export function plainWords(text: string): string {
  return text
    .replace(/^n×1,? (?=[a-z])/, "A column: ")
    .replace(/^n×k,? (?=[a-z])/, "A table: ")
    .replace(/^1×y: /, "")
    .replace(/\b(?:an? )?n×1 (range|column)\b/g, "a column")
    .replace(/\b(?:an? )?1×n (range|row)\b/g, "a row")
    .replace(/\b(?:an? )?n×1\b/g, "a column")
    .replace(/\b(?:an? )?1×n\b/g, "a row")
    .replace(/\b(?:an? )?1×y row\b/g, "a row")
    .replace(/\by×1 column\b/g, "column")
    .replace(/\b(?:an? )?1×y\b/g, "a row")
    .replace(/\b(?:an? )?n×k\b/g, "a table of several weight columns")
    .replace(/\b(?:an? )?m×\(1\+n\)( table)?/g, "a table")
    .replace(/\(k\+1\)×2/g, "two columns")
    .replace(/\bspills\b/g, "fills the cells below")
    .replace(/\bspill\b/g, "fill the cells below")
    .replace(/beyond ±1e15/g, "larger than Excel's 15 digits can hold")
    .replace(/±1e15/g, "Excel's 15 digits");
}

/** What the worked example gives, as `ics-finance eval` prints it. */
export function workedResult(example: WorkedExample): string {
  return formatOutput(evaluateFormula(example.formula));
}

function fixOf(e: ErrorSpec): string {
  return e.fix ?? "Read the cell's message: it names the argument and row to change.";
}

// ---------------------------------------------------------------- Markdown

function mdCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function mdCode(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function mdFunction(spec: FunctionSpec): string {
  const lines: string[] = [`<a id="${helpAnchor(spec)}"></a>`, "", `## ${NAMESPACE}.${spec.name}`, "", plainWords(spec.description), ""];
  lines.push(`**Syntax:** ${mdCode(syntax(spec))}`, "");
  if (spec.args.length === 0) lines.push("Takes no arguments.", "");
  else {
    lines.push("| Argument | | Description |", "|---|---|---|");
    for (const a of spec.args) lines.push(`| ${mdCode(a.name)} | ${a.optional ? "optional" : "required"} | ${mdCell(plainWords(a.help))} |`);
    lines.push("");
  }
  lines.push(`**Result:** ${plainWords(spec.result.describe)}`, "");
  for (const note of spec.notes ?? []) lines.push(plainWords(note), "");
  const worked = WORKED[spec.name];
  if (worked) lines.push("**Worked example**", "", worked.story, "", mdCode(worked.formula), "", "```text", workedResult(worked), "```", "");
  if (spec.examples.length > 0) {
    lines.push(worked ? "**More examples**" : "**Examples**", "");
    for (const e of spec.examples) lines.push(mdCode(e.formula), "", "```text", e.result, "```", "");
  }
  if (spec.errors.length > 0) {
    lines.push("**Errors and how to fix them**", "", "| Error | When | How to fix it |", "|---|---|---|");
    for (const e of spec.errors) lines.push(`| ${mdCode(e.code)} | ${mdCell(plainWords(e.when))} | ${mdCell(fixOf(e))} |`);
    lines.push("");
  }
  return lines.join("\n");
}

export function renderFunctionsMd(catalogue: readonly FunctionSpec[] = CATALOGUE): string {
  const lines: string[] = [
    `# ${DOCS_TITLE}`,
    "",
    `<!-- ${GENERATED_NOTE} -->`,
    "",
    `ics-finance ${ADDIN_VERSION}, catalogue ${CATALOGUE_EDITION}. Each function below has a worked example from a (fictional) NHS system, what to type, and what to do about each error it can show. The page is generated from the same catalogue the Excel add-in runs, so every result shown is what the add-in gives (as \`ics-finance eval\` prints it: one row per line, cells separated by tabs).`,
    "",
    "## Conventions",
    "",
    ...CONVENTIONS.map((c) => `- **${c.term}.** ${c.text}`),
    "",
    "## Functions",
    "",
    ...catalogue.map((spec) => `- [${mdCode(syntax(spec))}](#${helpAnchor(spec)})`),
    "",
  ];
  return lines.join("\n") + "\n" + catalogue.map(mdFunction).join("\n");
}

// ---------------------------------------------------------------- HTML

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A printed result as a small grid, the way it spills; an error stays one line of text. */
function htmlResult(result: string): string {
  const rows = result.split("\n").map((line) => line.split("\t"));
  if (result.startsWith("#") || (rows.length === 1 && rows[0].length === 1)) return `<pre class="result">${escapeHtml(result)}</pre>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("");
  return `<table class="result"><tbody>${body}</tbody></table>`;
}

function htmlFunction(spec: FunctionSpec): string {
  const parts: string[] = [
    `<section class="function" id="${helpAnchor(spec)}">`,
    `<h2><a href="#${helpAnchor(spec)}">${NAMESPACE}.${spec.name}</a></h2>`,
    `<p>${escapeHtml(plainWords(spec.description))}</p>`,
    `<p><strong>Syntax:</strong> <code>${escapeHtml(syntax(spec))}</code></p>`,
  ];
  if (spec.args.length === 0) parts.push("<p>Takes no arguments.</p>");
  else {
    parts.push('<table class="args"><thead><tr><th>Argument</th><th></th><th>Description</th></tr></thead><tbody>');
    for (const a of spec.args) {
      parts.push(`<tr><td><code>${escapeHtml(a.name)}</code></td><td>${a.optional ? "optional" : "required"}</td><td>${escapeHtml(plainWords(a.help))}</td></tr>`);
    }
    parts.push("</tbody></table>");
  }
  parts.push(`<p><strong>Result:</strong> ${escapeHtml(plainWords(spec.result.describe))}</p>`);
  for (const note of spec.notes ?? []) parts.push(`<p>${escapeHtml(plainWords(note))}</p>`);
  const worked = WORKED[spec.name];
  if (worked) {
    parts.push("<h3>Worked example</h3>", `<p>${escapeHtml(worked.story)}</p>`, `<div class="example"><code>${escapeHtml(worked.formula)}</code>${htmlResult(workedResult(worked))}</div>`);
  }
  if (spec.examples.length > 0) {
    parts.push(`<h3>${worked ? "More examples" : "Examples"}</h3>`);
    for (const e of spec.examples) parts.push(`<div class="example"><code>${escapeHtml(e.formula)}</code>${htmlResult(e.result)}</div>`);
  }
  if (spec.errors.length > 0) {
    parts.push('<h3>Errors and how to fix them</h3><table class="errors"><thead><tr><th>Error</th><th>When</th><th>How to fix it</th></tr></thead><tbody>');
    for (const e of spec.errors) parts.push(`<tr><td data-label="Error"><code>${escapeHtml(e.code)}</code></td><td data-label="When">${escapeHtml(plainWords(e.when))}</td><td data-label="How to fix it">${escapeHtml(fixOf(e))}</td></tr>`);
    parts.push("</tbody></table>");
  }
  parts.push("</section>");
  return parts.join("\n");
}

const STYLE = `
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; line-height: 1.5; overflow-wrap: anywhere; }
h1 { color: #005eb8; margin-bottom: 0.25rem; }
h2 { border-top: 2px solid #005eb8; padding-top: 1rem; margin-top: 2.5rem; }
h2 a { color: #005eb8; text-decoration: none; }
h3 { font-size: 1rem; margin-bottom: 0.25rem; }
code, pre { font-family: Consolas, "Cascadia Mono", monospace; font-size: 0.92em; }
code { background: #f0f4f5; padding: 0.05rem 0.3rem; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
table.args, table.errors { width: 100%; }
th, td { border: 1px solid #d8dde0; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f0f4f5; }
table.result td { font-family: Consolas, "Cascadia Mono", monospace; text-align: right; min-width: 4rem; }
pre.result { background: #f7f9fa; border-left: 3px solid #768692; padding: 0.4rem 0.8rem; margin: 0.4rem 0 0.8rem; white-space: pre-wrap; }
.example { margin: 0.5rem 0 1rem; }
.note { color: #4c6272; font-size: 0.9em; }
nav ul { columns: 2; }
.example code { display: block; white-space: pre-wrap; word-break: break-all; padding: 0.3rem 0.5rem; }
a:focus-visible { outline: 2px solid #005eb8; outline-offset: 2px; }
/* Narrow windows (the task pane is 320 to 350 px): one column, tables as stacked rows, nothing wider than the page. */
@media (max-width: 40rem) {
  body { padding: 0.75rem 0.75rem 3rem; }
  nav ul { columns: 1; padding-left: 1.2rem; }
  table.args, table.errors, table.args tbody, table.errors tbody, table.args tr, table.errors tr, table.args td, table.errors td { display: block; width: auto; }
  table.args thead, table.errors thead { position: absolute; left: -10000px; }
  table.args tr, table.errors tr { border: 1px solid #d8dde0; margin-bottom: 0.5rem; }
  table.args td, table.errors td { border: 0; border-bottom: 1px solid #eef1f2; }
  table.errors td::before { content: attr(data-label) ": "; font-weight: 600; }
  table.result { display: block; max-width: 100%; overflow-x: auto; }
}
`;

export function renderFunctionsHtml(catalogue: readonly FunctionSpec[] = CATALOGUE): string {
  const head = [
    "<!DOCTYPE html>",
    `<!-- ${escapeHtml(GENERATED_NOTE)} -->`,
    '<html lang="en-GB">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(DOCS_TITLE)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(DOCS_TITLE)}</h1>`,
    `<p class="note">ics-finance ${escapeHtml(ADDIN_VERSION)}, catalogue ${escapeHtml(CATALOGUE_EDITION)}. This page is generated from the catalogue that the Excel add-in, the headless engine and the <code>ics-finance</code> CLI all run, so every example below is what <code>ics-finance eval</code> prints.</p>`,
    "<h2 id=\"conventions\">Conventions</h2>",
    "<dl>",
    ...CONVENTIONS.map((c) => `<dt><strong>${escapeHtml(c.term)}</strong></dt><dd>${escapeHtml(c.text)}</dd>`),
    "</dl>",
    '<nav><h2 id="functions">Functions</h2><ul>',
    ...catalogue.map((spec) => `<li><a href="#${helpAnchor(spec)}"><code>${escapeHtml(syntax(spec))}</code></a></li>`),
    "</ul></nav>",
  ];
  return [...head, ...catalogue.map(htmlFunction), "</body>", "</html>", ""].join("\n");
}
