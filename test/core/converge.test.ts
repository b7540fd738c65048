import fc from "fast-check";
import { ArgValue, Output, isErrorValue } from "../../src/core";
import { Decimal } from "../../src/core/money";
import { ConvergeInUnits, convergeLevels, convergeUnits, minimumUplift } from "../../src/core/rules/converge";
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

// ---------------------------------------------------------------------------------------------
// NHS England's pace-of-change levers: a minimum uplift per body and "within max_below of target first".

describe("ICS.CONVERGE with a floor per body and max_below: worked examples", () => {
  // Pace-of-change policy (NHS England CCG allocations 2016/17–2020/21, as DOMAIN.md summarises it):
  // no growth beyond the floor for bodies far above target (none at all more than 10% above,
  // phased in from +5%), and bodies far below target brought to within a set distance (5%) first.
  // Four bodies in £m, every target 100: 12% above, 7% above, 5% below, 12% below.
  const BASELINES = col(112, 107, 95, 88);
  const TARGETS = col(100, 100, 100, 100);
  const FLOORS = col(0, 0.0075, 0.015, 0.015); // none > 10% above, half the 1.5% between +5% and +10%

  test("£6m: the floors first, then all that is left to the body more than 5% below target", () => {
    // Step 1: 0, 0.75% × 107 = 0.8025, 1.5% × 95 = 1.425, 1.5% × 88 = 1.32; Σ 3.5475 → 3.55, split
    //   80.25 : 142.5 : 132 → 0.80, 1.43, 1.32 (the odd penny to the largest remainder, body 3).
    // Step 2: level 95 each; only body 4 (89.32) is below it, short by 5.68; the 2.45 left all goes there.
    expect(column(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS, undefined, 0.05))).toEqual([112, 107.8, 96.43, 91.77]);
    // Without max_below the 2.45 closes gaps 3.57 : 10.68 → 0.61 / 1.84: body 4 is left further from target.
    expect(column(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS))).toEqual([112, 107.8, 97.04, 91.16]);
  });

  test("£20m: everyone within 5%, every gap closed, the rest shared by target", () => {
    // After the floors (3.55) and body 4 to 95 (5.68), gaps 3.57 and 5 are closed (8.57): 2.20 is left,
    // shared by target 1:1:1:1 → 0.55 each.
    expect(column(call("CONVERGE", BASELINES, TARGETS, 20, FLOORS, undefined, 0.05))).toEqual([112.55, 108.35, 100.55, 100.55]);
  });

  test("a column of one rate is the rate; a blank in the column is 0", () => {
    expect(call("CONVERGE", BASELINES, TARGETS, 6, col(0.015, 0.015, 0.015, 0.015))).toEqual(call("CONVERGE", BASELINES, TARGETS, 6, 0.015));
    expect(call("CONVERGE", BASELINES, TARGETS, 6, col(null, 0.0075, 0.015, 0.015), undefined, 0.05)).toEqual(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS, undefined, 0.05));
  });

  test("growth that cannot fund the floors scales them all down pro rata", () => {
    // Floors cost 3.5475 → 3.55; growth 1 split 80.25 : 142.5 : 132 → 0.23, 0.40, 0.37; max_below plays no part.
    expect(column(call("CONVERGE", BASELINES, TARGETS, 1, FLOORS, undefined, 0.05))).toEqual([112, 107.23, 95.4, 88.37]);
  });

  test("skipped rows take no rate, and max_below 0 or 1 changes nothing", () => {
    expect(call("CONVERGE", col(100, null, 100), col(90, null, 120), 5, col(0, 0.5, 0.01))).toEqual([[100], [""], [105]]);
    expect(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS, undefined, 1)).toEqual(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS));
    // max_below 0: "within 0% of target" is step 3 itself.
    expect(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS, undefined, 0)).toEqual(call("CONVERGE", BASELINES, TARGETS, 6, FLOORS));
  });
});

