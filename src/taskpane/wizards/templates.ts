/** Inserting a template (src/templates) through the port: refuse when a sheet it adds already exists. */
import { WorkbookOp, WorkbookPort } from "../../workbook/port";

/** Sheets the ops would add that the workbook already has (Excel compares names without case). */
export function clashingSheets(ops: readonly WorkbookOp[], existing: readonly string[]): string[] {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  return ops.flatMap((op) => (op.op === "addSheet" && taken.has(op.sheet.toLowerCase()) ? [op.sheet] : []));
}

/** Writes the ops, or explains which sheets are in the way; resolves to what to tell the user. */
export async function insertTemplate(port: WorkbookPort, title: string, ops: readonly WorkbookOp[]): Promise<{ ok: boolean; message: string }> {
  const clashes = clashingSheets(ops, await port.sheetNames());
  if (clashes.length > 0) {
    const list = clashes.map((s) => `"${s}"`).join(", ");
    return { ok: false, message: `This workbook already has ${list}: rename or delete ${clashes.length > 1 ? "them" : "it"}, then insert "${title}" again.` };
  }
  await port.apply(ops);
  return { ok: true, message: `Inserted "${title}". Its inputs are yellow; the formulas recalculate when you change them.` };
}
