/** Rules for ops that both adapters enforce the same way, so the playground fails where Excel would. */

/** Excel's list source is one comma-separated string with no escape, so an item may not hold a comma. */
export function listSource(items: readonly string[]): string {
  const bad = items.find((item) => item.includes(","));
  if (bad !== undefined) throw new Error(`list item "${bad}" holds a comma, which Excel's list validation cannot carry`);
  return items.join(",");
}
