import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { isNeutral, netChange } from "../../src/core/rules/neutral";
import { call, col } from "../helpers/core";

const d = (values: number[]) => values.map((v) => new Decimal(v));

describe("ICS.NEUTRAL worked examples", () => {
  test("moving £1.5m of control total from one trust to two others is neutral", () => {
    // Trust A +1,500 (£000); trust B −900; trust C −600: 1,500 − 900 − 600 = 0.
    expect(call("NEUTRAL", col(1500, -900, -600))).toBe(true);
  });

  test("exact in decimals: 0.1 + 0.2 − 0.3 is neutral, where a float sum is 5.55e-17 out", () => {
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
    expect(call("NEUTRAL", col(0.1, 0.2, -0.3))).toBe(true);
  });

  test("£400 short of neutral fails, and passes only with a tolerance of at least £400", () => {
    // 1,500 − 900 − 599.6 = 0.4 (£000), i.e. £400 left unallocated.
    expect(call("NEUTRAL", col(1500, -900, -599.6))).toBe(false);
    expect(call("NEUTRAL", col(1500, -900, -599.6), 0.5)).toBe(true);
    expect(call("NEUTRAL", col(1500, -900, -599.6), 0.4)).toBe(true); // |0.4| ≤ 0.4: the bound counts
    expect(call("NEUTRAL", col(1500, -900, -599.6), 0.3)).toBe(false);
  });

  test("blanks are no value; a table of changes (organisations × years) is summed whole", () => {
    expect(call("NEUTRAL", col(250, null, -250))).toBe(true);
    expect(call("NEUTRAL", [[100, -40], [-100, 40]])).toBe(true);
    expect(call("NEUTRAL", [[100, -40], [-100, 41]])).toBe(false);
  });

  test("no changes at all is neutral; a blank tolerance means exactly zero", () => {
    expect(call("NEUTRAL", col(null, null))).toBe(true);
    expect(call("NEUTRAL", col(0.01, -0.02), null)).toBe(false);
  });

  test("the rule reports the net it judged", () => {
    expect(netChange(d([1500, -900, -599.6])).toString()).toBe("0.4");
    expect(isNeutral(d([1, -1]))).toBe(true);
  });
});

describe("ICS.NEUTRAL properties", () => {
  const amount = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });

  test("any changes together with their reversals are neutral, in any order", () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 30 }), fc.integer(), (xs, seed) => {
        const all = [...xs, ...xs.map((x) => -x)];
        // A deterministic shuffle from the seed: order must not matter.
        const shuffled = all.map((v, i) => ({ v, k: (Math.imul(i + 1, seed | 1) >>> 0) % 9973 })).sort((a, b) => a.k - b.k).map((e) => e.v);
        expect(call("NEUTRAL", col(...shuffled))).toBe(true);
      }),
    );
  });

  test("a neutral set plus a change of d is not neutral, unless the tolerance covers |d|", () => {
    const pence = fc.integer({ min: -1e12, max: 1e12 }).map((p) => p / 100);
    fc.assert(
      fc.property(fc.array(pence, { maxLength: 20 }), pence.filter((p) => p !== 0), (xs, change) => {
        const cells = [...xs, ...xs.map((x) => -x), change];
        expect(call("NEUTRAL", col(...cells))).toBe(false);
        expect(call("NEUTRAL", col(...cells), Math.abs(change))).toBe(true);
      }),
    );
  });
});
