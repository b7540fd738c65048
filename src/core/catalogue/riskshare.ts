import { ArgReader } from "../args";
import { ArgValue, Grid, isBlank, isGrid } from "../cells";
import { icsError } from "../errors";
import { Decimal, SHARE_SUM_TOLERANCE, ZERO, roundToUnit, toUnits, unitsToDecimal, unitsToNumber } from "../money";
import { roundParts } from "../rules/roundsplit";
import {
  RISK_SHARE_METHODS,
  RiskBand,
  RiskShareError,
  RiskShareMethod,
  UNDERSPEND_METHODS,
  UnderspendMethod,
  defaultUnderspendMethod,
  parseRiskShareMethod,
  parseUnderspendMethod,
  riskShareUnits,
} from "../rules/riskshare";
import { readBounds } from "./delegate";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR, column } from "./types";

const METHOD_LIST = RISK_SHARE_METHODS.map((m) => `"${m}"`).join(", ");
const UNDERSPEND_LIST = UNDERSPEND_METHODS.map((m) => `"${m}"`).join(", ");

interface Variance {
  /** V in units: the exact sum, rounded once. */
  net: bigint;
  /** Each party's own variance in units, rounded so they add up to `net`; undefined for a single amount. */
  own?: bigint[];
}

/** A single amount, or a column of each party's own variance (blank = 0) netted first. */
function readVariance(reader: ArgReader, value: ArgValue, parties: number, unit: Decimal): Variance {
  const single = !isGrid(value) || (value.length === 1 && value[0].length === 1);
  if (single) {
    const net = toUnits(roundToUnit(reader.decimal("variance", value), unit), unit);
    return { net, own: parties === 1 ? [net] : undefined };
  }
  const cells = reader.numberColumn("variance", value);
  reader.sameLength("variance", cells.length, "contributions", parties);
  const own = roundParts(
    cells.map((v) => (v === null ? ZERO : new Decimal(v))),
    unit,
  ).map((v) => toUnits(v, unit));
  return { net: own.reduce((a, b) => a + b, 0n), own };
}

function readContributions(reader: ArgReader, value: ArgValue): number[] {
  return reader.numberColumn("contributions", value).map((v, i) => {
    if (v !== null && v < 0) throw icsError(reader.site("contributions", i + 1), `expected a contribution of 0 or more, got ${v}`);
    return v ?? 0;
  });
}

function readMethod(reader: ArgReader, value: ArgValue): RiskShareMethod {
  const text = reader.optionalText("method", value);
  if (text === undefined) return "proportional";
  const method = parseRiskShareMethod(text);
  if (!method) throw icsError(reader.site("method"), `unknown method ${JSON.stringify(text)}; valid methods are ${METHOD_LIST}`);
  return method;
}

/** The underspend method given, or undefined when left out (the method's default then applies). */
function readUnderspendMethod(reader: ArgReader, value: ArgValue): UnderspendMethod | undefined {
  const text = reader.optionalText("underspend_method", value);
  if (text === undefined) return undefined;
  const method = parseUnderspendMethod(text);
  if (!method) throw icsError(reader.site("underspend_method"), `unknown method ${JSON.stringify(text)}; valid methods are ${UNDERSPEND_LIST}`);
  return method;
}

/** A range left entirely blank is treated as left out (a template's empty band table). */
function allBlank(value: ArgValue): boolean {
  if (value === undefined) return true;
  if (!isGrid(value)) return isBlank(value);
  return value.every((row) => row.every((cell) => isBlank(cell)));
}

/** A band's shares: fractions adding up to 1 or percentages adding up to 100; all blank = pro rata. */
function readShares(reader: ArgReader, cells: readonly (number | null)[], row: number): number[] | null {
  if (cells.every((c) => c === null)) return null;
  let total = ZERO;
  const shares = cells.map((c, k) => {
    if (c !== null && c < 0) throw icsError(reader.site("bands", row, k + 2), `expected a share of 0 or more, got ${c}`);
    total = total.plus(c ?? 0);
    return c ?? 0;
  });
  const fractions = total.minus(1).abs().lte(SHARE_SUM_TOLERANCE);
  const percentages = total.minus(100).abs().lte(SHARE_SUM_TOLERANCE.times(100));
  if (!fractions && !percentages) {
    throw icsError(reader.site("bands", row), `the shares add up to ${total.toString()}; they must add up to 1 (as fractions, 100%) or 100 (as percentages)`);
  }
  // The largest-remainder split normalises by the sum, so percentages need no division by 100.
  return shares;
}

