import fc from "fast-check";
import { call, col, column, sumUnits } from "../helpers/core";

describe("ICS.DELEGATE worked examples", () => {
  test("£100 across three equal places: the odd penny goes to the first row", () => {
    // 100/3 = 33.333…; floors 33.33 × 3 = 99.99; the 1p left goes to the largest remainder,
    // all equal, so to the earliest row.
    expect(column(call("DELEGATE", 100, col(1, 1, 1)))).toEqual([33.34, 33.33, 33.33]);
  });

  test("community services budget by weighted population across four places", () => {
    // £12,345,678.90 split 41,230 : 88,410 : 27,905 : 63,455 (Σ 221,000).
    // Exact shares: 2,303,223.2626… ; 4,938,830.1880… ; 1,558,851.4466… ; 3,544,774.0027…
    // Floors add to 12,345,678.88; the 2p left go to the largest remainders (in pence)
    // .80 (row 2) and .66 (row 3).
    const parts = column(call("DELEGATE", 12345678.9, col(41230, 88410, 27905, 63455)));
    expect(parts).toEqual([2303223.26, 4938830.19, 1558851.45, 3544774]);
    expect(sumUnits(parts)).toBe(1234567890n);
  });

  test("weights as population × need index (n×k rows multiplied across)", () => {
    // Place A: 100,000 × 1.10 = 110,000; place B: 150,000 × 0.90 = 135,000; Σ 245,000.
    // £49,000 × 110/245 = 22,000; × 135/245 = 27,000.
    expect(column(call("DELEGATE", 49000, [[100000, 1.1], [150000, 0.9]]))).toEqual([22000, 27000]);
  });

  test("a floor keeps a small place whole and the rest is re-split by weight", () => {
    // Proportional: 600, 300, 100. Place 3 has a floor of 150, so it is held there and
    // 850 is split 600:300 → 566.666… and 283.333… → 566.67 and 283.33.
    expect(column(call("DELEGATE", 1000, col(600, 300, 100), col(null, null, 150)))).toEqual([566.67, 283.33, 150]);
  });

  test("a cap (a bid) holds a place down and the others take the excess", () => {
    // Proportional 500/300/200; place 1 bid only 400, so 600 is split 300:200 → 360/240.
    expect(column(call("DELEGATE", 1000, col(500, 300, 200), undefined, col(400, null, null)))).toEqual([400, 360, 240]);
  });

  test("floors and caps together settle by water-filling", () => {
    // Weights 1:1:1:1 of 1,000 → 250 each. Floors 300 on row 1; caps 200 on rows 2 and 3.
    // Row 1 rises to its floor, rows 2–3 fall to their caps, row 4 takes the rest: 1000−300−400 = 300.
    const parts = column(call("DELEGATE", 1000, col(1, 1, 1, 1), col(300, null, null, null), col(null, 200, 200, null)));
    expect(parts).toEqual([300, 200, 200, 300]);
  });

  test("rounding to £000 and to whole pounds", () => {
    expect(column(call("DELEGATE", 10000, col(1, 1, 1), undefined, undefined, 1000))).toEqual([4000, 3000, 3000]);
    expect(column(call("DELEGATE", 10, col(1, 1, 1), undefined, undefined, 1))).toEqual([4, 3, 3]);
  });

  test("a negative amount (a cut) is split by magnitude and keeps its sign", () => {
    expect(column(call("DELEGATE", -100, col(1, 1, 1)))).toEqual([-33.34, -33.33, -33.33]);
  });

  test("blank weights weigh nothing and get nothing", () => {
    expect(column(call("DELEGATE", 90, col(1, null, 2)))).toEqual([30, 0, 60]);
  });

  test("a 1×n row of weights is treated as a column", () => {
    expect(column(call("DELEGATE", 100, [[1, 1, 1]]))).toEqual([33.34, 33.33, 33.33]);
  });
});

describe("ICS.DELEGATE errors", () => {
  test("floors that add up to more than the amount say by how much", () => {
    expect(call("DELEGATE", 100, col(1, 1), col(60, 50))).toEqual({
      error: "#VALUE!",
      message: "ICS.DELEGATE: floors: add up to 110, more than the amount 100 by 10",
    });
  });

  test("caps that add up to less than the amount say by how much", () => {
    expect(call("DELEGATE", 100, col(1, 1), undefined, col(40, 50))).toEqual({
      error: "#VALUE!",
      message: "ICS.DELEGATE: caps: add up to 90, less than the amount 100 by 10",
    });
  });

  test("all-zero weights", () => {
    const out = call("DELEGATE", 100, col(0, 0));
    expect(out).toMatchObject({ error: "#VALUE!" });
    expect((out as { message: string }).message).toContain("ICS.DELEGATE: weights");
  });

  test("what a cap leaves cannot go to rows with no weight", () => {
    expect(call("DELEGATE", 100, col(1, 0), undefined, col(40, null))).toMatchObject({
      error: "#VALUE!",
      message: "ICS.DELEGATE: weights: 60 is left with no place to go: every remaining row has zero weight",
    });
  });

  test("a floor above its own cap", () => {
    expect(call("DELEGATE", 100, col(1, 1), col(60, null), col(50, null))).toEqual({
      error: "#VALUE!",
      message: "ICS.DELEGATE: floors row 1: floor 60 is above the cap 50",
    });
  });
});

