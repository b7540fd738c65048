/**
 * "Risk share agreement": the parties and their contributions, the method, a bands table for a
 * tiered agreement, the contingency, optional caps, and a few what-if variances become a sheet
 * with one =ICS.RISKSHARE per scenario and checks that each scenario's shares add up.
 */
import { ArgValue } from "../../core";
import { RISK_SHARE_METHODS, RiskShareMethod, UNDERSPEND_METHODS, UnderspendMethod, defaultUnderspendMethod } from "../../core/rules/riskshare";
import { columnLetters } from "../../workbook/a1";
import { CellContent, WorkbookOp } from "../../workbook/port";
import { ErrorSite, Issue, columnOf, issueFrom, runCore } from "./check";
import { entryCell, usedRows } from "./entry";
import { SHARE_FORMAT, STYLE, SheetWriter, Units, absoluteRange, asText, defaultRoundTo, moneyFormat, moneyHeader, namePrefix } from "./sheet";

/** How the pane describes each of ICS.RISKSHARE's methods (the methods themselves are the core's). */
const METHOD_LABELS: Record<RiskShareMethod, string> = {
  proportional: "In proportion to contributions",
  equal: "Equal shares",
  own: "Each party bears its own variance",
  waterfall: "Waterfall: underspends offset overspends, then the contingency, then the overspending parties pay",
  lead: "The first party (the host) bears it all",
  bands: "Tiered bands, e.g. the first £1m to the host, the next £2m 50:50, the rest pro rata",
};

export const METHODS: readonly { key: RiskShareMethod; label: string }[] = RISK_SHARE_METHODS.map((key) => ({ key, label: METHOD_LABELS[key] }));

export type Method = RiskShareMethod;

/** How the pane describes each treatment of a net underspend (the treatments are the core's). */
const UNDERSPEND_LABELS: Record<UnderspendMethod, string> = {
  proportional: "Returned in proportion to contributions",
  equal: "Returned in equal shares",
  own: "Each party keeps its own (after a waterfall: back to the parties that underspent)",
  lead: "All to the first party (the host)",
  retain: "Retained in the pool (carried forward or used non-recurrently): nobody's share changes",
  bands: "Through the same bands as an overspend",
};

/** An underspend treatment, or "" for the method's default (ICS.RISKSHARE's underspend_method left out). */
export type Underspend = UnderspendMethod | "";

export const UNDERSPEND_METHODS_LIST: readonly { key: UnderspendMethod; label: string }[] = UNDERSPEND_METHODS.map((key) => ({ key, label: UNDERSPEND_LABELS[key] }));

/** The choices the pane offers for underspends: the method's default first, then each treatment. */
export function underspendChoices(method: Method): { key: Underspend; label: string }[] {
  const fallback = defaultUnderspendMethod(method);
  return [{ key: "", label: `As the method's default: ${UNDERSPEND_LABELS[fallback].toLowerCase()}` }, ...UNDERSPEND_METHODS_LIST];
}

/** The underspend treatment in force: the one chosen, or the method's default. */
export function underspendOf(inputs: Pick<RiskShareInputs, "method" | "underspend">): UnderspendMethod {
  return inputs.underspend || defaultUnderspendMethod(inputs.method);
}

/** Each party's own variance is needed (a what-if is a column per party) for own and waterfall, or an "own" underspend. */
export function needsOwnVariances(inputs: Pick<RiskShareInputs, "method" | "underspend">): boolean {
  return inputs.method === "own" || inputs.method === "waterfall" || underspendOf(inputs) === "own";
}

/** A bands table is used when either the method or the underspend treatment is "bands". */
export function usesBands(inputs: Pick<RiskShareInputs, "method" | "underspend">): boolean {
  return inputs.method === "bands" || underspendOf(inputs) === "bands";
}

export interface Party {
  name: string;
  contribution: string;
  cap: string;
}

/** One tier: the band's upper limit of the cumulative variance (blank = no limit) and each party's share. */
export interface Band {
  upTo: string;
  shares: string[];
}

/** A what-if: the system's net variance, or (methods "own" and "waterfall") each party's own variance. */
export interface Scenario {
  label: string;
  variance: string;
  own: string[];
}

