// GENERATED from src/core/catalogue by `npm run generate`: do not edit by hand.
// Each wrapper is one call into the shared adapter; CustomFunctionsMetadataPlugin reads this JSDoc
// to write functions.json and appends the CustomFunctions.associate calls at build time.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invoke } from "./adapter";

/**
 * The single pot: the sum of each budget line times the share of it pooled, rounded to round_to.
 * @customfunction POT
 * @helpurl https://localhost:3000/help/functions.html#icspot
 * @param amounts Budget lines (any range of amounts); blanks are ignored.
 * @param [streams] Stream of each amount, same shape as amounts: core, primary_medical, pod, specialised, other_direct, running_costs, system_support, transformation, elective_recovery, other (or their display names, any case).
 * @param [pooled_shares] Fraction 0..1 of each line brought into the pot, same shape as amounts (blank = 1, e.g. 0.85).
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns The pot, a number rounded to round_to.
 */
export function pot(amounts: any[][], streams?: any[][], pooled_shares?: any[][], round_to?: any): number {
  return invoke("POT", [amounts, streams, pooled_shares, round_to]);
}

/**
 * The pot by stream: one row per stream present, in catalogue order, {stream, pooled amount}, then {"Total", pot}.
 * @customfunction POTSTREAMS
 * @helpurl https://localhost:3000/help/functions.html#icspotstreams
 * @param amounts Budget lines (any range of amounts); blanks are ignored.
 * @param streams Stream of each amount, same shape as amounts: core, primary_medical, pod, specialised, other_direct, running_costs, system_support, transformation, elective_recovery, other (or their display names, any case).
 * @param [pooled_shares] Fraction 0..1 of each line brought into the pot, same shape as amounts (blank = 1, e.g. 0.85).
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns (k+1)×2: a row {display name, pooled amount} per stream present, then {"Total", pot}; the stream rows add up to the total exactly.
 */
export function potstreams(amounts: any[][], streams: any[][], pooled_shares?: any[][], round_to?: any): any[][] {
  return invoke("POTSTREAMS", [amounts, streams, pooled_shares, round_to]);
}

/**
 * Split an amount across places (or practices, PCNs, providers) in proportion to weights, with optional floors and caps; the parts add up to the amount exactly.
 * @customfunction DELEGATE
 * @helpurl https://localhost:3000/help/functions.html#icsdelegate
 * @param amount The amount to delegate, in the workbook's units.
 * @param weights n×1 weights (e.g. weighted population), or n×k multiplied across each row (population × need index); 0 or more.
 * @param [floors] n×1 minimum amount per row (blank = none), e.g. last year's cash so nobody loses.
 * @param [caps] n×1 maximum amount per row (blank = none), e.g. a bid.
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns n×1, one amount per row of weights, adding up to amount exactly.
 */
export function delegate(amount: any, weights: any[][], floors?: any[][], caps?: any[][], round_to?: any): any[][] {
  return invoke("DELEGATE", [amount, weights, floors, caps, round_to]);
}

/**
 * Round a table of parts so they still add up to the total: each part is rounded to round_to by largest remainder.
 * @customfunction ROUNDSPLIT
 * @helpurl https://localhost:3000/help/functions.html#icsroundsplit
 * @param values The unrounded parts (any range); blanks stay blank.
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @param [total] The total the rounded parts must add up to. Default: the sum of values, rounded.
 * @returns Same shape as values, rounded parts that add up to total exactly.
 */
export function roundsplit(values: any[][], round_to?: any, total?: any): any[][] {
  return invoke("ROUNDSPLIT", [values, round_to, total]);
}

/**
 * The add-in version and the edition of the rules catalogue, for audit trails in templates.
 * @customfunction VERSION
 * @helpurl https://localhost:3000/help/functions.html#icsversion
 * @returns Text such as "ics-finance 0.1.0; catalogue 2026.1".
 */
export function version(): string {
  return invoke("VERSION", []);
}
