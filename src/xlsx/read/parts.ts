/**
 * The smaller parts: cell metadata (which `cm` marks a dynamic array), tables, and custom
 * document properties.
 */
import type { PropertyValue, TableDef } from "../model";
import type { Package } from "./package";
import { TextCollector } from "./package";
import { unescapeXstring } from "./strings";
import type { Attributes } from "./xml";

const TRUE = new Set(["1", "true", "on"]);

export function isTrue(v: string | undefined): boolean {
  return v !== undefined && TRUE.has(v.trim().toLowerCase());
}

/**
 * `xl/metadata.xml`: for each cell-metadata index (`cm`, 1-based), whether it marks a dynamic
 * array (an `rc` of type XLDAPR pointing at `dynamicArrayProperties fDynamic="1"`).
 */
export function readDynamicArrayMetadata(pkg: Package, part: string): boolean[] {
  const types: string[] = [];
  const futureDynamic: boolean[] = [];
  const cellBlocks: { t: number; v: number }[] = [];
  let inFuture = false;
  let inCellMetadata = false;
  let bk = -1;
  pkg.xml(part, {
    open(local: string, a: Attributes) {
      if (local === "metadataType") types.push(a.get("name") ?? "");
      else if (local === "futureMetadata") inFuture = a.get("name") === "XLDAPR";
      else if (local === "cellMetadata") inCellMetadata = true;
      else if (local === "bk") {
        if (inFuture) futureDynamic.push(false), (bk = futureDynamic.length - 1);
        else if (inCellMetadata) cellBlocks.push({ t: 0, v: -1 }), (bk = cellBlocks.length - 1);
      } else if (local === "dynamicArrayProperties" && inFuture && bk >= 0) futureDynamic[bk] = isTrue(a.get("fDynamic"));
      else if (local === "rc" && inCellMetadata && bk >= 0 && cellBlocks[bk].t === 0) {
        cellBlocks[bk] = { t: Number(a.get("t") ?? 0), v: Number(a.get("v") ?? -1) };
      }
    },
    close(local: string) {
      if (local === "futureMetadata") inFuture = false;
      else if (local === "cellMetadata") inCellMetadata = false;
      else if (local === "bk") bk = -1;
    },
  });
  const anyFuture = futureDynamic.length > 0;
  const out: boolean[] = [false];
  for (const b of cellBlocks) out.push(types[b.t - 1] === "XLDAPR" && (anyFuture ? futureDynamic[b.v] === true : true));
  return out;
}

export function readTable(pkg: Package, part: string, sheet: string): TableDef | undefined {
  let name = "";
  let ref = "";
  let headerRows = 1;
  let totalsRows = 0;
  const columns: string[] = [];
  let inColumns = false;
  let depth = 0;
  let columnsDepth = -1;
  const found = pkg.xml(part, {
    open(local: string, a: Attributes) {
      depth++;
      if (local === "table" && depth === 1) {
        name = a.get("displayName") ?? a.get("name") ?? "";
        ref = a.get("ref") ?? "";
        const h = a.get("headerRowCount");
        const t = a.get("totalsRowCount");
        if (h !== undefined && Number.isFinite(Number(h))) headerRows = Number(h);
        if (t !== undefined && Number.isFinite(Number(t))) totalsRows = Number(t);
      } else if (local === "tableColumns" && depth === 2) {
        inColumns = true;
        columnsDepth = depth;
      } else if (local === "tableColumn" && inColumns && depth === columnsDepth + 1) columns.push(unescapeXstring(a.get("name") ?? ""));
    },
    close(local: string) {
      if (local === "tableColumns" && depth === columnsDepth) inColumns = false;
      depth--;
    },
  });
  if (!found || !name || !ref) return undefined;
  return { name, sheet, ref, columns, headerRows, totalsRows };
}

const NUMBER_TYPES = new Set(["i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint", "r4", "r8", "decimal", "cy"]);
const STRING_TYPES = new Set(["lpwstr", "lpstr", "bstr", "filetime", "date", "clsid"]);

/** `docProps/custom.xml`: each property's name and value (vectors and blobs are left out). */
export function readCustomProperties(pkg: Package, part: string): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = Object.create(null);
  const text = new TextCollector();
  let name: string | undefined;
  let valueType: string | undefined;
  let depth = 0;
  let propertyDepth = -1;
  pkg.xml(part, {
    open(local: string, a: Attributes) {
      depth++;
      if (local === "property" && depth === 2) {
        name = a.get("name");
        propertyDepth = depth;
      } else if (name !== undefined && depth === propertyDepth + 1) {
        valueType = local;
        text.start();
      }
    },
    close(local: string) {
      if (name !== undefined && depth === propertyDepth + 1 && local === valueType) {
        const raw = text.finish();
        const t = valueType;
        if (t === "bool") out[name] = isTrue(raw);
        else if (NUMBER_TYPES.has(t) && raw.trim() !== "" && Number.isFinite(Number(raw))) out[name] = Number(raw);
        else if (STRING_TYPES.has(t) || NUMBER_TYPES.has(t)) out[name] = raw;
        valueType = undefined;
      } else if (local === "property" && depth === propertyDepth) {
        name = undefined;
        propertyDepth = -1;
      }
      depth--;
    },
    text: (s, a, b) => text.add(s, a, b),
    cdata: (t) => text.addLiteral(t),
  });
  return { ...out };
}
