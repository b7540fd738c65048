/**
 * The one largest-remainder primitive every splitting rule uses.
 *
 * `apportion(T, w)` splits T whole units in proportion to weights w: each part is first floored
 * to a whole unit, then the T − Σfloors units left over go one each to the parts with the largest
 * remainders, ties to the earlier row. Weights are taken as the exact values of their doubles, so
 * the result is exact and the parts always add up to T.
 *
 * `apportionExact` is the slow reference (BigInt throughout, full sort). `apportion` gives the
 * same answer for every input, but decides almost everything in floating point under a proven
 * error bound and goes exact only for the rows the bound cannot settle (see `splitFast`).
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

/** The primitive the rules call: exact, and fast whenever the total fits a double exactly. */
export function apportion(totalUnits: bigint, weights: ArrayLike<number>): bigint[] {
  if (totalUnits > MAX_FAST_TOTAL) return apportionExact(totalUnits, weights);
  const parts = apportionUnits(Number(totalUnits), weights);
  const out: bigint[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = BigInt(parts[i]);
  return out;
}

/**
 * `apportion` for a total that is a safe integer, with the parts as numbers (each ≤ the total, so
 * exact): for callers that turn units straight back into numbers and need not pay for BigInts.
 */
export function apportionUnits(totalUnits: number, weights: ArrayLike<number>): number[] {
  if (!Number.isSafeInteger(totalUnits)) throw new RangeError("apportionUnits: total must be a safe integer; use apportion");
  assertApportionable(BigInt(totalUnits), weights);
  const n = weights.length;
  if (totalUnits === 0 || n === 0) return new Array<number>(n).fill(0);
  return splitFast(totalUnits, weights) ?? apportionExact(BigInt(totalUnits), weights).map(Number);
}

// ---------------------------------------------------------------------------------------------
// The fast path. Notation: u = 2^-53 (unit roundoff), W = Σw exactly, s_i = T·w_i/W the exact
// share, q_i its floating-point value.
//
// 1. W̃ = Sum2(w) (Ogita, Rump & Oishi 2005, Prop. 4.5): |W̃ − W| ≤ u·W + γ²_{n−1}·W because every
//    w ≥ 0; TwoSum is error-free even in the subnormal range. factor = fl(T/W̃), q_i = fl(w_i·factor).
//    With factor normal, q_i = s_i·(1+δ1)(1+δ2)/(1+θ) (+ at most 2^-1075 if q_i underflows), so
//    |q_i − s_i| ≤ ≈3u·s_i + 2^-1074 ≤ E_i := q_i·2^-50 + 2^-1000 (2.6× slack for n ≤ 2^24).
// 2. Floor k_i = ⌊q_i⌋ is proven when f_i = q_i − k_i (exact) satisfies f_i ≥ E_i and
//    fl(f_i + E_i) < 1 (rounding is monotone, so the real sum is < 1 too). Otherwise the row is
//    worked out exactly in BigInt.
// 3. Each remainder ρ_i lies in [a_i − e_i, a_i + e_i] (a_i = f_i, e_i = E_i, or an exact row's
//    remainder approximated to within 2^-50). With L units left over and t the L-th largest a_i, the
//    true L-th largest remainder ρ* lies in [t − e, t + e], e = max e_i: at least L rows have
//    ρ ≥ a − e ≥ t − e, and at most L − 1 rows have a > t, the rest ρ ≤ t + e. So a row with
//    ρ_i > t + e is surely in the top L and one with ρ_i < t − e surely out; only the rows in the
//    band between (equal weights always land there) are ranked exactly. Within the band, rows with
//    the same floor rank by weight (ρ = s − k with s ∝ w), others by their exact BigInt remainder.
// ---------------------------------------------------------------------------------------------

const MAX_FAST_TOTAL = BigInt(Number.MAX_SAFE_INTEGER);
/** Above this many rows γ²_{n−1} would eat the slack in E_i (Excel has 2^20 rows). */
const MAX_FAST_ROWS = 2 ** 24;
const RELATIVE_ERROR = 2 ** -50;
const ABSOLUTE_ERROR = 2 ** -1000;
/** factor must be a normal double for its rounding to be relative. */
const MIN_FACTOR = 2 ** -1021;
/** Error of an exact row's remainder approximated from its top 64 bits. */
const APPROXIMATION_ERROR = 2 ** -50;
/** Covers the rounding of the band's own float comparisons (values are in [0, 1]). */
const BAND_SLACK = 2 ** -48;

function splitFast(total: number, weights: ArrayLike<number>): number[] | undefined {
  const n = weights.length;
  if (n > MAX_FAST_ROWS) return undefined;

  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    const next = sum + w;
    const back = next - sum;
    compensation += sum - (next - back) + (w - back);
    sum = next;
  }
  const factor = total / (sum + compensation);
  // Overflow gives NaN or Infinity here, a subnormal weight total gives Infinity: go exact.
  if (!(factor >= MIN_FACTOR && factor < Infinity)) return undefined;

  const parts: number[] = new Array(n);
  // Plain arrays: allocating typed arrays costs more than this whole pass at n ≈ 6,553.
  const approx: number[] = new Array(n);
  let exact: ExactShares | undefined;
  let given = 0;
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w === 0) {
      parts[i] = 0;
      approx[i] = 0;
      continue;
    }
    const q = w * factor;
    const floor = Math.floor(q);
    const fraction = q - floor;
    const error = q * RELATIVE_ERROR + ABSOLUTE_ERROR;
    if (fraction >= error && fraction + error < 1) {
      parts[i] = floor;
      approx[i] = fraction;
      if (error > maxError) maxError = error;
    } else {
      exact ??= new ExactShares(total, weights);
      const share = exact.share(i);
      parts[i] = share.floor;
      approx[i] = share.approxRemainder;
      if (share.remainder !== 0n && APPROXIMATION_ERROR > maxError) maxError = APPROXIMATION_ERROR;
    }
    given += parts[i];
  }

  const leftOver = total - given;
  if (leftOver === 0) return parts;

  const threshold = kthLargest(approx, leftOver);
  const margin = 2 * maxError + BAND_SLACK;
  const surelyIn = threshold + margin;
  const surelyOut = threshold - margin;
  const band: number[] = [];
  let handed = 0;
  for (let i = 0; i < n; i++) {
    const a = approx[i];
    if (a > surelyIn) {
      parts[i] += 1;
      handed++;
    } else if (a >= surelyOut) band.push(i);
  }
  const rest = leftOver - handed;
  if (rest > 0 && rest < band.length) {
    const shares = (exact ??= new ExactShares(total, weights));
    band.sort((x, y) => {
      if (parts[x] === parts[y]) return weights[y] - weights[x] || x - y;
      const rx = shares.remainder(x, parts[x]);
      const ry = shares.remainder(y, parts[y]);
      return rx === ry ? x - y : ry > rx ? 1 : -1;
    });
  }
  for (let k = 0; k < rest; k++) parts[band[k]] += 1;
  return parts;
}

