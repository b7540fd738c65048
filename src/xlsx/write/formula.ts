/**
 * Add-in calls as a file holds them and as a user types them. Excel saves a call to a JavaScript
 * custom function as `_xldudf_<NAMESPACE>_<ID>(` and maps it back to `ICS.<ID>(` when the add-in
 * loads; a file holding `ICS.<ID>(` as text stays at #NAME? (see ../shared/design/EXCEL-FILES.md).
 * Text in quotes and quoted sheet names is never touched.
 */

/** The parts of a formula outside string literals and quoted sheet names, each mapped. */
function outsideQuotes(formula: string, map: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : map(part)))
    .join("");
}

const TYPED_CALL = /(^|[^A-Za-z0-9_.$!'\]])ICS\.([A-Za-z][A-Za-z0-9_.]*)\s*\(/gi;
const SAVED_CALL = /_xldudf_ICS_([A-Za-z0-9_]+)\s*\(/gi;

/** `ICS.DELEGATE(` → `_xldudf_ICS_DELEGATE(`, as Excel writes the call in a file. */
export function toFileFormula(formula: string): string {
  return outsideQuotes(formula, (part) => part.replace(TYPED_CALL, (_, before: string, id: string) => `${before}_xldudf_ICS_${id.toUpperCase().replace(/\./g, "_")}(`));
}

/** `_xldudf_ICS_DELEGATE(` → `ICS.DELEGATE(`, as a user types it (and Excel shows it). */
export function fromFileFormula(formula: string): string {
  return outsideQuotes(formula, (part) => part.replace(SAVED_CALL, (_, id: string) => `ICS.${id.toUpperCase()}(`));
}

/** The formula calls an ICS function, typed (`ICS.POT(`) or as saved (`_xldudf_ICS_POT(`). */
export function callsIcs(formula: string): boolean {
  let found = false;
  outsideQuotes(formula, (part) => {
    TYPED_CALL.lastIndex = 0;
    SAVED_CALL.lastIndex = 0;
    if (TYPED_CALL.test(part) || SAVED_CALL.test(part)) found = true;
    return part;
  });
  TYPED_CALL.lastIndex = 0;
  SAVED_CALL.lastIndex = 0;
  return found;
}

/** The ICS function ids a formula calls, upper case, e.g. ["DELEGATE", "POT"]. */
export function icsCalls(formula: string): string[] {
  const ids = new Set<string>();
  outsideQuotes(fromFileFormula(formula), (part) => {
    for (const m of part.matchAll(TYPED_CALL)) ids.add(m[2].toUpperCase());
    return part;
  });
  return [...ids].sort();
}

/** The formula holds an `ICS.` call as text (what must never be in a file). */
export function hasTypedIcsCall(formula: string): boolean {
  let found = false;
  outsideQuotes(formula, (part) => {
    TYPED_CALL.lastIndex = 0;
    if (TYPED_CALL.test(part)) found = true;
    return part;
  });
  TYPED_CALL.lastIndex = 0;
  return found;
}
