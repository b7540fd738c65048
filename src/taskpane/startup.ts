/**
 * What the add-in does when it starts in a workbook, and what it remembers once used: after the
 * first write that adds a sheet (a template inserted or a wizard run), Office is asked to load
 * the add-in with documents from the next open on, so its functions bind before anyone
 * recalculates (Office.addin.setStartupBehavior, shared runtime).
 */
import { WorkbookOp, WorkbookPort } from "../workbook/port";

/** The same port, calling `remember` once after the first successful write that adds a sheet. */
export function rememberOnFirstWrite(port: WorkbookPort, remember: () => Promise<void>): WorkbookPort {
  let remembered = false;
  return {
    apply: async (ops: readonly WorkbookOp[]) => {
      await port.apply(ops);
      if (remembered || !ops.some((op) => op.op === "addSheet")) return;
      remembered = true;
      // Hosts without the shared runtime's startup API keep working; nothing to tell the user.
      await remember().catch(() => undefined);
    },
    readRange: (sheet, range) => port.readRange(sheet, range),
    readFormulas: (sheet, range) => port.readFormulas(sheet, range),
    readName: (name) => port.readName(name),
    getSelection: () => port.getSelection(),
    sheetNames: () => port.sheetNames(),
    readFormulaCells: () => port.readFormulaCells(),
  };
}
