/** Key figures by their label in the template's spec ("Delegated pot £"), not their defined name. */
import { templateSpec } from "../templates";

const cache = new Map<string, ReadonlyMap<string, string>>();

export function keyFigureLabels(template: string | undefined): ReadonlyMap<string, string> {
  if (!template) return new Map();
  let labels = cache.get(template);
  if (!labels) {
    try {
      labels = new Map(templateSpec(template).keyFigures.map((k) => [k.name, k.label]));
    } catch {
      // An unknown template: its figures keep their defined names.
      labels = new Map();
    }
    cache.set(template, labels);
  }
  return labels;
}
