/**
 * The core's messages in the pane's words. The core says where a problem is and what is wrong in
 * one fixed form — `ICS.<NAME>: <argument>[ row r][ column c]: <what is wrong>` (core/errors.ts,
 * describeSite) — for a formula's author. The pane knows more: the field's own label, the row's
 * name, the sheet's units. So a message is taken apart into its site and its "what", the site
 * becomes the field's label ("Pooled share, line 4 (Specialised services)"), and each of the
 * catalogue's phrasings becomes a sentence with the amounts in the sheet's units and thousands
 * separators, saying what to do. A phrasing not known here keeps the core's words after the label.
 */
import { ErrorValue } from "../../core";
import { Units } from "./sheet";

export interface ParsedError {
  fn?: string;
  argument?: string;
  row?: number;
  column?: number;
  /** What is wrong, in the core's words (the whole message when it has no site). */
  what: string;
}

const SITE = /^ICS\.([A-Z]+): ([a-z_]+)(?: row (\d+))?(?: column (\d+))?: ([\s\S]*)$/;

export function parseCoreMessage(message: string): ParsedError {
  const m = SITE.exec(message);
  if (!m) return { what: message.replace(/^ICS\.[A-Z]+: /, "") };
  return { fn: m[1], argument: m[2], row: m[3] ? Number(m[3]) : undefined, column: m[4] ? Number(m[4]) : undefined, what: m[5] };
}

export interface MessageContext {
  units: Units;
  /** The field's label for a site, e.g. "Floor for Vale (place 3)"; undefined for the argument's own name. */
  label: (site: ParsedError) => string | undefined;
}

/** Money as a sentence shows it: £1,250.50 in £, £312,400k in £000 (the sheet's own units). */
export function money(value: number | string, units: Units): string {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const digits = new Intl.NumberFormat("en-GB", { maximumFractionDigits: units === "£" ? 2 : 3, minimumFractionDigits: units === "£" && !Number.isInteger(n) ? 2 : 0 }).format(Math.abs(n));
  return `${n < 0 ? "−" : ""}£${digits}${units === "£000" ? "k" : ""}`;
}

/** A plain number with thousands separators: 412,300. */
export function plain(value: number | string): string {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  return `${n < 0 ? "−" : ""}${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 10 }).format(Math.abs(n))}`;
}

/** 0.85 as 85%, 1.1 as 110%. */
export function percent(value: number | string): string {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  return `${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 }).format(Math.round(n * 1e8) / 1e6)}%`;
}

/** "got 85", "got \"12x\"", "got a blank cell", "got TRUE" as the user's own entry. */
function got(text: string): string {
  if (text === "a blank cell") return "a blank box";
  return text;
}

/** The argument's name as words, for a site the wizard has no label for. */
function argumentWords(argument: string | undefined): string {
  if (!argument) return "This";
  const words = argument.replace(/_/g, " ");
  return words[0].toUpperCase() + words.slice(1);
}

const NUM = String.raw`(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)`;

type Rewrite = (m: RegExpExecArray, label: string, units: Units) => string;

