import fc from "fast-check";
import { ArgValue, Output } from "../../src/core";
import { call, col } from "../helpers/core";
import { describeIfPractices, placesOf, readPractices } from "../helpers/practices";

/** The n×1 result as numbers, blanks as null. */
function indices(output: Output): (number | null)[] {
  if (!Array.isArray(output)) throw new Error(`expected a column, got ${JSON.stringify(output)}`);
  return output.map(([v]) => (v === "" ? null : (v as number)));
}

/** The index a float loop gives, to check against at 1e-9. */
function floatIndices(weighted: number[], population: number[], reference?: { weighted: number; population: number }): number[] {
  const sw = reference?.weighted ?? weighted.reduce((a, b) => a + b, 0);
  const sp = reference?.population ?? population.reduce((a, b) => a + b, 0);
  return weighted.map((w, i) => w / population[i] / (sw / sp));
}

describe("ICS.NEEDINDEX worked examples", () => {
  test("two places in an ICB: need per head relative to the ICB's", () => {
    // A: 120,000 weighted / 100,000 people = 1.2 per head; B: 330,000 / 300,000 = 1.1.
    // ICB: 450,000 / 400,000 = 1.125. A: 1.2/1.125 = 16/15 = 1.0666…; B: 1.1/1.125 = 44/45 = 0.9777…
    expect(indices(call("NEEDINDEX", col(120000, 330000), col(100000, 300000)))).toEqual([1.0666666666666667, 0.9777777777777777]);
  });

  test("three places: the result is the double nearest the exact index", () => {
    // ΣWP 1,695,200 / ΣPop 1,620,000 = 1.046419753…; place 1: (870,500/845,000)/1.0464… = 705105/716222.
    const out = indices(call("NEEDINDEX", col(870500, 612300, 212400), col(845000, 560000, 215000)));
    expect(out).toEqual([705105 / 716222, 38151 / 36512, 86022 / 91117]);
  });

  test("against England: a place with England's need per head has index 1", () => {
    // Nationally Σ Final WP = Σ population, so a reference of 55m/55m makes the index WP/Pop.
    expect(indices(call("NEEDINDEX", col(110, 90), col(100, 100), 55000000, 55000000))).toEqual([1.1, 0.9]);
    // (1,100/1,000)/(55m/50m) = 1.1/1.1 = 1.
    expect(indices(call("NEEDINDEX", col(1100), col(1000), 55000000, 50000000))).toEqual([1]);
  });

  test("blank rows stay blank and are left out of the sums", () => {
    // Without the blank row: ICB 200/200 = 1, so the indices are 1.2 and 0.8.
    expect(indices(call("NEEDINDEX", col(120, null, 80), col(100, null, 100)))).toEqual([1.2, null, 0.8]);
    expect(call("NEEDINDEX", col(null, 120, 80), col("", 100, 100))).toEqual([[""], [1.2], [0.8]]);
  });

  test("all rows blank give all blanks", () => {
    expect(call("NEEDINDEX", col(null, null), col(null, null))).toEqual([[""], [""]]);
  });

  test("a 1×n row is read like a column", () => {
    expect(indices(call("NEEDINDEX", [[120, 80]], [[100, 100]]))).toEqual([1.2, 0.8]);
  });

  test("a place with no weighted population has index 0", () => {
    expect(indices(call("NEEDINDEX", col(0, 100), col(50, 50)))).toEqual([0, 2]);
  });
});

describe("ICS.NEEDINDEX properties", () => {
  const place = fc.record({
    // Practical magnitudes: the float reference itself fails on subnormals.
    weighted: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e7, noNaN: true })),
    population: fc.double({ min: 1, max: 1e7, noNaN: true }),
  });
  const places = fc.array(place, { minLength: 1, maxLength: 12 }).filter((ps) => ps.some((p) => p.weighted > 0));

  test("agrees with a float computation to 1e-12 relative", () => {
    fc.assert(
      fc.property(places, (ps) => {
        const out = indices(call("NEEDINDEX", col(...ps.map((p) => p.weighted)), col(...ps.map((p) => p.population))));
        const expected = floatIndices(ps.map((p) => p.weighted), ps.map((p) => p.population));
        out.forEach((v, i) => expect(Math.abs((v as number) - expected[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, expected[i])));
      }),
    );
  });

  test("the population-weighted average of the indices is 1 against the rows' own sums", () => {
    // Σ Pop_p × (WP_p/Pop_p)/(ΣWP/ΣPop) = ΣPop.
    fc.assert(
      fc.property(places, (ps) => {
        const out = indices(call("NEEDINDEX", col(...ps.map((p) => p.weighted)), col(...ps.map((p) => p.population))));
        const totalPop = ps.reduce((a, p) => a + p.population, 0);
        const weighted = out.reduce((a: number, v, i) => a + (v as number) * ps[i].population, 0);
        expect(weighted / totalPop).toBeCloseTo(1, 9);
      }),
    );
  });

  test("permuting the rows permutes the indices exactly; blank rows in between change nothing", () => {
    fc.assert(
      fc.property(places, fc.integer({ min: 0, max: 12 }), (ps, blankAt) => {
        const w = ps.map((p) => p.weighted);
        const pop = ps.map((p) => p.population);
        const out = indices(call("NEEDINDEX", col(...w), col(...pop)));
        const reversed = indices(call("NEEDINDEX", col(...[...w].reverse()), col(...[...pop].reverse())));
        expect(reversed).toEqual([...out].reverse());
        const at = Math.min(blankAt, w.length);
        const withBlank = indices(call("NEEDINDEX", col(...w.slice(0, at), null, ...w.slice(at)), col(...pop.slice(0, at), null, ...pop.slice(at))));
        expect(withBlank).toEqual([...out.slice(0, at), null, ...out.slice(at)]);
      }),
    );
  });

  test("passing the rows' own totals as the reference changes nothing (deterministic)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ weighted: fc.integer({ min: 0, max: 1e6 }), population: fc.integer({ min: 1, max: 1e6 }) }), { minLength: 1, maxLength: 10 }), (ps) => {
        fc.pre(ps.some((p) => p.weighted > 0));
        const w = col(...ps.map((p) => p.weighted));
        const pop = col(...ps.map((p) => p.population));
        const sw = ps.reduce((a, p) => a + p.weighted, 0);
        const sp = ps.reduce((a, p) => a + p.population, 0);
        const out = call("NEEDINDEX", w, pop);
        expect(call("NEEDINDEX", w, pop, sw, sp)).toEqual(out);
        expect(call("NEEDINDEX", w, pop)).toEqual(out);
      }),
    );
  });
});

