/**
 * "Delegate to places", with the catalogue's own worked example: £1,000k to three places with
 * weighted populations 600k, 300k and 100k, the smallest guaranteed at least £150k:
 *   the floor takes 150, the other 850 goes 600:300 → 566.67 and 283.33 (in £000, to £10).
 */
import { evaluate, findFunction } from "../../../src/core";
import {
  DelegateInputs,
  addWeightColumn,
  amountContent,
  checkDelegate,
  delegateArgs,
  delegateOps,
  delegateStepOf,
  newDelegateInputs,
  removeWeightColumn,
  resolvedFrom,
} from "../../../src/taskpane/wizards/delegate";
import { potOps } from "../../../src/taskpane/wizards/pot";
import { columnValues, value, written } from "./helpers";

function places(rows: [string, string[], string?, string?][]): DelegateInputs["places"] {
  return rows.map(([name, weights, floor = "", cap = ""]) => ({ name, weights, floor, cap }));
}

const EXAMPLE: DelegateInputs = {
  ...newDelegateInputs(),
  roundTo: "0.01",
  amount: "1000",
  weightNames: ["Population (000)", "Need index"],
  places: places([
    ["Northmoor", ["600", "1"]],
    ["Eastbridge", ["300", "1"]],
    ["Vale", ["100", "1"], "150"],
  ]),
  useFloors: true,
};

describe("checking a delegation", () => {
  test("the preview is the core's split, floors honoured", () => {
    const { issues, preview } = checkDelegate(EXAMPLE);
    expect(issues).toEqual([]);
    expect(preview).toEqual({
      amount: 1000,
      places: [
        { name: "Northmoor", amount: 566.67 },
        { name: "Eastbridge", amount: 283.33 },
        { name: "Vale", amount: 150 },
      ],
    });
  });

  test("weights multiply across the columns: population × need index", () => {
    // 100 split 200×1.5 : 100×1.0 = 300 : 100 → 75 and 25.
    const inputs = { ...EXAMPLE, useFloors: false, amount: "100", places: places([["A", ["200", "1.5"]], ["B", ["100", "1"]]]) };
    expect(checkDelegate(inputs).preview?.places.map((p) => p.amount)).toEqual([75, 25]);
  });

  test("floors beyond the amount: the core's message, saying by how much", () => {
    const inputs = { ...EXAMPLE, places: places([["Northmoor", ["600", "1"], "900"], ["Eastbridge", ["300", "1"], "200"], ["Vale", ["100", "1"], "150"]]) };
    expect(checkDelegate(inputs).issues).toEqual([{ field: "places", message: "The floors add up to £1,250k, more than the amount to share (£1,000k) by £250k. Lower some of them, or raise the amount." }]);
  });

  test("a negative weight lands on its place and column", () => {
    const inputs = { ...EXAMPLE, places: places([["Northmoor", ["600", "1"]], ["Eastbridge", ["300", "-1"]]]) };
    const [issue] = checkDelegate(inputs).issues;
    expect(issue.field).toBe("places.1.weights.1");
    expect(issue.message).toBe("Need index, place 2 (Eastbridge): a weight cannot be negative (−1). Type 0 or more.");
    expect(delegateStepOf(issue.field)).toBe(1);
  });

  test("a text amount is the core's message on the amount, step 1", () => {
    const [issue] = checkDelegate({ ...EXAMPLE, amount: "about a million" }).issues;
    expect(issue).toEqual({ field: "amount", message: 'The amount to delegate: "about a million" is not a number. Type digits only, with commas between thousands if you like (e.g. 412,300).' });
    expect(delegateStepOf(issue.field)).toBe(0);
  });

  test("places need names, weight columns need headings", () => {
    const inputs = { ...EXAMPLE, weightNames: ["Population", " "], places: places([["", ["1", "1"]], ["B", ["1", "1"]]]) };
    expect(checkDelegate(inputs).issues.map((i) => i.field)).toEqual(["weightNames.1", "places.0.name"]);
  });

  test("the amount and rounding are checked on the first step, before any place is typed in", () => {
    const first = { ...newDelegateInputs(), amount: "£1.2m", roundTo: "0.5" };
    expect(checkDelegate(first).issues.map((i) => i.field)).toEqual(["places", "roundTo"]);
    expect(checkDelegate({ ...first, roundTo: "1" }).issues).toEqual([
      { field: "places", message: "Add at least two places with their weights" },
      { field: "amount", message: expect.stringMatching(/^The amount to delegate: "£1\.2m" is not a number/) },
    ]);
  });

  test("a delegation needs two places at least", () => {
    const inputs = { ...EXAMPLE, places: places([["Northmoor", ["600", "1"]]]) };
    expect(checkDelegate(inputs)).toEqual({ issues: [{ field: "places", message: "Add at least two places with their weights" }] });
  });

  test("an amount from a cell or a name is checked once it has been read", () => {
    const byName = { ...EXAMPLE, amountSource: "name" as const, amount: "Pot_Total" };
    expect(checkDelegate(byName).issues).toEqual([{ field: "amount", message: "Reading the amount from the workbook…" }]);
    expect(checkDelegate(byName, { value: 1000 }).preview?.places[2].amount).toBe(150);
    expect(checkDelegate(byName, { problem: "is not a name in this workbook" }).issues[0].message).toBe("Pot_Total is not a name in this workbook");
    expect(checkDelegate(byName, { value: { error: "#DIV/0!", message: "" } }).issues[0].message).toBe("Pot_Total holds #DIV/0!");
    expect(checkDelegate({ ...byName, amount: "Pot Total" }).issues[0].field).toBe("amount");
    const byCell = { ...EXAMPLE, amountSource: "cell" as const, amount: "B12" };
    expect(checkDelegate(byCell).issues[0].message).toMatch(/not a single cell with its sheet/);
    expect(resolvedFrom([[1], [2]])).toEqual({ problem: "refers to more than one cell; the amount is a single cell" });
  });

  test("the amount cell holds the number or a live link", () => {
    expect(amountContent(EXAMPLE)).toBe(1000);
    expect(amountContent({ ...EXAMPLE, amountSource: "cell", amount: "'Pot 2'!b11" })).toBe("='Pot 2'!$B$11");
    expect(amountContent({ ...EXAMPLE, amountSource: "name", amount: "Pot_Total" })).toBe("=Pot_Total");
  });

  test("weight columns are added and removed with every place", () => {
    const three = addWeightColumn(EXAMPLE, "Rurality");
    expect(three.places[0].weights).toEqual(["600", "1", ""]);
    expect(addWeightColumn(three, "Fourth")).toBe(three);
    const one = removeWeightColumn(three, 0);
    expect(one.weightNames).toEqual(["Need index", "Rurality"]);
    expect(one.places[2].weights).toEqual(["1", ""]);
  });
});

