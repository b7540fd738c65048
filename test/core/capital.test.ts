import fc from "fast-check";
import { ArgValue, Output, isErrorValue } from "../../src/core";
import { call, col, column, sumUnits } from "../helpers/core";

// A system's four trusts, in £000: depreciation, backlog maintenance and weighted population served.
const DEPRECIATION = col(12400, 8150, 5300, 2150); // Σ 28,000
const BACKLOG = col(9800, 14200, 3100, 900); // Σ 28,000
const WEIGHTED = col(620000, 410000, 280000, 150000); // Σ 1,460,000

describe("ICS.CAPITAL worked examples", () => {
  test("a £48.25m envelope (£000) led by depreciation", () => {
    // 48,250 × 12,400/28,000 = 21,367.857…; × 8,150/28,000 = 14,044.196…;
    // × 5,300/28,000 = 9,133.035…; × 2,150/28,000 = 3,704.910…
    // Floors add to 48,248; the 2 left go to the largest remainders .910 (trust 4) and .857 (trust 1).
    const parts = column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, undefined, undefined, 1));
    expect(parts).toEqual([21368, 14044, 9133, 3705]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(48250);
  });

  test("a blend of 60% depreciation, 30% backlog, 10% weighted population", () => {
    // Trust 1: 0.6 × 12,400/28,000 + 0.3 × 9,800/28,000 + 0.1 × 620,000/1,460,000 = 0.413180…
    // → 48,250 × 0.413180… = 19,935.936…; the others 17,122.376…, 8,007.753…, 3,183.933…
    // Floors add to 48,247; the 3 left go to .936, .933 and .753 (trusts 1, 4, 3).
    const mix = [[0.6, 0.3, 0.1]];
    expect(column(call("CAPITAL", 48250, DEPRECIATION, BACKLOG, WEIGHTED, mix, undefined, undefined, 1))).toEqual([19936, 17122, 8008, 3184]);
    // The same to the penny (default round_to 0.01), adding up to 48,250.00 exactly.
    const pence = column(call("CAPITAL", 48250, DEPRECIATION, BACKLOG, WEIGHTED, mix));
    expect(pence).toEqual([19935.94, 17122.38, 8007.75, 3183.93]);
    expect(sumUnits(pence)).toBe(4825000n);
  });

  test("a mix given as a 3×1 column or as percentages reads the same", () => {
    const asRow = call("CAPITAL", 48250, DEPRECIATION, BACKLOG, WEIGHTED, [[0.6, 0.3, 0.1]]);
    expect(call("CAPITAL", 48250, DEPRECIATION, BACKLOG, WEIGHTED, col(0.6, 0.3, 0.1))).toEqual(asRow);
  });

  test("a trust that bid for less gets its bid and the rest is re-split", () => {
    // Trust 1 bid 18,000 of its 21,368: the other 30,250 is split 8,150 : 5,300 : 2,150 (Σ 15,600)
    // → 15,803.686…, 10,277.243…, 4,169.070…; the 1 left goes to .686 (trust 2).
    const parts = column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, undefined, col(18000, null, null, null), 1));
    expect(parts).toEqual([18000, 15804, 10277, 4169]);
  });

  test("a minimum keeps a small trust's programme whole", () => {
    // Trust 4 needs at least 5,000: the other 43,250 is split 12,400 : 8,150 : 5,300 (Σ 25,850)
    // → 20,746.615…, 13,635.880…, 8,867.504…; the 2 left go to .880 and .615.
    const parts = column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, col(null, null, null, 5000), undefined, 1));
    expect(parts).toEqual([20747, 13636, 8867, 5000]);
  });

  test("blank depreciation weighs nothing; backlog can be given without weight in the mix", () => {
    expect(column(call("CAPITAL", 900, col(1, null, 2), col(5, 5, 5)))).toEqual([300, 0, 600]);
  });

  test("a zero envelope gives zeros", () => {
    expect(column(call("CAPITAL", 0, col(1, 2)))).toEqual([0, 0]);
  });

  test("the default mix is depreciation-led: the same as ICS.DELEGATE on depreciation", () => {
    expect(call("CAPITAL", 48250, DEPRECIATION)).toEqual(call("DELEGATE", 48250, DEPRECIATION));
  });
});