/**
 * The m×(1+n) band table. Trailing rows left entirely blank after the "no limit" band are ignored,
 * so a table range may be selected with room to spare.
 */
function readBands(reader: ArgReader, value: ArgValue, parties: number, unit: Decimal): RiskBand[] | undefined {
  if (allBlank(value)) return undefined;
  const grid: Grid = reader.grid("bands", value);
  const width = grid[0].length;
  if (width !== 1 + parties) {
    throw icsError(
      reader.site("bands"),
      `has ${width} columns but contributions has ${parties} rows; bands needs 1 + ${parties} = ${1 + parties} columns (the band's limit, then one share per party)`,
    );
  }
  const table = reader.numberTable("bands", grid);
  const bands: RiskBand[] = [];
  let previous: number | undefined;
  let openRow: number | undefined;
  table.forEach((cells, r) => {
    const row = r + 1;
    const [limit, ...shareCells] = cells;
    if (openRow !== undefined) {
      if (cells.every((c) => c === null)) return;
      throw icsError(reader.site("bands", openRow), `a blank limit means "no limit", so it must be the last band, but row ${row} follows it`);
    }
    if (limit !== null && limit <= 0) throw icsError(reader.site("bands", row, 1), `expected a limit above 0, got ${limit}`);
    if (limit !== null && previous !== undefined && limit <= previous) {
      throw icsError(reader.site("bands", row, 1), `the limit ${limit} is not above the previous band's limit ${previous}; limits must ascend`);
    }
    const shares = readShares(reader, shareCells, row);
    if (limit === null) openRow = row;
    else previous = limit;
    bands.push({ upper: limit === null ? null : toUnits(roundToUnit(new Decimal(limit), unit), unit), shares });
  });
  return bands;
}

function readContingency(reader: ArgReader, value: ArgValue, unit: Decimal): bigint {
  const amount = reader.optionalNumber("contingency", value, 0);
  if (amount < 0) throw icsError(reader.site("contingency"), `expected a reserve of 0 or more, got ${amount}`);
  return toUnits(roundToUnit(new Decimal(amount), unit), unit);
}

/** A table of the sample agreement in the examples: the first 500 to the host, the next 1,500 50:25:25, the rest pro rata. */
const EXAMPLE_BANDS = '{500,1,0,0;2000,0.5,0.25,0.25;"","","",""}';

