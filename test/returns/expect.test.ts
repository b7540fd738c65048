import { ExpectedListError, parseExpected } from "../../src/returns";

describe("--expect: the organisations that should have returned", () => {
  test("one code per line, blank lines and a byte-order mark ignored, upper-cased, each once", () => {
    expect(parseExpected("\uFEFFqwo\r\n\r\nQUE\nQWO\n")).toEqual(["QWO", "QUE"]);
  });
  test("a CSV with an OrganisationCode column, other columns ignored", () => {
    expect(parseExpected('OrganisationName,OrganisationCode\n"NHS West Yorkshire ICB, the",QWO\nNHS Cornwall ICB,QT6\n')).toEqual(["QWO", "QT6"]);
  });
  test("several columns but none headed OrganisationCode is an error that says so", () => {
    expect(() => parseExpected("Code,Name\nQWO,West Yorkshire\n")).toThrow(/none headed OrganisationCode/);
  });
  test("a line that cannot be an ODS code is named, never dropped", () => {
    expect(() => parseExpected("QWO\nWest Yorkshire\n")).toThrow(new ExpectedListError('line 2 of the list of expected organisations: "WEST YORKSHIRE" is not an ODS code (3 to 9 letters and digits)'));
  });
  test("an empty list is an error", () => {
    expect(() => parseExpected("\n\n")).toThrow(/empty/);
    expect(() => parseExpected("OrganisationCode\n")).toThrow(/names no organisation/);
  });
});
