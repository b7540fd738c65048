import fc from "fast-check";
import { apportion, apportionExact, apportionUnits, exactIntegerWeights } from "../../src/core/split";

/** Exact share of row i as the rational (T·w_i) / W on the common binary scale. */
function exactShares(total: bigint, weights: readonly number[]): { numerators: bigint[]; denominator: bigint } {
  const scaled = exactIntegerWeights(weights);
  const denominator = scaled.reduce((a, b) => a + b, 0n);
  return { numerators: scaled.map((w) => total * w), denominator };
}

const sumOf = (parts: bigint[]) => parts.reduce((a, b) => a + b, 0n);

describe("apportion: worked examples", () => {
  test("100 units over three equal weights: 34, 33, 33 (the spare unit to the first row)", () => {
    // 100/3 = 33.33… each; floors 33+33+33 = 99, one unit left, remainders tie, first row wins.
    expect(apportion(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
  });

  test("ties go to the earlier row, wherever the tied rows are", () => {
    // 5 over 2:1:2 → 2, 1, 2 exactly; 6 over 2:1:2 → 2.4, 1.2, 2.4: floors 2,1,2 leave 1, tie rows 1 and 3.
    expect(apportion(5n, [2, 1, 2])).toEqual([2n, 1n, 2n]);
    expect(apportion(6n, [2, 1, 2])).toEqual([3n, 1n, 2n]);
    // 2 over five equal weights: 0.4 each, the two units to rows 1 and 2.
    expect(apportion(2n, [7, 7, 7, 7, 7])).toEqual([1n, 1n, 0n, 0n, 0n]);
  });

  test("a tie between rows of different sizes still goes to the earlier row", () => {
    // 2 over 1:3 → 0.5 and 1.5: floors 0 and 1, equal remainders .5, the spare unit to row 1.
    expect(apportion(2n, [1, 3])).toEqual([1n, 1n]);
    expect(apportion(2n, [3, 1])).toEqual([2n, 0n]);
  });

  test("£1,000.00 in pence over practices of 6,000, 3,000 and 1,000 patients", () => {
    // 100,000p × 0.6/0.3/0.1 = 60,000p, 30,000p, 10,000p exactly: nothing left over.
    expect(apportion(100000n, [6000, 3000, 1000])).toEqual([60000n, 30000n, 10000n]);
  });

  test("£10.00 in pence over weighted populations 5,230.22, 23,422.59 and 11,752.70", () => {
    // Σ = 40,405.51; shares 129.44p, 579.69p, 290.87p; floors 129+579+290 = 998, the 2 spare pence
    // go to the remainders .87 and .69, not to .44.
    expect(apportion(1000n, [5230.216323, 23422.59028, 11752.70152])).toEqual([129n, 580n, 291n]);
  });

  test("a zero weight gets nothing, even when it would win a tie on row order", () => {
    expect(apportion(1n, [0, 1, 1])).toEqual([0n, 1n, 0n]);
    expect(apportion(7n, [0, 0, 3])).toEqual([0n, 0n, 7n]);
  });

  test("nothing to split, or nobody to split it among", () => {
    expect(apportion(0n, [1, 2])).toEqual([0n, 0n]);
    expect(apportion(0n, [0, 0])).toEqual([0n, 0n]);
    expect(apportion(0n, [])).toEqual([]);
  });

  test("weights are their exact binary values, not their decimal look", () => {
    // As doubles 0.1, 0.2, 0.3 sum exactly to 0.6000000000000000055…, so 1 unit gives exact shares
    // 0.1666…, 0.3333… and 0.4999999999999999768…: floors all 0, the unit to row 3.
    expect(apportion(1n, [0.1, 0.2, 0.3])).toEqual([0n, 0n, 1n]);
    // 2 units: 0.333…, 0.666…, 0.99999999999999995…: row 3 is just short of a whole unit, so its
    // floor is 0 (a float share rounding to 1.0 would floor to 1) and the 2 units go to rows 3 and 2.
    expect(apportion(2n, [0.1, 0.2, 0.3])).toEqual([0n, 1n, 1n]);
  });

  test("a weight 2^-60 beside 1 still counts", () => {
    // 2^53 − 1 units: the tiny row's exact share is (2^53 − 1)·2^-60/(1 + 2^-60) ≈ 0.0078, the big
    // row's 2^53 − 1 − 0.0078…: floors 2^53 − 2 and 0, and the one spare unit goes to the big row
    // (remainder 0.992 against 0.0078), not lost to a float share that rounds to a whole 2^53 − 1.
    const total = BigInt(Number.MAX_SAFE_INTEGER);
    expect(apportion(total, [1, 2 ** -60])).toEqual([total, 0n]);
  });

  test("invalid input is refused, never answered", () => {
    expect(() => apportion(-1n, [1])).toThrow(RangeError);
    expect(() => apportion(1n, [1, -1])).toThrow(RangeError);
    expect(() => apportion(1n, [NaN])).toThrow(RangeError);
    expect(() => apportion(1n, [Infinity])).toThrow(RangeError);
    expect(() => apportion(1n, [0, 0])).toThrow(RangeError);
    expect(() => apportionUnits(2 ** 53, [1])).toThrow(RangeError);
  });

  test("apportionUnits is apportion in numbers", () => {
    expect(apportionUnits(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});

// ---- Generators: ordinary and adversarial weights, and totals up to beyond 2^53. ----

const ordinary = fc.double({ min: 0, max: 1e6, noNaN: true });
/** Any non-negative finite double, subnormals and MAX_VALUE included. */
const anyDouble = fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true });
const subnormal = fc.double({ min: 0, max: 2 ** -1022, noNaN: true });
/** Few distinct values, so most rows tie with another. */
const tied = fc.constantFrom(0, 1, 2, 3, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-300, 1e300);
/** Shares that land on or a hair either side of whole units. */
const nearWhole = fc.integer({ min: 1, max: 1000 }).chain((k) =>
  fc.constantFrom(k, k * (1 + Number.EPSILON), k * (1 - Number.EPSILON / 2), k + 1e-12, k - 1e-12),
);
const weight = fc.oneof(
  { weight: 3, arbitrary: ordinary },
  { weight: 2, arbitrary: anyDouble },
  { weight: 1, arbitrary: subnormal },
  { weight: 2, arbitrary: tied },
  { weight: 2, arbitrary: nearWhole },
  { weight: 1, arbitrary: fc.constant(0) },
);

const smallTotal = fc.bigInt({ min: 0n, max: 10_000n });
const total = fc.oneof(
  smallTotal,
  fc.bigInt({ min: 0n, max: 10n ** 15n }),
  fc.bigInt({ min: 2n ** 53n - 2000n, max: 2n ** 53n + 2000n }),
  fc.bigInt({ min: 0n, max: 2n ** 70n }),
);

/** Weights with at least one positive entry, so any total can be split; lengths spread over the whole range. */
function weightsOf(arbitrary: fc.Arbitrary<number>, maxLength: number, minLength = 1): fc.Arbitrary<number[]> {
  return fc.array(arbitrary, { minLength, maxLength, size: "max" }).filter((ws) => ws.some((w) => w > 0));
}

/** The same value repeated, with zeros sprinkled in: the case where every remainder ties. */
const equalWeights = fc
  .tuple(fc.oneof(ordinary, anyDouble, subnormal), fc.integer({ min: 1, max: 3000 }), fc.array(fc.nat(), { maxLength: 5 }))
  .filter(([w]) => w > 0)
  .map(([w, n, zeros]) => {
    const ws = new Array<number>(n).fill(w);
    for (const z of zeros) ws[z % n] = 0;
    if (!ws.some((x) => x > 0)) ws[0] = w;
    return ws;
  });

describe("apportion equals the exact reference for every input", () => {
  test("short arrays of mixed adversarial weights, any total", () => {
    fc.assert(
      fc.property(total, weightsOf(weight, 12), (t, ws) => {
        expect(apportion(t, ws)).toEqual(apportionExact(t, ws));
      }),
      { numRuns: 3000 },
    );
  });

  test("hundreds to thousands of rows", () => {
    fc.assert(
      fc.property(fc.oneof(smallTotal, total), weightsOf(weight, 3000, 100), (t, ws) => {
        expect(apportion(t, ws)).toEqual(apportionExact(t, ws));
      }),
      { numRuns: 40 },
    );
  });

  test("equal weights: every remainder ties", () => {
    fc.assert(
      fc.property(fc.oneof(smallTotal, total), equalWeights, (t, ws) => {
        expect(apportion(t, ws)).toEqual(apportionExact(t, ws));
      }),
      { numRuns: 60 },
    );
  });

  test("totals that are exact multiples of the weight sum: whole shares, no remainder", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 10 ** 6 }), (ws, k) => {
        fc.pre(ws.some((w) => w > 0));
        const t = BigInt(ws.reduce((a, b) => a + b, 0) * k);
        const parts = apportion(t, ws);
        expect(parts).toEqual(ws.map((w) => BigInt(w * k)));
        expect(parts).toEqual(apportionExact(t, ws));
      }),
    );
  });

  test("realistic populations with a near-national amount in pence", () => {
    const population = fc.double({ min: 0, max: 110_000, noNaN: true });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), weightsOf(population, 3000, 100), (t, ws) => {
        expect(apportion(t, ws)).toEqual(apportionExact(t, ws));
      }),
      { numRuns: 40 },
    );
  });

  test("weights whose float sum overflows or whose total is subnormal", () => {
    expect(apportion(10n, [Number.MAX_VALUE, Number.MAX_VALUE, 1])).toEqual([5n, 5n, 0n]);
    expect(apportion(10n, [Number.MAX_VALUE, Number.MAX_VALUE / 3])).toEqual(apportionExact(10n, [Number.MAX_VALUE, Number.MAX_VALUE / 3]));
    // Smallest subnormals 1:1:2 → shares 0.75, 0.75, 1.5: floors 0, 0, 1, the 2 spare units to rows 1 and 2.
    expect(apportion(3n, [5e-324, 5e-324, 1e-323])).toEqual([1n, 1n, 1n]);
    fc.assert(
      fc.property(smallTotal, weightsOf(fc.double({ min: 1e307, max: Number.MAX_VALUE, noNaN: true }), 20), (t, ws) => {
        expect(apportion(t, ws)).toEqual(apportionExact(t, ws));
      }),
      { numRuns: 300 },
    );
  });

  test("typed arrays are read like arrays", () => {
    const ws = [3.5, 0, 1e-9, 7, 7];
    expect(apportion(1001n, Float64Array.from(ws))).toEqual(apportionExact(1001n, ws));
  });
});

