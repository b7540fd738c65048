/**
 * A template's shape as saved in the file's `TemplateShape` custom property: the numbers that
 * decide its layout where data does (e.g. `practicesPerPlace=12,9,8,5`). Excel keeps custom
 * properties as they are when rows are inserted or deleted, so `returns` can rebuild the template
 * exactly as it was sent and see rows that went missing inside a table.
 */
import type { TemplateShape } from "./spec";

export const TEMPLATE_SHAPE = "TemplateShape";

/** Longest `TemplateShape` read back: far more than any system needs (42 ICBs have at most 10 places). */
const MAX_SHAPE_TEXT = 4000;

export function encodeShape(shape: TemplateShape): string {
  return Object.entries(shape)
    .map(([key, value]) => `${key}=${typeof value === "number" ? value : (value as readonly (number | string)[]).join(",")}`)
    .join(";");
}

/** A code a shape may carry (an ODS code): letters and digits, starting with a letter. */
const CODE = /^[A-Z][A-Z0-9]{0,11}$/;

/**
 * The shape a file says, or undefined when it says none or anything that does not parse. A value
 * of digits is a number (several, a list of numbers); anything else must be a list of codes.
 */
export function decodeShape(text: unknown): TemplateShape | undefined {
  if (typeof text !== "string" || text === "" || text.length > MAX_SHAPE_TEXT) return undefined;
  const shape: Record<string, number | number[] | string[]> = {};
  for (const part of text.split(";")) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(part.trim());
    if (!match) return undefined;
    const items = match[2].split(",");
    if (items.every((i) => /^\d{1,7}$/.test(i))) shape[match[1]] = items.length === 1 ? Number(items[0]) : items.map(Number);
    else if (items.every((i) => CODE.test(i))) shape[match[1]] = items;
    else return undefined;
  }
  return shape;
}
