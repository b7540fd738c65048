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
    .map(([key, value]) => `${key}=${typeof value === "number" ? value : value.join(",")}`)
    .join(";");
}

/** The shape a file says, or undefined when it says none or nothing that parses. */
export function decodeShape(text: unknown): TemplateShape | undefined {
  if (typeof text !== "string" || text === "" || text.length > MAX_SHAPE_TEXT) return undefined;
  const shape: Record<string, number | number[]> = {};
  for (const part of text.split(";")) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(\d+(?:,\d+)*)$/.exec(part.trim());
    if (!match) return undefined;
    const numbers = match[2].split(",").map(Number);
    shape[match[1]] = numbers.length === 1 && !match[2].includes(",") ? numbers[0] : numbers;
  }
  return shape;
}
