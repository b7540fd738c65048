/**
 * The single pot's funding streams (DOMAIN.md "The single pot"). Keys are stored in users'
 * workbooks: never rename one; add new streams before `other`.
 */
export const STREAMS = [
  { key: "core", display: "Core services", holds: "core commissioning, formerly the CCG budgets" },
  { key: "primary_medical", display: "Primary medical care", holds: "delegated GP contracts" },
  { key: "pod", display: "Pharmacy, optometry and dental", holds: "delegated to all ICBs from April 2023" },
  { key: "specialised", display: "Specialised services", holds: "delegated specialised commissioning" },
  { key: "other_direct", display: "Other directly commissioned", holds: "other services NHS England commissioned directly" },
  { key: "running_costs", display: "Running costs", holds: "the running cost allowance" },
  { key: "system_support", display: "System support", holds: "central support, sustainability and deficit support funding" },
  { key: "transformation", display: "Transformation and development", holds: "nationally held transformation / service development funding" },
  { key: "elective_recovery", display: "Elective recovery", holds: "elective recovery funding" },
  { key: "other", display: "Other", holds: "anything else brought into the pot" },
] as const;

export type StreamKey = (typeof STREAMS)[number]["key"];
export const STREAM_KEYS: readonly StreamKey[] = STREAMS.map((s) => s.key);

const byName = new Map<string, number>();
STREAMS.forEach((s, i) => {
  byName.set(s.key, i);
  byName.set(s.display.toLowerCase(), i);
});

/** The stream's position in key order, from its key or display name (any case); undefined if unknown. */
export function streamIndex(name: string): number | undefined {
  return byName.get(name.trim().toLowerCase());
}
