import { ArgReader } from "../args";
import { ArgValue, isBlank } from "../cells";
import { icsError, isErrorValue, propagated } from "../errors";
import { Decimal, ONE, toNumber } from "../money";
import { PotLine, potByStream, potTotal } from "../rules/pot";
import { STREAMS, STREAM_KEYS, streamIndex } from "../rules/streams";
import { COMMON_ERRORS, FunctionSpec, ROUND_TO_ARG, ROUND_TO_ERROR } from "./types";

const STREAMS_HELP = `Stream of each amount, same shape as amounts: ${STREAM_KEYS.join(", ")} (or their display names, any case).`;
const SHARES_HELP = "Fraction 0..1 of each line brought into the pot, same shape as amounts (blank = 1, e.g. 0.85).";

/** Reads the budget lines shared by POT and POTSTREAMS; blank amounts are skipped. */
function readPotLines(reader: ArgReader, amounts: ArgValue, streams: ArgValue, shares: ArgValue): PotLine[] {
  const amountCells = reader.cellsWithSites("amounts", amounts);
  const streamCells = streams === undefined ? undefined : reader.cellsWithSites("streams", streams);
  const shareCells = shares === undefined ? undefined : reader.cellsWithSites("pooled_shares", shares);
  if (streamCells) reader.sameShape("streams", streamCells.shape, "amounts", amountCells.shape);
  if (shareCells) reader.sameShape("pooled_shares", shareCells.shape, "amounts", amountCells.shape);

  const lines: PotLine[] = [];
  amountCells.cells.forEach((cell, i) => {
    const amount = reader.cellNumber(cell, amountCells.sites(i));
    let pooledShare = ONE;
    if (shareCells) {
      const share = reader.cellNumber(shareCells.cells[i], shareCells.sites(i));
      if (share !== undefined && (share < 0 || share > 1)) {
        throw icsError(shareCells.sites(i), `expected a share between 0 and 1 (0% to 100%), got ${share}`);
      }
      if (share !== undefined) pooledShare = new Decimal(share);
    }
    let stream: number | undefined;
    if (streamCells) {
      const name = streamCells.cells[i];
      if (isErrorValue(name)) throw propagated(name);
      if (amount === undefined && isBlank(name)) return;
      if (typeof name !== "string" || isBlank(name)) {
        throw icsError(streamCells.sites(i), `expected a stream key for this amount; valid keys are ${STREAM_KEYS.join(", ")}`);
      }
      stream = streamIndex(name);
      if (stream === undefined) {
        throw icsError(streamCells.sites(i), `unknown stream ${JSON.stringify(name)}; valid keys are ${STREAM_KEYS.join(", ")}`);
      }
    }
    if (amount === undefined) return;
    lines.push({ amount: new Decimal(amount), stream, pooledShare });
  });
  return lines;
}

export const POT: FunctionSpec = {
  name: "POT",
  description: "The single pot: the sum of each budget line times the share of it pooled, rounded to round_to.",
  args: [
    { name: "amounts", kind: "range", optional: false, help: "Budget lines (any range of amounts); blanks are ignored." },
    { name: "streams", kind: "range", optional: true, help: STREAMS_HELP },
    { name: "pooled_shares", kind: "range", optional: true, help: SHARES_HELP },
    ROUND_TO_ARG,
  ],
  result: { kind: "scalar", type: "number", describe: "The pot, a number rounded to round_to." },
  examples: [{ formula: '=ICS.POT({1000;250.5;80},{"core";"pod";"specialised"},{1;1;0.85})', result: "1318.5" }],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "streams or pooled_shares differ in shape from amounts, a stream is unknown, or a pooled share is outside 0..1", fix: "Point streams and shares at columns of the same rows as the amounts, choose each stream from the list (e.g. core, specialised), and type shares as percentages (85%, not 85)." },
    ROUND_TO_ERROR,
  ],
  compute: ([amounts, streams, shares, roundTo]) => {
    const reader = new ArgReader("POT");
    const { unit } = reader.roundTo(roundTo);
    return toNumber(potTotal(readPotLines(reader, amounts, streams, shares), unit));
  },
};

export const POTSTREAMS: FunctionSpec = {
  name: "POTSTREAMS",
  description: "The pot by stream: one row per stream present, in catalogue order, {stream, pooled amount}, then {\"Total\", pot}.",
  args: [
    { name: "amounts", kind: "range", optional: false, help: "Budget lines (any range of amounts); blanks are ignored." },
    { name: "streams", kind: "range", optional: false, help: STREAMS_HELP },
    { name: "pooled_shares", kind: "range", optional: true, help: SHARES_HELP },
    ROUND_TO_ARG,
  ],
  result: {
    kind: "spill",
    describe: "(k+1)×2: a row {display name, pooled amount} per stream present, then {\"Total\", pot}; the stream rows add up to the total exactly.",
    // Up to one row per stream, plus the total; an engine pads the unused rows with blanks.
    size: ([amounts]) => ({ rows: Math.min(amounts ? amounts.rows * amounts.cols : 1, STREAMS.length) + 1, cols: 2 }),
  },
  examples: [
    {
      formula: '=ICS.POTSTREAMS({1000;250.5;80},{"core";"pod";"specialised"},{1;1;0.85})',
      result: "Core services\t1000\nPharmacy, optometry and dental\t250.5\nSpecialised services\t68\nTotal\t1318.5",
    },
  ],
  errors: [
    ...COMMON_ERRORS,
    { code: "#VALUE!", when: "streams or pooled_shares differ in shape from amounts, a stream is unknown or missing for an amount, or a pooled share is outside 0..1", fix: "Give every amount a stream from the list (e.g. core, specialised), point streams and shares at the same rows as the amounts, and type shares as percentages (85%, not 85)." },
    ROUND_TO_ERROR,
  ],
  compute: ([amounts, streams, shares, roundTo]) => {
    const reader = new ArgReader("POTSTREAMS");
    const { unit } = reader.roundTo(roundTo);
    if (streams === undefined) throw icsError(reader.site("streams"), "is required");
    const pot = potByStream(readPotLines(reader, amounts, streams, shares), unit);
    return [...pot.rows.map((r) => [r.stream.display, toNumber(r.amount)]), ["Total", toNumber(pot.total)]];
  },
};
