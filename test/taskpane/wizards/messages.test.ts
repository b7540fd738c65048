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