export interface RiskShareInputs {
  units: Units;
  roundTo: string;
  parties: Party[];
  useCaps: boolean;
  method: Method;
  /** How a net underspend is shared; "" for the method's default. */
  underspend: Underspend;
  contingency: string;
  bands: Band[];
  scenarios: Scenario[];
}

export function blankParty(): Party {
  return { name: "", contribution: "", cap: "" };
}

export function newRiskShareInputs(): RiskShareInputs {
  const parties = [blankParty(), blankParty()];
  return {
    units: "£000",
    roundTo: defaultRoundTo("£000"),
    parties,
    useCaps: false,
    method: "proportional",
    underspend: "",
    contingency: "",
    bands: [{ upTo: "", shares: parties.map(() => "") }],
    scenarios: [
      { label: "Overspend", variance: "", own: parties.map(() => "") },
      { label: "Underspend", variance: "", own: parties.map(() => "") },
    ],
  };
}

/** Adding or removing a party keeps the bands' and scenarios' per-party columns aligned. */
export function addParty(inputs: RiskShareInputs): RiskShareInputs {
  return {
    ...inputs,
    parties: [...inputs.parties, blankParty()],
    bands: inputs.bands.map((b) => ({ ...b, shares: [...b.shares, ""] })),
    scenarios: inputs.scenarios.map((s) => ({ ...s, own: [...s.own, ""] })),
  };
}

export function removeParty(inputs: RiskShareInputs, index: number): RiskShareInputs {
  if (inputs.parties.length <= 1) return inputs;
  const drop = <T>(xs: T[]) => xs.filter((_, i) => i !== index);
  return {
    ...inputs,
    parties: drop(inputs.parties),
    bands: inputs.bands.map((b) => ({ ...b, shares: drop(b.shares) })),
    scenarios: inputs.scenarios.map((s) => ({ ...s, own: drop(s.own) })),
  };
}

export function addBand(inputs: RiskShareInputs): RiskShareInputs {
  return { ...inputs, bands: [...inputs.bands, { upTo: "", shares: inputs.parties.map(() => "") }] };
}

export function addScenario(inputs: RiskShareInputs): RiskShareInputs {
  const label = `Scenario ${inputs.scenarios.length + 1}`;
  return { ...inputs, scenarios: [...inputs.scenarios, { label, variance: "", own: inputs.parties.map(() => "") }] };
}

export function usedParties(inputs: RiskShareInputs): Party[] {
  return usedRows(inputs.parties, (p) => [p.name, p.contribution, inputs.useCaps ? p.cap : ""]);
}

function usedBands(inputs: RiskShareInputs, parties: number): Band[] {
  // A row left all blank is meaningful in a bands table ("the rest pro rata"), so keep every row.
  return inputs.bands.map((b) => ({ upTo: b.upTo, shares: b.shares.slice(0, parties) }));
}

function usedScenarios(inputs: RiskShareInputs): Scenario[] {
  return inputs.scenarios;
}

/** The arguments of ICS.RISKSHARE for one scenario: variance, contributions, method, bands, contingency, caps, round_to, underspend_method. */
export function riskShareArgs(inputs: RiskShareInputs, scenario: Scenario): ArgValue[] {
  const parties = usedParties(inputs);
  const variance: ArgValue = needsOwnVariances(inputs) ? parties.map((_, i) => [entryCell(scenario.own[i] ?? "")]) : entryCell(scenario.variance);
  return [
    variance,
    parties.map((p) => [entryCell(p.contribution)]),
    inputs.method,
    usesBands(inputs) ? usedBands(inputs, parties.length).map((b) => [entryCell(b.upTo), ...b.shares.map(entryCell)]) : undefined,
    entryCell(inputs.contingency),
    inputs.useCaps ? parties.map((p) => [entryCell(p.cap)]) : undefined,
    entryCell(inputs.roundTo),
    inputs.underspend === "" ? undefined : inputs.underspend,
  ];
}