describe("ICS.CAPITAL: bids below the envelope leave capital unallocated", () => {
  test("every trust bid and the bids come to less than the envelope: each gets its bid, the rest is unallocated", () => {
    // DOMAIN.md "Capital": capital left unallocated must be visible (it cannot be rolled forward).
    // Envelopes are issued to systems by NHS England's capital guidance (e.g. "Capital guidance
    // 2025/26", england.nhs.uk/long-read/capital-guidance-2025-26), and the system's plan must
    // show any part of it its trusts' bids do not take up.
    // £48.25m envelope (£000), bids 20,000 + 14,000 + 8,000 + 3,500 = 45,500: 2,750 unallocated.
    const bids = col(20000, 14000, 8000, 3500);
    const parts = column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, undefined, bids, 1));
    expect(parts).toEqual([20000, 14000, 8000, 3500]);
    expect(48250 - parts.reduce((a, b) => a + b, 0)).toBe(2750);
    // Minimums still hold (each is at most its bid), and the old refusal is now this result.
    expect(column(call("CAPITAL", 100, col(1, 1), undefined, undefined, undefined, col(40, 10), col(40, 50.5)))).toEqual([40, 50.5]);
  });

  test("bids that add up to the envelope or more are a split as before", () => {
    const bids = col(20000, 14000, 8000, 6250);
    expect(column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, undefined, bids, 1))).toEqual([20000, 14000, 8000, 6250]);
    // One trust without a bid takes the rest: no unallocated capital.
    const open = column(call("CAPITAL", 48250, DEPRECIATION, undefined, undefined, undefined, undefined, col(20000, 14000, 8000, null), 1));
    expect(open.reduce((a, b) => a + b, 0)).toBe(48250);
  });
});

describe("ICS.CAPITAL errors", () => {
  test("minimums that add up to more than the envelope say by how much", () => {
    expect(call("CAPITAL", 100, col(1, 1), undefined, undefined, undefined, col(60, 50))).toEqual({
      error: "#VALUE!",
      message: "ICS.CAPITAL: minimums: add up to 110, more than the envelope 100 by 10",
    });
  });

  test("what no trust below its bid can take is left with nowhere to go", () => {
    expect(call("CAPITAL", 100, col(1, 0), undefined, undefined, undefined, undefined, col(40, null))).toEqual({
      error: "#VALUE!",
      message: "ICS.CAPITAL: bids: 60 of the envelope is left with nowhere to go: every organisation below its bid has a zero share",
    });
  });
});

/** Exact reference: shares as BigInt rationals over a common denominator, largest remainder, ties to the earlier row. */
function exactCapital(totalUnits: bigint, columns: number[][], tenths: number[]): bigint[] {
  const n = columns[0].length;
  const totals = columns.map((c) => BigInt(c.reduce((a, b) => a + b, 0)));
  const numerators: bigint[] = new Array(n).fill(0n);
  columns.forEach((c, k) => {
    if (tenths[k] === 0) return;
    let others = 1n;
    totals.forEach((t, j) => j !== k && tenths[j] !== 0 && (others *= t));
    for (let i = 0; i < n; i++) numerators[i] += BigInt(tenths[k]) * BigInt(c[i]) * others;
  });
  const denominator = numerators.reduce((a, b) => a + b, 0n);
  const parts = numerators.map((s) => (totalUnits * s) / denominator);
  const remainders = numerators.map((s) => (totalUnits * s) % denominator);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[b] > remainders[a] ? 1 : -1));
  let left = totalUnits - parts.reduce((a, b) => a + b, 0n);
  for (let k = 0; left > 0n; k++, left--) parts[order[k]] += 1n;
  return parts;
}

const basis = (n: number) => fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: n, maxLength: n }).filter((v) => v.some((x) => x > 0));
const mixTenths = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).filter(([a, b]) => a + b <= 10).map(([a, b]) => [a, b, 10 - a - b]);
const system = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    envelopePence: fc.integer({ min: 0, max: 100_000_000 }),
    depreciation: basis(n),
    backlog: basis(n),
    weighted: basis(n),
    mix: mixTenths,
    minimums: fc.array(fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: null }), { minLength: n, maxLength: n }),
    bids: fc.array(fc.option(fc.integer({ min: 0, max: 80_000_000 }), { nil: null }), { minLength: n, maxLength: n }),
  }),
);

