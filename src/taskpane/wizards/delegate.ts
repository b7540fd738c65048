/**
 * "Delegate to places": an amount (a number, a cell or a defined name), the places with their
 * weight columns (e.g. population and need index), optional floors and caps, and the rounding
 * unit become a sheet with the table, one spilling =ICS.DELEGATE and a check that the places
 * add up to the amount.
 */
import { ArgValue, Cell, isErrorValue } from "../../core";
import { columnLetters, parseReference, sheetReference } from "../../workbook/a1";
import { CellContent, CellReading, WorkbookOp } from "../../workbook/port";
import { ErrorSite, Issue, columnOf, issueFrom, runCore } from "./check";
import { MessageContext, ParsedError, rowName } from "./messages";
import { entryCell, usedRows } from "./entry";
import { DECIMAL_FORMAT, INTEGER_FORMAT, STYLE, SheetWriter, Units, absoluteRange, asText, defaultRoundTo, moneyFormat, moneyHeader, namePrefix } from "./sheet";

export type AmountSource = "number" | "cell" | "name";

export interface Place {
  name: string;
  /** One entry per weight column. */
  weights: string[];
  floor: string;
  cap: string;
}

export interface DelegateInputs {
  units: Units;
  roundTo: string;
  amountSource: AmountSource;
  /** A number, a cell such as Pot!B12, or a defined name such as Pot_Total. */
  amount: string;
  /** Weight column headings; each place's weight is the product of its columns. */
  weightNames: string[];
  places: Place[];
  useFloors: boolean;
  useCaps: boolean;
}

export const MAX_WEIGHT_COLUMNS = 3;

export function blankPlace(weightColumns: number): Place {
  return { name: "", weights: Array.from({ length: weightColumns }, () => ""), floor: "", cap: "" };
}

export function newDelegateInputs(): DelegateInputs {
  return {
    units: "£000",
    roundTo: defaultRoundTo("£000"),
    amountSource: "number",
    amount: "",
    weightNames: ["Population", "Need index"],
    places: [blankPlace(2), blankPlace(2), blankPlace(2)],
    useFloors: false,
    useCaps: false,
  };
}

export function addWeightColumn(inputs: DelegateInputs, heading: string): DelegateInputs {
  if (inputs.weightNames.length >= MAX_WEIGHT_COLUMNS) return inputs;
  return { ...inputs, weightNames: [...inputs.weightNames, heading], places: inputs.places.map((p) => ({ ...p, weights: [...p.weights, ""] })) };
}

export function removeWeightColumn(inputs: DelegateInputs, index: number): DelegateInputs {
  if (inputs.weightNames.length <= 1) return inputs;
  const drop = <T>(xs: T[]) => xs.filter((_, i) => i !== index);
  return { ...inputs, weightNames: drop(inputs.weightNames), places: inputs.places.map((p) => ({ ...p, weights: drop(p.weights) })) };
}

/** The places table's columns in order, for a pasted block: the name, each weight, then floor and cap when used. */
export function placeColumns(inputs: DelegateInputs): string[] {
  return ["Place", ...inputs.weightNames.map((h, i) => h.trim() || `Weight ${i + 1}`), ...(inputs.useFloors ? ["Floor"] : []), ...(inputs.useCaps ? ["Cap"] : [])];
}

/** One pasted cell into a place, by the column it lands in. */
export function setPlaceCell(inputs: DelegateInputs): (place: Place, column: number, text: string) => Place {
  const k = inputs.weightNames.length;
  return (place, column, text) => {
    if (column === 0) return { ...place, name: text };
    if (column <= k) return { ...place, weights: place.weights.map((w, i) => (i === column - 1 ? text : w)) };
    const rest = [...(inputs.useFloors ? ["floor" as const] : []), ...(inputs.useCaps ? ["cap" as const] : [])];
    const key = rest[column - k - 1];
    return key ? { ...place, [key]: text } : place;
  };
}

export function usedPlaces(inputs: DelegateInputs): Place[] {
  return usedRows(inputs.places, (p) => [p.name, ...p.weights, inputs.useFloors ? p.floor : "", inputs.useCaps ? p.cap : ""]);
}

