/**
 * The single pot (DOMAIN.md "The single pot"): Σ amount × pooled share, by stream. Each stream
 * keeps its identity; the stream rows are rounded so they add up to the rounded pot exactly.
 */
import { Decimal, ZERO, roundToUnit } from "../money";
import { roundParts } from "./roundsplit";
import { STREAMS } from "./streams";

export interface PotLine {
  amount: Decimal;
  /** Index into STREAMS, or undefined when the caller gave no streams. */
  stream?: number;
  /** Fraction 0..1 of the line brought into the pot. */
  pooledShare: Decimal;
}

export interface PotByStream {
  rows: { stream: (typeof STREAMS)[number]; amount: Decimal }[];
  total: Decimal;
}

export function potTotal(lines: readonly PotLine[], unit: Decimal): Decimal {
  let exact = ZERO;
  for (const line of lines) exact = exact.plus(line.amount.times(line.pooledShare));
  return roundToUnit(exact, unit);
}

export function potByStream(lines: readonly PotLine[], unit: Decimal): PotByStream {
  const exact = new Map<number, Decimal>();
  for (const line of lines) {
    const key = line.stream ?? STREAMS.length - 1;
    exact.set(key, (exact.get(key) ?? ZERO).plus(line.amount.times(line.pooledShare)));
  }
  const present = [...exact.keys()].sort((a, b) => a - b);
  const total = potTotal(lines, unit);
  const rounded = roundParts(present.map((k) => exact.get(k)!), unit, total);
  return { rows: present.map((k, i) => ({ stream: STREAMS[k], amount: rounded[i] })), total };
}
