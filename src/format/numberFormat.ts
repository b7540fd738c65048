/**
 * Enough of Excel's number formats to show a value as Excel would, shared by the playground's grid
 * and the engine's TEXT function: sections for positive;negative;zero, [Red]-style colours,
 * [$£-809] currency blocks, thousands separators, fixed and optional decimals, percentages, a
 * trailing comma scaling by 1,000, scientific notation, quoted or plain literals such as £ and
 * brackets, and dates and times (d dd ddd dddd, m mm mmm mmmm mmmmm, yy yyyy, h hh, mm ss,
 * AM/PM, [h] elapsed hours). Digits are rounded half away from zero from the value's 15
 * significant digits, as Excel rounds (1.005 to two places is 1.01). Anything it does not know is
 * shown as General.
 */
import Decimal from "decimal.js";

export interface Shown {
  text: string;
  color?: string;
}

const COLOURS: Record<string, string> = { red: "#C00000", blue: "#0000FF", green: "#008000", black: "#000000", magenta: "#FF00FF", cyan: "#00FFFF", yellow: "#FFFF00", white: "#FFFFFF" };

/** Excel's General: up to 11 significant digits, no trailing zeros. */
export function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return value.toExponential(5).toUpperCase().replace(/\.?0+E/, "E");
  return String(Number(value.toPrecision(10)));
}