describe("the Delegation sheet", () => {
  test("one spilling ICS.DELEGATE computes the preview, and the check holds", async () => {
    const wb = written(delegateOps(EXAMPLE, "Delegation"));
    // Headers on row 7, places on 8..10, floors in D, the result in E.
    expect(await wb.readFormulas("Delegation", "E8")).toEqual([["=ICS.DELEGATE(Delegation_Amount,$B$8:$C$10,$D$8:$D$10,,Delegation_RoundTo)"]]);
    expect(columnValues(wb, "Delegation", "E8:E10")).toEqual(checkDelegate(EXAMPLE).preview!.places.map((p) => p.amount));
    expect(value(wb, "Delegation", "E11")).toBe(1000);
    expect(value(wb, "Delegation", "A12")).toBe("Check: places add up to the amount");
    expect(value(wb, "Delegation", "E12")).toBe(true);
    expect(wb.definedNames().map((n) => n.name).sort()).toEqual([
      "Delegation_Amount",
      "Delegation_Delegated",
      "Delegation_Floors",
      "Delegation_Places",
      "Delegation_RoundTo",
      "Delegation_Weights",
    ]);
  });

  test("caps without floors leave the floors argument empty", async () => {
    const inputs = { ...EXAMPLE, useFloors: false, useCaps: true, places: places([["A", ["1", "1"], "", "400"], ["B", ["1", "1"], "", ""]]) };
    const wb = written(delegateOps(inputs, "Delegation"));
    expect(await wb.readFormulas("Delegation", "E8")).toEqual([["=ICS.DELEGATE(Delegation_Amount,$B$8:$C$9,,$D$8:$D$9,Delegation_RoundTo)"]]);
    // 1000 split 1:1 with A capped at 400: A 400, B 600.
    expect(columnValues(wb, "Delegation", "E8:E9")).toEqual([400, 600]);
  });

  test("the amount linked to the pot follows the pot when a pot line changes", () => {
    const wb = written(potOps({ year: "2025/26", units: "£000", roundTo: "1", lines: [{ stream: "core", amount: "1000", share: "" }] }, "Pot"));
    const linked = { ...EXAMPLE, amountSource: "name" as const, amount: "Pot_Total" };
    written(delegateOps(linked, "Delegation"), wb);
    expect(columnValues(wb, "Delegation", "E8:E10")).toEqual([566.67, 283.33, 150]);
    // The pot goes up to 2000: Vale's share 2000 × 100/1000 = 200 is above its floor, so 6:3:1 plainly.
    wb.enter("Pot", "B7", "2000");
    const expected = evaluate(findFunction("DELEGATE")!, delegateArgs(EXAMPLE, 2000));
    expect(expected).toEqual([[1200], [600], [200]]);
    expect(columnValues(wb, "Delegation", "E8:E10")).toEqual([1200, 600, 200]);
    expect(value(wb, "Delegation", "E12")).toBe(true);
  });

  test("integer weight columns get a thousands format, others show their decimals", () => {
    const inputs = { ...EXAMPLE, places: places([["A", ["412000", "1.08"]], ["B", ["268000", "0.94"]]]), useFloors: false };
    const wb = written(delegateOps(inputs, "Delegation"));
    expect(wb.cell("Delegation", 7, 1).format).toBe("#,##0");
    expect(wb.cell("Delegation", 7, 2).format).toBe("#,##0.00##");
    expect(wb.cell("Delegation", 7, 3).format).toBe("#,##0.00;[Red]-#,##0.00");
  });
});