function fieldOf(scenario: number): (site: ErrorSite) => string | undefined {
  return (site) => {
    const row = site.row !== undefined ? site.row - 1 : undefined;
    switch (site.argument) {
      case "variance":
        return row === undefined ? `scenarios.${scenario}.variance` : `scenarios.${scenario}.own.${row}`;
      case "contributions":
        return row === undefined ? "parties" : `parties.${row}.contribution`;
      case "caps":
        return row === undefined ? "parties" : `parties.${row}.cap`;
      case "bands": {
        if (row === undefined) return "bands";
        if (site.column === undefined) return `bands.${row}`;
        return site.column === 1 ? `bands.${row}.upTo` : `bands.${row}.shares.${site.column - 2}`;
      }
      case "method":
        return "method";
      case "underspend_method":
        return "underspend";
      case "contingency":
        return "contingency";
      case "round_to":
        return "roundTo";
      default:
        return undefined;
    }
  };
}

export interface RiskSharePreview {
  parties: string[];
  scenarios: { label: string; shares: number[] }[];
}

export interface RiskShareCheck {
  issues: Issue[];
  preview?: RiskSharePreview;
}

export function checkRiskShare(inputs: RiskShareInputs): RiskShareCheck {
  const issues: Issue[] = [];
  const parties = usedParties(inputs);
  if (parties.length === 0) issues.push({ field: "parties", message: "Add at least one party with its contribution" });
  parties.forEach((p, i) => {
    if (p.name.trim() === "") issues.push({ field: `parties.${i}.name`, message: `Give party ${i + 1} a name` });
  });
  const scenarios = usedScenarios(inputs);
  if (scenarios.length === 0) issues.push({ field: "scenarios", message: "Add at least one what-if variance" });
  scenarios.forEach((s, i) => {
    if (s.label.trim() === "") issues.push({ field: `scenarios.${i}.label`, message: `Give scenario ${i + 1} a label` });
  });
  if (parties.length === 0 || scenarios.length === 0) return { issues };

  const previews: { label: string; shares: number[] }[] = [];
  const seen = new Set<string>();
  // The parties and the agreement are checked on a nil variance first, so their problems show on
  // their own steps before any what-if is typed in.
  const nil = runCore("RISKSHARE", riskShareArgs(inputs, { label: "", variance: "0", own: parties.map(() => "0") }));
  if (!nil.ok) {
    const issue = issueFrom(nil.error, fieldOf(0));
    if (!issue.field?.startsWith("scenarios")) {
      issues.push(issue);
      seen.add(`${issue.field}|${issue.message}`);
    }
  }
  scenarios.forEach((scenario, i) => {
    const run = runCore("RISKSHARE", riskShareArgs(inputs, scenario));
    if (run.ok) {
      previews.push({ label: scenario.label.trim(), shares: columnOf(run.output) });
      return;
    }
    // The same problem with a shared input shows once, not once per scenario.
    const issue = issueFrom(run.error, fieldOf(i));
    const key = `${issue.field}|${issue.message}`;
    if (!seen.has(key)) issues.push(issue);
    seen.add(key);
  });
  if (previews.length < scenarios.length) return { issues };
  return { issues, preview: { parties: parties.map((p) => p.name.trim()), scenarios: previews } };
}

/** Which wizard step shows a field: 0 the parties, 1 the agreement, 2 the what-ifs. */
export function riskShareStepOf(field: string | undefined): number {
  if (field === undefined) return 2;
  if (field.startsWith("parties") || field === "units") return 0;
  if (field.startsWith("scenarios")) return 2;
  return 1;
}