/** Where the amount comes from, when it is not typed in: a single cell or a defined name. */
export type AmountReference = { kind: "cell"; sheet: string; cell: string } | { kind: "name"; name: string };

export function amountReference(inputs: DelegateInputs): AmountReference | Issue | undefined {
  const text = inputs.amount.trim();
  if (inputs.amountSource === "number") return undefined;
  if (text === "") return { field: "amount", message: inputs.amountSource === "cell" ? "Type a cell such as Pot!B12, or select it and press Use selected cell" : "Type a defined name such as Pot_Total" };
  if (inputs.amountSource === "name") {
    return /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(text) ? { kind: "name", name: text } : { field: "amount", message: `"${text}" is not a defined name: names start with a letter and hold letters, digits, _ and .` };
  }
  const ref = parseReference(text);
  if (!ref || ref.range.includes(":")) return { field: "amount", message: `"${text}" is not a single cell with its sheet, such as Pot!B12` };
  return { kind: "cell", sheet: ref.sheet, cell: ref.range };
}

/** The amount as the engine or Excel reads it, or why it could not be read. */
export type ResolvedAmount = { value: Cell } | { problem: string };

/** A workbook reading as a core cell; a multi-cell reading is not one amount. */
export function resolvedFrom(reading: CellReading[][]): ResolvedAmount {
  if (reading.length !== 1 || reading[0].length !== 1) return { problem: "refers to more than one cell; the amount is a single cell" };
  const cell = reading[0][0];
  if (cell !== null && typeof cell === "object") return { value: { error: cell.error as never, message: cell.message ?? "" } };
  return { value: cell };
}

/** What goes in the sheet's amount cell: the number, or a live link to the cell or name. */
export function amountContent(inputs: DelegateInputs): CellContent {
  const ref = amountReference(inputs);
  if (ref === undefined) return entryCell(inputs.amount);
  if (!("kind" in ref)) throw new Error(ref.message);
  return ref.kind === "name" ? `=${ref.name}` : `=${sheetReference(ref.sheet, ref.cell)}`;
}

/** The arguments of ICS.DELEGATE: amount, weights (n×k), floors, caps, round_to. */
export function delegateArgs(inputs: DelegateInputs, amount: Cell): ArgValue[] {
  const places = usedPlaces(inputs);
  return [
    amount,
    places.map((p) => p.weights.map(entryCell)),
    inputs.useFloors ? places.map((p) => [entryCell(p.floor)]) : undefined,
    inputs.useCaps ? places.map((p) => [entryCell(p.cap)]) : undefined,
    entryCell(inputs.roundTo),
  ];
}

function fieldOf(site: ErrorSite): string | undefined {
  const place = site.row !== undefined ? site.row - 1 : undefined;
  switch (site.argument) {
    case "amount":
      return "amount";
    case "weights":
      return place === undefined ? "places" : `places.${place}.weights.${(site.column ?? 1) - 1}`;
    case "floors":
      return place === undefined ? "places" : `places.${place}.floor`;
    case "caps":
      return place === undefined ? "places" : `places.${place}.cap`;
    case "round_to":
      return "roundTo";
    default:
      return undefined;
  }
}

/** The pane's words for the core's sites: the weight column's heading and the place's name. */
export function delegateWords(inputs: DelegateInputs): MessageContext {
  const places = usedPlaces(inputs);
  const place = (row: number) => rowName("place", row - 1, places[row - 1]?.name);
  return {
    units: inputs.units,
    label: (site: ParsedError) => {
      switch (site.argument) {
        case "amount":
          return "The amount to delegate";
        case "weights": {
          if (!site.row) return "The weights";
          const heading = inputs.weightNames[(site.column ?? 1) - 1]?.trim() || `Weight ${site.column ?? 1}`;
          return `${heading}, ${place(site.row)}`;
        }
        case "floors":
          return site.row ? `Floor, ${place(site.row)}` : "The floors";
        case "caps":
          return site.row ? `Cap, ${place(site.row)}` : "The caps";
        case "round_to":
          return "Round to";
        default:
          return undefined;
      }
    },
  };
}

