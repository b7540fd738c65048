/** Reading NHS England's practice weighted-population format for `template --practices`. */
import { parseCsv } from "../../src/cli/csv";
import { PracticeFileError, delegationSystem, readPracticeCsv } from "../../src/cli/practices";

describe("parseCsv", () => {
  test("quoted fields keep their commas, doubled quotes and line breaks", () => {
    const text = 'a,b,c\r\n"Smith, Jones and Partners","The ""Old"" Surgery","line one\nline two"\r\n,,\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["Smith, Jones and Partners", 'The "Old" Surgery', "line one\nline two"],
      ["", "", ""],
    ]);
  });

  test("a last line without a line break, and blank lines skipped", () => {
    expect(parseCsv("x,y\n\n1,2")).toEqual([
      ["x", "y"],
      ["1", "2"],
    ]);
  });
});

const HEADER = "Practice_Code,GP_Practice_Name,ICS22,ICS22name,UTLA21,pop 2025/26,G&A WP,Final WP";
const FILE = [
  `\uFEFF${HEADER}`,
  'Z3,"Dale, Moor & Fell Practice",QZZ,NHS Testshire ICB,Westvale,1000,1200,1100.5',
  "Z1,Harbour Surgery,QZZ,NHS Testshire ICB,Eastvale,2000,2500,2400",
  "Z2,Quay Surgery,QZZ,NHS Testshire ICB,Westvale,500,600,550.25",
  "Y1,Elsewhere,QYY,NHS Otherland ICB,Far,10,10,10",
].join("\r\n");

describe("readPracticeCsv and delegationSystem", () => {
  test("takes code, name, ICB, place (UTLA21), population (any year's pop column) and Final WP", () => {
    const records = readPracticeCsv(FILE);
    expect(records[0]).toEqual({ code: "Z3", name: "Dale, Moor & Fell Practice", icb: "QZZ", icbName: "NHS Testshire ICB", place: "Westvale", population: 1000, weightedPopulation: 1100.5 });
  });

  test("one ICB's practices, places in alphabetical order and practices by code within each", () => {
    const system = delegationSystem(readPracticeCsv(FILE), "qzz");
    expect(system.name).toBe("NHS Testshire ICB (QZZ)");
    expect(system.places).toEqual(["Eastvale", "Westvale"]);
    expect(system.practices.map((p) => p.code)).toEqual(["Z1", "Z2", "Z3"]);
  });

  test("a missing column, a population that is not a number and an unknown ICB are explained", () => {
    expect(() => readPracticeCsv("Practice_Code,GP_Practice_Name\nA,B")).toThrow(new PracticeFileError("no column matching ICS22: is this NHS England's practice weighted-population file?"));
    expect(() => readPracticeCsv(`${HEADER}\nZ1,A,QZZ,N,P,,1,1`)).toThrow('line 2: pop 2025/26 is "", not a number');
    expect(() => delegationSystem(readPracticeCsv(FILE), "QAA")).toThrow('no practices for ICB "QAA"; the file has 2 ICBs: QYY, QZZ');
  });
});
