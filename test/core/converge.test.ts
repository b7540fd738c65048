import fc from "fast-check";
import { ArgValue, Output, isErrorValue } from "../../src/core";
import { call, col, column, sumUnits } from "../helpers/core";

// Five places in £000: this year's baselines and next year's fair-share targets.
// Σ baselines 1,674,250; Σ targets 1,735,500.
const BASELINES = col(412000, 298500, 187250, 655100, 121400);
const TARGETS = col(405000, 310200, 196800, 690000, 133500);

describe("ICS.CONVERGE worked examples", () => {
  test("£50m growth with a 1.5% minimum uplift, to the nearest £000", () => {
    // Minimum uplift: 1.5% × 1,674,250 = 25,113.75 → 25,114, split by baseline:
    // 6,180.06, 4,477.54, 2,808.78, 9,826.60, 1,821.02 → 6,180, 4,477, 2,809, 9,827, 1,821.
    // After it: 418,180 (above its 405,000 target), 302,977, 190,059, 664,927, 123,221.
    // Gaps to target: 0, 7,223, 6,741, 25,073, 10,279 (Σ 49,316). Growth left: 50,000 − 25,114 = 24,886,
    // split by gap: 0, 3,644.89, 3,401.67, 12,652.42, 5,187.02 → 0, 3,645, 3,402, 12,652, 5,187.
    const out = column(call("CONVERGE", BASELINES, TARGETS, 50000, 0.015, 1));
    expect(out).toEqual([418180, 306622, 193461, 677579, 128408]);
    expect(out.reduce((a, b) => a + b, 0)).toBe(1674250 + 50000);
    // The place above target gets exactly the minimum; the furthest below (place 5, 12% under) gets most.
    expect(out[0] / 412000 - 1).toBeCloseTo(0.015, 6);
    expect(out[4] / 121400 - 1).toBeCloseTo(0.0577, 4);
  });

  test("growth that cannot fund the minimum uplift is shared by baseline", () => {
    // 1.5% would cost 25,114 but growth is 2,000: 2,000 × baseline/1,674,250 =
    // 492.16, 356.58, 223.68, 782.56, 145.02 → floors Σ 1,998; the 2 left go to .58 and .56.
    const out = column(call("CONVERGE", BASELINES, TARGETS, 2000, 0.015, 1));
    expect(out).toEqual([412492, 298857, 187474, 655882, 121545]);
  });

  test("growth beyond every target is shared in proportion to target", () => {
    // 120,000: the uplift (25,114) and every gap (49,316) are funded; the last 45,570 is split
    // by target (Σ 1,735,500): 10,634.31, 8,145.10, 5,167.49, 18,117.72, 3,505.38.
    const out = column(call("CONVERGE", BASELINES, TARGETS, 120000, 0.015, 1));
    expect(out).toEqual([428814, 318345, 201968, 708118, 137005]);
    out.forEach((v, i) => expect(v).toBeGreaterThanOrEqual((TARGETS as number[][])[i][0]));
  });

  test("three places to the penny", () => {
    // 1% each → 101; 27 left for gaps 0, 9, 19 (Σ 28): 8.678… and 18.321… → 8.68 and 18.32.
    expect(column(call("CONVERGE", col(100, 100, 100), col(90, 110, 120), 30, 0.01))).toEqual([101, 109.68, 119.32]);
  });

  test("no minimum uplift: all growth closes gaps, the place above target stays flat", () => {
    // Gaps 0, 10, 20 (Σ 30); growth 15 → 0, 5, 10.
    expect(column(call("CONVERGE", col(100, 100, 100), col(90, 110, 120), 15))).toEqual([100, 105, 110]);
  });

  test("blank rows stay blank and take no growth", () => {
    expect(call("CONVERGE", col(100, null, 100, 100), col(90, null, 110, 120), 15)).toEqual([[100], [""], [105], [110]]);
  });

  test("baselines finer than round_to are rounded so the result adds up to Σ baselines + growth", () => {
    // Σ 300.012 + 0 → 300.01: one baseline carries the penny (largest remainder, ties to the first).
    expect(column(call("CONVERGE", col(100.004, 100.004, 100.004), col(100, 100, 100), 0))).toEqual([100.01, 100, 100]);
    // A target finer than the unit counts as the unit below it (100.005 → 100.00), so gaps never
    // take anyone past it: gaps 0 and 100 are closed, and the penny left is shared by target
    // 100.005 : 200 → 0.33p : 0.67p → place 2.
    expect(column(call("CONVERGE", col(100, 100), col(100.005, 200), 100.01))).toEqual([100, 200.01]);
  });

  test("zero growth leaves baselines unchanged", () => {
    expect(column(call("CONVERGE", BASELINES, TARGETS, 0, 0.02, 1))).toEqual([412000, 298500, 187250, 655100, 121400]);
  });
});

