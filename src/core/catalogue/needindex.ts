import { ArgReader } from "../args";
import { ArgValue, Cell } from "../cells";
import { icsError } from "../errors";
import { Decimal, toNumber } from "../money";
import { NeedIndexError, NeedReference, NeedRow, needIndices } from "../rules/needindex";
import { COMMON_ERRORS, FunctionSpec, column } from "./types";

/**
 * The rows: a row with both cells blank is no place (blank out, left out of the sums); a row with
 * only one of the two is an error, since a place needs both to have a need index.
 */
function readRows(reader: ArgReader, weightedArg: ArgValue, populationArg: ArgValue): (NeedRow | null)[] {
  const weighted = reader.numberColumn("weighted_population", weightedArg);
  const population = reader.numberColumn("population", populationArg);
  reader.sameLength("population", population.length, "weighted_population", weighted.length);
  return weighted.map((wp, i) => {
    const pop = population[i];
    if (wp === null && pop === null) return null;
    if (wp === null) throw icsError(reader.site("weighted_population", i + 1), "expected a number for this row's population, got a blank cell");
    if (pop === null) throw icsError(reader.site("population", i + 1), "expected a number for this row's weighted population, got a blank cell");
    if (wp < 0) throw icsError(reader.site("weighted_population", i + 1), `expected 0 or more, got ${wp}`);
    if (pop < 0) throw icsError(reader.site("population", i + 1), `expected 0 or more, got ${pop}`);
    return { weighted: new Decimal(wp), population: new Decimal(pop) };
  });
}

/** Both reference totals or neither. */
function readReference(reader: ArgReader, weightedArg: ArgValue, populationArg: ArgValue): NeedReference | undefined {
  const optional = (argument: string, value: ArgValue) => reader.cellNumber(reader.scalarCell(argument, value) ?? null, reader.site(argument));
  const weighted = optional("reference_weighted", weightedArg);
  const population = optional("reference_population", populationArg);
  if (weighted === undefined && population === undefined) return undefined;
  if (population === undefined) throw icsError(reader.site("reference_population"), "is needed with reference_weighted: give both reference totals (e.g. the ICB's), or neither");
  if (weighted === undefined) throw icsError(reader.site("reference_weighted"), "is needed with reference_population: give both reference totals (e.g. the ICB's), or neither");
  if (weighted < 0) throw icsError(reader.site("reference_weighted"), `expected 0 or more, got ${weighted}`);
  if (population < 0) throw icsError(reader.site("reference_population"), `expected 0 or more, got ${population}`);
  return { weighted: new Decimal(weighted), population: new Decimal(population) };
}

export const NEEDINDEX: FunctionSpec = {
  name: "NEEDINDEX",
  description:
    "Relative need index of each place, as NHS England's place-based allocation tool defines it: (weighted population / population) over the reference's (by default the sum of the rows given). Unrounded.",
  args: [
    { name: "weighted_population", kind: "range", optional: false, help: "n×1 need-weighted population of each place (e.g. the sum of its practices' Final WP); 0 or more." },
    { name: "population", kind: "range", optional: false, help: "n×1 registered population of each place, same rows; more than 0 where a weighted population is given." },
    { name: "reference_weighted", kind: "scalar", optional: true, help: "Weighted population to index against (e.g. the ICB's or England's). Default: the sum of weighted_population. Give with reference_population." },
    { name: "reference_population", kind: "scalar", optional: true, help: "Population to index against, with reference_weighted. Default: the sum of population." },
  ],
  result: { kind: "spill", describe: "n×1 need index per place (1 = the reference's average need per head); blank rows stay blank. Unrounded: format the cells.", size: ([weighted]) => column(weighted) },
  examples: [
    // A: (120/100)/(200/200) = 1.2; B: (80/100)/(200/200) = 0.8.
    { formula: "=ICS.NEEDINDEX({120;80},{100;100})", result: "1.2\n0.8" },
    // Against England: (1100/1000)/(55000000/50000000) = 1.1/1.1 = 1.
    { formula: "=ICS.NEEDINDEX({1100},{1000},55000000,50000000)", result: "1" },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "population has a different number of rows from weighted_population, a value is negative, or a row has one of the two blank", fix: "Give every place both a population and a weighted population, 0 or more, in columns of the same rows." },
    { code: "#VALUE!", when: "only one of reference_weighted and reference_population is given", fix: "Give both reference figures (e.g. England's weighted and registered populations), or neither to compare with the places given." },
    { code: "#DIV/0!", when: "a place's population is 0, or the reference (given, or the sum of the rows) has a weighted population or population of 0", fix: "Remove a place with no population, or give the reference population." },
    { code: "#NUM!", when: "an index is too large to be a number", fix: "Check the populations: a weighted population typed far larger than the population gives an index no one could mean." },
  ],
  compute: ([weightedArg, populationArg, referenceWeightedArg, referencePopulationArg]) => {
    const reader = new ArgReader("NEEDINDEX");
    const rows = readRows(reader, weightedArg, populationArg);
    const reference = readReference(reader, referenceWeightedArg, referencePopulationArg);
    let indices: (Decimal | null)[];
    try {
      indices = needIndices(rows, reference);
    } catch (e) {
      if (!(e instanceof NeedIndexError)) throw e;
      const p = e.problem;
      if (p.kind === "zero-population") {
        throw icsError(reader.site("population", p.row + 1), "is 0, so this place has no need per head to index", "#DIV/0!");
      }
      const given = reference !== undefined;
      if (p.side === "weighted") {
        throw icsError(reader.site(given ? "reference_weighted" : "weighted_population"), `${given ? "is" : "adds up to"} 0, so there is no average need per head to index against`, "#DIV/0!");
      }
      throw icsError(reader.site(given ? "reference_population" : "population"), `${given ? "is" : "adds up to"} 0, so there is no average need per head to index against`, "#DIV/0!");
    }
    return indices.map((index, i): Cell[] => {
      if (index === null) return [""];
      const n = toNumber(index);
      if (!Number.isFinite(n)) throw icsError(reader.site("weighted_population", i + 1), `the index ${index.toExponential(3)} is too large to be a number`, "#NUM!");
      return [n];
    });
  },
};
