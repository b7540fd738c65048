import { ReturnResult, anyFinding, collectReturns } from "../../src/returns";

const clean = (file: string, organisationCode: string, round = "Plan v1"): ReturnResult => ({
  file,
  template: "place-delegation",
  templateVersion: "2026.1",
  organisationCode,
  financialYear: "2026/27",
  submissionRound: round,
  verdict: "clean",
  keyFigures: {},
  findings: [],
});

describe("what only the returns together say", () => {
  test("the same organisation, year and round twice is one duplicate finding naming both files", () => {
    const c = collectReturns([clean("a.xlsx", "QWO"), clean("b.xlsx", "QWO"), clean("c.xlsx", "QWO", "M6"), clean("d.xlsx", "QUE")]);
    expect(c.findings).toEqual([expect.objectContaining({ kind: "duplicate", files: ["a.xlsx", "b.xlsx"], organisationCode: "QWO" })]);
    expect(c.findings[0].message).toMatch(/QWO sent 2 place-delegation returns for 2026\/27 Plan v1: a.xlsx, b.xlsx/);
    expect(anyFinding(c)).toBe(true);
  });
  test("an expected organisation with no return is missing; the summary counts it", () => {
    const unreadable: ReturnResult = { file: "x.xlsx", verdict: "unreadable", keyFigures: {}, findings: [{ kind: "unreadable", message: "Not read" }] };
    const c = collectReturns([clean("a.xlsx", "QWO"), unreadable], ["qwo", "QT6"]);
    expect(c.findings).toEqual([{ kind: "missing-return", organisationCode: "QT6", message: expect.stringMatching(/^QT6 is expected but sent no return/) }]);
    expect(c.summary).toEqual({ returns: 2, clean: 1, withFindings: 0, unreadable: 1, missing: 1 });
  });
  test("clean returns, all expected, nothing found", () => {
    const c = collectReturns([clean("a.xlsx", "QWO"), clean("b.xlsx", "QUE")], ["QWO", "QUE"]);
    expect(c.findings).toEqual([]);
    expect(anyFinding(c)).toBe(false);
  });
});
