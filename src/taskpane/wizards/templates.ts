/**
 * Inserting a template (src/templates) through the port into any workbook: sheets and defined
 * names already in use are given free ones ("Checks 2", "RoundTo_2"), and the template's
 * formulas, names and checks follow them (src/templates/ops.ts, renamedSpec).
 */
import { InsertPlan, insertPlan, renamedSpec, specOps } from "../../templates/ops";
import type { TemplateSpec } from "../../templates/spec";
import { WorkbookOp, WorkbookPort } from "../../workbook/port";

/** Sheets the ops would add that the workbook already has (Excel compares names without case). */
export function clashingSheets(ops: readonly WorkbookOp[], existing: readonly string[]): string[] {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  return ops.flatMap((op) => (op.op === "addSheet" && taken.has(op.sheet.toLowerCase()) ? [op.sheet] : []));
}

function quotedList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** What the pane tells the user about the names a template was given. */
export function planMessage(plan: InsertPlan): string {
  const parts: string[] = [];
  if (plan.sheets.size > 0) {
    const many = plan.sheets.size > 1;
    parts.push(`This workbook already had ${many ? "sheets" : "a sheet"} ${quotedList([...plan.sheets.keys()])}, so the template's went in as ${quotedList([...plan.sheets.values()])}.`);
  }
  if (plan.names.size > 0) {
    parts.push(`Its names ${quotedList([...plan.names.keys()])} were taken too: its formulas use ${quotedList([...plan.names.values()])} instead.`);
  }
  return parts.join(" ");
}

export interface InsertResult {
  ok: boolean;
  message: string;
  /** The sheet names the template was written to, in its order. */
  sheets: string[];
}

/** Writes the template under free sheet and defined names; resolves to what to tell the user. */
export async function insertTemplate(port: WorkbookPort, spec: TemplateSpec): Promise<InsertResult> {
  const [sheets, names] = await Promise.all([port.sheetNames(), port.namesInUse()]);
  const plan = insertPlan(spec, sheets, names);
  const placed = renamedSpec(spec, plan);
  await port.apply(specOps(placed));
  const renamed = planMessage(plan);
  return {
    ok: true,
    message: `Inserted "${spec.title}" as the sheets ${quotedList(placed.sheets.map((s) => s.name))}. Its inputs are yellow; the formulas recalculate when you change them.${renamed ? ` ${renamed}` : ""}`,
    sheets: placed.sheets.map((s) => s.name),
  };
}
