/**
 * Enough of Excel's number formats for the playground's grid to show a sheet as Excel would:
 * sections for positive;negative;zero, [Red]-style colours, thousands separators, fixed and
 * optional decimals, percentages, a trailing comma scaling by 1,000, and quoted or plain literals
 * such as £ and brackets. Anything it does not know is shown as General.
 */

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

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function shown(text: string, color: string | undefined): Shown {
  return color ? { text, color } : { text };
}

function applySection(value: number, section: string): Shown {
  let color: string | undefined;
  const body = section.replace(/\[([A-Za-z]+)\]/g, (_, name: string) => {
    color = COLOURS[name.toLowerCase()] ?? color;
    return "";
  });
  if (body.trim().toLowerCase() === "general" || body.trim() === "") return shown(general(value), color);
  // The number part: digit placeholders with commas and an optional decimal part, then scaling commas.
  const m = /([#0?](?:[#0?,]*[#0?])?)(\.([#0?]*))?(,*)/.exec(body.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length)));
  if (!m) return shown(literal(body), color);
  const [whole, intPart, , fraction = "", scaling] = m;
  let n = value;
  if (body.includes("%")) n *= 100;
  n /= 1000 ** scaling.length;
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  const maxDecimals = fraction.length;
  let text = Math.abs(n).toFixed(maxDecimals);
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

export function formatNumber(value: number, format?: string): Shown {
  if (format === undefined || format.trim() === "" || format.trim().toLowerCase() === "general") return { text: general(value) };
  const parts = sections(format);
  if (value < 0 && parts.length >= 2) return applySection(Math.abs(value), parts[1]);
  if (value === 0 && parts.length >= 3) return applySection(0, parts[2]);
  const positive = applySection(Math.abs(value), parts[0]);
  // A single section shows negatives with a minus, as Excel does.
  return value < 0 ? { ...positive, text: `-${positive.text}` } : positive;
}