describe("ICS.CAPITAL properties", () => {
  test("a blended split equals the exact rational largest-remainder split", () => {
    fc.assert(
      fc.property(system, (s) => {
        const mix = [s.mix.map((t) => t / 10)];
        const out = column(call("CAPITAL", s.envelopePence / 100, col(...s.depreciation), col(...s.backlog), col(...s.weighted), mix));
        const expected = exactCapital(BigInt(s.envelopePence), [s.depreciation, s.backlog, s.weighted], s.mix);
        expect(out.map((v) => BigInt(Math.round(v * 100)))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("adds up to the envelope to the penny and honours minimums and bids, or says why it cannot", () => {
    let solved = 0;
    fc.assert(
      fc.property(system, (s) => {
        const minimums = col(...s.minimums.map((m) => (m === null ? null : m / 100)));
        const bids = col(...s.bids.map((b) => (b === null ? null : b / 100)));
        const out = call("CAPITAL", s.envelopePence / 100, col(...s.depreciation), col(...s.backlog), col(...s.weighted), [s.mix.map((t) => t / 10)], minimums, bids);
        if (isErrorValue(out)) {
          expect(out.error).toBe("#VALUE!");
          expect(out.message).toMatch(/^ICS\.CAPITAL: (minimums|bids)/);
          return;
        }
        solved++;
        const parts = column(out).map((v) => Math.round(v * 100));
        // Every trust bid and the bids come to less than the envelope: each gets its bid, the rest is unallocated.
        const allBid = s.bids.every((b) => b !== null);
        const bidTotal = s.bids.reduce((a: number, b) => a + (b ?? 0), 0);
        if (allBid && bidTotal < s.envelopePence) expect(parts).toEqual(s.bids);
        else expect(sumUnits(column(out))).toBe(BigInt(s.envelopePence));
        parts.forEach((p, i) => {
          if (s.minimums[i] !== null) expect(p).toBeGreaterThanOrEqual(s.minimums[i] as number);
          if (s.bids[i] !== null) expect(p).toBeLessThanOrEqual(s.bids[i] as number);
          expect(p).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 300 },
    );
    expect(solved).toBeGreaterThan(50);
  });

  test("deterministic, and reordering the trusts moves at most the odd penny", () => {
    fc.assert(
      fc.property(system, (s) => {
        const args = (order: number[]): ArgValue[] => [
          s.envelopePence / 100,
          col(...order.map((i) => s.depreciation[i])),
          col(...order.map((i) => s.backlog[i])),
          col(...order.map((i) => s.weighted[i])),
          [s.mix.map((t) => t / 10)],
          col(...order.map((i) => (s.minimums[i] === null ? null : (s.minimums[i] as number) / 100))),
        ];
        const identity = s.depreciation.map((_, i) => i);
        const out = call("CAPITAL", ...args(identity));
        expect(call("CAPITAL", ...args(identity))).toEqual(out);
        const reversed = call("CAPITAL", ...args([...identity].reverse()));
        if (isErrorValue(out)) {
          expect(reversed).toEqual(out);
          return;
        }
        const back = column(reversed).reverse();
        column(out).forEach((v, i) => expect(Math.abs(Math.round(v * 100) - Math.round(back[i] * 100))).toBeLessThanOrEqual(1));
      }),
      { numRuns: 200 },
    );
  });

  test("with the default mix it is ICS.DELEGATE on depreciation, minimums as floors and bids as caps", () => {
    fc.assert(
      fc.property(system, (s) => {
        const minimums = col(...s.minimums.map((m) => (m === null ? null : m / 100)));
        const bids = col(...s.bids.map((b) => (b === null ? null : b / 100)));
        const capital = call("CAPITAL", s.envelopePence / 100, col(...s.depreciation), undefined, undefined, undefined, minimums, bids);
        const delegate = call("DELEGATE", s.envelopePence / 100, col(...s.depreciation), minimums, bids);
        const bidTotal = s.bids.reduce((a: number, b) => a + (b ?? 0), 0);
        // Where DELEGATE refuses caps short of the amount, CAPITAL meets every bid and leaves the rest unallocated.
        if (isErrorValue(capital)) expect(isErrorValue(delegate)).toBe(true);
        else if (s.bids.every((b) => b !== null) && bidTotal < s.envelopePence) expect(column(capital).map((v) => Math.round(v * 100))).toEqual(s.bids);
        else expect(capital).toEqual(delegate);
      }),
      { numRuns: 200 },
    );
  });
});

type Case = [label: string, args: ArgValue[], expected: { error: string; message?: string | RegExp }];
const REF = { error: "#REF!", message: "" } as const;

describe.each<Case>([
  ["text envelope", ["48m", col(1)], { error: "#VALUE!", message: 'ICS.CAPITAL: envelope: expected a number, got "48m"' }],
  ["text depreciation", [100, col(1, "n/a")], { error: "#VALUE!", message: 'ICS.CAPITAL: depreciation row 2: expected a number, got "n/a"' }],
  ["boolean backlog", [100, col(1, 1), col(1, false), undefined, [[0.5, 0.5, 0]]], { error: "#VALUE!", message: "ICS.CAPITAL: backlog row 2: expected a number, got FALSE" }],
  ["text in mix", [100, col(1), undefined, undefined, [["60%", 0.4, 0]]], { error: "#VALUE!", message: 'ICS.CAPITAL: mix row 1: expected a number, got "60%"' }],
  ["boolean bid", [100, col(1), undefined, undefined, undefined, undefined, col(true)], { error: "#VALUE!", message: "ICS.CAPITAL: bids row 1: expected a number, got TRUE" }],
  ["blank envelope", [null, col(1)], { error: "#VALUE!", message: "ICS.CAPITAL: envelope: expected a number, got a blank cell" }],
  ["missing depreciation", [100], { error: "#VALUE!", message: "ICS.CAPITAL: depreciation: is required" }],
  ["error cell in depreciation", [100, [[1], [REF]]], REF],
  ["error envelope", [REF, col(1)], REF],
  ["error cell in mix", [100, col(1), undefined, undefined, [[REF, 0, 0]]], REF],
  ["error cell in minimums", [100, col(1), undefined, undefined, undefined, [[REF]]], REF],
  ["NaN depreciation", [100, col(Number.NaN)], { error: "#NUM!", message: "ICS.CAPITAL: depreciation row 1: expected a finite number, got NaN" }],
  ["Infinity envelope", [Number.POSITIVE_INFINITY, col(1)], { error: "#NUM!", message: "ICS.CAPITAL: envelope: expected a finite number, got Infinity" }],
  ["envelope beyond 1e15", [5e15, col(1)], { error: "#NUM!", message: /^ICS\.CAPITAL: envelope: 5000000000000000 is beyond ±1e15/ }],
  ["weighted population beyond 1e15", [100, col(1), undefined, col(1e16), [[0, 0, 1]]], { error: "#NUM!", message: /^ICS\.CAPITAL: weighted_population row 1: 10000000000000000 is beyond/ }],
  ["backlog shorter than depreciation", [100, col(1, 2, 3), col(1, 2)], { error: "#VALUE!", message: "ICS.CAPITAL: backlog: has 2 rows but depreciation has 3; they must match row for row" }],
  ["bids longer than depreciation", [100, col(1, 2), undefined, undefined, undefined, undefined, col(1, 2, 3)], { error: "#VALUE!", message: "ICS.CAPITAL: bids: has 3 rows but depreciation has 2; they must match row for row" }],
  ["minimums shorter than depreciation", [100, col(1, 2), undefined, undefined, undefined, col(1)], { error: "#VALUE!", message: "ICS.CAPITAL: minimums: has 1 rows but depreciation has 2; they must match row for row" }],
  ["depreciation a 2-D block", [100, [[1, 2], [3, 4]]], { error: "#VALUE!", message: "ICS.CAPITAL: depreciation: expected a single column, got a 2×2 range" }],
  ["mix of two weights", [100, col(1), col(1), undefined, [[0.5, 0.5]]], { error: "#VALUE!", message: "ICS.CAPITAL: mix: expected 3 weights {depreciation, backlog, weighted population} as a 1×3 or 3×1 range, got a 1×2 range" }],
  ["mix as a 2×3 block", [100, col(1), undefined, undefined, [[1, 0, 0], [0, 0, 0]]], { error: "#VALUE!", message: /^ICS\.CAPITAL: mix: expected 3 weights .* got a 2×3 range/ }],
  ["mix as a single number", [100, col(1), undefined, undefined, 1], { error: "#VALUE!", message: /^ICS\.CAPITAL: mix: expected 3 weights .* got a 1×1 range/ }],
  ["mix adding up to 90%", [100, col(1), col(1), col(1), [[0.5, 0.3, 0.1]]], { error: "#VALUE!", message: "ICS.CAPITAL: mix: adds up to 0.9, not 1: the weights {depreciation, backlog, weighted population} must add up to 1 (100%)" }],
  ["mix adding up to 110%", [100, col(1), col(1), col(1), [[0.6, 0.4, 0.1]]], { error: "#VALUE!", message: /^ICS\.CAPITAL: mix: adds up to 1\.1, not 1/ }],
  ["negative mix weight", [100, col(1), col(1), undefined, [[1.2, -0.2, 0]]], { error: "#VALUE!", message: "ICS.CAPITAL: mix row 2: expected a weight of 0 or more, got -0.2" }],
  ["backlog weighted in the mix but left out", [100, col(1), undefined, undefined, [[0.5, 0.5, 0]]], { error: "#VALUE!", message: "ICS.CAPITAL: backlog: is needed because mix gives it a weight of 0.5" }],
  ["weighted population weighted in the mix but left out", [100, col(1), col(1), undefined, [[0.5, 0.4, 0.1]]], { error: "#VALUE!", message: "ICS.CAPITAL: weighted_population: is needed because mix gives it a weight of 0.1" }],
  ["depreciation all zero", [100, col(0, null)], { error: "#VALUE!", message: "ICS.CAPITAL: depreciation: adds up to 0, so its weight of 1 in mix has nothing to split by" }],
  ["backlog all zero with weight in the mix", [100, col(1, 1), col(0, 0), undefined, [[0.7, 0.3, 0]]], { error: "#VALUE!", message: "ICS.CAPITAL: backlog: adds up to 0, so its weight of 0.3 in mix has nothing to split by" }],
  ["negative envelope", [-100, col(1)], { error: "#VALUE!", message: "ICS.CAPITAL: envelope: expected a capital envelope of 0 or more, got -100" }],
  ["negative depreciation", [100, col(1, -1)], { error: "#VALUE!", message: "ICS.CAPITAL: depreciation row 2: expected 0 or more, got -1" }],
  ["negative backlog", [100, col(1, 1), col(-3, 1)], { error: "#VALUE!", message: "ICS.CAPITAL: backlog row 1: expected 0 or more, got -3" }],
  ["negative minimum", [100, col(1, 1), undefined, undefined, undefined, col(-5, null)], { error: "#VALUE!", message: "ICS.CAPITAL: minimums row 1: expected an amount of 0 or more, got -5" }],
  ["negative bid", [100, col(1, 1), undefined, undefined, undefined, undefined, col(null, -5)], { error: "#VALUE!", message: "ICS.CAPITAL: bids row 2: expected an amount of 0 or more, got -5" }],
  ["minimum above the bid", [100, col(1, 1), undefined, undefined, undefined, col(null, 60), col(null, 50)], { error: "#VALUE!", message: "ICS.CAPITAL: minimums row 2: minimum 60 is above the bid 50" }],
  ["round_to not a power of ten", [100, col(1), undefined, undefined, undefined, undefined, undefined, 5], { error: "#VALUE!", message: /^ICS\.CAPITAL: round_to: expected a positive power of ten/ }],
  ["too many arguments", [100, col(1), undefined, undefined, undefined, undefined, undefined, 1, 1], { error: "#VALUE!", message: "ICS.CAPITAL: takes at most 8 arguments, got 9" }],
])("ICS.CAPITAL bad input: %s", (_label, args, expected) => {
  test(`gives ${expected.error}`, () => {
    let out: Output | undefined;
    expect(() => (out = call("CAPITAL", ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    if (typeof expected.message === "string") expect((out as { message: string }).message).toBe(expected.message);
    else if (expected.message) expect((out as { message: string }).message).toMatch(expected.message);
  });
});

describe("ICS.CAPITAL mix typed as thirds", () => {
  test("=1/3 three times counts as 100% (0.3333333333333333 × 3 is 0.9999999999999999 exactly)", () => {
    const third = 1 / 3;
    // Equal thirds of depreciation 10:30 (¼, ¾), backlog 1:1 (½, ½), population 3:1 (¾, ¼):
    // blended shares (¼+½+¾)/3 = ½ each, so £900 splits 450 / 450.
    expect(call("CAPITAL", 900, col(10, 30), col(1, 1), col(3, 1), [[third, third, third]])).toEqual([[450], [450]]);
  });
});
