/**
 * The Excel face: the generated wrappers call the adapter, which turns Excel's arguments into
 * core cells and core errors into CustomFunctions.Error with the catalogue's message.
 */
class CFError {
  constructor(public code: string, public message?: string) {}
}
(global as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CFError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  associate: () => undefined,
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const functions = require("../../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;

describe("Excel custom functions", () => {
  test("DELEGATE spills a column; Excel's null for left-out optionals means 'not given'", () => {
    expect(functions.delegate(100, [[1], [1], [1]], null, null, null)).toEqual([[33.34], [33.33], [33.33]]);
  });

  test("blank cells inside ranges arrive as null or \"\" and count as blank", () => {
    expect(functions.delegate(90, [[1], [null], [""], [2]])).toEqual([[30], [0], [0], [60]]);
  });

  test("a bad argument returns #VALUE! carrying the catalogue's message", () => {
    const out = functions.delegate(100, [[1], ["x"]]) as CFError;
    expect(out).toBeInstanceOf(CFError);
    expect(out.code).toBe("#VALUE!");
    expect(out.message).toBe('ICS.DELEGATE: weights row 2: expected a number, got "x"');
  });

  test("#NUM! carries no message (Excel shows messages only on #VALUE! and #N/A)", () => {
    const out = functions.pot([[2e15]]) as CFError;
    expect(out).toEqual(new CFError("#NUM!"));
  });

  test("a blank required scalar is a clear error, not zero", () => {
    expect((functions.delegate(null, [[1]]) as CFError).message).toBe("ICS.DELEGATE: amount: expected a number, got a blank cell");
  });

  test("blank result cells show as empty, not 0", () => {
    expect(functions.roundsplit([[1.004, null]])).toEqual([[1, ""]]);
  });

  test("DFT is a matrix function: one pair of cells gives a 1×1 matrix, columns spill row by row", () => {
    // Excel hands a matrix parameter a single cell as [[v]].
    expect(functions.dft([[2060000]], [[2000000]])).toEqual([[0.03]]);
    expect(functions.dft([[2060000], [1970000]], [[2000000]])).toEqual([[0.03], [-0.015]]);
    const perRow = functions.dft([[1], [1]], [[1], [0]]) as unknown[][];
    expect(perRow[0]).toEqual([0]);
    expect(perRow[1][0]).toEqual(new CFError("#DIV/0!"));
    expect(functions.dft([[1]], [[0]])).toEqual(new CFError("#DIV/0!"));
  });

  test("RISKSHARE's trailing underspend_method arrives after round_to", () => {
    expect(functions.riskshare([[-1000]], [[1], [1]], null, null, null, [[300], [1000]], null, null)).toEqual([[-500], [-500]]);
    expect(functions.riskshare([[-1000]], [[1], [1]], null, null, null, null, null, "retain")).toEqual([[0], [0]]);
    expect((functions.riskshare([[-1000]], [[1], [1]], null, null, null, null, null, "keep") as CFError).message).toMatch(/^ICS\.RISKSHARE: underspend_method: unknown method "keep"/);
  });

  test("VERSION returns text", () => {
    expect(functions.version()).toMatch(/^ics-finance \d+\.\d+\.\d+; catalogue /);
  });
});