describeIfPractices("ICS.NEEDINDEX on NHS England's 2024/25 practice file", () => {
  // Places are upper-tier local authorities (UTLA21) inside each ICB, built from practices'
  // Final WP and pop 2022/23 as the place-based allocation tool does.
  test.each([
    ["QWO", "NHS West Yorkshire ICB", 6],
    ["QF7", "NHS South Yorkshire ICB", 4],
    ["QOP", "NHS Greater Manchester ICB", 10],
  ])("the places of %s (%s) against the ICB", (icb, icbName, placeCount) => {
    expect(readPractices().find((p) => p.icb === icb)?.icbName).toBe(icbName);
    const places = placesOf(icb);
    expect(places).toHaveLength(placeCount);
    const weighted = places.map((p) => p.weightedPopulation);
    const population = places.map((p) => p.population);
    const out = indices(call("NEEDINDEX", col(...weighted), col(...population)));
    const expected = floatIndices(weighted, population);
    out.forEach((v, i) => expect(Math.abs((v as number) - expected[i])).toBeLessThan(1e-9));
    // Some places are needier than the ICB average and some less so.
    expect(Math.min(...(out as number[]))).toBeLessThan(1);
    expect(Math.max(...(out as number[]))).toBeGreaterThan(1);
  });

  test("the same places against England's totals", () => {
    const practices = readPractices();
    const england = { weighted: practices.reduce((a, p) => a + p.weightedPopulation, 0), population: practices.reduce((a, p) => a + p.population, 0) };
    // Weighted populations are normalised so that nationally Σ Final WP = Σ population.
    expect(england.weighted / england.population).toBeCloseTo(1, 6);
    const places = [...placesOf("QWO"), ...placesOf("QF7")];
    const weighted = places.map((p) => p.weightedPopulation);
    const population = places.map((p) => p.population);
    const out = indices(call("NEEDINDEX", col(...weighted), col(...population), england.weighted, england.population));
    const expected = floatIndices(weighted, population, england);
    out.forEach((v, i) => expect(Math.abs((v as number) - expected[i])).toBeLessThan(1e-9));
  });

  test("every practice in England against England: 6,553 indices, population-weighted mean 1", () => {
    const practices = readPractices();
    expect(practices).toHaveLength(6553);
    const out = indices(call("NEEDINDEX", col(...practices.map((p) => p.weightedPopulation)), col(...practices.map((p) => p.population))));
    const expected = floatIndices(practices.map((p) => p.weightedPopulation), practices.map((p) => p.population));
    let worst = 0;
    out.forEach((v, i) => (worst = Math.max(worst, Math.abs((v as number) - expected[i]))));
    expect(worst).toBeLessThan(1e-9);
    const mean = out.reduce((a: number, v, i) => a + (v as number) * practices[i].population, 0) / practices.reduce((a, p) => a + p.population, 0);
    expect(mean).toBeCloseTo(1, 9);
  });
});

type Case = [label: string, args: ArgValue[], expected: { error: string; message?: string | RegExp }];
const NA = { error: "#N/A", message: "lookup failed" } as const;