export interface DelegatePreview {
  amount: Cell;
  places: { name: string; amount: number }[];
}

export interface DelegateCheck {
  issues: Issue[];
  preview?: DelegatePreview;
}

/**
 * Checks the inputs with ICS.DELEGATE itself. `resolved` is the amount read from the workbook
 * when it comes from a cell or a name (undefined while it is being read).
 */
export function checkDelegate(inputs: DelegateInputs, resolved?: ResolvedAmount): DelegateCheck {
  const issues: Issue[] = [];
  let amount: Cell | undefined;
  const ref = amountReference(inputs);
  if (ref === undefined) amount = entryCell(inputs.amount);
  else if (!("kind" in ref)) issues.push(ref);
  else if (resolved === undefined) issues.push({ field: "amount", message: "Reading the amount from the workbook…" });
  else if ("problem" in resolved) issues.push({ field: "amount", message: `${inputs.amount.trim()} ${resolved.problem}` });
  else amount = resolved.value;

  inputs.weightNames.forEach((name, i) => {
    if (name.trim() === "") issues.push({ field: `weightNames.${i}`, message: `Give weight column ${i + 1} a heading, e.g. Population` });
  });
  const places = usedPlaces(inputs);
  // Two at least: a split needs them, and the core reads a single row of weights as a column.
  if (places.length < 2) issues.push({ field: "places", message: "Add at least two places with their weights" });
  places.forEach((p, i) => {
    if (p.name.trim() === "") issues.push({ field: `places.${i}.name`, message: `Give place ${i + 1} a name` });
  });
  if (amount !== undefined && !isErrorValue(amount) && places.length < 2) {
    // The amount and the rounding unit are still checked by the core, on two equal stand-in places.
    const probe = runCore("DELEGATE", [amount, [[1], [1]], undefined, undefined, entryCell(inputs.roundTo)]);
    const issue = probe.ok ? undefined : issueFrom(probe.error, fieldOf, delegateWords(inputs));
    if (issue && (issue.field === "amount" || issue.field === "roundTo")) issues.push(issue);
  }
  if (amount === undefined || places.length < 2) return { issues };
  if (isErrorValue(amount)) return { issues: [...issues, { field: "amount", message: `${inputs.amount.trim()} holds ${amount.error}${amount.message ? `: ${amount.message}` : ""}` }] };

  const run = runCore("DELEGATE", delegateArgs(inputs, amount));
  if (!run.ok) return { issues: [...issues, issueFrom(run.error, fieldOf, delegateWords(inputs))] };
  const parts = columnOf(run.output);
  return { issues, preview: { amount, places: places.map((p, i) => ({ name: p.name.trim(), amount: parts[i] })) } };
}

/** Which wizard step shows a field: 0 the amount and rounding, 1 the places. */
export function delegateStepOf(field: string | undefined): number {
  return field === "amount" || field === "roundTo" || field === "units" ? 0 : 1;
}

function weightFormat(places: readonly Place[], column: number): string {
  const cells = places.map((p) => entryCell(p.weights[column]));
  return cells.every((c) => typeof c !== "number" || Number.isInteger(c)) ? INTEGER_FORMAT : DECIMAL_FORMAT;
}

