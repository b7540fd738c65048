/**
 * The bad-input matrix for NEUTRAL, MHIS, BLENDED, DFT and INDICATIVE: text, booleans, blanks,
 * error cells, NaN/Infinity, numbers beyond 1e15, shapes and each rule's own limits. Each case
 * gets its documented error with a message naming the argument (and row), and nothing throws.
 */
import { ArgValue, Output, findFunction } from "../../src/core";
import { call, col } from "../helpers/core";

const DIV0 = { error: "#DIV/0!", message: "" } as const;
const NA = { error: "#N/A", message: "lookup failed" } as const;

type Expected = { error: string; message?: string | RegExp };
type Case = [label: string, fn: string, args: ArgValue[], expected: Expected];

const cases: Case[] = [
  // NEUTRAL
  ["NEUTRAL: text change", "NEUTRAL", [col(1500, "-1,500")], { error: "#VALUE!", message: 'ICS.NEUTRAL: adjustments row 2: expected a number, got "-1,500"' }],
  ["NEUTRAL: boolean change", "NEUTRAL", [col(true)], { error: "#VALUE!", message: "ICS.NEUTRAL: adjustments row 1: expected a number, got TRUE" }],
  ["NEUTRAL: text in a table of changes", "NEUTRAL", [[[1, 2], [3, "x"]]], { error: "#VALUE!", message: 'ICS.NEUTRAL: adjustments row 2 column 2: expected a number, got "x"' }],
  ["NEUTRAL: error cell in the changes", "NEUTRAL", [[[1], [DIV0]]], DIV0],
  ["NEUTRAL: NaN change", "NEUTRAL", [col(Number.NaN)], { error: "#NUM!", message: "ICS.NEUTRAL: adjustments row 1: expected a finite number, got NaN" }],
  ["NEUTRAL: change beyond 1e15", "NEUTRAL", [col(1, 2e15)], { error: "#NUM!", message: /^ICS\.NEUTRAL: adjustments row 2: 2000000000000000 is beyond ±1e15/ }],
  ["NEUTRAL: missing adjustments", "NEUTRAL", [], { error: "#VALUE!", message: "ICS.NEUTRAL: adjustments: is required" }],
  ["NEUTRAL: negative tolerance", "NEUTRAL", [col(1, -1), -0.5], { error: "#VALUE!", message: "ICS.NEUTRAL: tolerance: expected 0 or more, got -0.5" }],
  ["NEUTRAL: text tolerance", "NEUTRAL", [col(1, -1), "£1"], { error: "#VALUE!", message: 'ICS.NEUTRAL: tolerance: expected a number, got "£1"' }],
  ["NEUTRAL: tolerance a range", "NEUTRAL", [col(1, -1), col(1, 2)], { error: "#VALUE!", message: "ICS.NEUTRAL: tolerance: expected a single value, got a 2×1 range" }],
  ["NEUTRAL: infinite tolerance", "NEUTRAL", [col(1, -1), Number.POSITIVE_INFINITY], { error: "#NUM!", message: "ICS.NEUTRAL: tolerance: expected a finite number, got Infinity" }],
  ["NEUTRAL: too many arguments", "NEUTRAL", [col(1), 0, 0], { error: "#VALUE!", message: "ICS.NEUTRAL: takes at most 2 arguments, got 3" }],

  // MHIS
  ["MHIS: text spend", "MHIS", ["100,000", 2000000, 2112000], { error: "#VALUE!", message: 'ICS.MHIS: prior_spend: expected a number, got "100,000"' }],
  ["MHIS: boolean allocation", "MHIS", [100000, 2000000, true], { error: "#VALUE!", message: "ICS.MHIS: allocation: expected a number, got TRUE" }],
  ["MHIS: blank prior allocation", "MHIS", [100000, null, 2112000], { error: "#VALUE!", message: "ICS.MHIS: prior_allocation: expected a number, got a blank cell" }],
  ["MHIS: allocation left out", "MHIS", [100000, 2000000], { error: "#VALUE!", message: "ICS.MHIS: allocation: is required" }],
  ["MHIS: error cell passed on", "MHIS", [NA, 2000000, 2112000], NA],
  ["MHIS: Infinity spend", "MHIS", [Number.POSITIVE_INFINITY, 1, 1], { error: "#NUM!", message: "ICS.MHIS: prior_spend: expected a finite number, got Infinity" }],
  ["MHIS: allocation beyond 1e15", "MHIS", [1, 1, 1e16], { error: "#NUM!", message: /^ICS\.MHIS: allocation: 10000000000000000 is beyond ±1e15/ }],
  ["MHIS: a range for prior spend", "MHIS", [col(1, 2), 1, 1], { error: "#VALUE!", message: "ICS.MHIS: prior_spend: expected a single value, got a 2×1 range" }],
  ["MHIS: prior allocation zero", "MHIS", [100000, 0, 2112000], { error: "#DIV/0!", message: "ICS.MHIS: prior_allocation: is zero, so there is no growth to apply" }],
  ["MHIS: negative allocation", "MHIS", [100000, 2000000, -5], { error: "#VALUE!", message: "ICS.MHIS: allocation: expected an amount of 0 or more, got -5" }],
  ["MHIS: negative spend", "MHIS", [-1, 2000000, 2112000], { error: "#VALUE!", message: "ICS.MHIS: prior_spend: expected an amount of 0 or more, got -1" }],
  ["MHIS: round_to not a power of ten", "MHIS", [1, 1, 1, 0.5], { error: "#VALUE!", message: "ICS.MHIS: round_to: expected a positive power of ten such as 0.01, 1 or 1000, got 0.5" }],

  // BLENDED
  ["BLENDED: text fixed", "BLENDED", ["£10m", 2000, 2300], { error: "#VALUE!", message: 'ICS.BLENDED: fixed: expected a number, got "£10m"' }],
  ["BLENDED: boolean quality achieved", "BLENDED", [10000, 2000, 2300, 1, 150, true], { error: "#VALUE!", message: "ICS.BLENDED: quality_achieved: expected a number, got TRUE" }],
  ["BLENDED: blank actual", "BLENDED", [10000, 2000, null], { error: "#VALUE!", message: "ICS.BLENDED: actual_value: expected a number, got a blank cell" }],
  ["BLENDED: error cell passed on", "BLENDED", [10000, DIV0, 2300], DIV0],
  ["BLENDED: NaN baseline", "BLENDED", [10000, Number.NaN, 2300], { error: "#NUM!", message: "ICS.BLENDED: baseline_value: expected a finite number, got NaN" }],
  ["BLENDED: fixed beyond 1e15", "BLENDED", [-2e15, 0, 0], { error: "#NUM!", message: /^ICS\.BLENDED: fixed: -2000000000000000 is beyond ±1e15/ }],
  ["BLENDED: variable rate as a whole percentage", "BLENDED", [10000, 2000, 2300, 75], { error: "#VALUE!", message: "ICS.BLENDED: variable_rate: expected a fraction between 0 and 1 (0% to 100%), got 75" }],
  ["BLENDED: negative variable rate", "BLENDED", [10000, 2000, 2300, -0.1], { error: "#VALUE!", message: /^ICS\.BLENDED: variable_rate: expected a fraction between 0 and 1/ }],
  ["BLENDED: quality achieved over 100%", "BLENDED", [10000, 2000, 2300, 1, 150, 1.2], { error: "#VALUE!", message: "ICS.BLENDED: quality_achieved: expected a fraction between 0 and 1 (0% to 100%), got 1.2" }],
  ["BLENDED: negative quality value", "BLENDED", [10000, 2000, 2300, 1, -150], { error: "#VALUE!", message: /^ICS\.BLENDED: quality_value: expected an amount of 0 or more/ }],
  ["BLENDED: a range for the rate", "BLENDED", [10000, 2000, 2300, [[0.75, 1]]], { error: "#VALUE!", message: "ICS.BLENDED: variable_rate: expected a single value, got a 1×2 range" }],
  ["BLENDED: round_to zero", "BLENDED", [1, 1, 1, 1, 0, 1, 0], { error: "#VALUE!", message: /^ICS\.BLENDED: round_to: expected a positive power of ten/ }],

  // DFT
  ["DFT: text allocation", "DFT", ["2.06bn", 2000000], { error: "#VALUE!", message: 'ICS.DFT: allocation: expected a number, got "2.06bn"' }],
  ["DFT: boolean target", "DFT", [100, false], { error: "#VALUE!", message: "ICS.DFT: target: expected a number, got FALSE" }],
  ["DFT: blank target", "DFT", [100, null], { error: "#VALUE!", message: "ICS.DFT: target: expected a number, got a blank cell" }],
  ["DFT: error cell passed on", "DFT", [100, NA], NA],
  ["DFT: Infinity allocation", "DFT", [Number.NEGATIVE_INFINITY, 100], { error: "#NUM!", message: "ICS.DFT: allocation: expected a finite number, got -Infinity" }],
  ["DFT: target beyond 1e15", "DFT", [100, 1e16], { error: "#NUM!", message: /^ICS\.DFT: target: 10000000000000000 is beyond ±1e15/ }],
  ["DFT: target zero", "DFT", [100, 0], { error: "#DIV/0!", message: "ICS.DFT: target: is zero; a distance from target needs a target above 0" }],
  ["DFT: negative target", "DFT", [100, -100], { error: "#VALUE!", message: "ICS.DFT: target: expected a target above 0, got -100" }],
  ["DFT: a 2-D range for the allocation", "DFT", [[[1, 2], [3, 4]], 1], { error: "#VALUE!", message: "ICS.DFT: allocation: expected a single value or a single column, got a 2×2 range" }],
  ["DFT: columns of different lengths", "DFT", [col(1, 2), col(1, 2, 3)], { error: "#VALUE!", message: "ICS.DFT: target: has 3 rows but allocation has 2; they must match row for row" }],
  ["DFT: a column against a zero target", "DFT", [col(1, 2), 0], { error: "#DIV/0!", message: "ICS.DFT: target: is zero; a distance from target needs a target above 0" }],
  ["DFT: a column against a blank target", "DFT", [col(1, 2), null], { error: "#VALUE!", message: "ICS.DFT: target: expected a number, got a blank cell" }],
  ["DFT: a column against an error target", "DFT", [col(1, 2), NA], NA],
  ["DFT: too many arguments", "DFT", [1, 1, 1], { error: "#VALUE!", message: "ICS.DFT: takes at most 2 arguments, got 3" }],

  // INDICATIVE
  ["INDICATIVE: text base", "INDICATIVE", ["1,000", col(0.05)], { error: "#VALUE!", message: 'ICS.INDICATIVE: base: expected a number, got "1,000"' }],
  ["INDICATIVE: text rate", "INDICATIVE", [1000, col(0.05, "5%")], { error: "#VALUE!", message: 'ICS.INDICATIVE: growth_rates row 2: expected a number, got "5%"' }],
  ["INDICATIVE: boolean rate", "INDICATIVE", [1000, [[0.05, true]]], { error: "#VALUE!", message: "ICS.INDICATIVE: growth_rates row 2: expected a number, got TRUE" }],
  ["INDICATIVE: blank rate", "INDICATIVE", [1000, col(0.05, null, 0.05)], { error: "#VALUE!", message: "ICS.INDICATIVE: growth_rates row 2: year 2 needs a growth rate; enter 0 for no growth" }],
  ["INDICATIVE: blank base", "INDICATIVE", [null, col(0.05)], { error: "#VALUE!", message: "ICS.INDICATIVE: base: expected a number, got a blank cell" }],
  ["INDICATIVE: rates left out", "INDICATIVE", [1000], { error: "#VALUE!", message: "ICS.INDICATIVE: growth_rates: is required" }],
  ["INDICATIVE: error cell passed on", "INDICATIVE", [1000, [[0.05], [DIV0]]], DIV0],
  ["INDICATIVE: NaN rate", "INDICATIVE", [1000, col(Number.NaN)], { error: "#NUM!", message: "ICS.INDICATIVE: growth_rates row 1: expected a finite number, got NaN" }],
  ["INDICATIVE: base beyond 1e15", "INDICATIVE", [1e16, col(0)], { error: "#NUM!", message: /^ICS\.INDICATIVE: base: 10000000000000000 is beyond ±1e15/ }],
  ["INDICATIVE: compounding beyond 1e15 (9e14 × 1.1 × 1.1)", "INDICATIVE", [9e14, col(0.1, 0.1)], { error: "#NUM!", message: "ICS.INDICATIVE: growth_rates row 2: year 2 comes to 1089000000000000, beyond ±1e15" }],
  ["INDICATIVE: a 2-D block of rates", "INDICATIVE", [1000, [[0.01, 0.02], [0.03, 0.04]]], { error: "#VALUE!", message: "ICS.INDICATIVE: growth_rates: expected a single column, got a 2×2 range" }],
  ["INDICATIVE: a rate below -100%", "INDICATIVE", [1000, col(0.02, -1.5)], { error: "#VALUE!", message: "ICS.INDICATIVE: growth_rates row 2: expected a growth rate of -100% or more, got -1.5" }],
  ["INDICATIVE: round_to 0.3", "INDICATIVE", [1000, col(0.05), 0.3], { error: "#VALUE!", message: /^ICS\.INDICATIVE: round_to: expected a positive power of ten/ }],
];

describe.each(cases)("%s", (_label, fn, args, expected) => {
  test(`gives ${expected.error}, a documented error`, () => {
    let out: Output | undefined;
    expect(() => (out = call(fn, ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    const message = (out as { message: string }).message;
    if (typeof expected.message === "string") expect(message).toBe(expected.message);
    else if (expected.message) expect(message).toMatch(expected.message);
    // Errors made by the function (not passed on from an input) are in its catalogue entry.
    if (expected !== DIV0 && expected !== NA) expect(findFunction(fn)!.errors.map((e) => e.code)).toContain(expected.error);
  });
});
