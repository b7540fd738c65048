/**
 * Writes src/functions/functions.ts from the catalogue. Microsoft's metadata generator reads JSDoc
 * syntactically from top-level function declarations, so the wrappers must exist as source; they
 * are generated so that the catalogue stays the one declaration (a test fails when they drift).
 */
import { CATALOGUE, FunctionSpec } from "../core";

export const HELP_BASE_URL = "https://localhost:3000/help/functions.html";

export function helpAnchor(spec: FunctionSpec): string {
  return `ics${spec.name.toLowerCase()}`;
}

function jsdocText(text: string): string {
  return text.replace(/\*\//g, "* /").replace(/\s+/g, " ").trim();
}

function returnType(spec: FunctionSpec): string {
  if (spec.result.kind === "spill") return "any[][]";
  return { number: "number", boolean: "boolean", text: "string" }[spec.result.type];
}

function wrapper(spec: FunctionSpec): string {
  const params = spec.args.map((a) => `${a.name}${a.optional ? "?" : ""}: ${a.kind === "range" ? "any[][]" : "any"}`);
  const doc = [
    "/**",
    ` * ${jsdocText(spec.description)}`,
    ` * @customfunction ${spec.name}`,
    ` * @helpurl ${HELP_BASE_URL}#${helpAnchor(spec)}`,
    ...spec.args.map((a) => ` * @param ${a.optional ? `[${a.name}]` : a.name} ${jsdocText(a.help)}`),
    ` * @returns ${jsdocText(spec.result.describe)}`,
    " */",
  ];
  const fnName = spec.name.toLowerCase();
  const body = `  return invoke("${spec.name}", [${spec.args.map((a) => a.name).join(", ")}]);`;
  return `${doc.join("\n")}\nexport function ${fnName}(${params.join(", ")}): ${returnType(spec)} {\n${body}\n}\n`;
}

export function renderFunctionsTs(catalogue: readonly FunctionSpec[] = CATALOGUE): string {
  const header = [
    "// GENERATED from src/core/catalogue by `npm run generate`: do not edit by hand.",
    "// Each wrapper is one call into the shared adapter; CustomFunctionsMetadataPlugin reads this JSDoc",
    "// to write functions.json and appends the CustomFunctions.associate calls at build time.",
    "/* eslint-disable @typescript-eslint/no-explicit-any */",
    'import { invoke } from "./adapter";',
    "",
  ];
  return header.join("\n") + "\n" + catalogue.map(wrapper).join("\n");
}