export function riskShareOps(inputs: RiskShareInputs, sheet: string): WorkbookOp[] {
  const parties = usedParties(inputs);
  const scenarios = usedScenarios(inputs);
  const n = parties.length;
  if (n === 0 || scenarios.length === 0) throw new Error("riskShareOps: no parties or no scenarios to write");
  const p = namePrefix(sheet);
  const roundTo = entryCell(inputs.roundTo);
  const money = moneyFormat(inputs.units, roundTo);
  const col = (i: number) => columnLetters(i);
  const w = new SheetWriter(sheet);

  w.cells("A1", [["Risk share agreement"]]).style("A1", STYLE.title);
  const contingency = entryCell(inputs.contingency);
  w.cells("A3", [["Method", inputs.method], ["Contingency", contingency ?? 0], ["Round to", roundTo], ["Units", asText(inputs.units)]]);
  w.input("B3:B5").format("B4", money);
  w.list("B3", METHODS.map((m) => m.key));
  w.name(`${p}_Method`, "B3", "How a variance is shared: proportional, equal, own, lead or bands");
  w.name(`${p}_Contingency`, "B4", "Risk reserve that absorbs a net overspend first");
  w.name(`${p}_RoundTo`, "B5", "Rounding unit, a power of ten in the sheet's units");
  // How an underspend is shared: blank is the method's default (ICS.RISKSHARE's underspend_method left out).
  w.cells("A7", [["Underspends", inputs.underspend === "" ? null : inputs.underspend]]).input("B7");
  w.list("B7", UNDERSPEND_METHODS_LIST.map((m) => m.key));
  w.name(`${p}_Underspend`, "B7", "How a net underspend is shared: proportional, equal, own, lead, retain or bands; blank = the method's default");

  // Parties.
  const pFirst = 9;
  const pLast = pFirst + n - 1;
  const partyHeaders = ["Party", moneyHeader("Contribution", inputs.units), ...(inputs.useCaps ? [moneyHeader("Cap on exposure", inputs.units)] : [])];
  w.cells("A8", [partyHeaders]).style(`A8:${col(partyHeaders.length - 1)}8`, STYLE.header);
  w.cells(`A${pFirst}`, parties.map((party): CellContent[] => [asText(party.name.trim()), entryCell(party.contribution), ...(inputs.useCaps ? [entryCell(party.cap)] : [])]));
  w.input(`A${pFirst}:${col(partyHeaders.length - 1)}${pLast}`).format(`B${pFirst}:${col(partyHeaders.length - 1)}${pLast}`, money);
  w.name(`${p}_Parties`, `A${pFirst}:A${pLast}`, "The parties to the agreement");
  w.name(`${p}_Contributions`, `B${pFirst}:B${pLast}`, "Each party's contribution to the pool");
  if (inputs.useCaps) w.name(`${p}_Caps`, `C${pFirst}:C${pLast}`, "Each party's maximum exposure (blank = none)");
  w.cells(`A${pLast + 1}`, [["Total", `=SUM(${p}_Contributions)`]]).style(`A${pLast + 1}:B${pLast + 1}`, STYLE.result).format(`B${pLast + 1}`, money);
  let row = pLast + 3;

  // Bands: up-to limit, then one share column per party.
  let bandsRange = "";
  if (usesBands(inputs)) {
    const bands = usedBands(inputs, n);
    const bLast = row + bands.length;
    w.cells(`A${row}`, [[moneyHeader("Band: variance up to", inputs.units), ...parties.map((party) => party.name.trim())]]).style(`A${row}:${col(n)}${row}`, STYLE.header);
    w.cells(`A${row + 1}`, bands.map((b): CellContent[] => [entryCell(b.upTo), ...b.shares.map(entryCell)]));
    w.input(`A${row + 1}:${col(n)}${bLast}`).format(`A${row + 1}:A${bLast}`, money).format(`B${row + 1}:${col(n)}${bLast}`, SHARE_FORMAT);
    bandsRange = absoluteRange("A", row + 1, bLast, col(n));
    w.name(`${p}_Bands`, `A${row + 1}:${col(n)}${bLast}`, "Bands: upper limit of the cumulative variance, then each party's share (blank row = pro rata)");
    w.cells(`A${bLast + 1}`, [["A blank limit means no limit; a row of blank shares means in proportion to contributions."]]).style(`A${bLast + 1}`, STYLE.note);
    row = bLast + 3;
  }

  // What-ifs: labels across, the variance (or each party's own variance) below.
  const s = scenarios.length;
  const sCol = (i: number) => col(1 + i);
  const own = needsOwnVariances(inputs);
  const labelRow = row;
  w.cells(`A${labelRow}`, [["What-if", ...scenarios.map((sc) => asText(sc.label.trim()))]]).style(`A${labelRow}:${sCol(s - 1)}${labelRow}`, STYLE.header);
  const vFirst = labelRow + 1;
  const vLast = own ? vFirst + n - 1 : vFirst;
  const varianceRows: CellContent[][] = own
    ? parties.map((party, r) => [`Variance: ${party.name.trim()}`, ...scenarios.map((sc) => entryCell(sc.own[r] ?? ""))])
    : [[moneyHeader("Variance (+ overspend, − underspend)", inputs.units), ...scenarios.map((sc) => entryCell(sc.variance))]];
  w.cells(`A${vFirst}`, varianceRows).input(`B${vFirst}:${sCol(s - 1)}${vLast}`).format(`B${vFirst}:${sCol(s - 1)}${vLast}`, money);

  // Shares: one spilling RISKSHARE per scenario, then the checks.
  const hRow = vLast + 2;
  const rFirst = hRow + 1;
  const rLast = rFirst + n - 1;
  w.cells(`A${hRow}`, [[moneyHeader("Share of the variance", inputs.units), ...scenarios.map((_, i) => `=${sCol(i)}${labelRow}`)]]).style(`A${hRow}:${sCol(s - 1)}${hRow}`, STYLE.header);
  w.cells(`A${rFirst}`, parties.map((party) => [`=INDEX(${p}_Parties,${parties.indexOf(party) + 1})`]));
  const unitsRound = `-LOG10(${p}_RoundTo)`;
  const formulas: string[][] = [[], [], [], []];
  scenarios.forEach((_, i) => {
    const c = sCol(i);
    const variance = own ? `${c}$${vFirst}:${c}$${vLast}` : `${c}$${vFirst}`;
    // Range arguments as absolute references, scalar inputs as names (sheet.ts, RANGE_ARGUMENTS).
    const args = [variance, absoluteRange("B", pFirst, pLast), `${p}_Method`, bandsRange, `${p}_Contingency`, inputs.useCaps ? absoluteRange("C", pFirst, pLast) : "", `${p}_RoundTo`, `${p}_Underspend`];
    formulas[0].push(`=ICS.RISKSHARE(${args.join(",")})`);
    formulas[1].push(`=SUM(${c}${rFirst}:${c}${rLast})`);
    // What the contingency takes: the net overspend, up to the reserve; an underspend is shared in full.
    formulas[2].push(`=MIN(${p}_Contingency,MAX(0,SUM(${c}${vFirst}:${c}${vLast})))`);
    // A retained underspend stays in the pool: nobody's share moves, so the shares add up to 0.
    const net = `SUM(${c}${vFirst}:${c}${vLast})`;
    formulas[3].push(`=ROUND(${c}${rLast + 1},${unitsRound})=ROUND(IF(AND(${net}<0,${p}_Underspend="retain"),0,${net}-${c}${rLast + 2}),${unitsRound})`);
  });
  w.cells(`B${rFirst}`, [formulas[0]]);
  w.format(`B${rFirst}:${sCol(s - 1)}${rLast + 2}`, money).style(`B${rFirst}:${sCol(s - 1)}${rLast}`, STYLE.result);
  w.name(`${p}_Shares`, `B${rFirst}:${sCol(s - 1)}${rLast}`, "Each party's share of each what-if variance");
  w.cells(`A${rLast + 1}`, [["Shared", ...formulas[1]], ["Borne by the contingency", ...formulas[2]], ["Check: shares + contingency = variance", ...formulas[3]]]);
  w.style(`A${rLast + 1}:${sCol(s - 1)}${rLast + 1}`, STYLE.result).style(`A${rLast + 3}:${sCol(s - 1)}${rLast + 3}`, STYLE.check);
  w.cells(`A${rLast + 5}`, [["Change the yellow inputs and the formulas recalculate. Written by the ICS Finance add-in."]]).style(`A${rLast + 5}`, STYLE.note);

  w.width("A", 36);
  for (let i = 1; i <= Math.max(s, n, partyHeaders.length - 1); i++) w.width(col(i), 16);
  return w.finish();
}
