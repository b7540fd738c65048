/** Pasting rows copied from Excel into a wizard's table: parsing, headings, and filling the rows. */
import { checkDelegate, newDelegateInputs, placeColumns, setPlaceCell } from "../../../src/taskpane/wizards/delegate";
import { applyPaste, firstRowIsHeadings, isBlock, parseClipboard, pastePlan } from "../../../src/taskpane/wizards/paste";
import { blankLine, newPotInputs, setLineCell } from "../../../src/taskpane/wizards/pot";
import { newRiskShareInputs, pasteParties } from "../../../src/taskpane/wizards/riskshare";
import { blankPlace } from "../../../src/taskpane/wizards/delegate";

describe("parseClipboard", () => {
  test("tabs between cells, CRLF between rows, the trailing line break dropped", () => {
    expect(parseClipboard("Northmoor\t412,300\t1.07\r\nVale\t183,400\t1.12\r\n")).toEqual([
      ["Northmoor", "412,300", "1.07"],
      ["Vale", "183,400", "1.12"],
    ]);
  });

  test("quoted cells hold tabs, line breaks and doubled quotes; blanks are kept", () => {
    expect(parseClipboard('"Pharmacy,\toptometry\nand ""dental"""\t\t98750\n')).toEqual([['Pharmacy,\toptometry\nand "dental"', "", "98750"]]);
    expect(parseClipboard("a\t\tc")).toEqual([["a", "", "c"]]);
  });

  test("a quote inside a cell that is not quoted is text", () => {
    expect(parseClipboard('6" pipes\t1')).toEqual([['6" pipes', "1"]]);
  });

  test("one cell is not a block; a row or a column is", () => {
    expect(isBlock(parseClipboard("412300"))).toBe(false);
    expect(isBlock(parseClipboard("412300\n"))).toBe(false);
    expect(isBlock(parseClipboard("a\tb"))).toBe(true);
    expect(isBlock(parseClipboard("a\nb"))).toBe(true);
  });

  test("headings are recognised over a numeric column", () => {
    expect(firstRowIsHeadings([["Place", "Population"], ["Vale", "183,400"]])).toBe(true);
    expect(firstRowIsHeadings([["Northmoor", "412,300"], ["Vale", "183,400"]])).toBe(false);
  });
});

/** 60 places as a spreadsheet copies them: a heading row, then name, population, need index. */
function sixtyPlaces(): string {
  const lines = ["Place\tPopulation\tNeed index"];
  for (let i = 1; i <= 60; i++) lines.push(`Place ${String(i).padStart(2, "0")}\t${(100000 + i * 1234).toLocaleString("en-GB")}\t${(0.9 + (i % 7) * 0.03).toFixed(2)}`);
  return lines.join("\r\n") + "\r\n";
}

describe("filling a table from a pasted block", () => {
  test("60 places fill the Delegate table from its first row, adding the rows, and the core splits them", () => {
    const inputs = { ...newDelegateInputs(), amount: "312,400" };
    const block = parseClipboard(sixtyPlaces());
    const columns = placeColumns(inputs);
    expect(columns).toEqual(["Place", "Population", "Need index"]);
    const plan = pastePlan(block, { row: 0, column: 0 }, { rows: inputs.places.length, columns: columns.length }, firstRowIsHeadings(block));
    expect(plan.rows.length).toBe(60);
    expect(plan.addedRows).toBe(57);
    const places = applyPaste(inputs.places, plan, () => blankPlace(2), setPlaceCell(inputs));
    expect(places.length).toBe(60);
    expect(places[46]).toEqual({ name: "Place 47", weights: ["157,998", "1.05"], floor: "", cap: "" });
    const { issues, preview } = checkDelegate({ ...inputs, places });
    expect(issues).toEqual([]);
    expect(preview!.places.length).toBe(60);
    expect(preview!.places.reduce((s, p) => s + p.amount, 0)).toBeCloseTo(312400, 6);
  });

  test("a block pasted into a middle column fills from there; extra columns are left out", () => {
    const inputs = newDelegateInputs();
    const plan = pastePlan([["5", "1.1", "extra"]], { row: 1, column: 1 }, { rows: 3, columns: 3 }, false);
    expect(plan.droppedColumns).toBe(1);
    const places = applyPaste(inputs.places, plan, () => blankPlace(2), setPlaceCell(inputs));
    expect(places[1].weights).toEqual(["5", "1.1"]);
    expect(places[0].weights).toEqual(["", ""]);
  });

  test("floors and caps follow the weights when they are switched on", () => {
    const inputs = { ...newDelegateInputs(), useFloors: true, useCaps: true };
    const set = setPlaceCell(inputs);
    const place = [0, 1, 2, 3, 4].reduce((p, c) => set(p, c, `v${c}`), blankPlace(2));
    expect(place).toEqual({ name: "v0", weights: ["v1", "v2"], floor: "v3", cap: "v4" });
  });

  test("streams are matched by name or key, any case", () => {
    expect(setLineCell(blankLine(), 0, "pharmacy, optometry and dental").stream).toBe("Pharmacy, optometry and dental");
    expect(setLineCell(blankLine(), 0, "specialised").stream).toBe("Specialised services");
    expect(setLineCell(blankLine(), 0, "Mystery").stream).toBe("Mystery");
    const inputs = newPotInputs();
    const plan = pastePlan(parseClipboard("core\t1,000\t\nspecialised\t300\t85%\n"), { row: 0, column: 0 }, { rows: 3, columns: 3 }, false);
    expect(applyPaste(inputs.lines, plan, blankLine, setLineCell).slice(0, 2)).toEqual([
      { stream: "Core services", amount: "1,000", share: "" },
      { stream: "Specialised services", amount: "300", share: "85%" },
    ]);
  });

  test("parties pasted keep the bands' and what-ifs' columns in step", () => {
    const inputs = newRiskShareInputs();
    const plan = pastePlan(parseClipboard("ICB\t58,400\nCounty\t41,600\nBorough\t12,300\n"), { row: 0, column: 0 }, { rows: 2, columns: 2 }, false);
    const after = pasteParties(inputs, plan);
    expect(after.parties.map((p) => p.name)).toEqual(["ICB", "County", "Borough"]);
    expect(after.bands[0].shares.length).toBe(3);
    expect(after.scenarios.every((s) => s.own.length === 3)).toBe(true);
  });
});
