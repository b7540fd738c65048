/**
 * The playground's fictional system opens with every check TRUE and every result equal to what
 * the core computes from the same inputs.
 */
import { createEngine } from "../../src/engine";
import { EngineWorkbook } from "../../src/workbook/engine";
import { README_SHEET, SAMPLE_DELEGATION, SAMPLE_POT, SAMPLE_RISK_SHARE, sampleOps } from "../../src/playground/sample";
import { checkDelegate } from "../../src/taskpane/wizards/delegate";
import { checkPot } from "../../src/taskpane/wizards/pot";
import { checkRiskShare } from "../../src/taskpane/wizards/riskshare";

function sample(): EngineWorkbook {
  const wb = new EngineWorkbook(createEngine({ [README_SHEET]: [] }));
  wb.applyNow(sampleOps());
  return wb;
}

describe("the playground's sample workbook", () => {
  const wb = sample();

  test("has its sheets, opens on the read-me that says the data is fictional", () => {
    expect(wb.sheetList()).toEqual([README_SHEET, "Pot", "Delegation", "Risk share"]);
    expect(wb.activeSheet).toBe(README_SHEET);
    expect(wb.readValues(README_SHEET, "A1:A3").flat().join(" ")).toMatch(/fictional.*made up/);
  });

  test("the inputs pass the core's checks", () => {
    expect(checkPot(SAMPLE_POT).issues).toEqual([]);
    expect(checkDelegate(SAMPLE_DELEGATION).issues).toEqual([]);
    expect(checkRiskShare(SAMPLE_RISK_SHARE).issues).toEqual([]);
  });

  test("the pot: 1,412,600 + 176,300 + 98,750 + 431,200 × 85% + 22,400 + 18,900 + 12,500 = 2,107,970", async () => {
    expect(checkPot(SAMPLE_POT).preview?.total).toBe(2107970);
    expect(await wb.readName("Pot_Total")).toEqual([[2107970]]);
  });

  test("the delegation matches the core, Kingsholt held at its floor, and adds up", async () => {
    const preview = checkDelegate(SAMPLE_DELEGATION).preview!;
    expect(preview.places[3]).toEqual({ name: "Kingsholt", amount: 45000 });
    expect((await wb.readName("Delegation_Delegated")).map((r) => r[0])).toEqual(preview.places.map((p) => p.amount));
    expect(preview.places.reduce((a, p) => a + p.amount, 0)).toBe(312400);
  });

  test("the risk share matches the core in every what-if", async () => {
    const preview = checkRiskShare(SAMPLE_RISK_SHARE).preview!;
    const shares = await wb.readName("RiskShare_Shares");
    preview.scenarios.forEach((s, i) => expect(shares.map((row) => row[i])).toEqual(s.shares));
    // An overspend of 2,500 less the 750 contingency leaves 1,750: the host's first 1,000, then 750 split 50:50.
    expect(preview.scenarios[0].shares).toEqual([1375, 375, 0]);
  });

  test("every check on every sheet is TRUE", () => {
    const checks: unknown[] = [];
    for (const sheet of wb.sheetList()) {
      const { rows, cols } = wb.extent(sheet);
      for (let r = 0; r < rows; r++) {
        if (!String(wb.cell(sheet, r, 0).value).startsWith("Check")) continue;
        for (let c = 1; c < cols; c++) {
          const v = wb.cell(sheet, r, c).value;
          if (v !== null) checks.push(v);
        }
      }
    }
    expect(checks.length).toBe(5); // pot 1, delegation 1, risk share 3 what-ifs
    expect(checks.every((v) => v === true)).toBe(true);
  });
});