export const RISKSHARE: FunctionSpec = {
  name: "RISKSHARE",
  description:
    "Share a financial variance (positive = overspend, negative = underspend) among parties by a risk-share agreement: an overspend proportional, equal, own, waterfall, lead or in bands, after a contingency and within caps; an underspend by its own rule (returned, kept by each party or retained in the pool), never capped. The parts add up to the shared variance exactly.",
  args: [
    {
      name: "variance",
      kind: "range",
      optional: false,
      help: "The system's net variance (overspend positive, underspend negative), or an n×1 column of each party's own variance (blank = 0), netted first.",
    },
    { name: "contributions", kind: "range", optional: false, help: "n×1 budgets or pooled contributions, 0 or more (blank = 0); one row per party." },
    {
      name: "method",
      kind: "scalar",
      optional: true,
      help: 'How a net overspend is shared: "proportional" (default, by contributions), "equal", "own" (each party its own variance; needs a variance column), "waterfall" (underspends offset overspends, then the contingency, then the overspending parties pay in proportion to their overspends; needs a variance column), "lead" (the first party bears it all) or "bands".',
    },
    {
      name: "bands",
      kind: "range",
      optional: true,
      help: 'Only with method or underspend_method "bands": an m×(1+n) table; column 1 each band\'s upper limit of the cumulative variance (ascending; blank in the last row = no limit), then each party\'s share of that band (fractions summing to 1 or percentages summing to 100; a row left blank = pro rata to contributions).',
    },
    {
      name: "contingency",
      kind: "scalar",
      optional: true,
      help: "A risk reserve (0 or more, default 0) that absorbs a net overspend first; only what is left is shared. It plays no part in an underspend.",
    },
    {
      name: "caps",
      kind: "range",
      optional: true,
      help: "n×1 maximum exposure per party to an overspend (blank = none); an underspend is never capped. What a capped party cannot take goes to the others: by the same weights for proportional and equal, in proportion to contributions for own, waterfall, lead and bands.",
    },
    ROUND_TO_ARG,
    {
      name: "underspend_method",
      kind: "scalar",
      optional: true,
      help: 'How a net underspend is shared: "proportional" (returned by contributions), "equal", "own" (each party keeps its own; after a waterfall, returned to the parties that underspent in proportion to their underspends), "lead", "retain" (stays in the pool: every part 0) or "bands". Default: the same as method, but "proportional" for bands and "own" for waterfall.',
    },
  ],
  result: {
    kind: "spill",
    describe: "n×1, each party's part of the shared variance, one per row of contributions, adding up to it exactly (all 0 for a retained underspend).",
    size: ([, contributions]) => column(contributions),
  },
  examples: [
    { formula: "=ICS.RISKSHARE(300,{100;200})", result: "100\n200" },
    { formula: '=ICS.RISKSHARE(5000000,{6000000;4000000},"bands",{1000000,1,0;3000000,0.5,0.5;"","",""})', result: "3200000\n1800000" },
    { formula: '=ICS.RISKSHARE({500;-100},{700;300},"proportional",,150)', result: "175\n75" },
    { formula: '=ICS.RISKSHARE({500;-100},{700;300},"own",,150)', result: "350\n-100" },
    { formula: '=ICS.RISKSHARE(900,{500;300;100},"lead",,,{400;1000;1000})', result: "400\n375\n125" },
    // The BCF waterfall: 1,200 − 500 offset − 300 contingency = 400, all on the party that overspent.
    { formula: '=ICS.RISKSHARE({1200;-500;0},{42500;18200;9300},"waterfall",,300)', result: "400\n0\n0" },
    // A net underspend after a waterfall goes back to those that underspent, 900:300 of the 900.
    { formula: '=ICS.RISKSHARE({-900;300;-300},{42500;18200;9300},"waterfall")', result: "-675\n0\n-225" },
    // The band table tiers losses; an underspend is returned in proportion to contributions.
    { formula: `=ICS.RISKSHARE(-1200,{42500;18200;9300},"bands",${EXAMPLE_BANDS})`, result: "-728.57\n-312\n-159.43" },
    // The same underspend through the bands when the agreement says so: 500 to the host, 700 at 50:25:25.
    { formula: `=ICS.RISKSHARE(-1200,{42500;18200;9300},"bands",${EXAMPLE_BANDS},,,,"bands")`, result: "-850\n-175\n-175" },
    // "Underspends remain within the pooled arrangement": nothing is handed back.
    { formula: `=ICS.RISKSHARE(-1200,{42500;18200;9300},"bands",${EXAMPLE_BANDS},,,,"retain")`, result: "0\n0\n0" },
    // Caps limit exposure to losses only: a 1,000 gain is split 50:50 past the cap of 300.
    { formula: "=ICS.RISKSHARE(-1000,{1;1},,,,{300;1000})", result: "-500\n-500" },
    {
      formula: '=ICS.RISKSHARE(-1200,{42500;18200;9300},,,,,,"carry forward")',
      result: `#VALUE!\tICS.RISKSHARE: underspend_method: unknown method "carry forward"; valid methods are ${UNDERSPEND_LIST}`,
    },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "a contribution is negative, or contributions are all zero where they are the weights (proportional for either method, or a band row left blank)" },
    { code: "#VALUE!", when: "variance (as a column), bands or caps do not match the rows of contributions (the message names both arguments and their sizes)" },
    { code: "#VALUE!", when: `method is not one of ${METHOD_LIST}; "own" or "waterfall" is given a single amount instead of a column of each party's variance` },
    { code: "#VALUE!", when: `underspend_method is not one of ${UNDERSPEND_LIST} (the message names underspend_method); "own" is given a single amount` },
    { code: "#VALUE!", when: 'bands are missing with method or underspend_method "bands", or given when neither is "bands" (a table is never silently ignored)' },
    {
      code: "#VALUE!",
      when: "a band limit is not above 0 or not above the previous one, a blank limit is not in the last band, a band's shares do not add up to 1 (100%), or the shared variance goes beyond the last band's limit",
    },
    { code: "#VALUE!", when: "contingency or a cap is negative" },
    { code: "#VALUE!", when: "caps leave part of an overspend unshared: every party that could take it is at its cap (saying how much is left)" },
    ROUND_TO_ERROR,
  ],
  compute: ([varianceArg, contributionsArg, methodArg, bandsArg, contingencyArg, capsArg, roundTo, underspendArg]) => {
    const reader = new ArgReader("RISKSHARE");
    const { unit, exponent } = reader.roundTo(roundTo);
    // Messages follow argument order, though the variance column is read once n is known.
    if (varianceArg === undefined) throw icsError(reader.site("variance"), "is required");
    const contributions = readContributions(reader, contributionsArg);
    const parties = contributions.length;
    const variance = readVariance(reader, varianceArg, parties, unit);
    const method = readMethod(reader, methodArg);
    const bands = readBands(reader, bandsArg, parties, unit);
    const contingency = readContingency(reader, contingencyArg, unit);
    // Caps are magnitudes rounded down to the unit, read as DELEGATE reads its caps.
    const caps = readBounds(reader, "caps", capsArg, parties, unit, false, "contributions");
    const underspendGiven = readUnderspendMethod(reader, underspendArg);
    const underspendMethod = underspendGiven ?? defaultUnderspendMethod(method);

    if ((method === "own" || method === "waterfall") && !variance.own) {
      throw icsError(reader.site("variance"), `method "${method}" needs a column of each party's own variance (${parties} rows, like contributions), got a single amount`);
    }
    if (underspendMethod === "own" && !variance.own) {
      throw icsError(reader.site("variance"), `underspend_method "own" needs a column of each party's own variance (${parties} rows, like contributions), got a single amount`);
    }
    const bandsUsed = method === "bands" || underspendMethod === "bands";
    if (bandsUsed && !bands) {
      const by = method === "bands" ? 'method "bands"' : 'underspend_method "bands"';
      throw icsError(reader.site("bands"), `is required with ${by}: a table of band limits and each party's share`);
    }
    if (!bandsUsed && bands) {
      const methods = underspendGiven === undefined ? `method is "${method}"` : `method is "${method}" and underspend_method is "${underspendMethod}"`;
      throw icsError(reader.site("bands"), `are only used with method or underspend_method "bands", but ${methods}; clear bands or set one of them to "bands"`);
    }

    const money = (units: bigint) => unitsToDecimal(units, unit).toString();
    try {
      const parts = riskShareUnits({ method, underspendMethod, variance: variance.net, ownVariances: variance.own, contributions, contingency, bands, caps });
      return parts.map((p) => [unitsToNumber(p, unit, exponent)]);
    } catch (e) {
      if (!(e instanceof RiskShareError)) throw e;
      const p = e.problem;
      if (p.kind === "no-contributions") {
        const shares = p.argument === "method" ? "shares" : "shares an underspend";
        const why = p.bandRow === undefined ? `${p.argument} "${p.method}" ${shares} in proportion to them` : `bands row ${p.bandRow} is left blank, so ${p.argument} "bands" ${shares} in proportion to them`;
        throw icsError(reader.site("contributions"), `are all zero, but ${why}; give at least one party a contribution above 0`);
      }
      if (p.kind === "beyond-last-band") {
        throw icsError(reader.site("bands"), `the shared variance ${money(p.shared)} goes beyond the last band's limit ${money(p.lastLimit)}; leave the last limit blank for "the rest"`);
      }
      const why = p.reason === "all-capped" ? "every party is at its cap" : "every party not at its cap has a zero contribution";
      throw icsError(reader.site("caps"), `${money(p.remaining)} is left unshared: ${why}`);
    }
  },
};
