/** How the Returns page writes the checker's report: figures, counts, the summary and the order of findings. */
import type { Finding, ReturnResult } from "../../src/returns/types";
import { FINDING_KINDS } from "../../src/returns/types";
import { KIND_LABELS, findingsCount, formatScalar, sortFindings, summarySentence } from "../../src/returnsPage/format";
import { addReturns, sortOut } from "../../src/returnsPage/files";

const result = (findings: Finding[]): ReturnResult => ({ file: "a.xlsx", verdict: findings.length ? "findings" : "clean", keyFigures: {}, findings });

describe("key figures", () => {
  test("numbers with thousands separators, at most two decimals; other scalars as Excel shows them; ranges left to the workbook", () => {
    expect(formatScalar(795900000)).toBe("795,900,000");
    expect(formatScalar(-1234.567)).toBe("-1,234.57");
    expect(formatScalar(0)).toBe("0");
    expect(formatScalar(true)).toBe("TRUE");
    expect(formatScalar(null)).toBe("(blank)");
    expect(formatScalar("Plan v1")).toBe("Plan v1");
    expect(formatScalar({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(formatScalar([1, 2])).toBeUndefined();
  });
});

describe("counts and the summary", () => {
  test("findings and warnings counted apart", () => {
    expect(findingsCount(result([]))).toBe("None");
    expect(findingsCount(result([{ kind: "hard-coded", message: "" }]))).toBe("1 finding");
    expect(findingsCount(result([{ kind: "hard-coded", message: "" }, { kind: "error", message: "" }, { kind: "not-recalculated", message: "" }]))).toBe("2 findings, 1 warning");
    expect(findingsCount(result([{ kind: "not-recalculated", message: "" }]))).toBe("1 warning");
  });

  test("one sentence, with the missing organisations when a list of them was given", () => {
    expect(summarySentence({ returns: 1234, clean: 1200, withFindings: 30, unreadable: 4, missing: 2 }, true)).toBe("1,234 returns: 1,200 clean, 30 with findings, 4 unreadable; 2 expected organisations sent none.");
    expect(summarySentence({ returns: 1, clean: 1, withFindings: 0, unreadable: 0, missing: 0 }, true)).toBe("1 return: 1 clean, 0 with findings, 0 unreadable; every expected organisation sent one.");
    expect(summarySentence({ returns: 1, clean: 1, withFindings: 0, unreadable: 0, missing: 0 }, false)).toBe("1 return: 1 clean, 0 with findings, 0 unreadable.");
  });

  test("every kind has a plain label", () => {
    for (const kind of FINDING_KINDS) expect([kind, KIND_LABELS[kind]?.length > 0]).toEqual([kind, true]);
  });
});

describe("findings in order", () => {
  test("by kind as RETURNS.md lists them, then sheet, then cell by row and column (B10 after B9, AA1 after Z1)", () => {
    const f = (kind: Finding["kind"], sheet?: string, cell?: string): Finding => ({ kind, sheet, cell, message: `${kind} ${sheet} ${cell}` });
    const sorted = sortFindings([f("cover-incomplete", "Cover", "B10"), f("hard-coded", "Lines", "AA1"), f("cover-incomplete", "Cover", "B9"), f("hard-coded", "Lines", "Z1"), f("unreadable"), f("hard-coded", "Checks", "C3")]);
    expect(sorted.map((x) => [x.kind, x.sheet, x.cell])).toEqual([
      ["unreadable", undefined, undefined],
      ["hard-coded", "Checks", "C3"],
      ["hard-coded", "Lines", "Z1"],
      ["hard-coded", "Lines", "AA1"],
      ["cover-incomplete", "Cover", "B9"],
      ["cover-incomplete", "Cover", "B10"],
    ]);
  });
});

describe("the files chosen", () => {
  const file = (name: string, size = 10) => ({ name, file: { size, lastModified: 1 } as File });
  test("only .xlsx and .xlsm are returns (any case); the rest are named as left out", () => {
    const { returns, skipped } = sortOut([file("a.xlsx"), file("B.XLSM"), file("notes.txt"), file("old.xls")]);
    expect(returns.map((f) => f.name)).toEqual(["a.xlsx", "B.XLSM"]);
    expect(skipped).toEqual(["notes.txt", "old.xls"]);
  });
  test("the same file chosen twice is listed once; another file of the same name is kept", () => {
    const list = addReturns([file("a.xlsx")], [file("a.xlsx"), file("a.xlsx", 11), file("North/a.xlsx")]);
    expect(list.map((f) => [f.name, f.file.size])).toEqual([["a.xlsx", 10], ["a.xlsx", 11], ["North/a.xlsx", 10]]);
  });
});
