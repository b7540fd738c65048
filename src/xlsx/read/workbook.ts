/**
 * `xl/workbook.xml`: the sheets in order (name, state, relationship id), defined names of every
 * kind and scope as saved, the date system, calculation settings and external references.
 */
import type { Package } from "./package";
import { TextCollector } from "./package";
import { isTrue } from "./parts";
import type { Attributes } from "./xml";

export interface SheetEntry {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly rid: string;
}

export interface NameEntry {
  readonly name: string;
  readonly localSheetId?: number;
  readonly hidden: boolean;
  readonly refersTo: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  names: NameEntry[];
  date1904: boolean;
  calc: { calcId?: number; mode: "auto" | "manual" | "autoNoTable"; fullCalcOnLoad: boolean };
  externalReferences: number;
}

export function readWorkbookPart(pkg: Package, part: string): WorkbookPart | undefined {
  const wb: WorkbookPart = { sheets: [], names: [], date1904: false, calc: { mode: "auto", fullCalcOnLoad: false }, externalReferences: 0 };
  const stack: string[] = [];
  const text = new TextCollector();
  let pendingName: Omit<NameEntry, "refersTo"> | undefined;
  const found = pkg.xml(part, {
    open(local: string, a: Attributes) {
      const parent = stack[stack.length - 1];
      stack.push(local);
      if (stack.length === 2 && local === "workbookPr") wb.date1904 = isTrue(a.get("date1904"));
      else if (parent === "sheets" && local === "sheet") {
        const s = a.get("state");
        wb.sheets.push({ name: a.get("name") ?? "", state: s === "hidden" || s === "veryHidden" ? s : "visible", rid: a.getPrefixed("id") ?? a.get("id") ?? "" });
      } else if (parent === "definedNames" && local === "definedName") {
        const id = a.get("localSheetId");
        pendingName = { name: a.get("name") ?? "", hidden: isTrue(a.get("hidden")), ...(id !== undefined && /^\d{1,6}$/.test(id.trim()) ? { localSheetId: Number(id) } : {}) };
        text.start();
      } else if (stack.length === 2 && local === "calcPr") {
        const id = Number(a.get("calcId"));
        const mode = a.get("calcMode");
        wb.calc = { ...(Number.isFinite(id) && a.get("calcId") !== undefined ? { calcId: id } : {}), mode: mode === "manual" || mode === "autoNoTable" ? mode : "auto", fullCalcOnLoad: isTrue(a.get("fullCalcOnLoad")) };
      } else if (parent === "externalReferences" && local === "externalReference") wb.externalReferences++;
    },
    close(local: string) {
      stack.pop();
      if (local === "definedName" && pendingName) {
        wb.names.push({ ...pendingName, refersTo: text.finish() });
        pendingName = undefined;
      }
    },
    text: (s, a, b) => text.add(s, a, b),
    cdata: (t) => text.addLiteral(t),
  });
  return found ? wb : undefined;
}
