/**
 * The one largest-remainder primitive every splitting rule uses.
 *
 * `apportion(T, w)` splits T whole units in proportion to weights w: each part is first floored
 * to a whole unit, then the T − Σfloors units left over go one each to the parts with the largest
 * remainders, ties to the earlier row. Weights are taken as the exact values of their doubles, so
 * the result is exact and the parts always add up to T.
 */

/** A double as an exact binary rational: mantissa × 2^exponent. */
function decompose(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}

/** Weights as integers on a common binary scale (exact). */
export function exactIntegerWeights(weights: ArrayLike<number>): bigint[] {
  const parts = Array.from({ length: weights.length }, (_, i) => decompose(weights[i]));
  let minExponent = Infinity;
  for (const p of parts) if (p.mantissa !== 0n && p.exponent < minExponent) minExponent = p.exponent;
  return parts.map((p) => (p.mantissa === 0n ? 0n : p.mantissa << BigInt(p.exponent - minExponent)));
}

export function assertApportionable(totalUnits: bigint, weights: ArrayLike<number>): void {
  if (totalUnits < 0n) throw new RangeError("apportion: total must be >= 0");
  let positive = false;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`apportion: weight ${i} must be finite and >= 0`);
    if (w > 0) positive = true;
  }
  if (!positive && totalUnits !== 0n) throw new RangeError("apportion: weights must not all be zero");
}

/** The exact reference: BigInt throughout, full sort of remainders. */
export function apportionExact(totalUnits: bigint, weights: ArrayLike<number>): bigint[] {
  assertApportionable(totalUnits, weights);
  const n = weights.length;
  const parts: bigint[] = new Array(n).fill(0n);
  if (totalUnits === 0n || n === 0) return parts;
  const scaled = exactIntegerWeights(weights);
  let weightTotal = 0n;
  for (const w of scaled) weightTotal += w;
  const remainders: bigint[] = new Array(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const numerator = totalUnits * scaled[i];
    parts[i] = numerator / weightTotal;
    remainders[i] = numerator % weightTotal;
    given += parts[i];
  }
  const leftOver = Number(totalUnits - given);
  if (leftOver > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[b] > remainders[a] ? 1 : -1));
    for (let k = 0; k < leftOver; k++) parts[order[k]] += 1n;
  }
  return parts;
}

/** The primitive the rules call. */
export function apportion(totalUnits: bigint, weights: ArrayLike<number>): bigint[] {
  return apportionExact(totalUnits, weights);
}
