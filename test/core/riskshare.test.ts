/**
 * ICS.RISKSHARE: worked examples a finance lead would recognise, properties of the rule in
 * whole units, and the bad-input matrix.
 */
import fc from "fast-check";
import { ArgValue, Output, evaluate, findFunction } from "../../src/core";
import {
  RISK_SHARE_METHODS,
  RiskBand,
  RiskShareError,
  RiskShareInUnits,
  UNDERSPEND_METHODS,
  partsTotal,
  riskShareUnits,
  sharedVariance,
  underspendMethodOf,
} from "../../src/core/rules/riskshare";
import { exactIntegerWeights } from "../../src/core/split";
import { col, column, sumUnits } from "../helpers/core";

const RISKSHARE = findFunction("RISKSHARE")!;
const share = (...args: ArgValue[]): Output => evaluate(RISKSHARE, args);
const parts = (...args: ArgValue[]): number[] => column(share(...args));

describe("ICS.RISKSHARE worked examples", () => {
  test("proportional by default: an overspend of £300 between contributions of 100 and 200", () => {
    // 300 × 100/300 = 100; 300 × 200/300 = 200.
    expect(parts(300, col(100, 200))).toEqual([100, 200]);
  });

  test('the catalogue\'s tiered agreement: "the first £1m is borne by the host, the next £2m is split 50:50, the rest pro rata"', () => {
    // Host ICB contributes £6m, the council £4m (60:40). Overspend £5m:
    //   band 1, £0–1m:   £1m × 100% to the host           → host 1,000,000
    //   band 2, £1m–3m:  £2m × 50:50                       → host 1,000,000, council 1,000,000
    //   band 3, the rest: £5m − £3m = £2m × 60:40 pro rata → host 1,200,000, council   800,000
    //   host 3,200,000 + council 1,800,000 = 5,000,000.
    const bands = [
      [1000000, 1, 0],
      [3000000, 0.5, 0.5],
      [null, null, null],
    ];
    expect(parts(5000000, col(6000000, 4000000), "bands", bands)).toEqual([3200000, 1800000]);
    // The same agreement written in percentages.
    const percent = [
      [1000000, 100, 0],
      [3000000, 50, 50],
      [null, null, null],
    ];
    expect(parts(5000000, col(6000000, 4000000), "bands", percent)).toEqual([3200000, 1800000]);
  });

  test("a band table tiers losses: an underspend goes back pro rata unless underspend_method is \"bands\"", () => {
    const bands = [
      [1000000, 1, 0],
      [3000000, 0.5, 0.5],
      [null, null, null],
    ];
    // Underspend £2.5m, underspend_method left out: returned in proportion to contributions 60:40.
    expect(parts(-2500000, col(6000000, 4000000), "bands", bands)).toEqual([-1500000, -1000000]);
    // The agreement tiers gains too: host £1m, then £1.5m 50:50 → host −1,750,000, council −750,000.
    expect(parts(-2500000, col(6000000, 4000000), "bands", bands, undefined, undefined, undefined, "bands")).toEqual([-1750000, -750000]);
    // £600k is all in the host's band.
    expect(parts(600000, col(6000000, 4000000), "bands", bands)).toEqual([600000, 0]);
  });

  test("a band split that does not divide evenly still adds up within the band", () => {
    // First £100 split in thirds (=1/3 typed in each cell): 33.34, 33.33, 33.33; the next £50
    // is the host's. Host 83.34, others 33.33 each; Σ 150.
    const third = 1 / 3;
    const bands = [
      [100, third, third, third],
      [null, 1, 0, 0],
    ];
    expect(parts(150, col(1, 1, 1), "bands", bands)).toEqual([83.34, 33.33, 33.33]);
  });

  test("a section 75 pooled fund: overspends offset against underspends, then the contingency, then shared 60:40", () => {
    // Better Care Fund pool: ICB contributes £7,200,000, council £4,800,000 (60:40).
    // ICB-commissioned lines overspend £412,345.67, council lines underspend £62,345.67:
    //   net overspend 412,345.67 − 62,345.67 = 350,000.00.
    // The pool's contingency of £123,456.78 absorbs it first: shared 350,000 − 123,456.78 = 226,543.22.
    //   ICB:     226,543.22 × 0.6 = 135,925.932 → 135,925.93 (remainder 0.2p)
    //   council: 226,543.22 × 0.4 =  90,617.288 →  90,617.28 (remainder 0.8p)
    //   floors add to 226,543.21; the 1p left goes to the larger remainder, the council.
    const result = parts(col(412345.67, -62345.67), col(7200000, 4800000), undefined, undefined, 123456.78);
    expect(result).toEqual([135925.93, 90617.29]);
    expect(sumUnits(result)).toBe(22654322n);
  });

  test("a contingency bigger than the overspend leaves nothing to share; an underspend is shared in full", () => {
    expect(parts(col(80000, -30000), col(60, 40), undefined, undefined, 100000)).toEqual([0, 0]);
    // Net underspend −50,000: the contingency plays no part; 60:40 → −30,000 / −20,000.
    expect(parts(col(10000, -60000), col(60, 40), undefined, undefined, 100000)).toEqual([-30000, -20000]);
  });

  test("own: each party bears its own variance; the contingency relieves the overspenders by their overspends", () => {
    // Places A +200, B +100, C −50: net 250. Contingency 100 → shared 150, relief 100.
    // Relief 100 split 200:100 between A and B: 66.666… → 66.67, 33.333… → 33.33.
    //   A 200 − 66.67 = 133.33; B 100 − 33.33 = 66.67; C −50.  Σ 150.
    expect(parts(col(200, 100, -50), col(1, 1, 1), "own", undefined, 100)).toEqual([133.33, 66.67, -50]);
    // Without a contingency each keeps its own; blank variance cells are 0.
    expect(parts(col(200, null, -50), col(1, 1, 1), "own")).toEqual([200, 0, -50]);
    // A net underspend is not relieved: each keeps its own.
    expect(parts(col(20, -80), col(1, 1), "own", undefined, 1000)).toEqual([20, -80]);
  });

  test("lead: the host bears it all, overspend or underspend", () => {
    expect(parts(900, col(500, 300, 100), "lead")).toEqual([900, 0, 0]);
    expect(parts(-900, col(500, 300, 100), "LEAD")).toEqual([-900, 0, 0]);
  });

  test("equal: equal shares whatever the contributions, the odd penny to the first row", () => {
    // 100 / 3 = 33.333…: 33.33 each, 1p left to the earliest of the tied remainders.
    expect(parts(100, col(500, 300, 100), " Equal ")).toEqual([33.34, 33.33, 33.33]);
    expect(parts(-100, col(500, 300, 100), "equal")).toEqual([-33.34, -33.33, -33.33]);
  });

  test("caps: a capped party is held at its cap and the others take the excess by the same weights", () => {
    // Proportional 500:300:200 of 1,000 is 500/300/200; party 1's exposure is capped at 400,
    // so 600 is re-shared 300:200 → 360 / 240.
    expect(parts(1000, col(500, 300, 200), undefined, undefined, undefined, col(400, null, null))).toEqual([400, 360, 240]);
    // Equal: 300 each of 900, party 2 capped at 100 → 800 split equally between 1 and 3.
    expect(parts(900, col(5, 3, 1), "equal", undefined, undefined, col(null, 100, null))).toEqual([400, 100, 400]);
    // Caps limit exposure to losses only: a gain of 1,000 is split 50:50 past party 1's cap of 300.
    expect(parts(-1000, col(1, 1), undefined, undefined, undefined, col(300, null))).toEqual([-500, -500]);
  });

  test("caps with lead, bands and own re-share the excess in proportion to contributions", () => {
    // Lead: the host is capped at 400; the other 500 goes 300:100 → 375 / 125.
    expect(parts(900, col(500, 300, 100), "lead", undefined, undefined, col(400, 1000, 1000))).toEqual([400, 375, 125]);
    // The tiered agreement with the host capped at £2.5m: host 3.2m → 2.5m, council takes 700k more.
    const bands = [
      [1000000, 1, 0],
      [3000000, 0.5, 0.5],
      [null, null, null],
    ];
    expect(parts(5000000, col(6000000, 4000000), "bands", bands, undefined, col(2500000, null))).toEqual([2500000, 2500000]);
    // Own: A +300 capped at 200; the 100 excess goes to B and C by contributions 1:2
    // (33.33 / 66.67), so B 100 + 33.33 = 133.33 and C −50 + 66.67 = 16.67. Σ 350.
    expect(parts(col(300, 100, -50), col(1, 1, 2), "own", undefined, undefined, col(200, null, null))).toEqual([200, 133.33, 16.67]);
  });

  test("caps that cannot hold the variance say how much is left unshared", () => {
    expect(share(1000, col(1, 1), undefined, undefined, undefined, col(300, 400))).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: caps: 300 is left unshared: every party is at its cap",
    });
    expect(share(1000, col(1, 1), "lead", undefined, undefined, col(300, 400))).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: caps: 300 is left unshared: every party is at its cap",
    });
    expect(share(1000, col(1, 0), "lead", undefined, undefined, col(300, null))).toEqual({
      error: "#VALUE!",
      message: "ICS.RISKSHARE: caps: 700 is left unshared: every party not at its cap has a zero contribution",
    });
  });

  test("round_to: working in £000 and whole pounds; the variance is rounded once, half away from zero", () => {
    expect(parts(10000, col(1, 1, 1), undefined, undefined, undefined, undefined, 1000)).toEqual([4000, 3000, 3000]);
    // 1,234.5 → 1,235 whole pounds → 618 / 617.
    expect(parts(1234.5, col(1, 1), undefined, undefined, undefined, undefined, 1)).toEqual([618, 617]);
    // A column is netted exactly before rounding: 0.004 × 3 = 0.012 → 0.01, not 0.00 + 0.00 + 0.00.
    expect(parts(col(0.004, 0.004, 0.004), col(1, 1, 1), "own")).toEqual([0.01, 0, 0]);
  });

  test("a template's empty band table is treated as left out, and spare blank rows after the open band are ignored", () => {
    const emptyBands = [
      [null, null, null],
      [null, null, null],
    ];
    expect(parts(300, col(100, 200), "proportional", emptyBands)).toEqual([100, 200]);
    const spare = [
      [100, 1, 0],
      [null, 0.5, 0.5],
      [null, null, null],
      ["", "", ""],
    ];
    expect(parts(300, col(1, 1), "bands", spare)).toEqual([200, 100]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties of the rule, in whole units.


const unitsArb = (max: number) => fc.bigInt({ min: BigInt(-max), max: BigInt(max) });

/** Parties: own variances (Σ is V) and contributions with at least one above 0. */
const partiesArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    own: fc.array(unitsArb(1_000_000_000), { minLength: n, maxLength: n }),
    contributions: fc
      .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.01, max: 1e6, noNaN: true })), { minLength: n, maxLength: n })
      .map((c) => (c.every((x) => x === 0) ? [1, ...c.slice(1)] : c)),
  }),
);

