/**
 * The bad-input matrix for POT, POTSTREAMS, DELEGATE, ROUNDSPLIT and VERSION: each case gets
 * its documented error with a message naming the argument (and row), and nothing throws.
 */
import { ArgValue, Output } from "../../src/core";
import { call, col } from "../helpers/core";

const DIV0 = { error: "#DIV/0!", message: "" } as const;

type Case = [label: string, fn: string, args: ArgValue[], expected: { error: string; message?: string | RegExp }];

const cases: Case[] = [
  // text and booleans where a number is needed
  ["text amount in POT", "POT", [col(1, "1,000")], { error: "#VALUE!", message: 'ICS.POT: amounts row 2: expected a number, got "1,000"' }],
  ["boolean amount in POT", "POT", [col(true, 1)], { error: "#VALUE!", message: "ICS.POT: amounts row 1: expected a number, got TRUE" }],
  ["text weight in DELEGATE", "DELEGATE", [100, col(1, "£5")], { error: "#VALUE!", message: 'ICS.DELEGATE: weights row 2: expected a number, got "£5"' }],
  ["text amount in DELEGATE", "DELEGATE", ["100", col(1)], { error: "#VALUE!", message: 'ICS.DELEGATE: amount: expected a number, got "100"' }],
  ["boolean floor in DELEGATE", "DELEGATE", [100, col(1, 1), col(false, null)], { error: "#VALUE!", message: "ICS.DELEGATE: floors row 1: expected a number, got FALSE" }],
  ["text in ROUNDSPLIT values", "ROUNDSPLIT", [[[1, "x"]]], { error: "#VALUE!", message: 'ICS.ROUNDSPLIT: values row 2: expected a number, got "x"' }],
  ["text round_to", "DELEGATE", [100, col(1), undefined, undefined, "pence"], { error: "#VALUE!", message: 'ICS.DELEGATE: round_to: expected a number, got "pence"' }],
  // blanks
  ["blank amount in DELEGATE", "DELEGATE", [null, col(1)], { error: "#VALUE!", message: "ICS.DELEGATE: amount: expected a number, got a blank cell" }],
  ["missing weights in DELEGATE", "DELEGATE", [100], { error: "#VALUE!", message: "ICS.DELEGATE: weights: is required" }],
  ["missing streams in POTSTREAMS", "POTSTREAMS", [col(1)], { error: "#VALUE!", message: "ICS.POTSTREAMS: streams: is required" }],
  ["blank stream for an amount", "POTSTREAMS", [col(5, 6), col("core", null)], { error: "#VALUE!", message: /^ICS\.POTSTREAMS: streams row 2: expected a stream key for this amount/ }],
  // errors in inputs travel on
  ["error cell in weights", "DELEGATE", [100, [[1], [DIV0]]], DIV0],
  ["error cell in amounts", "POT", [[[DIV0]]], DIV0],
  ["error amount", "DELEGATE", [{ error: "#N/A", message: "lookup failed" }, col(1)], { error: "#N/A", message: "lookup failed" }],
  // NaN, Infinity, beyond Excel's 15 digits
  ["NaN weight", "DELEGATE", [100, col(Number.NaN)], { error: "#NUM!", message: "ICS.DELEGATE: weights row 1: expected a finite number, got NaN" }],
  ["Infinity amount", "POT", [col(Number.POSITIVE_INFINITY)], { error: "#NUM!", message: "ICS.POT: amounts row 1: expected a finite number, got Infinity" }],
  ["amount beyond 1e15", "DELEGATE", [2e15, col(1)], { error: "#NUM!", message: "ICS.DELEGATE: amount: 2000000000000000 is beyond ±1e15, Excel's 15 significant digits" }],
  ["value beyond 1e15", "ROUNDSPLIT", [col(-1e16)], { error: "#NUM!", message: /^ICS\.ROUNDSPLIT: values row 1: -10000000000000000 is beyond/ }],
  // shapes
  ["floors shorter than weights", "DELEGATE", [100, col(1, 1, 1), col(1, 1)], { error: "#VALUE!", message: "ICS.DELEGATE: floors: has 2 rows but weights has 3; they must match row for row" }],
  ["caps a 2-D block", "DELEGATE", [100, col(1, 1), undefined, [[1, 2], [3, 4]]], { error: "#VALUE!", message: "ICS.DELEGATE: caps: expected a single column, got a 2×2 range" }],
  ["streams a different shape", "POT", [col(1, 2, 3), col("core", "pod")], { error: "#VALUE!", message: "ICS.POT: streams: is 2×1 but amounts is 3×1; they must have the same shape" }],
  ["shares a different shape", "POTSTREAMS", [[[1, 2]], [["core", "pod"]], [[1, 1], [1, 1]]], { error: "#VALUE!", message: "ICS.POTSTREAMS: pooled_shares: is 2×2 but amounts is 1×2; they must have the same shape" }],
  ["a range where one value is needed", "DELEGATE", [[[1], [2]], col(1)], { error: "#VALUE!", message: "ICS.DELEGATE: amount: expected a single value, got a 2×1 range" }],
  ["too many arguments", "VERSION", [1], { error: "#VALUE!", message: "ICS.VERSION: takes at most 0 arguments, got 1" }],
  // domain rules
  ["negative weight", "DELEGATE", [100, col(1, -2)], { error: "#VALUE!", message: "ICS.DELEGATE: weights row 2: expected a weight of 0 or more, got -2" }],
  ["negative weight factor in an n×k table", "DELEGATE", [100, [[1, 2], [3, -4]]], { error: "#VALUE!", message: "ICS.DELEGATE: weights row 2 column 2: expected a weight of 0 or more, got -4" }],
  ["negative floor", "DELEGATE", [100, col(1, 1), col(-5, null)], { error: "#VALUE!", message: "ICS.DELEGATE: floors row 1: expected an amount of 0 or more, got -5" }],
  ["floors with a negative amount", "DELEGATE", [-100, col(1, 1), col(5, null)], { error: "#VALUE!", message: /^ICS\.DELEGATE: amount: floors and caps need an amount of 0 or more/ }],
  ["share over 100%", "POT", [col(1, 2), undefined, col(1, 1.2)], { error: "#VALUE!", message: "ICS.POT: pooled_shares row 2: expected a share between 0 and 1 (0% to 100%), got 1.2" }],
  ["negative share", "POTSTREAMS", [col(1), col("core"), col(-0.1)], { error: "#VALUE!", message: /^ICS\.POTSTREAMS: pooled_shares row 1: expected a share between 0 and 1/ }],
  ["unknown stream", "POT", [col(1), col("Specialist")], { error: "#VALUE!", message: /^ICS\.POT: streams row 1: unknown stream "Specialist"; valid keys are core, primary_medical, pod, specialised/ }],
  ["round_to not a power of ten", "POT", [col(1), undefined, undefined, 0.3], { error: "#VALUE!", message: "ICS.POT: round_to: expected a positive power of ten such as 0.01, 1 or 1000, got 0.3" }],
  ["round_to zero", "ROUNDSPLIT", [col(1), 0], { error: "#VALUE!", message: /^ICS\.ROUNDSPLIT: round_to: expected a positive power of ten/ }],
  ["round_to negative", "DELEGATE", [1, col(1), undefined, undefined, -0.01], { error: "#VALUE!", message: /^ICS\.DELEGATE: round_to: expected a positive power of ten/ }],
];

describe.each(cases)("%s", (_label, fn, args, expected) => {
  test(`gives ${expected.error}`, () => {
    let out: Output | undefined;
    expect(() => (out = call(fn, ...args))).not.toThrow();
    expect(out).toMatchObject({ error: expected.error });
    if (typeof expected.message === "string") expect((out as { message: string }).message).toBe(expected.message);
    else if (expected.message) expect((out as { message: string }).message).toMatch(expected.message);
  });
});
