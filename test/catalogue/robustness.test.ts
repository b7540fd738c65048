/**
 * Every catalogue function, fed anything a worksheet can hold: it never throws, and what it
 * returns is a value or one of its documented errors with a message naming the function — or the
 * input's own error, passed on as Excel does.
 */
import fc from "fast-check";
import { ArgValue, CATALOGUE, Cell, ErrorValue, evaluate, isErrorValue } from "../../src/core";

const INPUT_ERROR: ErrorValue = { error: "#N/A", message: "input error from a referenced cell" };

const nastyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, 1, -1, 0.5, 1e15, 1e16, -1e16, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-300),
  fc.constantFrom("", "1,000", "£5", "abc", "proportional", "bands", "core", "  Core Services ", "TRUE"),
  fc.boolean(),
  fc.constant(null),
  fc.constant(INPUT_ERROR as Cell),
);

const nastyGrid: fc.Arbitrary<Cell[][]> = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols }) => fc.array(fc.array(nastyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

const nastyArg: fc.Arbitrary<ArgValue> = fc.oneof(nastyCell, nastyGrid, fc.constant(undefined));

describe.each(CATALOGUE.map((spec) => [spec.name, spec] as const))("ICS.%s on any input", (name, spec) => {
  const documented = new Set<string>(spec.errors.map((e) => e.code));

  test("never throws; errors are documented, named, or passed on from the input", () => {
    fc.assert(
      fc.property(fc.array(nastyArg, { minLength: 0, maxLength: spec.args.length }), (args) => {
        let out: unknown;
        expect(() => (out = evaluate(spec, args))).not.toThrow();
        if (isErrorValue(out)) {
          if (out.error === INPUT_ERROR.error && out.message === INPUT_ERROR.message) return;
          expect(documented.has(out.error) || out.error === "#VALUE!").toBe(true);
          expect(out.message.startsWith(`ICS.${name}`)).toBe(true);
          expect(out.message).not.toMatch(/internal error/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