const contingencyArb = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2_000_000_000n }));

function bandsArb(n: number): fc.Arbitrary<RiskBand[]> {
  const shares = fc.oneof(
    fc.constant(null),
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).map((s) => (s.every((x) => x === 0) ? [1, ...s.slice(1)] : s)),
  );
  return fc
    .record({
      steps: fc.array(fc.bigInt({ min: 1n, max: 1_000_000_000n }), { minLength: 1, maxLength: 4 }),
      shares: fc.array(shares, { minLength: 4, maxLength: 4 }),
      open: fc.boolean(),
    })
    .map(({ steps, shares: s, open }) => {
      let upper = 0n;
      return steps.map((step, k) => {
        upper += step;
        return { upper: open && k === steps.length - 1 ? null : upper, shares: s[k] };
      });
    });
}

function capsArb(n: number): fc.Arbitrary<(bigint | null)[]> {
  return fc.array(fc.option(fc.bigInt({ min: 0n, max: 1_000_000_000n }), { nil: null }), { minLength: n, maxLength: n });
}

const inputArb: fc.Arbitrary<RiskShareInUnits> = fc
  .record({
    parties: partiesArb,
    method: fc.constantFrom(...RISK_SHARE_METHODS),
    underspendMethod: fc.option(fc.constantFrom(...UNDERSPEND_METHODS), { nil: undefined }),
    contingency: contingencyArb,
  })
  .chain(({ parties, method, underspendMethod, contingency }) =>
    bandsArb(parties.own.length).map(
      (bands): RiskShareInUnits => ({
        method,
        underspendMethod,
        variance: parties.own.reduce((a, b) => a + b, 0n),
        ownVariances: parties.own,
        contributions: parties.contributions,
        contingency,
        bands: method === "bands" || underspendMethod === "bands" ? bands : undefined,
      }),
    ),
  );

