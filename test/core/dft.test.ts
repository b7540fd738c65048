import fc from "fast-check";
import { Decimal } from "../../src/core/money";
import { distanceFromTarget } from "../../src/core/rules/dft";
import { call, col } from "../helpers/core";

describe("ICS.DFT worked examples", () => {
  test("an ICB funded £60m above a £2bn fair-share target is 3% over target", () => {
    // (2,060,000 − 2,000,000) / 2,000,000 = 0.03 (£000).
    expect(call("DFT", 2060000, 2000000)).toBe(0.03);
  });

  test("£30m below a £2bn target is 1.5% under target (negative)", () => {
    // (1,970,000 − 2,000,000) / 2,000,000 = −0.015.
    expect(call("DFT", 1970000, 2000000)).toBe(-0.015);
  });

  test("on target is exactly 0", () => {
    expect(call("DFT", 1234567.89, 1234567.89)).toBe(0);
  });

  test("exact in decimals: (0.3 − 0.1) / 0.1 is 2, where floating point gives 1.9999999999999998", () => {
    expect((0.3 - 0.1) / 0.1).not.toBe(2);
    expect(call("DFT", 0.3, 0.1)).toBe(2);
  });

  test("unrounded: a third above target is the nearest double to 1/3", () => {
    expect(call("DFT", 4, 3)).toBe(1 / 3);
  });
});

describe("ICS.DFT properties", () => {
  const money = fc.integer({ min: 0, max: 1e12 }).map((p) => p / 100);
  const target = fc.integer({ min: 1, max: 1e12 }).map((p) => p / 100);

  test("the sign says above (+), below (−) or on (0) fair share", () => {
    fc.assert(
      fc.property(money, target, (allocation, t) => {
        const dft = call("DFT", allocation, t) as number;
        expect(Math.sign(dft)).toBe(Math.sign(allocation - t) || 0);
      }),
    );
  });

  test("target × (1 + DFT) gives the allocation back, to the precision of a double", () => {
    fc.assert(
      fc.property(money, target, (allocation, t) => {
        const dft = call("DFT", allocation, t) as number;
        const exact = distanceFromTarget(new Decimal(allocation), new Decimal(t));
        // The double is the exact quotient correctly rounded.
        expect(dft).toBe(exact.toNumber());
        expect(Math.abs(t * (1 + dft) - allocation)).toBeLessThanOrEqual(Math.max(t, allocation) * 1e-14);
      }),
    );
  });
});

describe("ICS.DFT down a table", () => {
  test("distance from target for a table of systems in one formula", () => {
    // Allocations against fair-share targets (£000): 3% over, 1.5% under, on target.
    expect(call("DFT", col(2060000, 1970000, 1500000), col(2000000, 2000000, 1500000))).toEqual([[0.03], [-0.015], [0]]);
    // A column against one target, or one allocation against a column of targets.
    expect(call("DFT", col(2060000, 1970000), 2000000)).toEqual([[0.03], [-0.015]]);
    expect(call("DFT", 2060000, col(2000000, 2060000))).toEqual([[0.03], [0]]);
    // A 1×n row reads as a column.
    expect(call("DFT", [[2060000, 1970000]], [[2000000, 2000000]])).toEqual([[0.03], [-0.015]]);
  });

  test("a problem in one row is that row's error, with the row named; a row blank in both stays blank", () => {
    expect(call("DFT", col(2060000, 100, null, "n/a", 5), col(2000000, 0, null, 10, -1))).toEqual([
      [0.03],
      [{ error: "#DIV/0!", message: "ICS.DFT: target row 2: is zero; a distance from target needs a target above 0" }],
      [""],
      [{ error: "#VALUE!", message: 'ICS.DFT: allocation row 4: expected a number, got "n/a"' }],
      [{ error: "#VALUE!", message: "ICS.DFT: target row 5: expected a target above 0, got -1" }],
    ]);
    expect(call("DFT", col(1, null), col(1, 2))).toEqual([[0], [{ error: "#VALUE!", message: "ICS.DFT: allocation row 2: expected a number, got a blank cell" }]]);
    const NA = { error: "#N/A", message: "no target" } as const;
    expect(call("DFT", col(1, 2), [[1], [NA]])).toEqual([[0], [NA]]);
  });

  test("property: the column is the scalar DFT row by row (same value, same error code)", () => {
    const cell = fc.oneof(
      fc.integer({ min: -1e12, max: 1e12 }).map((p) => p / 100),
      fc.constant(0),
      fc.constant(null),
      fc.constant("x"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 2, maxLength: 12 }), (rows) => {
        const out = call("DFT", col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1]))) as unknown[][];
        rows.forEach(([a, t], i) => {
          const got = out[i][0];
          if (a === null && t === null) return expect(got).toBe("");
          const scalar = call("DFT", a, t);
          if (typeof scalar === "number") expect(got).toBe(scalar);
          else expect(got).toMatchObject({ error: (scalar as { error: string }).error });
        });
      }),
      { numRuns: 300 },
    );
  });
});
