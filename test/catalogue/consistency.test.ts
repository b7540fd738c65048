/**
 * The catalogue is declared once and served by several faces. This proves they all list the same
 * functions with the same arguments in the same order: the catalogue module, functions.json as
 * Microsoft's generator reads it from the JSDoc wrappers, the HyperFormula plugin, and the
 * reference page (Markdown and HTML). It also runs every documented example through the engine
 * and the CLI's formatter: the page must print what `ics-finance eval` prints.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOGUE, FunctionSpec, NAMESPACE } from "../../src/core";
import { formatOutput } from "../../src/cli/format";
import { evaluateFormula } from "../../src/engine";
import { IcsPlugin } from "../../src/engine/plugin";
import { plainWords, syntax, workedResult } from "../../src/generate/docs";
import { WORKED } from "../../src/generate/worked";
import { HELP_BASE_URL, helpAnchor } from "../../src/generate/functionsTs";

const root = path.join(__dirname, "..", "..");
const names = CATALOGUE.map((spec) => spec.name);
/** JSDoc and Markdown tables carry text on one line. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result: { type?: string; dimensionality?: string };
}

describe("functions.json from the JSDoc wrappers", () => {
  let functions: MetadataFunction[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(root, "src", "functions", "functions.ts"), false);
    errors = generated.errors;
    functions = errors.length === 0 ? (JSON.parse(generated.metadataJson) as { functions: MetadataFunction[] }).functions : [];
  }, 30000);

  test("Microsoft's generator reports no errors", () => {
    expect(errors).toEqual([]);
  });

  test("ids and names are exactly the catalogue's, in catalogue order (the namespace comes from the manifest)", () => {
    expect(functions.map((f) => f.id)).toEqual(names);
    expect(functions.map((f) => f.name)).toEqual(names);
  });

  describe.each(CATALOGUE.map((spec) => [spec.name, spec] as const))("ICS.%s", (name, spec) => {
    const fn = () => {
      const found = functions.find((f) => f.id === name);
      if (!found) throw new Error(`${name} is missing from functions.json`);
      return found;
    };

    test("description and help link match the catalogue", () => {
      expect(fn().description).toBe(oneLine(spec.description));
      expect(fn().helpUrl).toBe(`${HELP_BASE_URL}#${helpAnchor(spec)}`);
    });

    test("parameters: same names, order, help and optional flags; ranges are matrices, never repeating", () => {
      const params = fn().parameters;
      expect(params.map((p) => p.name)).toEqual(spec.args.map((a) => a.name));
      spec.args.forEach((arg, i) => {
        const p = params[i];
        expect(p.description).toBe(oneLine(arg.help));
        expect(p.optional === true).toBe(arg.optional);
        expect(p.repeating).toBeUndefined();
        if (arg.kind === "range") expect(p.dimensionality).toBe("matrix");
        else expect(p.dimensionality ?? "scalar").toBe("scalar");
      });
    });

    test("the result is a spill exactly when the catalogue says so", () => {
      const result = fn().result;
      if (spec.result.kind === "spill") expect(result.dimensionality).toBe("matrix");
      else {
        expect(result.dimensionality ?? "scalar").toBe("scalar");
        expect(result.type).toBe({ number: "number", boolean: "boolean", text: "string" }[spec.result.type]);
      }
    });
  });
});

describe("the engine plugin", () => {
  const implemented = IcsPlugin.implementedFunctions;

  test("implements exactly the catalogue's ids, in catalogue order", () => {
    expect(Object.keys(implemented)).toEqual(names.map((n) => `${NAMESPACE}.${n}`));
  });

  test.each(CATALOGUE.map((spec) => [spec.name, spec] as const))("ICS.%s has the catalogue's parameters and optionality", (name, spec) => {
    const params = implemented[`${NAMESPACE}.${name}`].parameters ?? [];
    expect(params.map((p) => p.optionalArg === true)).toEqual(spec.args.map((a) => a.optional));
  });
});

// ---------------------------------------------------------------- the reference page

interface DocumentedFunction {
  heading: string;
  anchor: string;
  syntax: string;
  args: { name: string; presence: string; help: string }[];
}

function readDoc(file: string): string {
  const full = path.join(root, "docs", file);
  if (!fs.existsSync(full)) throw new Error(`docs/${file} is missing: run \`npm run generate\``);
  return fs.readFileSync(full, "utf8");
}

/** Splits a Markdown table row on unescaped pipes and undoes the escapes. */
function markdownCells(row: string): string[] {
  const cells = row.trim().replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/);
  return cells.map((c) => c.trim().replace(/\\\|/g, "|").replace(/\\\\/g, "\\"));
}