/** Each of the catalogue's phrasings (core/args.ts and the catalogue modules), as a sentence. */
const REWRITES: readonly [RegExp, Rewrite][] = [
  [/^expected a number, got a blank cell$/, (_, l) => `${l} is blank: type a number.`],
  [/^expected a number, got (".*")$/, (m, l) => `${l}: ${m[1]} is not a number. Type digits only, with commas between thousands if you like (e.g. 412,300).`],
  [/^expected a number, got (TRUE|FALSE)$/, (m, l) => `${l}: ${m[1]} is not a number. Type a number.`],
  [/^expected a finite number, got .*$/, (_, l) => `${l} is not a number Excel can hold. Type an ordinary number.`],
  [new RegExp(`^${NUM} is beyond ±1e15.*$`), (m, l) => `${l}: ${plain(m[1])} is too large for Excel, which keeps 15 digits. Check the number of zeros.`],
  [/^is required$/, (_, l) => `${l} is needed.`],
  [/^is empty$/, (_, l) => `${l} is empty.`],
  [/^expected a single value, got a (\d+)×(\d+) range$/, (m, l) => `${l} must be a single cell, not a block of ${m[1]} rows by ${m[2]} columns.`],
  [/^expected a single column, got a (\d+)×(\d+) range$/, (m, l) => `${l} must be a single column, not a block of ${m[1]} rows by ${m[2]} columns.`],
  [/^expected a positive power of ten such as 0\.01, 1 or 1000, got (.*)$/, (m, l) => `${l} must be a power of ten, such as 0.01 (pence), 1 or 1,000; ${plain(m[1])} is not one.`],
  [/^expected text, got (.*)$/, (m, l) => `${l}: ${got(m[1])} is not text.`],
  // POT
  [new RegExp(`^expected a share between 0 and 1 \\(0% to 100%\\), got ${NUM}$`), (m, l) => {
    const v = Number(m[1]);
    const hint = v >= 2 && v <= 100 ? ` Did you mean ${plain(v)}%? Type it with the % sign, or as ${plain(v / 100)}.` : " Type a percentage from 0% to 100%.";
    return `${l}: ${v > 1 ? `${plain(v)} is more than 100%` : `${plain(v)} is below 0%`}.${hint}`;
  }],
  [/^expected a stream key for this amount; valid keys are .*$/, (_, l) => `${l}: choose the funding stream this amount belongs to.`],
  [/^unknown stream (".*"); valid keys are .*$/, (m, l) => `${l}: ${m[1]} is not one of the funding streams. Choose one from the list.`],
  // DELEGATE
  [new RegExp(`^expected a weight of 0 or more, got ${NUM}$`), (m, l) => `${l}: a weight cannot be negative (${plain(m[1])}). Type 0 or more.`],
  [new RegExp(`^expected an amount of 0 or more, got ${NUM}$`), (m, l, u) => `${l} cannot be negative (${money(m[1], u)}). Type 0 or more, or leave it blank.`],
  [/^floors and caps need an amount of 0 or more; delegate a reduction without them$/, (_, l) => `${l} is negative, and floors and caps only work on an amount of 0 or more. Turn floors and caps off to delegate a reduction.`],
  [new RegExp(`^floor ${NUM} is above the cap ${NUM}$`), (m, l, u) => `${l}: the floor (${money(m[1], u)}) is above the cap (${money(m[2], u)}). Lower the floor or raise the cap.`],
  [new RegExp(`^add up to ${NUM}, more than the amount ${NUM} by ${NUM}$`), (m, l, u) => `${l} add up to ${money(m[1], u)}, more than the amount to share (${money(m[2], u)}) by ${money(m[3], u)}. Lower some of them, or raise the amount.`],
  [new RegExp(`^add up to ${NUM}, less than the amount ${NUM} by ${NUM}$`), (m, l, u) => `${l} add up to ${money(m[1], u)}, less than the amount to share (${money(m[2], u)}) by ${money(m[3], u)}. Raise some of them, or lower the amount.`],
  [new RegExp(`^${NUM} is left with no place to go: every remaining row has zero weight$`), (m, _l, u) => `${money(m[1], u)} has nowhere to go: every place that can still take money has a weight of 0. Give at least one of them a weight above 0.`],
  // RISKSHARE
  [new RegExp(`^expected a contribution of 0 or more, got ${NUM}$`), (m, l, u) => `${l} cannot be negative (${money(m[1], u)}). Type 0 or more.`],
  [/^unknown method (".*"); valid methods are (.*)$/, (m, l) => `${l}: ${m[1]} is not a method. Choose one of ${m[2]}.`],
  [new RegExp(`^expected a share of 0 or more, got ${NUM}$`), (m, l) => `${l}: a share cannot be negative (${plain(m[1])}). Type a percentage from 0% to 100%.`],
  [new RegExp(`^the shares add up to ${NUM}; they must add up to 1 \\(as fractions, 100%\\) or 100 \\(as percentages\\)$`), (m, l) => {
    const total = Number(m[1]);
    const shown = total > 2 ? `${plain(total)}%` : percent(total);
    return `${l}: the shares add up to ${shown}. They must add up to 100%, or be left all blank to share that band in proportion to contributions.`;
  }],
  [/^a blank limit means "no limit", so it must be the last band, but row (\d+) follows it$/, (m, l) => `${l} has a blank limit, which means "the rest", so it must be the last band, but band ${m[1]} follows it. Give it a limit, or remove the bands after it.`],
  [new RegExp(`^expected a limit above 0, got ${NUM}$`), (m, l, u) => `${l} must be above 0 (it is ${money(m[1], u)}).`],
  [new RegExp(`^the limit ${NUM} is not above the previous band's limit ${NUM}; limits must ascend$`), (m, l, u) => `${l} (${money(m[1], u)}) must be above the band before it (${money(m[2], u)}): each band's limit is the running total it reaches.`],
  [new RegExp(`^expected a reserve of 0 or more, got ${NUM}$`), (m, l, u) => `${l} cannot be negative (${money(m[1], u)}). Type 0 or more, or leave it blank.`],
  [/^method "own" needs a column of each party's own variance .*$/, () => `With "each party bears its own variance", type each party's own variance in every what-if.`],
  [/^is required with method "bands".*$/, () => `Add the bands table: each band's limit and each party's share of it.`],
  [/^are only used with method "bands".*$/, () => `Bands are only used with the tiered bands method. Choose bands, or clear the band table.`],
  [/^are all zero, but (.*); give at least one party a contribution above 0$/, (m) => `Every contribution is 0, but ${m[1]}. Give at least one party a contribution above 0.`],
  [new RegExp(`^the shared variance ${NUM} goes beyond the last band's limit ${NUM}; leave the last limit blank for "the rest"$`), (m, _l, u) => `A variance of ${money(m[1], u)} goes beyond the last band (up to ${money(m[2], u)}). Leave the last band's limit blank, so it takes the rest.`],
  [new RegExp(`^${NUM} is left unshared: (.*)$`), (m, _l, u) => `${money(m[1], u)} cannot be shared: ${m[2]}. Raise a cap, or remove one.`],
];

/** The plain-English message for a core error, with the field's label and the sheet's units. */
export function plainMessage(error: ErrorValue, ctx: MessageContext): string {
  if (!error.message) return `${error.error}: the calculation failed.`;
  const parsed = parseCoreMessage(error.message);
  const label = ctx.label(parsed) ?? argumentWords(parsed.argument);
  for (const [pattern, rewrite] of REWRITES) {
    const m = pattern.exec(parsed.what);
    if (m) return rewrite(m, label, ctx.units);
  }
  const what = parsed.what.replace(/^(.)/, (c) => c.toLowerCase());
  return parsed.argument ? `${label}: ${what}` : parsed.what.replace(/^(.)/, (c) => c.toUpperCase());
}

/** "line 4 (Specialised services)", or "line 4" while the row has no name. */
export function rowName(noun: string, index: number, name: string | undefined): string {
  const n = (name ?? "").trim();
  return n ? `${noun} ${index + 1} (${n})` : `${noun} ${index + 1}`;
}