/** The value the L-th largest element of `values` would have after a descending sort (1 ≤ L ≤ n). */
function kthLargest(values: readonly number[], rank: number): number {
  const a = values.slice();
  const target = a.length - rank;
  let lo = 0;
  let hi = a.length - 1;
  // Pivots from a fixed pseudo-random sequence: linear on sorted, reversed or crafted input, and
  // the answer (a value, not a position) does not depend on them.
  let seed = 0x2545f491;
  while (lo < hi) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    const pivot = a[lo + ((seed >>> 0) % (hi - lo + 1))];
    let i = lo;
    let j = hi;
    // Hoare partition: equal values split evenly, so many ties stay linear.
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

interface ExactShare {
  floor: number;
  /** Over W, on the common scale: 0 ≤ remainder < W. */
  remainder: bigint;
  approxRemainder: number;
}

const bits64 = new DataView(new ArrayBuffer(8));
const TWO_27 = 2 ** 27;
const TWO_32 = 2 ** 32;
const TWO_52 = 2 ** 52;

/**
 * Exact shares for the rows the float bound cannot settle. W is summed exactly without a BigInt
 * per row: mantissas split into 26- and 27-bit halves are added in doubles per binary exponent
 * (exact for up to 2^26 rows), and only the per-exponent totals become BigInts.
 */
class ExactShares {
  private readonly total: bigint;
  private readonly weights: ArrayLike<number>;
  private readonly minExponent: number;
  private readonly weightTotal: bigint;
  private readonly approxShift: bigint;
  private readonly approxDivisor: number;
  private readonly remainders = new Map<number, bigint>();
  private readonly byWeight = new Map<number, ExactShare>();

  constructor(total: number, weights: ArrayLike<number>) {
    this.total = BigInt(total);
    this.weights = weights;
    const highs = new Float64Array(2048);
    const lows = new Float64Array(2048);
    let minExponent = Infinity;
    let maxExponent = -Infinity;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] === 0) continue;
      const { mantissa, exponent } = binary(weights[i]);
      const high = Math.floor(mantissa / TWO_27);
      highs[exponent + 1074] += high;
      lows[exponent + 1074] += mantissa - high * TWO_27;
      if (exponent < minExponent) minExponent = exponent;
      if (exponent > maxExponent) maxExponent = exponent;
    }
    let weightTotal = 0n;
    let at = maxExponent;
    for (let e = maxExponent; e >= minExponent; e--) {
      const k = e + 1074;
      if (highs[k] === 0 && lows[k] === 0) continue;
      weightTotal = (weightTotal << BigInt(at - e)) + ((BigInt(highs[k]) << 27n) + BigInt(lows[k]));
      at = e;
    }
    this.weightTotal = weightTotal << BigInt(at - minExponent);
    this.minExponent = minExponent;
    const bits = this.weightTotal.toString(16).length * 4;
    this.approxShift = BigInt(Math.max(0, bits - 64));
    this.approxDivisor = Number(this.weightTotal >> this.approxShift);
  }

  /** T·w_i on the scale where W is an integer. */
  private numerator(i: number): bigint {
    const { mantissa, exponent } = binary(this.weights[i]);
    return (this.total * BigInt(mantissa)) << BigInt(exponent - this.minExponent);
  }

  /** Floor and remainder of row i; rows of equal weight have equal shares, so each weight is worked out once. */
  share(i: number): ExactShare {
    const w = this.weights[i];
    let share = this.byWeight.get(w);
    if (share === undefined) {
      const numerator = this.numerator(i);
      const floor = numerator / this.weightTotal;
      const remainder = numerator - floor * this.weightTotal;
      share = { floor: Number(floor), remainder, approxRemainder: Number(remainder >> this.approxShift) / this.approxDivisor };
      this.byWeight.set(w, share);
    }
    this.remainders.set(i, share.remainder);
    return share;
  }

  /** The exact remainder (over W) of row i whose floor is already known. */
  remainder(i: number, floor: number): bigint {
    let r = this.remainders.get(i);
    if (r === undefined) {
      r = this.numerator(i) - BigInt(floor) * this.weightTotal;
      this.remainders.set(i, r);
    }
    return r;
  }
}

/** A positive double as mantissa × 2^exponent, the mantissa an integer below 2^53 (as a number). */
function binary(value: number): { mantissa: number; exponent: number } {
  bits64.setFloat64(0, value);
  const high = bits64.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (high & 0xfffff) * TWO_32 + bits64.getUint32(4);
  return biased === 0 ? { mantissa: fraction, exponent: -1074 } : { mantissa: fraction + TWO_52, exponent: biased - 1075 };
}
