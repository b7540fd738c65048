/**
 * Worked examples for the function reference, in the words of an NHS finance team: a fictional
 * system (Northmoor and Vale ICS, the playground's), amounts in £000 as plans keep them. The
 * results are not written here: the generator works each formula out on the engine, so the page
 * always shows what the add-in gives.
 */
export interface WorkedExample {
  /** What the team is doing, in plain words. */
  story: string;
  formula: string;
}

export const WORKED: Readonly<Record<string, WorkedExample>> = {
  POT: {
    story:
      "Northmoor and Vale ICS brings four budget lines into its 2025/26 single pot, in £000: core services 1,412,600, primary medical care 176,300, pharmacy, optometry and dental 98,750, and specialised services 431,200, of which 85% is delegated to the system. Rounded to whole £000:",
    formula: '=ICS.POT({1412600;176300;98750;431200},{"core";"primary_medical";"pod";"specialised"},{1;1;1;0.85},1)',
  },
  POTSTREAMS: {
    story: "The same four lines, totalled by stream for the finance committee paper (one row per stream, then the pot):",
    formula: '=ICS.POTSTREAMS({1412600;176300;98750;431200},{"core";"primary_medical";"pod";"specialised"},{1;1;1;0.85},1)',
  },
  DELEGATE: {
    story:
      "The ICB delegates £312,400k to its four places in proportion to population × need index (Northmoor 412,300 × 1.07, Eastbridge 268,900 × 0.93, Vale 183,400 × 1.12, Kingsholt 151,700 × 0.96), and guarantees Kingsholt at least last year's £45,000k. The four budgets add up to £312,400k exactly:",
    formula: '=ICS.DELEGATE(312400,{412300,1.07;268900,0.93;183400,1.12;151700,0.96},{"";"";"";45000},,1)',
  },
  NEEDINDEX: {
    story: "Each place's need index from its practices' need-weighted and registered populations: above 1 means more need per head than the system's average.",
    formula: "=ICS.NEEDINDEX({441200;250100;205400;145600},{412300;268900;183400;151700})",
  },
  RISKSHARE: {
    story:
      "A section 75 pooled budget: the ICB puts in £58,400k, the county council £41,600k and the borough council £12,300k. The year ends £2,500k overspent; the £750k contingency meets the first of it, and the rest is shared in proportion to contributions:",
    formula: '=ICS.RISKSHARE(2500,{58400;41600;12300},"proportional",,750,,1)',
  },
  CAPITAL: {
    story:
      "The system's £96,400k operational capital envelope (CDEL) is split among three trusts: 60% by their share of depreciation, 25% by backlog maintenance and 15% by the weighted population they serve:",
    formula: "=ICS.CAPITAL(96400,{38200;21400;4600},{64800;47900;8700},{498000;286000;610000},{0.6,0.25,0.15},,,1)",
  },
  NEUTRAL: {
    story: "Five organisations propose changes to their control totals (£000): do they net to zero across the system?",
    formula: "=ICS.NEUTRAL({1000;2500;-600;-1400;-1500})",
  },
  MHIS: {
    story:
      "Last year the ICB spent £182,400k on mental health against a baseline allocation of £2,015,000k; this year's allocation is £2,112,000k. The Mental Health Investment Standard minimum for this year:",
    formula: "=ICS.MHIS(182400,2015000,2112000,1)",
  },
  BLENDED: {
    story:
      "A trust's aligned payment and incentive contract: a fixed £312,400k for a baseline of £96,200k of elective activity, paid at 100% for activity above it (£101,350k delivered), with £3,100k tied to quality of which 80% was achieved:",
    formula: "=ICS.BLENDED(312400,96200,101350,1,3100,0.8,1)",
  },
  CONVERGE: {
    story:
      "Three places move towards their fair-share targets with £30,000k of growth: each gets at least 1%, and the rest goes to those below target in proportion to how far below they are:",
    formula: "=ICS.CONVERGE({520000;310000;175000},{505000;325000;182000},30000,0.01,1)",
  },
  DFT: {
    story: "How far each place's allocation is from its fair-share target (format the cells as percentages: 3.0% is above target, a minus below):",
    formula: "=ICS.DFT({520000;310000;175000},{505000;325000;182000})",
  },
  INDICATIVE: {
    story: "Indicative allocations for the next three years from this year's £312,400k, with growth of 3.2%, 2.9% and 2.8%:",
    formula: "=ICS.INDICATIVE(312400,{0.032,0.029,0.028},1)",
  },
  ROUNDSPLIT: {
    story: "A third of £312,400k for each of three programmes, rounded to whole £000 so that the three still add up to £312,400k:",
    formula: "=ICS.ROUNDSPLIT({104133.333;104133.333;104133.334},1)",
  },
};
