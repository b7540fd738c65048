/**
 * "Build the pot": the core validates and previews, and the sheet it writes computes the same
 * figures with live formulas. A fictional system in £000:
 *   core services 1,450,000 + primary medical care 182,500 + specialised 420,000 × 85% (= 357,000)
 *   = a pot of 1,989,500.
 */
import { evaluate, findFunction } from "../../../src/core";
import { PotInputs, checkPot, financialYear, newPotInputs, potArgs, potOps, potStepOf, yearIssue } from "../../../src/taskpane/wizards/pot";
import { columnValues, value, written } from "./helpers";

function inputs(lines: [string, string, string][], overrides: Partial<PotInputs> = {}): PotInputs {
  return { year: "2025/26", units: "£000", roundTo: "1", lines: lines.map(([stream, amount, share]) => ({ stream, amount, share })), ...overrides };
}

const SYSTEM = inputs([
  ["Core services", "1,450,000", ""],
  ["Primary medical care", "182,500", ""],
  ["Specialised services", "420,000", "85%"],
]);

describe("checking the pot", () => {
  test("the preview is the core's pot and its streams", () => {
    const { issues, preview } = checkPot(SYSTEM);
    expect(issues).toEqual([]);
    expect(preview).toEqual({
      streams: [
        { stream: "Core services", amount: 1450000 },
        { stream: "Primary medical care", amount: 182500 },
        { stream: "Specialised services", amount: 357000 },
      ],
      total: 1989500,
    });
  });

  test("a bad amount is the core's own message, on that line's amount", () => {
    const bad = inputs([
      ["Core services", "1000", ""],
      ["Pharmacy, optometry and dental", "250.5k", ""],
    ]);
    expect(checkPot(bad).issues).toEqual([{ field: "lines.1.amount", message: 'Amount, line 2 (Pharmacy, optometry and dental): "250.5k" is not a number. Type digits only, with commas between thousands if you like (e.g. 412,300).' }]);
  });

  test("a share above 100% and a missing stream land on their fields", () => {
    expect(checkPot(inputs([["Core services", "10", "120%"]])).issues[0]).toMatchObject({ field: "lines.0.share", message: "Pooled share, line 1 (Core services): 1.2 is more than 100%. Type a percentage from 0% to 100%." });
    expect(checkPot(inputs([["", "10", ""]])).issues[0]).toMatchObject({ field: "lines.0.stream", message: "Stream, line 1: choose the funding stream this amount belongs to." });
  });

  test("a rounding unit that is not a power of ten is the core's message on the round-to field", () => {
    const issue = checkPot({ ...SYSTEM, roundTo: "0.3" }).issues[0];
    expect(issue.field).toBe("roundTo");
    expect(issue.message).toBe("Round to must be a power of ten, such as 0.01 (pence), 1 or 1,000; 0.3 is not one.");
    expect(potStepOf(issue.field)).toBe(0);
  });

  test("the rounding unit is checked on the first step, before any line is typed in", () => {
    const issues = checkPot({ ...newPotInputs(new Date(2026, 0, 15)), roundTo: "5" }).issues;
    expect(issues.map((i) => [i.field, potStepOf(i.field)])).toEqual([
      ["roundTo", 0],
      ["lines", 1],
    ]);
    expect(issues[0].message).toBe("Round to must be a power of ten, such as 0.01 (pence), 1 or 1,000; 5 is not one.");
  });

  test("no lines with an amount is a problem with the lines step", () => {
    const { issues, preview } = checkPot(newPotInputs(new Date(2026, 0, 15)));
    expect(preview).toBeUndefined();
    expect(issues).toEqual([{ field: "lines", message: "Add at least one stream line with an amount" }]);
    expect(potStepOf("lines")).toBe(1);
  });

  test("the arguments are what the core's POT would get from the sheet", () => {
    const [amounts, streams, shares, roundTo] = potArgs(SYSTEM);
    expect(evaluate(findFunction("POT")!, [amounts, streams, shares, roundTo])).toBe(1989500);
  });
});

