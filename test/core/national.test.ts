/**
 * National scale: every GP practice in England (NHS England's 2024/25 weighted populations, read at
 * run time from <repo>/../shared/data/; skipped, saying why, when the file is absent).
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { apportion, apportionExact } from "../../src/core/split";
import { createEngine, valueToCell } from "../../src/engine";
import { call, column } from "../helpers/core";
import { PRACTICES_FILE, describeIfPractices, readCsvRecords, readPractices } from "../helpers/practices";

const PENCE = 100;
const toPence = (pounds: number) => BigInt(Math.round(pounds * PENCE));
const sumPence = (values: number[]) => values.reduce((acc, v) => acc + toPence(v), 0n);
/** What DELEGATE must show for a part of `units` pence: the nearest double to units/100. */
const asPounds = (units: bigint) => Number(units) / PENCE;

/** The weighted-population columns a delegation might be weighted by. */
const WEIGHT_COLUMNS = ["pop 2022/23", "G&A WP", "CS WP", "MH WP", "Mat WP", "Health Ineq WP", "Prescr WP", "Final WP", "Final PMC WP"];

describeIfPractices("national scale: every GP practice in England", () => {
  let weights: number[];
  let columns: Record<string, number[]>;

  beforeAll(() => {
    weights = readPractices().map((p) => p.weightedPopulation);
    const records = readCsvRecords(PRACTICES_FILE);
    columns = Object.fromEntries(WEIGHT_COLUMNS.map((name) => [name, records.map((r) => Number(r[name]))]));
  });

  test("the file reads as 6,553 practices whose Final WP adds up to their population", () => {
    // NHS England normalises weighted populations so that nationally Σ Final WP = Σ population;
    // a name with a comma read as two fields would shift the columns and break this.
    expect(weights).toHaveLength(6553);
    for (const name of WEIGHT_COLUMNS) expect(columns[name].every((w) => Number.isFinite(w) && w >= 0)).toBe(true);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(total(weights) / total(columns["pop 2022/23"])).toBeCloseTo(1, 6);
  });

  test("ICS.DELEGATE of £1,234,567,890.12 by Final WP adds up to the penny and equals the exact split", () => {
    const amount = 1234567890.12;
    const parts = column(call("DELEGATE", amount, weights.map((w) => [w])));
    expect(parts).toHaveLength(6553);
    expect(sumPence(parts)).toBe(123456789012n);
    // Every practice's part is the exact largest-remainder split, to the penny.
    expect(parts).toEqual(apportionExact(123456789012n, weights).map(asPounds));
    // ... and within a penny of its plain proportional share.
    const weightTotal = weights.reduce((a, b) => a + b, 0);
    const furthest = Math.max(...parts.map((p, i) => Math.abs(p - (amount * weights[i]) / weightTotal)));
    expect(furthest).toBeLessThan(0.01);
  });

  test("a national cut is split the same way with the sign kept", () => {
    const parts = column(call("DELEGATE", -1234567890.12, weights.map((w) => [w])));
    expect(sumPence(parts)).toBe(-123456789012n);
    expect(parts).toEqual(apportionExact(123456789012n, weights).map((u) => -asPounds(u)));
  });

  test("population × need index (an n×2 weights range) splits exactly on the row products", () => {
    // The need index Final WP / population, multiplied back by population, is each row's weight.
    const population = columns["pop 2022/23"];
    const grid = population.map((pop, i) => [pop, weights[i] / pop]);
    const products = grid.map(([pop, index]) => 1 * pop * index);
    const parts = column(call("DELEGATE", 98765432.1, grid));
    expect(sumPence(parts)).toBe(9876543210n);
    expect(parts).toEqual(apportionExact(9876543210n, products).map(asPounds));
  });

  test("any amount up to ±1e15 by any weighted-population column equals the exact reference", () => {
    const amountInPence = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.bigInt({ min: 0n, max: 10_000n }));
    fc.assert(
      fc.property(amountInPence, fc.constantFrom(...WEIGHT_COLUMNS), (total, name) => {
        const parts = apportion(total, columns[name]);
        expect(parts).toEqual(apportionExact(total, columns[name]));
      }),
      { numRuns: 20 },
    );
  });

  describe("through the engine: one spilling formula over a sheet of the 6,553 weights", () => {
    let hf: HyperFormula;
    const spilled = () => hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: 6552, col: 2 } }).map((row) => valueToCell(row[0]) as number);

    beforeAll(() => {
      // A1:A6553 Final WP, B1 the amount, C1 =ICS.DELEGATE(B1, A1:A6553) spilling down C1:C6553.
      const rows = weights.map((w, i) => (i === 0 ? [w, 1234567890.12, "=ICS.DELEGATE(B1, A1:A6553)"] : [w]));
      hf = createEngine({ Sheet1: rows });
    });
    afterAll(() => hf.destroy());

    test("the spill adds up to the amount to the penny, row for row the exact split", () => {
      const parts = spilled();
      expect(parts.every((p) => typeof p === "number")).toBe(true);
      expect(sumPence(parts)).toBe(123456789012n);
      expect(parts).toEqual(apportionExact(123456789012n, weights).map(asPounds));
    });

    test("changing the amount recalculates the whole spill exactly", () => {
      // £987,654,321.09 = 98,765,432,109p.
      hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[987654321.09]]);
      const parts = spilled();
      expect(sumPence(parts)).toBe(98765432109n);
      expect(parts).toEqual(apportionExact(98765432109n, weights).map(asPounds));
    });
  });
});
