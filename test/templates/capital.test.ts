/** The capital template: the CDEL envelope split by ICS.CAPITAL with minimums and bids (£000). */
import { Generated, core, expectClean, generate } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("capital");
});

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("allocations are ICS.CAPITAL of the envelope and add up to it exactly", () => {
  const expected = core(
    "CAPITAL",
    t.scalar("Envelope"),
    t.read("Depreciation"),
    t.read("Backlog"),
    t.read("WeightedPopulation"),
    t.read("Mix"),
    t.read("Minimums"),
    t.read("Bids"),
    t.scalar("RoundTo"),
  );
  expect(t.read("Allocations")).toEqual(expected);
  expect((t.column("Allocations") as number[]).reduce((a, b) => a + b, 0)).toBe(96400);
});

test("bids cap and minimums floor: the community trust gets its 7,500 bid, the mental health trust its 12,500 minimum", () => {
  const allocations = t.column("Allocations");
  expect(allocations[2]).toBe(7500);
  expect(allocations[3]).toBe(12500);
  allocations.forEach((a, i) => {
    const bid = t.column("Bids")[i];
    const min = t.column("Minimums")[i];
    if (typeof bid === "number") expect(a as number).toBeLessThanOrEqual(bid);
    if (typeof min === "number") expect(a as number).toBeGreaterThanOrEqual(min);
  });
});
