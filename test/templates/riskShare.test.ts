/** The risk-share template: each scenario shared by ICS.RISKSHARE under the sample agreement (£000). */
import { Grid } from "../../src/core";
import { Generated, core, expectClean, generate } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("risk-share");
});

/** Column j of the scenarios as the partners' variances and what they bear. */
const scenario = (j: number) => ({
  variances: t.read("ScenarioVariances").map((row) => [row[j]]),
  borne: t.read("ScenarioShares").map((row) => row[j]),
});

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("every scenario is ICS.RISKSHARE of its variances under the agreement", () => {
  for (let j = 0; j < 5; j++) {
    const { variances, borne } = scenario(j);
    const expected = core("RISKSHARE", variances, t.read("Contributions"), t.scalar("Method"), t.read("Bands"), t.scalar("Contingency"), t.read("Caps"), t.scalar("RoundTo")) as Grid;
    expect(borne).toEqual(expected.map((r) => r[0]));
  }
});

test("the host's 1,200 overspend: 750 met from the contingency, the other 450 sits in the first band, all the host's", () => {
  expect(scenario(0).borne).toEqual([450, 0, 0]);
  expect(t.read("ContingencyUsed")[0][0]).toBe(750);
});

test("offsetting variances: 800 − 500 = 300 net, inside the 750 contingency, so nobody bears anything", () => {
  expect(scenario(2).borne).toEqual([0, 0, 0]);
  expect(t.read("ContingencyUsed")[0][2]).toBe(300);
});

test("an underspend of 700 is shared in full and, the bands describing losses, returned in proportion to contributions", () => {
  // 700 × 42,500 / 70,000 = 425; × 18,200 / 70,000 = 182; × 9,300 / 70,000 = 93.
  expect(scenario(3).borne).toEqual([-425, -182, -93]);
  expect(t.read("ContingencyUsed")[0][3]).toBe(0);
});

test("a severe overspend: 5,000 − 750 = 4,250 across the bands, the City Council held to its 600 cap", () => {
  // Band 1: 500 to the host. Band 2: 1,500 split 750 / 375 / 375. The rest, 2,250, pro rata to
  // 42,500 : 18,200 : 9,300 = 1,366.07 / 585.00 / 298.93. The City's 375 + 298.93 = 673.93 is over
  // its 600 cap; the 73.93 over goes to the others by contribution: +51.76 and +22.17.
  expect(scenario(4).borne).toEqual([2668, 982, 600]);
});

test("the partners in the scenarios follow the Agreement sheet", () => {
  expect(t.at("Scenarios", "A5")).toBe(t.column("Partners")[0]);
  expect(t.at("Scenarios", "A13")).toBe(t.column("Partners")[2]);
});
