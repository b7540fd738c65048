/** The core's messages in the pane's words: the field's label, the row's name, units and separators. */
import { checkDelegate, newDelegateInputs } from "../../../src/taskpane/wizards/delegate";
import { money, parseCoreMessage, plainMessage } from "../../../src/taskpane/wizards/messages";
import { checkPot } from "../../../src/taskpane/wizards/pot";
import { checkRiskShare, newRiskShareInputs } from "../../../src/taskpane/wizards/riskshare";

const noLabels = { units: "£000" as const, label: () => undefined };

describe("parsing the core's message form", () => {
  test("function, argument, row, column and what is wrong", () => {
    expect(parseCoreMessage("ICS.DELEGATE: weights row 2 column 1: expected a weight of 0 or more, got -1")).toEqual({
      fn: "DELEGATE",
      argument: "weights",
      row: 2,
      column: 1,
      what: "expected a weight of 0 or more, got -1",
    });
    expect(parseCoreMessage("something else")).toEqual({ what: "something else" });
  });

  test("a phrasing not known here keeps the core's words after the label", () => {
    expect(plainMessage({ error: "#VALUE!", message: "ICS.POT: underspend_method: must be one of x, y" }, noLabels)).toBe("Underspend method: must be one of x, y");
  });
});

describe("money in the sheet's units", () => {
  test("£000 with a k, £ with pence when there are any, minus signs", () => {
    expect(money(312400, "£000")).toBe("£312,400k");
    expect(money(1250.5, "£")).toBe("£1,250.50");
    expect(money(-87600, "£000")).toBe("−£87,600k");
  });
});

describe("the messages the issue reported, as finance staff now read them", () => {
  test("a pooled share of 85 (not 85%) on the specialised line", () => {
    const { issues } = checkPot({ year: "2025/26", units: "£000", roundTo: "1", lines: [{ stream: "Specialised services", amount: "431,200", share: "85" }] });
    expect(issues).toEqual([
      { field: "lines.0.share", message: "Pooled share, line 1 (Specialised services): 85 is more than 100%. Did you mean 85%? Type it with the % sign, or as 0.85." },
    ]);
  });

  test("floors beyond the amount, with separators and units", () => {
    const inputs = {
      ...newDelegateInputs(),
      amount: "312,400",
      useFloors: true,
      places: [
        { name: "Northmoor", weights: ["412300", "1.07"], floor: "200,000", cap: "" },
        { name: "Vale", weights: ["183400", "1.12"], floor: "200,000", cap: "" },
      ],
    };
    expect(checkDelegate(inputs).issues).toEqual([
      { field: "places", message: "The floors add up to £400,000k, more than the amount to share (£312,400k) by £87,600k. Lower some of them, or raise the amount." },
    ]);
  });

  test("a weight on row 2, column 1 is the place's population, by name", () => {
    const inputs = { ...newDelegateInputs(), amount: "100", places: [{ name: "Northmoor", weights: ["1", "1"], floor: "", cap: "" }, { name: "Vale", weights: ["-5", "1"], floor: "", cap: "" }] };
    expect(checkDelegate(inputs).issues).toEqual([{ field: "places.1.weights.0", message: "Population, place 2 (Vale): a weight cannot be negative (−5). Type 0 or more." }]);
  });

  test("band shares adding up to 110%", () => {
    const inputs = {
      ...newRiskShareInputs(),
      parties: [
        { name: "ICB", contribution: "100", cap: "" },
        { name: "Council", contribution: "50", cap: "" },
      ],
      method: "bands" as const,
      bands: [
        { upTo: "500", shares: ["60%", "50%"] },
        { upTo: "", shares: ["", ""] },
      ],
      scenarios: [{ label: "Overspend", variance: "1000", own: ["", ""] }],
    };
    expect(checkRiskShare(inputs).issues).toEqual([
      { field: "bands.0", message: "Band 1: the shares add up to 110%. They must add up to 100%, or be left all blank to share that band in proportion to contributions." },
    ]);
  });

  test("a missing number, and a word for a number", () => {
    expect(plainMessage({ error: "#VALUE!", message: "ICS.POT: amounts row 3: expected a number, got a blank cell" }, { units: "£", label: () => "Amount, line 3" })).toBe("Amount, line 3 is blank: type a number.");
    expect(plainMessage({ error: "#NUM!", message: "ICS.POT: amounts row 1: 2e+20 is beyond ±1e15, Excel's 15 significant digits" }, { units: "£", label: () => "Amount, line 1" })).toBe(
      "Amount, line 1: 200,000,000,000,000,000,000 is too large for Excel, which keeps 15 digits. Check the number of zeros.",
    );
  });
});

import { negated, signWarnings, unitWarnings } from "../../../src/taskpane/wizards/sanity";

describe("sanity checks that ask", () => {
  test("£312,400,000 typed in £000 asks whether it is pounds", () => {
    const [w] = unitWarnings("£000", [{ field: "amount", label: "Amount to delegate", text: "312,400,000" }]);
    expect(w.message).toBe("Amount to delegate: 312,400,000 in £000 is £312bn, more than any system's allocation. Did you type it in pounds?");
    expect(w.fix?.kind).toBe("units-pounds");
    expect(unitWarnings("£", [{ field: "amount", label: "Amount", text: "312,400,000" }])).toEqual([]);
    expect(unitWarnings("£000", [{ field: "amount", label: "Amount", text: "312,400" }])).toEqual([]);
  });

  test("a £ sign in a £000 sheet asks", () => {
    const [w] = unitWarnings("£000", [{ field: "lines.0.amount", label: "Amount, line 1", text: "£1,250" }]);
    expect(w.message).toMatch(/you typed a £ sign, but the sheet is in £000, so £1,250 is read as £1,250k \(1,250,000 pounds\)/);
  });

  test("an Underspend of +1,200 asks to make it −1,200; an Overspend of +2,500 does not", () => {
    const ws = signWarnings("£000", [
      { field: "scenarios.0.variance", label: "Underspend", text: "1,200" },
      { field: "scenarios.1.variance", label: "Overspend £2.5m", text: "2500" },
      { field: "scenarios.2.variance", label: "Deficit", text: "-300" },
    ]);
    expect(ws.map((w) => w.field)).toEqual(["scenarios.0.variance", "scenarios.2.variance"]);
    expect(ws[0].message).toBe('"Underspend" is +£1,200k, which is an overspend: overspends are + and underspends −. Make it −£1,200k?');
    expect(negated("1,200")).toBe("-1,200");
    expect(negated("-300")).toBe("300");
  });
});