describe("financial years", () => {
  test("April to March", () => {
    expect(financialYear(new Date(2025, 3, 1))).toBe("2025/26");
    expect(financialYear(new Date(2026, 2, 31))).toBe("2025/26");
    expect(financialYear(new Date(2099, 5, 1))).toBe("2099/00");
  });

  test("the year label must read 2025/26", () => {
    expect(yearIssue("2025/26")).toBeUndefined();
    expect(yearIssue("2025/27")?.field).toBe("year");
    expect(yearIssue("25/26")?.field).toBe("year");
  });
});

describe("the Pot sheet", () => {
  const ops = potOps(SYSTEM, "Pot");
  const wb = written(ops);

  test("ICS.POT and ICS.POTSTREAMS are written as formulas, and the table's ranges are named", async () => {
    expect(await wb.readFormulas("Pot", "B11")).toEqual([["=ICS.POT($B$7:$B$9,$A$7:$A$9,$C$7:$C$9,Pot_RoundTo)"]]);
    expect(await wb.readFormulas("Pot", "E7")).toEqual([["=ICS.POTSTREAMS($B$7:$B$9,$A$7:$A$9,$C$7:$C$9,Pot_RoundTo)"]]);
    expect(wb.definedNames().map((n) => n.name).sort()).toEqual(["Pot_Amounts", "Pot_ByStream", "Pot_RoundTo", "Pot_Shares", "Pot_Streams", "Pot_Total"]);
  });

  test("the sheet computes what the preview showed, and checks itself", async () => {
    const preview = checkPot(SYSTEM).preview!;
    expect(await wb.readName("Pot_Total")).toEqual([[preview.total]]);
    expect(wb.readValues("Pot", "E7:F10")).toEqual([
      ...preview.streams.map((s) => [s.stream, s.amount]),
      ["Total", 1989500],
    ]);
    expect(value(wb, "Pot", "A12")).toBe("Check: streams add up to the pot");
    expect(value(wb, "Pot", "B12")).toBe(true);
  });

  test("inputs are formatted, named and marked as inputs; the sheet is activated last", () => {
    expect(wb.cell("Pot", 6, 1)).toMatchObject({ format: "#,##0;[Red]-#,##0", locked: false, style: { fill: "#FFF2CC" } });
    expect(wb.cell("Pot", 8, 2).format).toBe("0.0%");
    expect(wb.cell("Pot", 5, 0).style.bold).toBe(true);
    expect(wb.columnWidth("Pot", 0)).toBe(34);
    // Labels that Excel (and the engine) would read as numbers stay text: the year, and "£000".
    expect(wb.readValues("Pot", "B2:B3")).toEqual([["2025/26"], ["£000"]]);
    expect(ops[ops.length - 1]).toEqual({ op: "activate", sheet: "Pot" });
  });

  test("the formulas stay live: a changed line recalculates the pot and its check", () => {
    const wb2 = written(potOps(SYSTEM, "Pot"));
    // Specialised services 400,000 × 85% = 340,000, so the pot is 1,450,000 + 182,500 + 340,000 = 1,972,500.
    expect(wb2.enter("Pot", "B9", "400000")).toBeUndefined();
    const expected = evaluate(findFunction("POT")!, potArgs({ ...SYSTEM, lines: SYSTEM.lines.map((l, i) => (i === 2 ? { ...l, amount: "400000" } : l)) }));
    expect(expected).toBe(1972500);
    expect(value(wb2, "Pot", "B11")).toBe(expected);
    expect(columnValues(wb2, "Pot", "F7:F10")).toEqual([1450000, 182500, 340000, 1972500]);
    expect(value(wb2, "Pot", "B12")).toBe(true);
  });

  test("a second pot goes on its own sheet with its own names", async () => {
    written(potOps(SYSTEM, "Pot 2"), wb);
    expect(await wb.readName("Pot2_Total")).toEqual([[1989500]]);
  });
});