/** Exact integers throughout; the gap step is a plain proportional split (its caps never bind). */
function apportionExact(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (total === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const rem = weights.map((w) => (total * w) % sum);
  const order = weights.map((_, i) => i).sort((a, b) => (rem[a] === rem[b] ? a - b : rem[b] > rem[a] ? 1 : -1));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
  return parts;
}

function referenceConverge(b: bigint[], t: bigint[], growth: bigint, upliftPermille: bigint): bigint[] {
  const total = b.reduce((a, x) => a + x, 0n);
  const upliftTotal = (upliftPermille * total * 2n + 1000n) / 2000n; // half up, all ≥ 0
  if (growth <= upliftTotal) return apportionExact(growth, b).map((u, i) => b[i] + u);
  const a = apportionExact(upliftTotal, b).map((u, i) => b[i] + u);
  const gaps = a.map((x, i) => (t[i] > x ? t[i] - x : 0n));
  const gapTotal = gaps.reduce((s, g) => s + g, 0n);
  const rest = growth - upliftTotal;
  if (rest <= gapTotal) return apportionExact(rest, gaps).map((c, i) => a[i] + c);
  return apportionExact(rest - gapTotal, t).map((c, i) => a[i] + gaps[i] + c);
}

const places = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    baselines: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: n, maxLength: n }),
    targets: fc.array(fc.integer({ min: 0, max: 12_000_000 }), { minLength: n, maxLength: n }).filter((t) => t.some((x) => x > 0)),
    growth: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 20_000_000 })),
    upliftPermille: fc.integer({ min: 0, max: 50 }),
  }),
);

/** Runs CONVERGE on pence and gives pence back. */
function converge(p: { baselines: number[]; targets: number[]; growth: number; upliftPermille: number }, order?: number[]): bigint[] {
  const idx = order ?? p.baselines.map((_, i) => i);
  const out = call("CONVERGE", col(...idx.map((i) => p.baselines[i] / 100)), col(...idx.map((i) => p.targets[i] / 100)), p.growth / 100, p.upliftPermille / 1000);
  return column(out).map((v) => BigInt(Math.round(v * 100)));
}

