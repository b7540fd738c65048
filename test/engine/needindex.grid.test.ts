/** ICS.NEEDINDEX as a finance user's workbook has it: places built from the practice file, one spilling formula. */
import { RawCellContent } from "hyperformula";
import { Cell } from "../../src/core";
import { createEngine, valueToCell } from "../../src/engine";
import { evaluateCell, evaluateRange } from "../helpers/engine";
import { describeIfPractices, placesOf, readPractices } from "../helpers/practices";

function floatIndex(weighted: number, population: number, totalWeighted: number, totalPopulation: number): number {
  return weighted / population / (totalWeighted / totalPopulation);
}

describe("grid: ICS.NEEDINDEX", () => {
  test("spills one index per place beside the table", () => {
    // ICB 450,000/400,000 = 1.125 per head; A 1.2/1.125, B 1.1/1.125.
    const grid = { A1: 120000, B1: 100000, A2: 330000, B2: 300000, C1: "=ICS.NEEDINDEX(A1:A2,B1:B2)" };
    expect(evaluateRange("C1:C2", grid)).toEqual([[1.0666666666666667], [0.9777777777777777]]);
  });

  test("a blank row in the table gives a blank index and leaves the ICB average alone", () => {
    const grid = { A1: 120, B1: 100, A3: 80, B3: 100, C1: "=ICS.NEEDINDEX(A1:A3,B1:B3)" };
    expect(evaluateRange("C1:C3", grid)).toEqual([[1.2], [""], [0.8]]);
  });

  test("the reference totals can be cells (England's)", () => {
    const grid = { A1: 1100, B1: 1000, D1: 55000000, D2: 50000000, C1: "=ICS.NEEDINDEX(A1,B1,D1,D2)" };
    expect(evaluateCell("C1", grid)).toBe(1);
  });

  test("a place with population 0 is #DIV/0! naming the row", () => {
    expect(evaluateCell("C1", { A1: 10, B1: 10, A2: 5, B2: 0, C1: "=ICS.NEEDINDEX(A1:A2,B1:B2)" })).toEqual({
      error: "#DIV/0!",
      message: "ICS.NEEDINDEX: population row 2: is 0, so this place has no need per head to index",
    });
  });

  test("an error in the table travels on", () => {
    expect(evaluateCell("C1", { A1: "=1/0", B1: 10, C1: "=ICS.NEEDINDEX(A1,B1)" })).toMatchObject({ error: "#DIV/0!" });
  });

  test("only one reference total is #VALUE!", () => {
    expect(evaluateCell("C1", { A1: 10, B1: 10, C1: "=ICS.NEEDINDEX(A1,B1,100)" })).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^ICS\.NEEDINDEX: reference_population: is needed with reference_weighted/),
    });
  });
});

describeIfPractices("grid: ICS.NEEDINDEX on places built from the 2024/25 practice file", () => {
  const ICBS = ["QWO", "QF7"]; // West Yorkshire, South Yorkshire

  test("SUMIFS builds each place from its practices; one spilling NEEDINDEX per ICB matches a float computation to 1e-9", () => {
    const practices = readPractices().filter((p) => ICBS.includes(p.icb));
    // Practices sheet: ICB, place, population, weighted population.
    const practiceRows: RawCellContent[][] = practices.map((p) => [p.icb, p.place, p.population, p.weightedPopulation]);
    const last = practiceRows.length;
    // Places sheet: one block per ICB (a blank row between), columns place, ICB, population, WP, index.
    const placeRows: RawCellContent[][] = [];
    const blocks: { icb: string; first: number; count: number }[] = [];
    for (const icb of ICBS) {
      const first = placeRows.length + 1;
      const places = placesOf(icb);
      for (const place of places) {
        const r = placeRows.length + 1;
        placeRows.push([
          place.name,
          icb,
          `=SUMIFS(Practices!$C$1:$C$${last},Practices!$A$1:$A$${last},B${r},Practices!$B$1:$B$${last},A${r})`,
          `=SUMIFS(Practices!$D$1:$D$${last},Practices!$A$1:$A$${last},B${r},Practices!$B$1:$B$${last},A${r})`,
        ]);
      }
      placeRows[first - 1][4] = `=ICS.NEEDINDEX(D${first}:D${first + places.length - 1},C${first}:C${first + places.length - 1})`;
      blocks.push({ icb, first, count: places.length });
      placeRows.push([]);
    }
    const hf = createEngine({ Practices: practiceRows, Places: placeRows });
    try {
      const sheet = hf.getSheetId("Places")!;
      const at = (row: number, col: number): Cell => valueToCell(hf.getCellValue({ sheet, row: row - 1, col }));
      let checked = 0;
      for (const block of blocks) {
        const places = placesOf(block.icb);
        const totalWeighted = places.reduce((a, p) => a + p.weightedPopulation, 0);
        const totalPopulation = places.reduce((a, p) => a + p.population, 0);
        places.forEach((place, k) => {
          const row = block.first + k;
          expect(at(row, 0)).toBe(place.name);
          expect(at(row, 2) as number).toBeCloseTo(place.population, 6);
          const index = at(row, 4);
          expect(typeof index).toBe("number");
          expect(Math.abs((index as number) - floatIndex(place.weightedPopulation, place.population, totalWeighted, totalPopulation))).toBeLessThan(1e-9);
          checked++;
        });
      }
      expect(checked).toBe(10); // 6 West Yorkshire places, 4 South Yorkshire
    } finally {
      hf.destroy();
    }
  });

  test("one formula over both ICBs against England's totals, the blank row between them left blank", () => {
    const all = readPractices();
    const england = { weighted: all.reduce((a, p) => a + p.weightedPopulation, 0), population: all.reduce((a, p) => a + p.population, 0) };
    const rows: RawCellContent[][] = [];
    for (const icb of ICBS) {
      for (const place of placesOf(icb)) rows.push([place.name, place.population, place.weightedPopulation]);
      rows.push([]);
    }
    const n = rows.length;
    rows[0][4] = england.weighted;
    rows[1][4] = england.population;
    rows[0][3] = `=ICS.NEEDINDEX(C1:C${n},B1:B${n},E1,E2)`;
    const hf = createEngine({ Sheet1: rows });
    try {
      const values = hf.getSheetValues(0);
      rows.forEach((row, r) => {
        const index = valueToCell(values[r]?.[3] ?? null);
        if (row.length === 0 || row[1] === undefined) {
          expect(index).toBe("");
          return;
        }
        const expected = floatIndex(row[2] as number, row[1] as number, england.weighted, england.population);
        expect(Math.abs((index as number) - expected)).toBeLessThan(1e-9);
      });
    } finally {
      hf.destroy();
    }
  });
});