/** Splits on ; outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** Literal text of a format piece: quotes removed, escapes resolved, layout codes (_x, *x) dropped. */
function literal(piece: string): string {
  let out = "";
  for (let i = 0; i < piece.length; i++) {
    const ch = piece[i];
    if (ch === '"') {
      const end = piece.indexOf('"', i + 1);
      out += piece.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? piece.length : end;
    } else if (ch === "\\") {
      out += piece[++i] ?? "";
    } else if (ch === "_" || ch === "*") {
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** `x` with `places` decimals, rounded half away from zero from its 15 significant digits (Excel's rounding). */
export function fixed(x: number, places: number): string {
  if (!Number.isFinite(x)) return String(x);
  return new Decimal(x.toPrecision(15)).toFixed(places, Decimal.ROUND_HALF_UP);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function shown(text: string, color: string | undefined): Shown {
  return color ? { text, color } : { text };
}

/** A serial day number as a calendar date, in the workbook's date system. */
export type SerialToDate = (serial: number) => { year: number; month: number; day: number };

/** Excel's 1900 date system: serial 1 is 1 January 1900, and serial 60 the 29 February 1900 Excel keeps from Lotus 1-2-3. */
export const excel1900: SerialToDate = (serial) => {
  const days = Math.floor(serial);
  if (days === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** Excel's 1904 date system (Mac Excel before 2011): serial 0 is 1 January 1904. */
export const excel1904: SerialToDate = (serial) => {
  const d = new Date(Date.UTC(1904, 0, 1) + Math.floor(serial) * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

export interface FormatOptions {
  /** The date system for date formats; 1900 unless told. */
  date?: SerialToDate;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Bracketed codes: colours set the colour, [$£-809] is its symbol, [h] [mm] [ss] stay for dates, the rest (locales, conditions) go. */
function brackets(section: string): { body: string; color?: string } {
  let color: string | undefined;
  let body = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      body += section.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (ch === "\\") {
      body += section.slice(i, i + 2);
      i++;
      continue;
    }
    if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      if (end === -1) {
        body += section.slice(i);
        break;
      }
      const code = section.slice(i + 1, end);
      const lower = code.toLowerCase();
      if (COLOURS[lower]) color = COLOURS[lower];
      else if (code.startsWith("$")) {
        const symbol = code.slice(1).split("-")[0];
        if (symbol) body += `"${symbol.replace(/"/g, "")}"`;
      } else if (/^(h+|m+|s+)$/i.test(code)) body += `[${lower}]`;
      i = end;
      continue;
    }
    body += ch;
  }
  return { body, color };
}

/** The format's date and time codes, outside quotes: it formats a date rather than a number. */
function isDateFormat(format: string): boolean {
  const body = format.replace(/general/gi, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      i = end === -1 ? body.length : end;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
      continue;
    }
    if ("dDyYhHsSmM".includes(ch) || (ch === "[" && /[hms]/i.test(body[i + 1] ?? ""))) return true;
  }
  return false;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A date/time format applied to a serial number. */
function formatDate(value: number, body: string, toDate: SerialToDate): string {
  type Part = { kind: "code"; code: string } | { kind: "text"; text: string };
  const parts: Part[] = [];
  let fractionDigits = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      const stop = end === -1 ? body.length : end;
      parts.push({ kind: "text", text: body.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      parts.push({ kind: "text", text: body[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      parts.push({ kind: "text", text: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = body.indexOf("]", i);
      parts.push({ kind: "code", code: `[${body.slice(i + 1, end)[0]?.toLowerCase()}]` });
      i = end;
    } else if (body.slice(i, i + 5).toUpperCase() === "AM/PM") {
      parts.push({ kind: "code", code: "ampm" });
      i += 4;
    } else if (body.slice(i, i + 3).toUpperCase() === "A/P") {
      parts.push({ kind: "code", code: ch === "a" ? "a/p" : "A/P" });
      i += 2;
    } else if ("dymhs".includes(lower)) {
      let j = i;
      while (j < body.length && body[j].toLowerCase() === lower) j++;
      parts.push({ kind: "code", code: lower.repeat(j - i) });
      i = j - 1;
    } else if (ch === "." && body[i + 1] === "0" && parts.length > 0) {
      let j = i + 1;
      while (body[j] === "0") j++;
      fractionDigits = j - i - 1;
      parts.push({ kind: "code", code: "." + "0".repeat(fractionDigits) });
      i = j - 1;
    } else {
      parts.push({ kind: "text", text: ch });
    }
  }
  const codes = parts.filter((p): p is { kind: "code"; code: string } => p.kind === "code");
  const hasAmPm = codes.some((p) => p.code === "ampm" || p.code.toLowerCase() === "a/p");
  // Minutes, not months: m or mm right after an hour, or right before a second.
  const minutes = new Set<number>();
  codes.forEach((p, k) => {
    if (p.code !== "m" && p.code !== "mm") return;
    const before = codes[k - 1]?.code ?? "";
    const after = codes[k + 1]?.code ?? "";
    if (before.startsWith("h") || before === "[h]" || after.startsWith("s")) minutes.add(k);
  });
  const scale = 10 ** fractionDigits;
  const ticks = Math.round(value * 86400 * scale);
  const days = Math.floor(ticks / (86400 * scale));
  const inDay = ticks - days * 86400 * scale;
  const wholeSeconds = Math.floor(inDay / scale);
  const hours = Math.floor(wholeSeconds / 3600);
  const mins = Math.floor((wholeSeconds % 3600) / 60);
  const secs = wholeSeconds % 60;
  const date = toDate(days);
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  let out = "";
  let k = 0;
  for (const p of parts) {
    if (p.kind === "text") {
      out += p.text;
      continue;
    }
    const c = p.code;
    const isMinute = minutes.has(k++);
    if (c === "[h]") out += String(days * 24 + hours);
    else if (c === "[m]") out += String((days * 24 + hours) * 60 + mins);
    else if (c === "[s]") out += String(((days * 24 + hours) * 60 + mins) * 60 + secs);
    else if (c === "ampm") out += hours < 12 ? "AM" : "PM";
    else if (c.toLowerCase() === "a/p") out += hours < 12 ? (c === "a/p" ? "a" : "A") : c === "a/p" ? "p" : "P";
    else if (c.startsWith(".")) out += "." + pad(inDay % scale, fractionDigits);
    else if (c[0] === "y") out += c.length <= 2 ? pad(date.year % 100, 2) : String(date.year);
    else if (c[0] === "d") out += c.length === 1 ? String(date.day) : c.length === 2 ? pad(date.day, 2) : c.length === 3 ? DAYS[weekday].slice(0, 3) : DAYS[weekday];
    else if (c[0] === "h") {
      const h = hasAmPm ? ((hours + 11) % 12) + 1 : hours;
      out += c.length === 1 ? String(h) : pad(h, 2);
    } else if (c[0] === "s") out += c.length === 1 ? String(secs) : pad(secs, 2);
    else if (c[0] === "m") {
      if (isMinute) out += c.length === 1 ? String(mins) : pad(mins, 2);
      else if (c.length === 1) out += String(date.month);
      else if (c.length === 2) out += pad(date.month, 2);
      else if (c.length === 3) out += MONTHS[date.month - 1].slice(0, 3);
      else if (c.length === 5) out += MONTHS[date.month - 1][0];
      else out += MONTHS[date.month - 1];
    }
  }
  return out;
}

/** Scientific notation, e.g. 0.00E+00. */
function formatScientific(value: number, body: string): string | undefined {
  const e = body.search(/[eE][+-]/);
  if (e < 0) return undefined;
  const mantissa = body.slice(0, e);
  const dot = mantissa.indexOf(".");
  const decimals = dot < 0 ? 0 : (mantissa.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  const expDigits = Math.max(1, (body.slice(e + 2).match(/0/g) ?? []).length);
  const abs = Math.abs(value);
  let exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
  let m = fixed(abs / 10 ** exp, decimals);
  if (Number(m) >= 10) {
    exp++;
    m = fixed(abs / 10 ** exp, decimals);
  }
  const sign = exp < 0 ? "-" : body[e + 1] === "+" ? "+" : "";
  return `${literal(mantissa.slice(0, mantissa.search(/[0#?]/)))}${m}E${sign}${pad(Math.abs(exp), expDigits)}`;
}

function applySection(value: number, section: string, options: FormatOptions = {}): Shown {
  const { body, color } = brackets(section);
  if (body.trim().toLowerCase() === "general" || body.trim() === "") return shown(general(value), color);
  if (isDateFormat(body)) {
    // Excel shows a negative date or time as ####.
    if (value < 0) return shown("#".repeat(10), color);
    return shown(formatDate(value, body, options.date ?? excel1900), color);
  }
  const scientific = formatScientific(value, body.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length)));
  if (scientific !== undefined) return shown(scientific, color);
  const m = /([#0?](?:[#0?,]*[#0?])?)(\.([#0?]*))?(,*)/.exec(body.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length)));
  if (!m) return shown(literal(body), color);
  const [whole, intPart, , fraction = "", scaling] = m;
  let n = value;
  if (body.includes("%")) n *= 100;
  n /= 1000 ** scaling.length;
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  const maxDecimals = fraction.length;
  let text = fixed(Math.abs(n), maxDecimals);
  if (maxDecimals > minDecimals) {
    const [i, f = ""] = text.split(".");
    const trimmed = f.replace(/0+$/, "").padEnd(minDecimals, "0");
    text = trimmed ? `${i}${trimmed ? "." + trimmed : ""}` : i;
    if (!trimmed && fraction.length > 0 && minDecimals === 0) text = `${i}.`;
  }
  let [integer, decimals] = text.split(".");
  if (intPart.includes(",")) integer = groupThousands(integer);
  if (!/0/.test(intPart) && integer === "0" && (decimals !== undefined || fraction.length > 0)) integer = "";
  const number = decimals === undefined ? integer : `${integer}.${decimals}`;
  const before = literal(body.slice(0, m.index));
  const after = literal(body.slice(m.index + whole.length));
  return shown(`${before}${number}${after}`, color);
}

export function formatNumber(value: number, format?: string, options: FormatOptions = {}): Shown {
  if (format === undefined || format.trim() === "" || format.trim().toLowerCase() === "general") return { text: general(value) };
  const parts = sections(format);
  if (value < 0 && parts.length >= 2) return applySection(Math.abs(value), parts[1], options);
  if (value === 0 && parts.length >= 3) return applySection(0, parts[2], options);
  // A date shows the value itself (a negative date is ####); a number shows its size, and a minus.
  if (isDateFormat(brackets(parts[0]).body)) return applySection(value, parts[0], options);
  const positive = applySection(Math.abs(value), parts[0], options);
  // A single section shows negatives with a minus, as Excel does.
  return value < 0 ? { ...positive, text: `-${positive.text}` } : positive;
}

/**
 * Text through a format, as Excel's TEXT shows it: the fourth section (or a lone section with @)
 * puts the text where @ is; any other format leaves text as it is.
 */
export function formatText(text: string, format: string): string {
  const parts = sections(format);
  const section = parts.length >= 4 ? parts[3] : parts.length === 1 && parts[0].includes("@") ? parts[0] : undefined;
  if (section === undefined) return text;
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === "@") out += text;
    else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? section.length : end;
    } else if (ch === "\\") out += section[++i] ?? "";
    else if (ch === "_") {
      out += " ";
      i++;
    } else if (ch === "*") i++;
    else out += ch;
  }
  return out;
}