export function delegateOps(inputs: DelegateInputs, sheet: string): WorkbookOp[] {
  const places = usedPlaces(inputs);
  const n = places.length;
  if (n === 0) throw new Error("delegateOps: no places to write");
  const p = namePrefix(sheet);
  const k = inputs.weightNames.length;
  const roundTo = entryCell(inputs.roundTo);
  const money = moneyFormat(inputs.units, roundTo);
  const first = 8;
  const last = first + n - 1;
  const col = (i: number) => columnLetters(i);
  const floorCol = inputs.useFloors ? col(1 + k) : undefined;
  const capCol = inputs.useCaps ? col(1 + k + (inputs.useFloors ? 1 : 0)) : undefined;
  const resultCol = col(1 + k + (inputs.useFloors ? 1 : 0) + (inputs.useCaps ? 1 : 0));
  const w = new SheetWriter(sheet);

  w.cells("A1", [["Delegation to places"]]).style("A1", STYLE.title);
  const amount = amountContent(inputs);
  w.cells("A3", [["Amount to delegate", amount], ["Round to", roundTo], ["Units", asText(inputs.units)]]);
  w.format("B3", money).name(`${p}_Amount`, "B3", "The amount delegated to places").input("B4").name(`${p}_RoundTo`, "B4", "Rounding unit, a power of ten in the sheet's units");
  if (typeof amount === "string" && amount.startsWith("=")) w.cells("C3", [[`from ${inputs.amount.trim()}`]]).style("C3", STYLE.note);
  else w.input("B3");

  const headers: string[] = ["Place", ...inputs.weightNames.map((h) => h.trim())];
  if (floorCol) headers.push(moneyHeader("Floor", inputs.units));
  if (capCol) headers.push(moneyHeader("Cap", inputs.units));
  headers.push(moneyHeader("Delegated", inputs.units));
  w.cells("A7", [headers]).style(`A7:${resultCol}7`, STYLE.header);

  const rows = places.map((place): CellContent[] => {
    const row: CellContent[] = [asText(place.name.trim()), ...place.weights.map(entryCell)];
    if (floorCol) row.push(entryCell(place.floor));
    if (capCol) row.push(entryCell(place.cap));
    return row;
  });
  w.cells(`A${first}`, rows).input(`A${first}:${col(k + (floorCol ? 1 : 0) + (capCol ? 1 : 0))}${last}`);
  for (let i = 0; i < k; i++) w.format(`${col(1 + i)}${first}:${col(1 + i)}${last}`, weightFormat(places, i));
  w.name(`${p}_Places`, `A${first}:A${last}`, "The places");
  w.name(`${p}_Weights`, `B${first}:${col(k)}${last}`, `Weights: ${inputs.weightNames.join(" × ")}`);
  // Range arguments as absolute references, scalar inputs as names (sheet.ts, RANGE_ARGUMENTS).
  const args = [`${p}_Amount`, absoluteRange("B", first, last, col(k)), "", "", `${p}_RoundTo`];
  if (floorCol) {
    w.format(`${floorCol}${first}:${floorCol}${last}`, money).name(`${p}_Floors`, `${floorCol}${first}:${floorCol}${last}`, "Minimum per place");
    args[2] = absoluteRange(floorCol, first, last);
  }
  if (capCol) {
    w.format(`${capCol}${first}:${capCol}${last}`, money).name(`${p}_Caps`, `${capCol}${first}:${capCol}${last}`, "Maximum per place");
    args[3] = absoluteRange(capCol, first, last);
  }

  const result = `${resultCol}${first}:${resultCol}${last}`;
  w.cells(`${resultCol}${first}`, [[`=ICS.DELEGATE(${args.join(",")})`]]).format(result, money).style(result, STYLE.result);
  w.name(`${p}_Delegated`, result, "Amount delegated to each place");
  const unitsRound = `-LOG10(${p}_RoundTo)`;
  w.cells(`A${last + 1}`, [["Total"]]).style(`A${last + 1}:${resultCol}${last + 1}`, STYLE.result);
  w.cells(`${resultCol}${last + 1}`, [[`=SUM(${result})`]]).format(`${resultCol}${last + 1}`, money);
  w.cells(`A${last + 2}`, [["Check: places add up to the amount"]]).style(`A${last + 2}:${resultCol}${last + 2}`, STYLE.check);
  w.cells(`${resultCol}${last + 2}`, [[`=ROUND(SUM(${result}),${unitsRound})=ROUND(${p}_Amount,${unitsRound})`]]);
  w.cells(`A${last + 4}`, [["Change the yellow inputs and the formulas recalculate. Written by the ICS Finance add-in."]]).style(`A${last + 4}`, STYLE.note);

  w.width("A", 30);
  for (let i = 1; i <= k + (floorCol ? 1 : 0) + (capCol ? 1 : 0) + 1; i++) w.width(col(i), 15);
  return w.finish();
}
