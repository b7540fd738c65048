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
 * Relative need index of each place, as NHS England's place-based allocation tool defines it: (weighted population / population) over the reference's (by default the sum of the rows given). Unrounded.
 * @customfunction NEEDINDEX
 * @helpurl https://localhost:3000/help/functions.html#icsneedindex
 * @param weighted_population n×1 need-weighted population of each place (e.g. the sum of its practices' Final WP); 0 or more.
 * @param population n×1 registered population of each place, same rows; more than 0 where a weighted population is given.
 * @param [reference_weighted] Weighted population to index against (e.g. the ICB's or England's). Default: the sum of weighted_population. Give with reference_population.
 * @param [reference_population] Population to index against, with reference_weighted. Default: the sum of population.
 * @returns n×1 need index per place (1 = the reference's average need per head); blank rows stay blank. Unrounded: format the cells.
 */
export function needindex(weighted_population: any[][], population: any[][], reference_weighted?: any, reference_population?: any): any[][] {
  return invoke("NEEDINDEX", [weighted_population, population, reference_weighted, reference_population]);
}

/**
 * Share a financial variance (positive = overspend, negative = underspend) among parties by a risk-share agreement: an overspend proportional, equal, own, waterfall, lead or in bands, after a contingency and within caps; an underspend by its own rule (returned, kept by each party or retained in the pool), never capped. The parts add up to the shared variance exactly.
 * @customfunction RISKSHARE
 * @helpurl https://localhost:3000/help/functions.html#icsriskshare
 * @param variance The system's net variance (overspend positive, underspend negative), or an n×1 column of each party's own variance (blank = 0), netted first.
 * @param contributions n×1 budgets or pooled contributions, 0 or more (blank = 0); one row per party.
 * @param [method] How a net overspend is shared: "proportional" (default, by contributions), "equal", "own" (each party its own variance; needs a variance column), "waterfall" (underspends offset overspends, then the contingency, then the overspending parties pay in proportion to their overspends; needs a variance column), "lead" (the first party bears it all) or "bands".
 * @param [bands] Only with method or underspend_method "bands": an m×(1+n) table; column 1 each band's upper limit of the cumulative variance (ascending; blank in the last row = no limit), then each party's share of that band (fractions summing to 1 or percentages summing to 100; a row left blank = pro rata to contributions).
 * @param [contingency] A risk reserve (0 or more, default 0) that absorbs a net overspend first; only what is left is shared. It plays no part in an underspend.
 * @param [caps] n×1 maximum exposure per party to an overspend (blank = none); an underspend is never capped. What a capped party cannot take goes to the others: by the same weights for proportional and equal, in proportion to contributions for own, waterfall, lead and bands.
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @param [underspend_method] How a net underspend is shared: "proportional" (returned by contributions), "equal", "own" (each party keeps its own; after a waterfall, returned to the parties that underspent in proportion to their underspends), "lead", "retain" (stays in the pool: every part 0) or "bands". Default: the same as method, but "proportional" for bands and "own" for waterfall.
 * @returns n×1, each party's part of the shared variance, one per row of contributions, adding up to it exactly (all 0 for a retained underspend).
 */
export function riskshare(variance: any[][], contributions: any[][], method?: any, bands?: any[][], contingency?: any, caps?: any[][], round_to?: any, underspend_method?: any): any[][] {
  return invoke("RISKSHARE", [variance, contributions, method, bands, contingency, caps, round_to, underspend_method]);
}

/**
 * Split a system's operational capital envelope (CDEL) among organisations by a blend of depreciation, backlog maintenance and weighted population shares, with minimums and bids; the parts add up to the envelope exactly, or, when every organisation bid and the bids add up to less, each gets its bid and the rest is left unallocated.
 * @customfunction CAPITAL
 * @helpurl https://localhost:3000/help/functions.html#icscapital
 * @param envelope The capital envelope (CDEL) to split, 0 or more, in the workbook's units.
 * @param depreciation n×1 depreciation of each organisation (blank = 0); the default basis of the split.
 * @param [backlog] n×1 backlog maintenance of each organisation (blank = 0); needed when mix gives it a weight.
 * @param [weighted_population] n×1 weighted population served by each organisation (blank = 0); needed when mix gives it a weight.
 * @param [mix] Weights {depreciation, backlog, weighted population} as a 1×3 or 3×1 range or array constant adding up to 1, e.g. {0.6,0.3,0.1}. Default {1,0,0}.
 * @param [minimums] n×1 minimum amount per organisation (blank = none).
 * @param [bids] n×1 amount each organisation bid for, the most it can receive (blank = no limit). When every organisation has a bid and they add up to less than the envelope, each gets its bid and the rest is unallocated: envelope − SUM(result).
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns n×1, one amount per organisation, adding up to the envelope exactly; or, when all bids are given and add up to less than the envelope, the bids, with envelope − SUM(result) unallocated.
 */
export function capital(envelope: any, depreciation: any[][], backlog?: any[][], weighted_population?: any[][], mix?: any[][], minimums?: any[][], bids?: any[][], round_to?: any): any[][] {
  return invoke("CAPITAL", [envelope, depreciation, backlog, weighted_population, mix, minimums, bids, round_to]);
}

/**
 * TRUE when a set of control-total changes is financially neutral: the changes add up to exactly zero (or to within tolerance).
 * @customfunction NEUTRAL
 * @helpurl https://localhost:3000/help/functions.html#icsneutral
 * @param adjustments The changes to organisations' control totals (any range, + for an increase, − for a reduction); blanks are ignored.
 * @param [tolerance] How far from zero the net may be and still count as neutral, 0 or more, in the workbook's units (e.g. 0.5 in £000). Default: exactly zero.
 * @returns TRUE when the adjustments net to zero (within tolerance), else FALSE.
 */
export function neutral(adjustments: any[][], tolerance?: any): boolean {
  return invoke("NEUTRAL", [adjustments, tolerance]);
}

/**
 * Mental Health Investment Standard minimum: last year's mental health spend grown in line with the recurrent baseline allocation, prior_spend × allocation / prior_allocation, from unrounded growth. Where a year's standard is a growth rate instead (e.g. in line with inflation), pass 1 and 1 + rate.
 * @customfunction MHIS
 * @helpurl https://localhost:3000/help/functions.html#icsmhis
 * @param prior_spend Last year's in-scope mental health spend (excluding learning disability, autism, dementia, ADHD, specialised services and transformation-funded spend).
 * @param prior_allocation Last year's recurrent baseline allocation, in the same units as allocation; or 1 when the standard is a growth rate.
 * @param allocation This year's recurrent baseline allocation; or 1 + the growth rate (e.g. 1.0436) with prior_allocation 1.
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns The minimum mental health spend for this year, rounded once to round_to.
 */
export function mhis(prior_spend: any, prior_allocation: any, allocation: any, round_to?: any): number {
  return invoke("MHIS", [prior_spend, prior_allocation, allocation, round_to]);
}

/**
 * Blended payment (NHS Payment Scheme aligned payment and incentive): fixed + variable element − quality_value × (1 − quality_achieved), rounded once; the variable element is variable_rate × (MIN(actual_value, activity_ceiling) − baseline_value) above baseline and rate_below × (actual_value − baseline_value) below it.
 * @customfunction BLENDED
 * @helpurl https://localhost:3000/help/functions.html#icsblended
 * @param fixed The fixed element, which funds the agreed baseline of activity.
 * @param baseline_value The agreed baseline activity valued at unit prices.
 * @param actual_value The activity actually delivered, valued at unit prices.
 * @param [variable_rate] Share of unit prices paid for activity above the baseline (and, unless rate_below is given, taken back below it), 0..1. Default 1 (100%, from 2023/24); 0.75 in 2022/23.
 * @param [quality_value] The quality element at stake (e.g. CQUIN), 0 or more. Default 0.
 * @param [quality_achieved] Fraction 0..1 of the quality element earned. Default 1 (all of it).
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @param [rate_below] Share of unit prices taken back for activity below the baseline, 0..1. Default variable_rate; 0 where under-delivery is not clawed back (2022/23).
 * @param [activity_ceiling] The highest activity value paid for, at least baseline_value, e.g. the indicative activity plan's value (blank = none); activity above it earns nothing.
 * @returns The payment due, rounded once to round_to.
 */
export function blended(fixed: any, baseline_value: any, actual_value: any, variable_rate?: any, quality_value?: any, quality_achieved?: any, round_to?: any, rate_below?: any, activity_ceiling?: any): number {
  return invoke("BLENDED", [fixed, baseline_value, actual_value, variable_rate, quality_value, quality_achieved, round_to, rate_below, activity_ceiling]);
}

/**
 * Pace-of-change convergence towards fair-share targets: everyone gets its minimum uplift, those more than max_below below target are brought to within it first, the rest of growth goes to those below target in proportion to their gap (never past target), and growth left once all are at target is shared in proportion to target. The new allocations add up to baselines + growth exactly.
 * @customfunction CONVERGE
 * @helpurl https://localhost:3000/help/functions.html#icsconverge
 * @param baselines n×1 current (baseline) allocation of each body, 0 or more; a row blank in both baselines and targets is skipped.
 * @param targets n×1 fair-share target allocation of each body for the new year, 0 or more, same rows as baselines.
 * @param growth Cash growth to share out, 0 or more, in the same units as baselines.
 * @param [min_uplift] Minimum uplift rate on baseline, e.g. 0.01 for 1%: one rate for everyone, or an n×1 column with one per body (e.g. a lower floor for bodies far above target; blank = 0). Default 0. All scaled down pro rata if growth cannot fund them.
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @param [max_below] A rate such as 0.05: after the minimum uplifts, bodies more than this below target are first raised towards target × (1 − max_below), in proportion to their shortfall, as far as growth allows. Left out, no such step.
 * @returns n×1 new allocation per body, adding up to the baselines plus growth exactly.
 */
export function converge(baselines: any[][], targets: any[][], growth: any, min_uplift?: any[][], round_to?: any, max_below?: any): any[][] {
  return invoke("CONVERGE", [baselines, targets, growth, min_uplift, round_to, max_below]);
}

/**
 * Distance from target: (allocation − target) / target, positive when funded above fair share. Unrounded: format the cell as a percentage. Either argument may be an n×1 column (the other a column of the same length, or one value): the result then spills one distance per row.
 * @customfunction DFT
 * @helpurl https://localhost:3000/help/functions.html#icsdft
 * @param allocation The allocation actually received (or planned): one value, or an n×1 column (e.g. 42 ICBs).
 * @param target The fair-share target allocation, in the same units; more than 0. One value, or an n×1 column the same length as allocation.
 * @returns The distance from target as a fraction (0.03 is 3% above target, −0.015 is 1.5% below), unrounded: one number, or n×1 with one per row (a row blank in both is left blank; a problem in one row is that row's error).
 */
export function dft(allocation: any[][], target: any[][]): any[][] {
  return invoke("DFT", [allocation, target]);
}

/**
 * Multi-year indicative allocations: base compounded by each year's growth rate, one column per year, each year rounded from the exact compound value (no drift).
 * @customfunction INDICATIVE
 * @helpurl https://localhost:3000/help/functions.html#icsindicative
 * @param base The starting allocation (the year before the first growth rate).
 * @param growth_rates One growth rate per year, a 1×y row or y×1 column (0.03 or 3% for 3%); every year needs one (enter 0 for no growth).
 * @param [round_to] Rounding unit, a positive power of ten in the workbook's units (0.01, 1, 1000). Default 0.01.
 * @returns 1×y: a row with one allocation per year, in the order of growth_rates.
 */
export function indicative(base: any, growth_rates: any[][], round_to?: any): any[][] {
  return invoke("INDICATIVE", [base, growth_rates, round_to]);
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