function parseMarkdown(text: string): DocumentedFunction[] {
  const sections = text.split(/^(?=<a id="[^"]+"><\/a>\n\n## )/m).slice(1);
  return sections.map((section) => {
    const anchor = /^<a id="([^"]+)"><\/a>/.exec(section)![1];
    const heading = /^## (.+)$/m.exec(section)![1];
    const syntaxLine = /^\*\*Syntax:\*\* `(.+)`$/m.exec(section);
    const rows = section.split("\n").filter((line) => line.startsWith("| `") && !line.includes("| `#"));
    const args = rows.map((row) => {
      const [name, presence, help] = markdownCells(row);
      return { name: name.replace(/^`|`$/g, ""), presence, help };
    });
    return { heading, anchor, syntax: syntaxLine ? syntaxLine[1] : "", args };
  });
}

function unescapeHtml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function parseHtml(text: string): DocumentedFunction[] {
  const sections = [...text.matchAll(/<section class="function" id="([^"]+)">([\s\S]*?)<\/section>/g)];
  return sections.map(([, anchor, body]) => {
    const heading = unescapeHtml(/<h2><a href="#[^"]+">([^<]+)<\/a><\/h2>/.exec(body)![1]);
    const syntaxMatch = /<strong>Syntax:<\/strong> <code>([^<]+)<\/code>/.exec(body);
    const table = /<table class="args">([\s\S]*?)<\/table>/.exec(body);
    const args = table
      ? [...table[1].matchAll(/<tr><td><code>([^<]+)<\/code><\/td><td>([^<]+)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(([, name, presence, help]) => ({
          name: unescapeHtml(name),
          presence,
          help: unescapeHtml(help),
        }))
      : [];
    return { heading, anchor, syntax: syntaxMatch ? unescapeHtml(syntaxMatch[1]) : "", args };
  });
}

function expectedEntry(spec: FunctionSpec): DocumentedFunction {
  return {
    heading: `${NAMESPACE}.${spec.name}`,
    anchor: helpAnchor(spec),
    syntax: syntax(spec),
    // The page says the help in words (plainWords: a column, not n×1).
    args: spec.args.map((a) => ({ name: a.name, presence: a.optional ? "optional" : "required", help: plainWords(oneLine(a.help)) })),
  };
}

describe.each([
  ["docs/functions.md", () => parseMarkdown(readDoc("functions.md"))],
  ["docs/functions.html", () => parseHtml(readDoc("functions.html"))],
])("the reference page %s", (_file, parse) => {
  test("has one section per catalogue function, in catalogue order, with the help-link anchor", () => {
    const documented = parse();
    expect(documented.map((d) => d.heading)).toEqual(names.map((n) => `${NAMESPACE}.${n}`));
    expect(documented.map((d) => d.anchor)).toEqual(CATALOGUE.map(helpAnchor));
  });

  test("shows each function's syntax and every argument with its presence and help", () => {
    expect(parse()).toEqual(CATALOGUE.map(expectedEntry));
  });
});

test("anchors are the lower-cased ids the Excel help links point at", () => {
  expect(CATALOGUE.map(helpAnchor)).toEqual(names.map((n) => `ics${n.toLowerCase()}`));
});

// ---------------------------------------------------------------- documented examples

const examples = CATALOGUE.flatMap((spec) => spec.examples.map((e) => [spec.name, e.formula, e.result] as const));

describe("every documented example prints exactly its documented result", () => {
  test("every function has at least one example", () => {
    const without = CATALOGUE.filter((spec) => spec.examples.length === 0).map((spec) => spec.name);
    expect(without).toEqual([]);
  });

  test.each(examples)("ICS.%s: %s", (name, formula, result) => {
    expect(formula.toUpperCase()).toContain(`${NAMESPACE}.${name}(`);
    expect(formatOutput(evaluateFormula(formula))).toBe(result);
  });
});

describe("the reference page speaks to finance staff", () => {
  test("every error says how to fix it", () => {
    const without = CATALOGUE.flatMap((spec) => spec.errors.filter((e) => !e.fix).map((e) => `ICS.${spec.name}: ${e.when}`));
    expect(without).toEqual([]);
  });

  test("every function but VERSION has a worked example, and each gives a result, not an error", () => {
    expect(CATALOGUE.filter((spec) => !WORKED[spec.name]).map((spec) => spec.name)).toEqual(["VERSION"]);
    for (const [name, example] of Object.entries(WORKED)) {
      expect(example.formula.toUpperCase()).toContain(`${NAMESPACE}.${name}(`);
      expect([name, workedResult(example)]).toEqual([name, expect.not.stringMatching(/^#/)]);
    }
  });

  test("no shorthand on the page: n×1, m×(1+n), spill or ±1e15", () => {
    for (const file of ["functions.md", "functions.html"]) {
      const text = readDoc(file).replace(/<style>[\s\S]*?<\/style>/, "");
      expect([file, text.match(/\b[nmky]×|×\(1\+n\)|\bspills?\b|±1e15/g)]).toEqual([file, null]);
    }
  });
});