// ---- properties -----------------------------------------------------------------------------

const pennies = fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n });
const weightList = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 1e-6, max: 1e7, noNaN: true })), { minLength: 1, maxLength: 25 })
  .filter((ws) => ws.some((w) => w > 0));

function exactShareUnits(totalUnits: bigint, weights: number[], i: number): { floor: bigint; exact: boolean } {
  // Weights here are doubles; compare against the exact rational with Decimal-free BigInt maths
  // by scaling each double to an integer (they are binary fractions).
  const scale = 2 ** 30;
  const ints = weights.map((w) => BigInt(Math.round(w * scale)));
  const total = ints.reduce((a, b) => a + b, 0n);
  const num = totalUnits * ints[i];
  return { floor: num / total, exact: num % total === 0n };
}

describe("ICS.DELEGATE properties", () => {
  test("parts add up to the amount exactly, and each keeps its sign", () => {
    fc.assert(
      fc.property(pennies, weightList, (units, weights) => {
        const amount = Number(units) / 100;
        const parts = column(call("DELEGATE", amount, weights.map((w) => [w])));
        expect(sumUnits(parts)).toBe(units);
        for (const p of parts) expect(Math.sign(p) === 0 || Math.sign(p) === Math.sign(amount)).toBe(true);
      }),
    );
  });

  test("each part is its exact share rounded down or up by one unit", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.integer({ min: 0, max: 100000 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)), (units, weights) => {
        const parts = column(call("DELEGATE", Number(units) / 100, weights.map((w) => [w])));
        parts.forEach((p, i) => {
          const { floor } = exactShareUnits(units, weights, i);
          const got = BigInt(Math.round(p * 100));
          expect(got === floor || got === floor + 1n).toBe(true);
        });
      }),
    );
  });

  test("same input, same output", () => {
    fc.assert(
      fc.property(pennies, weightList, (units, weights) => {
        const grid = weights.map((w) => [w]);
        expect(call("DELEGATE", Number(units) / 100, grid)).toEqual(call("DELEGATE", Number(units) / 100, grid));
      }),
    );
  });

  test("permuting the rows permutes the parts (distinct integer weights, no tied remainders)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        (units, weights, seed) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const remainders = weights.map((w) => (units * BigInt(w)) % BigInt(total));
          fc.pre(new Set(remainders.map(String)).size === remainders.length);
          const order = weights.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % weights.length) - ((b * 7919 + seed) % weights.length) || a - b);
          const base = column(call("DELEGATE", Number(units) / 100, weights.map((w) => [w])));
          const permuted = column(call("DELEGATE", Number(units) / 100, order.map((i) => [weights[i]])));
          order.forEach((from, to) => expect(permuted[to]).toBe(base[from]));
        },
      ),
    );
  });

  test("floors and caps are honoured after rounding, and parts still add up", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.integer({ min: 0, max: 1000 }),
            floor: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
            cap: fc.option(fc.integer({ min: 0, max: 200000 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 15 },
        ),
        fc.integer({ min: 0, max: 2_000_000 }),
        (rows, amountPennies) => {
          const amount = amountPennies / 100;
          const floors = rows.map((r) => [r.floor === null ? null : r.floor / 100]);
          const caps = rows.map((r) => [r.cap === null ? null : Math.max(r.cap, r.floor ?? 0) / 100]);
          const out = call("DELEGATE", amount, rows.map((r) => [r.weight]), floors, caps);
          if (!Array.isArray(out)) {
            // Infeasible inputs must be reported, never answered with a wrong split.
            expect(out).toMatchObject({ error: "#VALUE!" });
            return;
          }
          const parts = column(out);
          expect(sumUnits(parts)).toBe(BigInt(amountPennies));
          parts.forEach((p, i) => {
            if (floors[i][0] !== null) expect(p).toBeGreaterThanOrEqual(floors[i][0] as number);
            if (caps[i][0] !== null) expect(p).toBeLessThanOrEqual(caps[i][0] as number);
          });
        },
      ),
    );
  });
});
