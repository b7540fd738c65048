/** The system-plan template: neutrality, MHIS and blended payments against the core (£000). */
import { Generated, core, expectClean, generate } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("system-plan");
});

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("proposed changes +1,000 +2,500 −600 −1,400 −1,500 net to zero: ICS.NEUTRAL is TRUE", () => {
  expect(t.scalar("ChangesNeutral")).toBe(core("NEUTRAL", t.read("Changes"), t.scalar("Tolerance")));
  expect(t.scalar("ChangesNeutral")).toBe(true);
  const before = (t.column("ControlTotals") as number[]).reduce((a, b) => a + b, 0);
  const after = (t.column("RevisedTotals") as number[]).reduce((a, b) => a + b, 0);
  expect(after).toBe(before);
});

test("the MHIS minimum is ICS.MHIS: 98,640 × 1,713,900 / 1,642,300 = 102,940.4, so 102,940 in £000", () => {
  const expected = core("MHIS", t.scalar("PriorMhSpend"), t.scalar("PriorAllocation"), t.scalar("Allocation"), t.scalar("RoundTo"));
  expect(t.scalar("MhisMinimum")).toBe(expected);
  expect(t.scalar("MhisMinimum")).toBe(102940);
  expect(t.at("MHIS", "B11")).toBe(103400 - 102940);
});

test("each contract's payment is ICS.BLENDED of its row", () => {
  const payments = t.column("BlendedPayments");
  payments.forEach((payment, i) => {
    const row = 6 + i;
    const args = ["B", "C", "D", "E", "F", "G"].map((c) => t.at("Blended", `${c}${row}`));
    expect(payment).toBe(core("BLENDED", ...args, t.scalar("RoundTo")));
  });
  // 312,400 fixed + 100% × (101,350 − 96,200) − 3,100 × (1 − 80%) = 312,400 + 5,150 − 620.
  expect(payments[0]).toBe(316930);
  // Activity 2,200 below baseline comes off: 188,900 − 2,200.
  expect(payments[1]).toBe(186700);
});
