/** Reading NHS England's practice weighted-population format for `template --practices`. */
import { parseCsv } from "../../src/format/csv";
import { PracticeFileError, delegationSystem, placeOfCcg, readPlaceMappingCsv, readPracticeCsv } from "../../src/cli/practices";

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

const HEADER = "Practice_Code,GP_Practice_Name,CCG21,Former CCG,PCN_Code,ICS22,ICS22name,LA21,UTLA21,pop 2025/26,G&A WP,CS WP,MH WP,Prescr WP,Final WP,Final PMC WP";
const FILE = [
  `\uFEFF${HEADER}`,
  'Z3,"Dale, Moor & Fell Practice",01A,NHS Westvale CCG,U1,QZZ,NHS Testshire ICB,E07000001,Westvale District,1000,1200,1050,980,1010,1100.5,990',
  "Z1,Harbour Surgery,02B,NHS Eastvale CCG,U2,QZZ,NHS Testshire ICB,E06000001,Eastvale,2000,2500,2100,2300,2200,2400,2050",
  "Z2,Quay Surgery,01A,NHS Westvale CCG,,QZZ,NHS Testshire ICB,E07000002,Westvale Other,500,600,520,510,530,550.25,505",
  "Y1,Elsewhere,03C,NHS Far CCG,,QYY,NHS Otherland ICB,E06000002,Far,10,10,10,10,10,10,10",
].join("\r\n");

describe("readPracticeCsv and delegationSystem", () => {
  test("takes codes, names, ICB, former CCG, local authority, population (any year's pop column) and each weighted population", () => {
    const records = readPracticeCsv(FILE);
    expect(records[0]).toEqual({
      code: "Z3",
      name: "Dale, Moor & Fell Practice",
      pcn: "U1",
      icb: "QZZ",
      icbName: "NHS Testshire ICB",
      ccgCode: "01A",
      ccgName: "NHS Westvale CCG",
      place: "Westvale",
      laCode: "E07000001",
      laName: "Westvale District",
      population: 1000,
      weighted: { final: 1100.5, pmc: 990, community: 1050, mentalHealth: 980, prescribing: 1010 },
    });
  });

  test("one ICB's practices, places the former CCGs in alphabetical order and practices by code within each", () => {
    const system = delegationSystem(readPracticeCsv(FILE), "qzz", { practicesFile: "/data/practices.csv" });
    expect(system.name).toBe("NHS Testshire ICB (QZZ)");
    expect(system).toMatchObject({ icbCode: "QZZ", icbName: "NHS Testshire ICB", source: "practices.csv, ICB QZZ" });
    expect(system.places).toEqual(["Eastvale", "Westvale"]);
    expect(system.placeNotes).toEqual({ Eastvale: "Former NHS Eastvale CCG (02B)", Westvale: "Former NHS Westvale CCG (01A)" });
    expect(system.practices.map((p) => p.code)).toEqual(["Z1", "Z2", "Z3"]);
  });

  test("a place mapping overrides the former CCGs; one that misses a practice or names an unknown one is refused", () => {
    const records = readPracticeCsv(FILE);
    const mapping = readPlaceMappingCsv("Practice_Code,Place\nz1,North\nZ2,South\nZ3,North\nY1,Far away\n");
    const system = delegationSystem(records, "QZZ", { places: mapping, placesFile: "places.csv" });
    expect(system.places).toEqual(["North", "South"]);
    expect(system.practices.map((p) => [p.code, p.place])).toEqual([["Z1", "North"], ["Z3", "North"], ["Z2", "South"]]);
    expect(system.source).toBe("NHS England's practice file, ICB QZZ, places from places.csv");
    expect(() => delegationSystem(records, "QZZ", { places: readPlaceMappingCsv("Practice_Code,Place\nZ1,North\n") })).toThrow("the place mapping has no place for 2 of QZZ's 3 practices: Z3, Z2");
    expect(() => delegationSystem(records, "QZZ", { places: readPlaceMappingCsv("Practice_Code,Place\nZ1,A\nZ2,A\nZ3,A\nQ9,B\n") })).toThrow("the place mapping names 1 practice code the practice file does not have: Q9");
    expect(() => readPlaceMappingCsv("code,where\nZ1,A")).toThrow(/needs a header row with columns Practice_Code and Place/);
    expect(() => readPlaceMappingCsv("Practice_Code,Place\nZ1,A\nZ1,B")).toThrow('practice Z1 is mapped to "A" and to "B"');
  });

  test("a missing column, a population that is not a number and an unknown ICB are explained", () => {
    expect(() => readPracticeCsv("Practice_Code,GP_Practice_Name\nA,B")).toThrow(new PracticeFileError("no column matching ICS22: is this NHS England's practice weighted-population file?"));
    expect(() => readPracticeCsv(`${HEADER}\nZ1,A,01A,NHS X CCG,,QZZ,N,E1,P,,1,1,1,1,1,1`)).toThrow('line 2: pop 2025/26 is "", not a number');
    expect(() => delegationSystem(readPracticeCsv(FILE), "QAA")).toThrow('no practices for ICB "QAA"; the file has 2 ICBs: QYY, QZZ');
  });

  test("a former CCG's name without NHS and CCG is the place", () => {
    expect(placeOfCcg("NHS Bradford District and Craven CCG")).toBe("Bradford District and Craven");
    expect(placeOfCcg("NHS Kirklees CCG")).toBe("Kirklees");
  });
});
