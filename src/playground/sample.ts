/**
 * The playground's sample workbook: a fictional but realistic system, Northmoor and Vale ICS,
 * made up in code (it does not exist, and none of its figures come from real data). It is
 * written by the wizards' own builders, so the sample is exactly what the wizards produce:
 * a 2025/26 pot, a delegation to four places, and a pooled-budget risk share.
 */
import { WorkbookOp } from "../workbook/port";
import { DelegateInputs, delegateOps } from "../taskpane/wizards/delegate";
import { PotInputs, potOps } from "../taskpane/wizards/pot";
import { RiskShareInputs, riskShareOps } from "../taskpane/wizards/riskshare";
import { STYLE } from "../taskpane/wizards/sheet";

export const SYSTEM_NAME = "Northmoor and Vale ICS";
export const README_SHEET = "Read me";

/** The single pot in £000: core commissioning is the bulk, 85% of specialised services is delegated. */
export const SAMPLE_POT: PotInputs = {
  year: "2025/26",
  units: "£000",
  roundTo: "1",
  lines: [
    { stream: "Core services", amount: "1,412,600", share: "" },
    { stream: "Primary medical care", amount: "176,300", share: "" },
    { stream: "Pharmacy, optometry and dental", amount: "98,750", share: "" },
    { stream: "Specialised services", amount: "431,200", share: "85%" },
    { stream: "Other directly commissioned", amount: "22,400", share: "" },
    { stream: "Running costs", amount: "18,900", share: "" },
    { stream: "System support", amount: "12,500", share: "" },
  ],
};

/** Four places by population × need index; Kingsholt keeps at least last year's 45,000. */
export const SAMPLE_PLACES: { name: string; population: number; needIndex: number; floor?: number }[] = [
  { name: "Northmoor", population: 412300, needIndex: 1.07 },
  { name: "Eastbridge", population: 268900, needIndex: 0.93 },
  { name: "Vale", population: 183400, needIndex: 1.12 },
  { name: "Kingsholt", population: 151700, needIndex: 0.96, floor: 45000 },
];

export const SAMPLE_DELEGATION: DelegateInputs = {
  units: "£000",
  roundTo: "1",
  amountSource: "number",
  amount: "312,400",
  weightNames: ["Population", "Need index"],
  places: SAMPLE_PLACES.map((p) => ({ name: p.name, weights: [String(p.population), String(p.needIndex)], floor: p.floor === undefined ? "" : String(p.floor), cap: "" })),
  useFloors: true,
  useCaps: false,
};

/** A section 75 pooled budget: the ICB hosts; the first £1m of a variance is the host's, the next £2m 50:50 with the county, the rest pro rata. */
export const SAMPLE_RISK_SHARE: RiskShareInputs = {
  units: "£000",
  roundTo: "1",
  parties: [
    { name: "Northmoor and Vale ICB (host)", contribution: "58,400", cap: "" },
    { name: "Northmoor County Council", contribution: "41,600", cap: "" },
    { name: "Vale Borough Council", contribution: "12,300", cap: "" },
  ],
  useCaps: false,
  method: "bands",
  underspend: "",
  contingency: "750",
  bands: [
    { upTo: "1,000", shares: ["100%", "0%", "0%"] },
    { upTo: "3,000", shares: ["50%", "50%", "0%"] },
    { upTo: "", shares: ["", "", ""] },
  ],
  scenarios: [
    { label: "Overspend £2.5m", variance: "2500", own: ["", "", ""] },
    { label: "Overspend £6m", variance: "6000", own: ["", "", ""] },
    { label: "Underspend £1.2m", variance: "-1200", own: ["", "", ""] },
  ],
};

function readMeOps(): WorkbookOp[] {
  const lines = [
    [`${SYSTEM_NAME}: a fictional system`],
    [],
    ["Every place, organisation and figure in this workbook is made up for the playground. None of it is real data."],
    ["The formulas are live: change a yellow input on Pot, Delegation or Risk share and the ICS.* results recalculate in your browser."],
    ["The task pane on the right writes new sheets with the same wizards the Excel add-in uses. Nothing leaves this page."],
    [],
    ["Sheets"],
    ["Pot: the single pot for 2025/26 in £000, with ICS.POT and ICS.POTSTREAMS."],
    ["Delegation: £312.4m delegated to four places by population × need index with ICS.DELEGATE, Kingsholt on a floor."],
    ["Risk share: a section 75 pooled budget shared in bands with ICS.RISKSHARE, under three what-ifs."],
  ];
  return [
    { op: "cells", sheet: README_SHEET, at: "A1", cells: lines.map((l) => (l.length ? l : [null])) },
    { op: "style", sheet: README_SHEET, range: "A1", style: STYLE.title },
    { op: "style", sheet: README_SHEET, range: "A7", style: { bold: true } },
    { op: "columnWidth", sheet: README_SHEET, column: "A", width: 110 },
  ];
}

/** Everything the playground starts with; the workbook must hold a sheet named README_SHEET. */
export function sampleOps(): WorkbookOp[] {
  return [
    ...readMeOps(),
    ...potOps(SAMPLE_POT, "Pot"),
    ...delegateOps(SAMPLE_DELEGATION, "Delegation"),
    ...riskShareOps(SAMPLE_RISK_SHARE, "Risk share"),
    { op: "activate", sheet: README_SHEET },
  ];
}
