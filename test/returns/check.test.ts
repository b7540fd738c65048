/**
 * checkReturn on its own (the core both the CLI and the Returns page call): a return of an older
 * version that is still released is checked against that version; a formula the engine lacks is a
 * warning that leaves the return clean; a return is never a throw.
 */
import { sampleReturn } from "../../src/fixtures/returns";
import { changeFormula, setTemplateVersion } from "../../src/fixtures/tamper";
import { checkReturn } from "../../src/returns";
import * as released from "../../src/returns/released";

jest.setTimeout(60000);

let sample: Uint8Array;
beforeAll(async () => {
  sample = await sampleReturn("risk-share");
});
afterEach(() => jest.restoreAllMocks());

const where = (r: ReturnType<typeof checkReturn>) => r.findings.map((f) => [f.kind, f.sheet, f.cell]);

test("a sample return is clean, with its identity and key figures", () => {
  const r = checkReturn("rs.xlsx", sample);
  expect(where(r)).toEqual([]);
  expect(r).toMatchObject({ verdict: "clean", template: "risk-share", templateVersion: "2026.1", organisationCode: "QZN" });
  expect(Object.keys(r.keyFigures)).toEqual(["Partners", "Contributions", "PoolTotal", "SettlementTransfers", "ContingencyUsed", "UnderspendRetained"]);
});

test("an older version still released is checked against that version: old-version and nothing else", () => {
  // As if 2026.2 were current and 2026.1 kept in the registry (src/returns/released.ts).
  jest.spyOn(released, "currentVersion").mockReturnValue("2026.2");
  const r = checkReturn("rs.xlsx", sample);
  expect(where(r)).toEqual([["old-version", undefined, undefined]]);
  expect(r.findings[0].message).toBe("Template version 2026.1 is not the current one (2026.2): it was checked against version 2026.1, as it was sent. Send the next return on version 2026.2.");
  expect(r.verdict).toBe("findings");
});

test("a version never released: old-version, its structure not compared, its checks still run", () => {
  const r = checkReturn("rs.xlsx", setTemplateVersion(sample, "2027.9"));
  expect(where(r)).toEqual([["old-version", undefined, undefined]]);
  expect(r.findings[0].message).toMatch(/2027\.9 is not one ics-finance knows \(released: 2026\.1; current 2026\.1\): its structure was not compared, only its checks and values/);
});

test("a formula the engine does not have keeps Excel's value: a warning, and the return stays clean", () => {
  const r = checkReturn("rs.xlsx", changeFormula(sample, "About", "A1", 'CUBEVALUE("ThisWorkbookDataModel","[Measures].[Pool]")'));
  expect(where(r)).toEqual([["not-recalculated", "About", "A1"]]);
  expect(r.findings[0].message).toMatch(/^Not recalculated \(.*CUBEVALUE.*\): Excel's saved value is kept\. A warning, not a failure\.$/);
  expect(r.verdict).toBe("clean");
});

test("bytes that are no workbook at all: unreadable, with what to do, never a throw", () => {
  for (const bytes of [new Uint8Array(0), new TextEncoder().encode("Code,Amount\nQWO,1\n"), sample.slice(0, 100)]) {
    const r = checkReturn("x.xlsx", bytes);
    expect(r.verdict).toBe("unreadable");
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toMatch(/^Not read: /);
  }
});