const withCapsArb: fc.Arbitrary<RiskShareInUnits> = inputArb.chain((input) => capsArb(input.contributions.length).map((caps) => ({ ...input, caps })));

/** The rule's answer, or the kind of problem it reported (any other exception fails the test). */
function run(input: RiskShareInUnits): bigint[] | RiskShareError {
  try {
    return riskShareUnits(input);
  } catch (e) {
    if (e instanceof RiskShareError) return e;
    throw e;
  }
}

/** Whether the variance the band table is applied to (S on an overspend, |V| on an underspend) is beyond a closed last band. */
function beyondLastBand(input: RiskShareInUnits): boolean {
  const s = sharedVariance(input.variance, input.contingency);
  const last = input.bands?.[input.bands.length - 1];
  const banded = input.variance < 0n ? underspendMethodOf(input) === "bands" : input.method === "bands";
  return banded && last !== undefined && last.upper !== null && (s < 0n ? -s : s) > last.upper;
}

/** The method that shares this input's variance, and whether its parts may have mixed signs (each party's own). */
function mixedSigns(input: RiskShareInUnits): boolean {
  if (input.variance >= 0n) return input.method === "own";
  return underspendMethodOf(input) === "own" && input.method !== "waterfall";
}

const sumOf = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe("ICS.RISKSHARE properties", () => {
  test("conservation: for every method the parts add up to the shared variance exactly", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = run(input);
        if (out instanceof RiskShareError) {
          // Without caps, the only possible refusal is a variance beyond a closed last band.
          expect(out.problem.kind).toBe("beyond-last-band");
          expect(beyondLastBand(input)).toBe(true);
          return;
        }
        expect(beyondLastBand(input)).toBe(false);
        expect(out).toHaveLength(input.contributions.length);
        expect(sumOf(out)).toBe(partsTotal(input));
      }),
      { numRuns: 500 },
    );
  });

  test("the shared variance: the contingency absorbs an overspend only, never turning it into an underspend", () => {
    fc.assert(
      fc.property(unitsArb(1e12), contingencyArb, (v, c) => {
        const s = sharedVariance(v, c);
        if (v <= 0n) expect(s).toBe(v);
        else expect(s).toBe(v > c ? v - c : 0n);
      }),
    );
  });

  test("sign kept: every part of every method but own has the sign of the shared variance (or is 0)", () => {
    fc.assert(
      fc.property(withCapsArb, (input) => {
        fc.pre(!mixedSigns(input));
        const out = run(input);
        if (out instanceof RiskShareError) return;
        const s = sharedVariance(input.variance, input.contingency);
        for (const p of out) expect(s < 0n ? p <= 0n : p >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test("caps honoured: on an overspend nobody bears more than its cap, and the parts still add up", () => {
    fc.assert(
      fc.property(withCapsArb, (input) => {
        const out = run(input);
        if (out instanceof RiskShareError) return;
        if (input.variance >= 0n) {
          out.forEach((p, i) => {
            const cap = input.caps![i];
            if (cap !== null) expect(p <= cap).toBe(true);
          });
        }
        expect(sumOf(out)).toBe(partsTotal(input));
      }),
      { numRuns: 500 },
    );
  });

  test("caps refuse exactly when they cannot hold an overspend (every party capped, caps short of it)", () => {
    fc.assert(
      fc.property(withCapsArb, (input) => {
        fc.pre(input.contributions.every((c) => c > 0) && !beyondLastBand(input) && input.variance >= 0n);
        const s = sharedVariance(input.variance, input.contingency);
        const caps = input.caps!;
        const short = caps.every((c) => c !== null) && sumOf(caps as bigint[]) < s;
        const out = run(input);
        if (out instanceof RiskShareError) {
          expect(out.problem).toEqual({ kind: "unshared", remaining: s - sumOf(caps as bigint[]), reason: "all-capped" });
        }
        expect(out instanceof RiskShareError).toBe(short);
      }),
      { numRuns: 500 },
    );
  });

  test("determinism: the same inputs give the same parts, through the rule and through the catalogue", () => {
    fc.assert(
      fc.property(withCapsArb, (input) => {
        expect(run(input)).toEqual(run(input));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 8 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }), (c, v) => {
        const contributions = col(...c.map((x, i) => (i === 0 ? x + 1 : x)));
        expect(share(v, contributions)).toEqual(share(v, contributions));
      }),
      { numRuns: 100 },
    );
  });

  /**
   * Reordering the parties reorders the parts, except where the largest-remainder tie-break (to the
   * earlier row) hands a left-over unit to a different one of several tied parties: so exactly when
   * no two remainders tie, and within one unit always.
   */
  describe("permuting the parties permutes the parts (proportional, equal, own)", () => {
    const permutedArb = inputArb.chain((input) =>
      fc.shuffledSubarray(
        input.contributions.map((_, i) => i),
        { minLength: input.contributions.length, maxLength: input.contributions.length },
      ).map((order) => ({ input, order })),
    );

    function permute<T>(xs: readonly T[] | undefined, order: number[]): T[] | undefined {
      return xs === undefined ? undefined : order.map((i) => xs[i]);
    }

    /** True when the split of `total` by `weights` has no two equal non-zero remainders. */
    function tieFree(total: bigint, weights: readonly number[]): boolean {
      const scaled = exactIntegerWeights(weights);
      const sum = sumOf(scaled);
      if (sum === 0n) return true;
      const remainders = scaled.map((w) => (total * w) % sum).filter((r) => r !== 0n);
      return new Set(remainders.map(String)).size === remainders.length;
    }

    test.each(["proportional", "equal", "own"] as const)("%s", (method) => {
      fc.assert(
        fc.property(permutedArb, ({ input: base, order }) => {
          const input = { ...base, method, underspendMethod: undefined, bands: undefined };
          const moved: RiskShareInUnits = { ...input, ownVariances: permute(input.ownVariances, order), contributions: permute(input.contributions, order)! };
          const before = run(input) as bigint[];
          const after = run(moved) as bigint[];
          order.forEach((from, to) => {
            const gap = after[to] - before[from];
            expect(gap >= -1n && gap <= 1n).toBe(true);
          });
          const s = sharedVariance(input.variance, input.contingency);
          const magnitude = s < 0n ? -s : s;
          const n = input.contributions.length;
          let exactExpected: boolean;
          if (method === "own") {
            const relief = input.variance - s;
            exactExpected = relief === 0n || tieFree(relief, input.ownVariances!.map((v) => Number(v > 0n ? v : 0n)));
          } else {
            exactExpected = tieFree(magnitude, method === "equal" ? new Array(n).fill(1) : input.contributions);
          }
          if (exactExpected) expect(after).toEqual(permute(before, order));
        }),
        { numRuns: 300 },
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The bad-input matrix.

const NA = { error: "#N/A", message: "lookup failed" } as const;
const DIV0 = { error: "#DIV/0!", message: "" } as const;
const BANDS_2 = [
  [1000, 1, 0],
  [null, 0.5, 0.5],
];

type Case = [label: string, args: ArgValue[], expected: { error: string; message: string | RegExp }];

const cases: Case[] = [
  // text and booleans
  ["text variance", ["1,000", col(1, 2)], { error: "#VALUE!", message: 'ICS.RISKSHARE: variance: expected a number, got "1,000"' }],
  ["text in a variance column", [col(1, "£5"), col(1, 2)], { error: "#VALUE!", message: 'ICS.RISKSHARE: variance row 2: expected a number, got "£5"' }],
  ["boolean variance", [true, col(1, 2)], { error: "#VALUE!", message: "ICS.RISKSHARE: variance: expected a number, got TRUE" }],
  ["text contribution", [100, col(1, "abc")], { error: "#VALUE!", message: 'ICS.RISKSHARE: contributions row 2: expected a number, got "abc"' }],
  ["boolean contribution", [100, col(false, 1)], { error: "#VALUE!", message: "ICS.RISKSHARE: contributions row 1: expected a number, got FALSE" }],
  ["numeric method", [100, col(1, 2), 5], { error: "#VALUE!", message: "ICS.RISKSHARE: method: expected text, got 5" }],
  ["text contingency", [100, col(1, 2), undefined, undefined, "ten"], { error: "#VALUE!", message: 'ICS.RISKSHARE: contingency: expected a number, got "ten"' }],
  ["text cap", [100, col(1, 2), undefined, undefined, undefined, col(null, "none")], { error: "#VALUE!", message: 'ICS.RISKSHARE: caps row 2: expected a number, got "none"' }],
  ["text band share", [100, col(1, 2), "bands", [[1000, "half", 0.5]]], { error: "#VALUE!", message: 'ICS.RISKSHARE: bands row 1 column 2: expected a number, got "half"' }],
  // blanks
  ["variance left out", [], { error: "#VALUE!", message: "ICS.RISKSHARE: variance: is required" }],
  ["blank variance", [null, col(1, 2)], { error: "#VALUE!", message: "ICS.RISKSHARE: variance: expected a number, got a blank cell" }],
  ["contributions left out", [100], { error: "#VALUE!", message: "ICS.RISKSHARE: contributions: is required" }],
  ["contributions all blank with proportional", [100, col(null, null)], { error: "#VALUE!", message: /^ICS\.RISKSHARE: contributions: are all zero, but method "proportional" shares in proportion to them/ }],
  ["contributions all zero under a blank band row", [100, col(0, 0), "bands", BANDS_2.map((r, i) => (i === 1 ? [null, null, null] : r))], { error: "#VALUE!", message: /^ICS\.RISKSHARE: contributions: are all zero, but bands row 2 is left blank/ }],
  // errors in inputs travel on
  ["error in the variance column", [[[1], [2], [NA]], col(1, 2, 3)], NA],
  ["error contribution", [100, [[1], [DIV0]]], DIV0],
  ["error in bands", [100, col(1, 1), "bands", [[NA, 1, 0]]], NA],
  ["error cap", [100, col(1, 1), undefined, undefined, undefined, [[null], [NA]]], NA],
  ["error method", [100, col(1, 1), NA], NA],
  // NaN, Infinity, beyond 1e15
  ["NaN variance", [Number.NaN, col(1)], { error: "#NUM!", message: "ICS.RISKSHARE: variance: expected a finite number, got NaN" }],
  ["Infinity contribution", [100, col(1, Number.POSITIVE_INFINITY)], { error: "#NUM!", message: "ICS.RISKSHARE: contributions row 2: expected a finite number, got Infinity" }],
  ["-Infinity contingency", [100, col(1), undefined, undefined, Number.NEGATIVE_INFINITY], { error: "#NUM!", message: "ICS.RISKSHARE: contingency: expected a finite number, got -Infinity" }],
  ["variance beyond 1e15", [2e15, col(1)], { error: "#NUM!", message: "ICS.RISKSHARE: variance: 2000000000000000 is beyond ±1e15, Excel's 15 significant digits" }],
  ["cap beyond 1e15", [100, col(1, 1), undefined, undefined, undefined, col(1e16, null)], { error: "#NUM!", message: /^ICS\.RISKSHARE: caps row 1: 10000000000000000 is beyond ±1e15/ }],
  ["band limit beyond 1e15", [100, col(1, 1), "bands", [[-1e16, 1, 0]]], { error: "#NUM!", message: /^ICS\.RISKSHARE: bands row 1 column 1: -10000000000000000 is beyond ±1e15/ }],
  // shapes
  ["variance column longer than contributions", [col(1, 2, 3), col(1, 2)], { error: "#VALUE!", message: "ICS.RISKSHARE: variance: has 3 rows but contributions has 2; they must match row for row" }],
  ["caps shorter than contributions", [100, col(1, 2, 3), undefined, undefined, undefined, col(5, 5)], { error: "#VALUE!", message: "ICS.RISKSHARE: caps: has 2 rows but contributions has 3; they must match row for row" }],
  ["bands of the wrong width", [100, col(1, 2, 3), "bands", [[1000, 0.5, 0.5]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands: has 3 columns but contributions has 3 rows; bands needs 1 + 3 = 4 columns (the band's limit, then one share per party)" }],
  ["a 2-D variance", [[[1, 2], [3, 4]], col(1, 2)], { error: "#VALUE!", message: "ICS.RISKSHARE: variance: expected a single column, got a 2×2 range" }],
  ["a 2-D contributions block", [100, [[1, 2], [3, 4]]], { error: "#VALUE!", message: "ICS.RISKSHARE: contributions: expected a single column, got a 2×2 range" }],
  ["a range for the contingency", [100, col(1, 2), undefined, undefined, col(1, 2)], { error: "#VALUE!", message: "ICS.RISKSHARE: contingency: expected a single value, got a 2×1 range" }],
  ["too many arguments", [100, col(1), undefined, undefined, undefined, undefined, 0.01, "own", 1], { error: "#VALUE!", message: "ICS.RISKSHARE: takes at most 8 arguments, got 9" }],
  // domain rules
  ["negative contribution", [100, col(1, -2)], { error: "#VALUE!", message: "ICS.RISKSHARE: contributions row 2: expected a contribution of 0 or more, got -2" }],
  ["negative contingency", [100, col(1), undefined, undefined, -5], { error: "#VALUE!", message: "ICS.RISKSHARE: contingency: expected a reserve of 0 or more, got -5" }],
  ["negative cap", [100, col(1, 1), undefined, undefined, undefined, col(null, -5)], { error: "#VALUE!", message: "ICS.RISKSHARE: caps row 2: expected an amount of 0 or more, got -5" }],
  ["unknown method", [100, col(1, 2), "pro rata"], { error: "#VALUE!", message: 'ICS.RISKSHARE: method: unknown method "pro rata"; valid methods are "proportional", "equal", "own", "waterfall", "lead", "bands"' }],
  ["own with a single amount", [100, col(1, 2), "own"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: variance: method "own" needs a column of each party's own variance \(2 rows, like contributions\), got a single amount/ }],
  ["bands missing", [100, col(1, 2), "bands"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: bands: is required with method "bands"/ }],
  ["bands with another method", [100, col(1, 1), "equal", BANDS_2], { error: "#VALUE!", message: 'ICS.RISKSHARE: bands: are only used with method or underspend_method "bands", but method is "equal"; clear bands or set one of them to "bands"' }],
  ["band shares over 100%", [100, col(1, 1), "bands", [[1000, 0.6, 0.6]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands row 1: the shares add up to 1.2; they must add up to 1 (as fractions, 100%) or 100 (as percentages)" }],
  ["band percentages over 100", [100, col(1, 1), "bands", [[1000, 1, 0], [null, 60, 50]]], { error: "#VALUE!", message: /^ICS\.RISKSHARE: bands row 2: the shares add up to 110;/ }],
  ["negative band share", [100, col(1, 1), "bands", [[1000, 1.5, -0.5]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands row 1 column 3: expected a share of 0 or more, got -0.5" }],
  ["band limit not above 0", [100, col(1, 1), "bands", [[0, 1, 0]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands row 1 column 1: expected a limit above 0, got 0" }],
  ["band limits not ascending", [100, col(1, 1), "bands", [[1000, 1, 0], [500, 0.5, 0.5]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands row 2 column 1: the limit 500 is not above the previous band's limit 1000; limits must ascend" }],
  ["blank limit before the last band", [100, col(1, 1), "bands", [[null, 1, 0], [1000, 0.5, 0.5]]], { error: "#VALUE!", message: 'ICS.RISKSHARE: bands row 1: a blank limit means "no limit", so it must be the last band, but row 2 follows it' }],
  ["variance beyond the last band", [5000, col(1, 1), "bands", [[1000, 1, 0], [3000, 0.5, 0.5]]], { error: "#VALUE!", message: "ICS.RISKSHARE: bands: the shared variance 5000 goes beyond the last band's limit 3000; leave the last limit blank for \"the rest\"" }],
  ["round_to not a power of ten", [100, col(1), undefined, undefined, undefined, undefined, 0.3], { error: "#VALUE!", message: "ICS.RISKSHARE: round_to: expected a positive power of ten such as 0.01, 1 or 1000, got 0.3" }],
];

describe("ICS.RISKSHARE bad input", () => {
  test.each(cases)("%s", (_label, args, expected) => {
    let out: Output | undefined;
    expect(() => (out = share(...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    const message = (out as { message: string }).message;
    if (typeof expected.message === "string") expect(message).toBe(expected.message);
    else expect(message).toMatch(expected.message);
  });
});

// ---------------------------------------------------------------------------------------------
// 2026/27: the waterfall, underspends treated as gains, caps on losses only.

describe("ICS.RISKSHARE waterfall and underspends: worked examples", () => {
  // Better Care Fund call-off partnership agreements (published s75 schedules; e.g. the "Over and
  // Underspends" clause reproduced at markettransfer.info/clause/over-and-underspends): an overspend
  // is met first "from areas of underspend identified within either pool", then by "the risk pool
  // funding", and only then by the partner; "Underspends remain within the pooled arrangement".
  const CONTRIBUTIONS = col(42500, 18200, 9300);

  test("the waterfall: 1,200 over, 500 under, contingency 300 → only the overspending partner pays, 400", () => {
    // 1,200 − 500 (offset by the council's underspend) − 300 (the risk pool) = 400, all the ICB's.
    expect(parts(col(1200, -500, 0), CONTRIBUTIONS, "waterfall", undefined, 300)).toEqual([400, 0, 0]);
    // "own" would leave the council its underspend and put 900 on the ICB instead.
    expect(parts(col(1200, -500, 0), CONTRIBUTIONS, "own", undefined, 300)).toEqual([900, -500, 0]);
  });

  test("two partners overspend: what is left after offset and contingency falls in proportion to their overspends", () => {
    // ICB +900, county +300, city −200: net 1,000, contingency 250 → 750 shared 900:300 → 562.50 / 187.50.
    expect(parts(col(900, 300, -200), CONTRIBUTIONS, "waterfall", undefined, 250)).toEqual([562.5, 187.5, 0]);
    // The contingency covers it all: nobody pays.
    expect(parts(col(900, 300, -200), CONTRIBUTIONS, "waterfall", undefined, 1000)).toEqual([0, 0, 0]);
  });

  test("a net underspend after a waterfall goes back to the partners that underspent, in proportion to their underspends", () => {
    // −900 and −300 against +300: net −900 returned 900:300 → −675 and −225; the contingency plays no part.
    expect(parts(col(-900, 300, -300), CONTRIBUTIONS, "waterfall", undefined, 500)).toEqual([-675, 0, -225]);
    // Returned by contributions instead (clauses DOMAIN.md quotes: "returned to the Parties in the same
    // proportion as [they] contribute"): 900 × 42.5/70, 18.2/70, 9.3/70.
    expect(parts(col(-900, 300, -300), CONTRIBUTIONS, "waterfall", undefined, undefined, undefined, undefined, "proportional")).toEqual([-546.43, -234, -119.57]);
  });

  test('"underspends remain within the pooled arrangement": retain gives every partner 0, whatever the method', () => {
    for (const method of ["proportional", "equal", "own", "waterfall", "lead"]) {
      expect(parts(col(-400, -200, -100), CONTRIBUTIONS, method, undefined, 750, undefined, 1, "retain")).toEqual([0, 0, 0]);
    }
    // An overspend is still shared by the method.
    expect(parts(col(1200, 0, 0), CONTRIBUTIONS, "proportional", undefined, 750, undefined, 1, "retain")).toEqual([273, 117, 60]);
  });

  test("the template's band table: losses tiered, gains returned pro rata by default", () => {
    const bands = [
      [500, 1, 0, 0],
      [2000, 0.5, 0.25, 0.25],
      [null, null, null, null],
    ];
    // −1,200 returned 42,500 : 18,200 : 9,300 → −728.57, −312, −159.43 (largest remainder on the penny).
    expect(parts(-1200, CONTRIBUTIONS, "bands", bands)).toEqual([-728.57, -312, -159.43]);
    expect(parts(-1200, CONTRIBUTIONS, "bands", bands, undefined, undefined, undefined, "bands")).toEqual([-850, -175, -175]);
    // A table used for gains only: the overspend is proportional, the underspend tiered.
    expect(parts(-1200, CONTRIBUTIONS, "proportional", bands, undefined, undefined, undefined, "bands")).toEqual([-850, -175, -175]);
  });

  test("equal and lead underspends, and an explicit own underspend with another method", () => {
    expect(parts(-90, CONTRIBUTIONS, "proportional", undefined, undefined, undefined, undefined, "equal")).toEqual([-30, -30, -30]);
    expect(parts(-90, CONTRIBUTIONS, "proportional", undefined, undefined, undefined, undefined, "lead")).toEqual([-90, 0, 0]);
    expect(parts(col(-100, 40, -30), CONTRIBUTIONS, "proportional", undefined, undefined, undefined, undefined, "own")).toEqual([-100, 40, -30]);
    // Case and spaces do not matter.
    expect(parts(-90, CONTRIBUTIONS, undefined, undefined, undefined, undefined, undefined, " Retain ")).toEqual([0, 0, 0]);
  });

  test("caps limit exposure to losses: on a gain they never bind, with any method", () => {
    const caps = col(100, 100, 100);
    expect(parts(-700, CONTRIBUTIONS, undefined, undefined, undefined, caps)).toEqual([-425, -182, -93]);
    expect(parts(-700, CONTRIBUTIONS, "lead", undefined, undefined, caps)).toEqual([-700, 0, 0]);
    expect(parts(col(-500, -200, 0), CONTRIBUTIONS, "own", undefined, undefined, caps)).toEqual([-500, -200, 0]);
  });

  test("caps on a waterfall: the capped partner is held there, the rest goes to the others by contributions", () => {
    // 1,200 − 500 − 300 = 400 on the ICB, capped at 300: the other 100 is shared 18,200 : 9,300 → 66.18 / 33.82.
    expect(parts(col(1200, -500, 0), CONTRIBUTIONS, "waterfall", undefined, 300, col(300, null, null))).toEqual([300, 66.18, 33.82]);
  });
});

describe("ICS.RISKSHARE waterfall and underspends: properties", () => {
  const withUnderspend = (method: (typeof UNDERSPEND_METHODS)[number]) => inputArb.map((input) => ({ ...input, underspendMethod: method, bands: method === "bands" || input.method === "bands" ? (input.bands ?? [{ upper: null, shares: null }]) : undefined }));

  test("a retained underspend gives every party 0", () => {
    fc.assert(
      fc.property(withUnderspend("retain"), (input) => {
        fc.pre(input.variance < 0n);
        const out = run(input);
        expect(out).toEqual(input.contributions.map(() => 0n));
      }),
      { numRuns: 300 },
    );
  });

  test("the waterfall never charges a party that did not overspend, nor an overspender more than its overspend", () => {
    fc.assert(
      fc.property(inputArb, (base) => {
        const input: RiskShareInUnits = { ...base, method: "waterfall", underspendMethod: undefined, bands: undefined, caps: undefined };
        const out = run(input) as bigint[];
        const own = input.ownVariances!;
        expect(sumOf(out)).toBe(partsTotal(input));
        out.forEach((p, i) => {
          if (input.variance >= 0n) {
            if (own[i] <= 0n) expect(p).toBe(0n);
            else expect(p >= 0n && p <= own[i]).toBe(true);
          } else {
            // A net underspend goes back only to those that underspent, never more than their own.
            if (own[i] >= 0n) expect(p).toBe(0n);
            else expect(p <= 0n && p >= own[i]).toBe(true);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  test("caps never bind on a gain: a net underspend is shared the same with or without them", () => {
    fc.assert(
      fc.property(withCapsArb, (input) => {
        fc.pre(input.variance < 0n);
        expect(run(input)).toEqual(run({ ...input, caps: undefined }));
      }),
      { numRuns: 500 },
    );
  });

  test("left out, the underspend method is the method's own, except bands → proportional and waterfall → own", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.variance < 0n && input.underspendMethod === undefined);
        const expected = input.method === "bands" ? "proportional" : input.method === "waterfall" ? "own" : input.method;
        const explicit = { ...input, underspendMethod: expected } as RiskShareInUnits;
        expect(run(input)).toEqual(run(explicit));
      }),
      { numRuns: 300 },
    );
  });

  test("an overspend is shared the same whatever the underspend method", () => {
    fc.assert(
      fc.property(withCapsArb, fc.constantFrom(...UNDERSPEND_METHODS.filter((m) => m !== "bands")), (input, other) => {
        fc.pre(input.variance >= 0n && input.underspendMethod !== "bands");
        const a = run({ ...input, underspendMethod: undefined });
        const b = run({ ...input, underspendMethod: other });
        if (a instanceof RiskShareError || b instanceof RiskShareError) return;
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });
});

const UNDERSPEND_CASES: Case[] = [
  ["unknown underspend_method", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, "carry forward"], { error: "#VALUE!", message: 'ICS.RISKSHARE: underspend_method: unknown method "carry forward"; valid methods are "proportional", "equal", "own", "lead", "retain", "bands"' }],
  ["waterfall is not an underspend method", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, "waterfall"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: underspend_method: unknown method "waterfall"/ }],
  ["unknown underspend_method on an overspend too", [100, col(1, 2), undefined, undefined, undefined, undefined, undefined, "returned"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: underspend_method: unknown method "returned"/ }],
  ["numeric underspend_method", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, 0], { error: "#VALUE!", message: "ICS.RISKSHARE: underspend_method: expected text, got 0" }],
  ["error underspend_method", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, NA], NA],
  ["a range for underspend_method", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, col("own", "retain")], { error: "#VALUE!", message: "ICS.RISKSHARE: underspend_method: expected a single value, got a 2×1 range" }],
  ["waterfall with a single amount", [100, col(1, 2), "waterfall"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: variance: method "waterfall" needs a column of each party's own variance \(2 rows, like contributions\), got a single amount/ }],
  ["an own underspend with a single amount", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, "own"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: variance: underspend_method "own" needs a column of each party's own variance/ }],
  ["bands missing with underspend_method bands", [-100, col(1, 2), undefined, undefined, undefined, undefined, undefined, "bands"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: bands: is required with underspend_method "bands"/ }],
  ["bands given but used by neither method", [-100, col(1, 1), "lead", BANDS_2, undefined, undefined, undefined, "retain"], { error: "#VALUE!", message: 'ICS.RISKSHARE: bands: are only used with method or underspend_method "bands", but method is "lead" and underspend_method is "retain"; clear bands or set one of them to "bands"' }],
  ["contributions all zero with a proportional underspend", [100, col(0, 0), "equal", undefined, undefined, undefined, undefined, "proportional"], { error: "#VALUE!", message: /^ICS\.RISKSHARE: contributions: are all zero, but underspend_method "proportional" shares an underspend in proportion to them/ }],
  ["contributions all zero with bands, whose underspends go back pro rata", [100, col(0, 0), "bands", [[null, 1, 0]]], { error: "#VALUE!", message: /^ICS\.RISKSHARE: contributions: are all zero, but underspend_method "proportional" shares an underspend/ }],
];

describe("ICS.RISKSHARE bad input: waterfall and underspend_method", () => {
  test.each(UNDERSPEND_CASES)("%s", (_label, args, expected) => {
    let out: Output | undefined;
    expect(() => (out = share(...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    const message = (out as { message: string }).message;
    if (typeof expected.message === "string") expect(message).toBe(expected.message);
    else expect(message).toMatch(expected.message);
  });

  test("left out or blank, underspend_method is the method's default", () => {
    expect(share(-100, col(1, 1), "lead", undefined, undefined, undefined, undefined, null)).toEqual(share(-100, col(1, 1), "lead"));
    expect(share(-100, col(1, 1), "lead", undefined, undefined, undefined, undefined, "")).toEqual([[-100], [0]]);
  });
});