describe("apportion: invariants", () => {
  const input = fc.tuple(total, weightsOf(weight, 40));

  test("the parts add up to the total exactly", () => {
    fc.assert(fc.property(input, ([t, ws]) => expect(sumOf(apportion(t, ws))).toBe(t)));
  });

  test("each part is the floor or the ceiling of its exact share", () => {
    fc.assert(
      fc.property(input, ([t, ws]) => {
        const { numerators, denominator: w } = exactShares(t, ws);
        apportion(t, ws).forEach((p, i) => {
          const n = numerators[i];
          const isFloor = p * w <= n && n < (p + 1n) * w;
          const isCeiling = (p - 1n) * w < n && n <= p * w;
          expect(isFloor || isCeiling).toBe(true);
        });
      }),
    );
  });

  test("the left-over units go to the largest remainders: a row that got one has a remainder no smaller than any row that did not", () => {
    fc.assert(
      fc.property(input, ([t, ws]) => {
        const { numerators, denominator: w } = exactShares(t, ws);
        const parts = apportion(t, ws);
        const bumped: bigint[] = [];
        const plain: bigint[] = [];
        parts.forEach((p, i) => {
          const floor = numerators[i] / w;
          (p > floor ? bumped : plain).push(numerators[i] % w);
        });
        const lowestBumped = bumped.reduce((a, b) => (b < a ? b : a), w);
        const highestPlain = plain.reduce((a, b) => (b > a ? b : a), -1n);
        expect(lowestBumped >= highestPlain).toBe(true);
        if (bumped.length > 0) expect(lowestBumped > 0n).toBe(true);
      }),
    );
  });

  test("deterministic: the same input gives the same parts, arrays or typed arrays", () => {
    fc.assert(
      fc.property(input, ([t, ws]) => {
        const first = apportion(t, ws);
        expect(apportion(t, [...ws])).toEqual(first);
        expect(apportion(t, Float64Array.from(ws))).toEqual(first);
      }),
    );
  });

  test("a zero weight always gets 0", () => {
    fc.assert(
      fc.property(input, fc.nat(), ([t, ws], at) => {
        const withZero = [...ws];
        withZero.splice(at % (ws.length + 1), 0, 0);
        const parts = apportion(t, withZero);
        withZero.forEach((w, i) => w === 0 && expect(parts[i]).toBe(0n));
      }),
    );
  });

  test("equal weights get parts that differ by at most one unit, the earlier row never less", () => {
    fc.assert(
      fc.property(total, fc.array(tied, { minLength: 1, maxLength: 40 }), (t, ws) => {
        fc.pre(ws.some((w) => w > 0));
        const parts = apportion(t, ws);
        for (let i = 0; i < ws.length; i++) {
          for (let j = i + 1; j < ws.length; j++) {
            if (ws[i] !== ws[j]) continue;
            expect(parts[i] - parts[j] === 0n || parts[i] - parts[j] === 1n).toBe(true);
          }
        }
      }),
    );
  });

  /**
   * Reordering the rows reorders the parts, except that ties follow row order. Rows whose exact
   * remainder equals the cut-off remainder (the smallest that still won a unit) may swap which of
   * them get the unit: so rows outside that tie group must move with their parts unchanged, and
   * inside it each arrangement gives the same number of units, to its earliest rows.
   */
  test("permuting the weights permutes the parts (ties excepted, which follow row order)", () => {
    fc.assert(
      fc.property(total, fc.array(fc.oneof(tied, ordinary), { minLength: 1, maxLength: 30 }), fc.array(fc.nat()), (t, ws, keys) => {
        fc.pre(ws.some((w) => w > 0));
        const order = ws.map((_, i) => i).sort((a, b) => (keys[a] ?? a) - (keys[b] ?? b) || a - b);
        const permuted = order.map((i) => ws[i]);
        const parts = apportion(t, ws);
        const partsPermuted = apportion(t, permuted);

        const { numerators, denominator: w } = exactShares(t, ws);
        const floors = numerators.map((n) => n / w);
        const remainders = numerators.map((n) => n % w);
        const winners = remainders.filter((_, i) => parts[i] > floors[i]);
        const cutoff = winners.reduce((a, b) => (b < a ? b : a), w);
        const inTie = (i: number) => winners.length > 0 && remainders[i] === cutoff;

        const tieRowsOriginal: number[] = [];
        const tieRowsPermuted: number[] = [];
        order.forEach((from, to) => {
          if (inTie(from)) tieRowsPermuted.push(to);
          else expect(partsPermuted[to]).toBe(parts[from]);
        });
        ws.forEach((_, i) => inTie(i) && tieRowsOriginal.push(i));
        // Within the tie group the units go to its earliest rows, in either arrangement.
        const unitsIn = (rows: number[], ps: bigint[], fl: (r: number) => bigint) => rows.map((r) => Number(ps[r] - fl(r)));
        const original = unitsIn(tieRowsOriginal, parts, (r) => floors[r]);
        const rearranged = unitsIn(tieRowsPermuted, partsPermuted, (r) => floors[order[r]]);
        const given = original.filter((u) => u === 1).length;
        const earliestFirst = (us: number[]) => us.map((_, k) => (k < given ? 1 : 0));
        expect(original).toEqual(earliestFirst(original));
        expect(rearranged).toEqual(earliestFirst(rearranged));
      }),
      { numRuns: 1000 },
    );
  });
});
