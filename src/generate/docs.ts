/**
 * Writes the function reference (docs/functions.md and docs/functions.html) from the catalogue
 * alone, so the page users reach from Excel's "help on this function" link can never disagree with
 * what the add-in does. The HTML is self-contained (no scripts, no external styles) because the
 * add-in serves it next to the task pane and it must also open from disk.
 */
import { ADDIN_VERSION, CATALOGUE, CATALOGUE_EDITION, FunctionSpec, NAMESPACE } from "../core";
import { helpAnchor } from "./functionsTs";

export const DOCS_TITLE = `${NAMESPACE} function reference`;

/** `ICS.DELEGATE(amount, weights, [floors], [caps], [round_to])`. */
export function syntax(spec: FunctionSpec): string {
  return `${NAMESPACE}.${spec.name}(${spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join(", ")})`;
}

function resultKind(spec: FunctionSpec): string {
  return spec.result.kind === "spill" ? "spill" : spec.result.type;
}

const GENERATED_NOTE = "Generated from the catalogue (src/core/catalogue) by `npm run generate`: do not edit by hand.";

/** The conventions every function follows (FUNCTIONS.md), as a user needs them. */
const CONVENTIONS: readonly { term: string; text: string }[] = [
  { term: "Units", text: "Money is a plain number in whatever unit the workbook uses (£ or £000). Functions never guess units; round_to is in the same unit." },
  { term: "round_to", text: "The rounding unit of every money result: a positive power of ten (0.01, 1, 1000), default 0.01. Results are exact decimals rounded half away from zero; anything else (0, negative, 0.3) is #VALUE!." },
  { term: "Exact splits", text: "Every split adds up to its total exactly: parts are floored to the unit and the units left over go to the largest remainders, ties to the earlier row." },
  { term: "Ranges", text: "A column argument takes an n×1 range or a 1×n row. Parallel arguments must have the same number of rows." },
  { term: "Blanks", text: "A blank cell in a numeric range is \"no value\": ignored in totals, zero weight in splits, no limit in floors and caps." },
  { term: "Text and TRUE/FALSE", text: "Where a number is needed they are errors, never silently skipped (unlike SUM): #VALUE! naming the argument and row." },
  { term: "Errors are values", text: "A problem returns #VALUE! with a message \"ICS.<NAME>: <argument> row <r>: <what is wrong>\" (shown in Excel's error menu); #DIV/0! only where stated; an error in an input cell is passed on unchanged. Numbers that are not finite or beyond ±1e15 are #NUM!." },
];

// ---------------------------------------------------------------- Markdown

function mdCell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
}

function mdCode(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function mdFunction(spec: FunctionSpec): string {
  const lines: string[] = [`<a id="${helpAnchor(spec)}"></a>`, "", `## ${NAMESPACE}.${spec.name}`, "", spec.description, ""];
  lines.push(`**Syntax:** ${mdCode(syntax(spec))}`, "");
  if (spec.args.length === 0) lines.push("Takes no arguments.", "");
  else {
    lines.push("| Argument | | Description |", "|---|---|---|");
    for (const a of spec.args) lines.push(`| ${mdCode(a.name)} | ${a.optional ? "optional" : "required"} | ${mdCell(a.help)} |`);
    lines.push("");
  }
  lines.push(`**Result** (${resultKind(spec)}): ${spec.result.describe}`, "");
  for (const note of spec.notes ?? []) lines.push(note, "");
  if (spec.examples.length > 0) {
    lines.push("**Examples**", "");
    for (const e of spec.examples) lines.push(mdCode(e.formula), "", "```text", e.result, "```", "");
  }
  if (spec.errors.length > 0) {
    lines.push("**Errors**", "", "| Error | When |", "|---|---|");
    for (const e of spec.errors) lines.push(`| ${mdCode(e.code)} | ${mdCell(e.when)} |`);
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
    `ics-finance ${ADDIN_VERSION}, catalogue ${CATALOGUE_EDITION}. This page is generated from the catalogue that the Excel add-in, the headless engine and the \`ics-finance\` CLI all run, so every example below is what \`ics-finance eval\` prints (rows on lines, cells separated by tabs, an error as its code, a tab and its message).`,
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
    `<p>${escapeHtml(spec.description)}</p>`,
    `<p><strong>Syntax:</strong> <code>${escapeHtml(syntax(spec))}</code></p>`,
  ];
  if (spec.args.length === 0) parts.push("<p>Takes no arguments.</p>");
  else {
    parts.push('<table class="args"><thead><tr><th>Argument</th><th></th><th>Description</th></tr></thead><tbody>');
    for (const a of spec.args) {
      parts.push(`<tr><td><code>${escapeHtml(a.name)}</code></td><td>${a.optional ? "optional" : "required"}</td><td>${escapeHtml(a.help)}</td></tr>`);
    }
    parts.push("</tbody></table>");
  }
  parts.push(`<p><strong>Result</strong> (${resultKind(spec)}): ${escapeHtml(spec.result.describe)}</p>`);
  for (const note of spec.notes ?? []) parts.push(`<p>${escapeHtml(note)}</p>`);
  if (spec.examples.length > 0) {
    parts.push("<h3>Examples</h3>");
    for (const e of spec.examples) parts.push(`<div class="example"><code>${escapeHtml(e.formula)}</code>${htmlResult(e.result)}</div>`);
  }
  if (spec.errors.length > 0) {
    parts.push('<h3>Errors</h3><table class="errors"><thead><tr><th>Error</th><th>When</th></tr></thead><tbody>');
    for (const e of spec.errors) parts.push(`<tr><td><code>${escapeHtml(e.code)}</code></td><td>${escapeHtml(e.when)}</td></tr>`);
    parts.push("</tbody></table>");
  }
  parts.push("</section>");
  return parts.join("\n");
}

const STYLE = `
body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; line-height: 1.5; }
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