describe("ICS.CONVERGE properties", () => {
  test("equals an exact integer reference of the documented algorithm", () => {
    fc.assert(
      fc.property(places, (p) => {
        const expected = referenceConverge(p.baselines.map(BigInt), p.targets.map(BigInt), BigInt(p.growth), BigInt(p.upliftPermille));
        expect(converge(p)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  test("adds up to Σ baselines + growth to the penny, and nobody loses cash", () => {
    fc.assert(
      fc.property(places, (p) => {
        const out = converge(p);
        expect(out.reduce((a, b) => a + b, 0n)).toBe(BigInt(p.baselines.reduce((a, b) => a + b, 0) + p.growth));
        out.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(BigInt(p.baselines[i])));
      }),
    );
  });

  /** Baselines in units, their total, and the minimum uplift the agreement asks for (rounded half up). */
  const upliftOf = (p: { baselines: number[]; upliftPermille: number }) => {
    const b = p.baselines.map(BigInt);
    const total = b.reduce((a, x) => a + x, 0n);
    return { b, total, upliftTotal: (BigInt(p.upliftPermille) * total * 2n + 1000n) / 2000n };
  };

  test("nobody is taken past target by growth while anyone is still below target", () => {
    fc.assert(
      fc.property(places, (p) => {
        const out = converge(p);
        const { b, total, upliftTotal } = upliftOf(p);
        const funded = BigInt(p.growth) < upliftTotal ? BigInt(p.growth) : upliftTotal;
        const someoneBelow = out.some((v, i) => v < BigInt(p.targets[i]));
        if (!someoneBelow) return;
        out.forEach((v, i) => {
          // The most the minimum uplift can give a place: its exact share rounded up.
          const maxUplift = total === 0n ? 0n : (funded * b[i] + total - 1n) / total;
          const bound = BigInt(p.targets[i]) > b[i] + maxUplift ? BigInt(p.targets[i]) : b[i] + maxUplift;
          expect(v).toBeLessThanOrEqual(bound);
        });
      }),
    );
  });

  test("everyone gets at least the minimum uplift when growth funds it; everyone reaches target when growth funds all gaps", () => {
    fc.assert(
      fc.property(places, (p) => {
        const out = converge(p);
        const { b, total, upliftTotal } = upliftOf(p);
        if (BigInt(p.growth) >= upliftTotal && total > 0n) out.forEach((v, i) => expect(v - b[i]).toBeGreaterThanOrEqual((upliftTotal * b[i]) / total));
        const needed = p.targets.reduce((a, t, i) => a + Math.max(0, t - p.baselines[i]), 0);
        if (p.upliftPermille === 0 && p.growth >= needed) out.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(BigInt(p.targets[i])));
      }),
    );
  });

  test("deterministic, and reordering the places moves at most a few pence per place", () => {
    // Each of the three exact splits may hand an odd penny to a different row when remainders
    // tie; a penny of uplift changes a gap by a penny, so a place can move by up to 3p.
    fc.assert(
      fc.property(places, (p) => {
        const out = converge(p);
        expect(converge(p)).toEqual(out);
        const order = p.baselines.map((_, i) => i).reverse();
        const back = converge(p, order).reverse();
        out.forEach((v, i) => expect(v - back[i] <= 3n && back[i] - v <= 3n).toBe(true));
      }),
    );
  });
});

type Case = [label: string, args: ArgValue[], expected: { error: string; message?: string | RegExp }];
const NA = { error: "#N/A", message: "no target" } as const;

describe.each<Case>([
  ["text baseline", [col(100, "100k"), col(1, 1), 10], { error: "#VALUE!", message: 'ICS.CONVERGE: baselines row 2: expected a number, got "100k"' }],
  ["boolean target", [col(100), col(true), 10], { error: "#VALUE!", message: "ICS.CONVERGE: targets row 1: expected a number, got TRUE" }],
  ["text growth", [col(100), col(110), "3%"], { error: "#VALUE!", message: 'ICS.CONVERGE: growth: expected a number, got "3%"' }],
  ["text min_uplift", [col(100), col(110), 5, "1%"], { error: "#VALUE!", message: 'ICS.CONVERGE: min_uplift: expected a number, got "1%"' }],
  ["blank growth", [col(100), col(110), null], { error: "#VALUE!", message: "ICS.CONVERGE: growth: expected a number, got a blank cell" }],
  ["missing growth", [col(100), col(110)], { error: "#VALUE!", message: "ICS.CONVERGE: growth: is required" }],
  ["target blank for a baseline", [col(100, 100), col(110, null), 5], { error: "#VALUE!", message: "ICS.CONVERGE: targets row 2: expected a number for this row's baseline, got a blank cell" }],
  ["baseline blank for a target", [col(null, 100), col(110, 100), 5], { error: "#VALUE!", message: "ICS.CONVERGE: baselines row 1: expected a number for this row's target, got a blank cell" }],
  ["error cell in targets", [col(100, 100), [[110], [NA]], 5], NA],
  ["error growth", [col(100), col(110), NA], NA],
  ["NaN baseline", [col(Number.NaN), col(1), 1], { error: "#NUM!", message: "ICS.CONVERGE: baselines row 1: expected a finite number, got NaN" }],
  ["-Infinity growth", [col(1), col(1), Number.NEGATIVE_INFINITY], { error: "#NUM!", message: "ICS.CONVERGE: growth: expected a finite number, got -Infinity" }],
  ["target beyond 1e15", [col(1), col(3e15), 1], { error: "#NUM!", message: /^ICS\.CONVERGE: targets row 1: 3000000000000000 is beyond ±1e15/ }],
  ["targets shorter than baselines", [col(1, 2, 3), col(1, 2), 1], { error: "#VALUE!", message: "ICS.CONVERGE: targets: has 2 rows but baselines has 3; they must match row for row" }],
  ["baselines a 2-D block", [[[1, 2], [3, 4]], col(1, 2), 1], { error: "#VALUE!", message: "ICS.CONVERGE: baselines: expected a single column, got a 2×2 range" }],
  ["growth a range", [col(1, 2), col(1, 2), col(1, 2)], { error: "#VALUE!", message: "ICS.CONVERGE: growth: expected a single value, got a 2×1 range" }],
  ["negative baseline", [col(100, -1), col(1, 1), 1], { error: "#VALUE!", message: "ICS.CONVERGE: baselines row 2: expected 0 or more, got -1" }],
  ["negative target", [col(100), col(-110), 1], { error: "#VALUE!", message: "ICS.CONVERGE: targets row 1: expected 0 or more, got -110" }],
  ["negative growth", [col(100), col(110), -5], { error: "#VALUE!", message: "ICS.CONVERGE: growth: must be 0 or more, got -5; CONVERGE shares out growth (split a cash reduction with ICS.DELEGATE)" }],
  ["negative min_uplift", [col(100), col(110), 5, -0.01], { error: "#VALUE!", message: "ICS.CONVERGE: min_uplift: expected a rate of 0 or more such as 0.01 for 1%, got -0.01" }],
  ["every target 0 with growth left", [col(100, 100), col(0, 0), 10], { error: "#VALUE!", message: "ICS.CONVERGE: targets: are all 0, so the 10 of growth left once everyone is at target has nowhere to go" }],
  ["growth with no rows", [col(null), col(null), 10], { error: "#VALUE!", message: "ICS.CONVERGE: baselines: has no rows with a baseline and a target to share the growth of 10 among" }],
  ["round_to 0.3", [col(1), col(1), 1, 0, 0.3], { error: "#VALUE!", message: /^ICS\.CONVERGE: round_to: expected a positive power of ten/ }],
])("ICS.CONVERGE bad input: %s", (_label, args, expected) => {
  test(`gives ${expected.error}`, () => {
    let out: Output | undefined;
    expect(() => (out = call("CONVERGE", ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    if (typeof expected.message === "string") expect((out as { message: string }).message).toBe(expected.message);
    else if (expected.message) expect((out as { message: string }).message).toMatch(expected.message);
  });
});

test("ICS.CONVERGE: zero growth with every target 0 is fine (nothing to share)", () => {
  const out = call("CONVERGE", col(100, 100), col(0, 0), 0);
  expect(isErrorValue(out)).toBe(false);
  expect(sumUnits(column(out))).toBe(20000n);
});