describe("ICS.CONVERGE with floors per body and max_below: properties", () => {
  const bodies = fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.record({
      baselines: fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: n, maxLength: n }),
      targets: fc.array(fc.bigInt({ min: 1n, max: 12_000_000n }), { minLength: n, maxLength: n }),
      growth: fc.oneof(fc.bigInt({ min: 0n, max: 500_000n }), fc.bigInt({ min: 0n, max: 30_000_000n })),
      rates: fc.oneof(
        fc.integer({ min: 0, max: 50 }).map((r) => new Decimal(r).dividedBy(1000)),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }).map((rs) => rs.map((r) => new Decimal(r).dividedBy(1000))),
      ),
      maxBelowPercent: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    }),
  );

  function input(p: { baselines: bigint[]; targets: bigint[]; growth: bigint; rates: Decimal | Decimal[]; maxBelowPercent?: number }, growth = p.growth): ConvergeInUnits {
    const levels = p.maxBelowPercent === undefined ? undefined : convergeLevels(p.targets.map((t) => new Decimal(t.toString())), new Decimal(p.maxBelowPercent).dividedBy(100));
    return { baselines: p.baselines, targets: p.targets, targetWeights: p.targets.map(Number), growth, minUplift: p.rates, levels };
  }

  test("conservation: Σ baselines + growth exactly, and nobody loses cash", () => {
    fc.assert(
      fc.property(bodies, (p) => {
        const out = convergeUnits(input(p));
        expect(out.reduce((a, b) => a + b, 0n)).toBe(p.baselines.reduce((a, b) => a + b, 0n) + p.growth);
        out.forEach((v, i) => expect(v >= p.baselines[i]).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  test("never past target, nor past target × (1 − max_below), while anyone is still more than max_below below it", () => {
    fc.assert(
      fc.property(bodies, (p) => {
        fc.pre(p.maxBelowPercent !== undefined);
        const run = input(p);
        const out = convergeUnits(run);
        const levels = run.levels!;
        // Step 1 alone: everyone's minimum uplift (or its scaled-down share).
        const { total: upliftTotal } = minimumUplift(p.baselines, p.rates);
        const floorsOnly = convergeUnits({ ...run, growth: p.growth < upliftTotal ? p.growth : upliftTotal, levels: undefined });
        const stillFar = out.some((v, i) => v < levels[i]);
        if (!stillFar) return;
        out.forEach((v, i) => {
          const bound = floorsOnly[i] > levels[i] ? floorsOnly[i] : levels[i];
          expect(v <= bound).toBe(true);
          // Nobody passes target in this state unless its minimum uplift alone took it there.
          if (v > p.targets[i]) expect(v).toBe(floorsOnly[i]);
        });
      }),
      { numRuns: 500 },
    );
  });

  test("everyone gets its own minimum uplift (to the unit) when growth funds them all", () => {
    fc.assert(
      fc.property(bodies, (p) => {
        const rates = Array.isArray(p.rates) ? p.rates : p.baselines.map(() => p.rates as Decimal);
        const { total } = minimumUplift(p.baselines, p.rates);
        fc.pre(p.growth >= total);
        const out = convergeUnits(input(p));
        out.forEach((v, i) => {
          const exact = rates[i].times(p.baselines[i].toString());
          expect(new Decimal((v - p.baselines[i]).toString()).gte(exact.minus(1))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  test("a column of equal rates is the single rate, and max_below of 100% is no max_below", () => {
    fc.assert(
      fc.property(bodies, fc.integer({ min: 0, max: 50 }), (p, permille) => {
        const rate = new Decimal(permille).dividedBy(1000);
        const asColumn = convergeUnits(input({ ...p, rates: p.baselines.map(() => rate) }));
        expect(asColumn).toEqual(convergeUnits(input({ ...p, rates: rate })));
        expect(convergeUnits(input({ ...p, maxBelowPercent: 100 }))).toEqual(convergeUnits(input({ ...p, maxBelowPercent: undefined })));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each<Case>([
  ["min_uplift column of the wrong length", [col(100, 100), col(110, 120), 5, col(0.01, 0.01, 0.01)], { error: "#VALUE!", message: "ICS.CONVERGE: min_uplift: has 3 rows but baselines has 2; they must match row for row" }],
  ["min_uplift a 2-D block", [col(100, 100), col(110, 120), 5, [[0.01, 0.01], [0.01, 0.01]]], { error: "#VALUE!", message: "ICS.CONVERGE: min_uplift: expected a single column, got a 2×2 range" }],
  ["negative rate in the min_uplift column", [col(100, 100), col(110, 120), 5, col(0.01, -0.01)], { error: "#VALUE!", message: "ICS.CONVERGE: min_uplift row 2: expected a rate of 0 or more such as 0.01 for 1%, got -0.01" }],
  ["text in the min_uplift column", [col(100, 100), col(110, 120), 5, col(0.01, "1%")], { error: "#VALUE!", message: 'ICS.CONVERGE: min_uplift row 2: expected a number, got "1%"' }],
  ["error in the min_uplift column", [col(100, 100), col(110, 120), 5, [[0.01], [NA]]], NA],
  ["negative max_below", [col(100), col(110), 5, 0, undefined, -0.05], { error: "#VALUE!", message: "ICS.CONVERGE: max_below: expected a rate between 0 and 1 such as 0.05 for 5% below target, got -0.05" }],
  ["max_below typed as 5 rather than 5%", [col(100), col(110), 5, 0, undefined, 5], { error: "#VALUE!", message: "ICS.CONVERGE: max_below: expected a rate between 0 and 1 such as 0.05 for 5% below target, got 5" }],
  ["text max_below", [col(100), col(110), 5, 0, undefined, "5%"], { error: "#VALUE!", message: 'ICS.CONVERGE: max_below: expected a number, got "5%"' }],
  ["max_below a range", [col(100), col(110), 5, 0, undefined, col(0.05, 0.05)], { error: "#VALUE!", message: "ICS.CONVERGE: max_below: expected a single value, got a 2×1 range" }],
  ["too many arguments", [col(100), col(110), 5, 0, 0.01, 0.05, 1], { error: "#VALUE!", message: "ICS.CONVERGE: takes at most 6 arguments, got 7" }],
])("ICS.CONVERGE bad input (min_uplift column, max_below): %s", (_label, args, expected) => {
  test(`gives ${expected.error}`, () => {
    let out: Output | undefined;
    expect(() => (out = call("CONVERGE", ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    if (typeof expected.message === "string") expect((out as { message: string }).message).toBe(expected.message);
    else if (expected.message) expect((out as { message: string }).message).toMatch(expected.message);
  });
});
