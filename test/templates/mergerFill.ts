/** Filling in the merger template as a finance team would: shared by the template and CLI tests. */
import { Cell } from "../../src/core";
import { STREAMS } from "../../src/core/rules/streams";
import { MergerSystem } from "../../src/templates";
import { Edit, Generated, coverEdits, fill } from "./helpers";

const numbers = (cells: readonly Cell[]) => cells as number[];

/** The cells a defined name covers, top to bottom, as edits' addresses. */
export function addresses(t: Generated, name: string): { sheet: string; cells: string[] } {
  const found = t.content.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  const [from, to = from] = found.range.split(":");
  const col = from.replace(/\d+$/, "");
  const top = Number(from.replace(/^[A-Z]+/, ""));
  const bottom = Number(to.replace(/^[A-Z]+/, ""));
  return { sheet: found.sheet, cells: Array.from({ length: bottom - top + 1 }, (_, i) => `${col}${top + i}`) };
}

/** Values typed down a named column. */
export function typeDown(t: Generated, name: string, values: readonly (number | null)[]): Edit[] {
  const { sheet, cells } = addresses(t, name);
  if (values.length !== cells.length) throw new Error(`${name} has ${cells.length} cells, not ${values.length}`);
  return cells.map((at, i) => ({ sheet, at, value: values[i] }));
}

/** Plausible pots (£) by stream for each former body, and England's core allocation. */
export const POTS: Record<string, Record<string, number>> = {
  QU9: { core: 2912000000, primary_medical: 191500000, pod: 151200000, specialised: 402700000, running_costs: 30100000 },
  QNQ: { core: 1148300000, primary_medical: 74900000, pod: 60300000, running_costs: 12400000 },
};
export const ENGLAND_CORE = 98500000000;

/**
 * Everything a finance team types in: the Cover, each former body's pot, England's core allocation
 * and each place's delegated budget today (£300 a head), then each body's pot after the change,
 * typed as NHS England would notify it: the combined body's lines the former bodies' plus what
 * moves in, a body that carries on its own less what moves out.
 */
export function filledIn(t: Generated, system: MergerSystem): Generated {
  const lines = (code: string) => STREAMS.map((s) => POTS[code][s.key] ?? null);
  const first: Edit[] = [
    ...coverEdits(),
    ...system.formerBodies.flatMap((b, i) => typeDown(t, `Former${i + 1}Lines`, lines(b.code))),
    { sheet: "Bodies", at: "EnglandCoreAllocation", value: ENGLAND_CORE },
    ...typeDown(t, "PlaceBudgetsToday", numbers(t.column("PlacePopulation")).map((p) => Math.round(p * 300))),
  ];
  const partly = fill(t, first);
  const donors = system.bodiesAfter.slice(1).map((b) => b.code);
  const carried = donors.map((_, j) => numbers(partly.column(`Moved${j + 1}Carried`)));
  const whole = system.formerBodies.filter((b) => !donors.includes(b.code)).map((b) => b.code);
  const after = system.bodiesAfter.map((body, i) =>
    STREAMS.map((s, r) => {
      const value = i === 0 ? whole.reduce((a, c) => a + (POTS[c][s.key] ?? 0), 0) + carried.reduce((a, c) => a + c[r], 0) : (POTS[body.code][s.key] ?? 0) - carried[i - 1][r];
      return value === 0 ? null : value;
    }),
  );
  return fill(t, [...first, ...after.flatMap((values, i) => typeDown(t, `After${i + 1}Lines`, values))]);
}