describe.each<Case>([
  ["text weighted population", [col(1, "1,000"), col(1, 1)], { error: "#VALUE!", message: 'ICS.NEEDINDEX: weighted_population row 2: expected a number, got "1,000"' }],
  ["boolean population", [col(1, 1), col(true, 1)], { error: "#VALUE!", message: "ICS.NEEDINDEX: population row 1: expected a number, got TRUE" }],
  ["text reference", [col(1), col(1), "55m", 1], { error: "#VALUE!", message: 'ICS.NEEDINDEX: reference_weighted: expected a number, got "55m"' }],
  ["population blank for a weighted population", [col(1, 2), col(1, null)], { error: "#VALUE!", message: "ICS.NEEDINDEX: population row 2: expected a number for this row's weighted population, got a blank cell" }],
  ["weighted population blank for a population", [col(null, 2), col(1, 1)], { error: "#VALUE!", message: "ICS.NEEDINDEX: weighted_population row 1: expected a number for this row's population, got a blank cell" }],
  ["missing population", [col(1)], { error: "#VALUE!", message: "ICS.NEEDINDEX: population: is required" }],
  ["error cell in weighted population", [[[1], [NA]], col(1, 1)], NA],
  ["error cell in population", [col(1, 1), [[NA], [1]]], NA],
  ["error as the reference", [col(1), col(1), NA, 1], NA],
  ["NaN population", [col(1), col(Number.NaN)], { error: "#NUM!", message: "ICS.NEEDINDEX: population row 1: expected a finite number, got NaN" }],
  ["Infinity weighted population", [col(Number.POSITIVE_INFINITY), col(1)], { error: "#NUM!", message: "ICS.NEEDINDEX: weighted_population row 1: expected a finite number, got Infinity" }],
  ["population beyond 1e15", [col(1), col(2e15)], { error: "#NUM!", message: /^ICS\.NEEDINDEX: population row 1: 2000000000000000 is beyond ±1e15/ }],
  ["reference beyond 1e15", [col(1), col(1), 1, -2e15], { error: "#NUM!", message: /^ICS\.NEEDINDEX: reference_population: -2000000000000000 is beyond/ }],
  ["columns of different lengths", [col(1, 2, 3), col(1, 2)], { error: "#VALUE!", message: "ICS.NEEDINDEX: population: has 2 rows but weighted_population has 3; they must match row for row" }],
  ["a 2-D block", [[[1, 2], [3, 4]], col(1, 2)], { error: "#VALUE!", message: "ICS.NEEDINDEX: weighted_population: expected a single column, got a 2×2 range" }],
  ["a range as the reference", [col(1), col(1), col(1, 2), 1], { error: "#VALUE!", message: "ICS.NEEDINDEX: reference_weighted: expected a single value, got a 2×1 range" }],
  ["negative weighted population", [col(1, -5), col(1, 1)], { error: "#VALUE!", message: "ICS.NEEDINDEX: weighted_population row 2: expected 0 or more, got -5" }],
  ["negative population", [col(1, 5), col(1, -1)], { error: "#VALUE!", message: "ICS.NEEDINDEX: population row 2: expected 0 or more, got -1" }],
  ["negative reference", [col(1), col(1), -1, 1], { error: "#VALUE!", message: "ICS.NEEDINDEX: reference_weighted: expected 0 or more, got -1" }],
  ["reference weighted without reference population", [col(1), col(1), 100], { error: "#VALUE!", message: /^ICS\.NEEDINDEX: reference_population: is needed with reference_weighted/ }],
  ["reference population without reference weighted", [col(1), col(1), undefined, 100], { error: "#VALUE!", message: /^ICS\.NEEDINDEX: reference_weighted: is needed with reference_population/ }],
  ["reference population blank", [col(1), col(1), 100, null], { error: "#VALUE!", message: /^ICS\.NEEDINDEX: reference_population: is needed/ }],
  ["a place with population 0", [col(10, 5), col(10, 0)], { error: "#DIV/0!", message: "ICS.NEEDINDEX: population row 2: is 0, so this place has no need per head to index" }],
  ["0 weighted and 0 population", [col(10, 0), col(10, 0)], { error: "#DIV/0!", message: /^ICS\.NEEDINDEX: population row 2: is 0/ }],
  ["weighted populations all 0", [col(0, 0), col(10, 10)], { error: "#DIV/0!", message: "ICS.NEEDINDEX: weighted_population: adds up to 0, so there is no average need per head to index against" }],
  ["reference weighted 0", [col(1), col(1), 0, 10], { error: "#DIV/0!", message: /^ICS\.NEEDINDEX: reference_weighted: is 0/ }],
  ["reference population 0", [col(1), col(1), 10, 0], { error: "#DIV/0!", message: /^ICS\.NEEDINDEX: reference_population: is 0/ }],
  ["an index beyond a double", [col(1e15), col(1e-300), 1e-300, 1e15], { error: "#NUM!", message: /^ICS\.NEEDINDEX: weighted_population row 1: the index .* is too large to be a number/ }],
])("ICS.NEEDINDEX bad input: %s", (_label, args, expected) => {
  test(`gives ${expected.error}`, () => {
    let out: Output | undefined;
    expect(() => (out = call("NEEDINDEX", ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    if (typeof expected.message === "string") expect((out as { message: string }).message).toBe(expected.message);
    else if (expected.message) expect((out as { message: string }).message).toMatch(expected.message);
  });
});
