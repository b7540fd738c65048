/**
 * Every released version of every template, as a spec a return can be compared with
 * (../shared/spec/RETURNS.md: "compare its structure with the template spec of its TemplateName
 * and TemplateVersion"). A return is compared with the template exactly as it was sent: the
 * version it names and, where data decides the layout, the shape saved with it (`TemplateShape`).
 *
 * Releasing a new version of a template whose structure changed: keep the old builder (copy it to
 * `src/templates/released/<name>-<version>.ts`) and add it here beside the new one, so returns of
 * the old version are still checked against what they were sent as.
 */
import { templateSpec, TEMPLATES } from "../templates";
import type { DelegationSystem, PracticeRow } from "../templates";
import type { TemplateShape, TemplateSpec } from "../templates/spec";

type Build = (shape: TemplateShape | undefined) => TemplateSpec;

/** The most places or practices a shape may ask for: beyond any ICB (the largest has about 700 practices). */
const MOST_PRACTICES = 5000;
const MOST_PLACES = 100;

/** A system with the shape's practices per place: the layout of the return, with made-up names and figures. */
function systemOfShape(practicesPerPlace: readonly number[]): DelegationSystem {
  const places = practicesPerPlace.map((_, k) => `Place ${k + 1}`);
  const practices: PracticeRow[] = [];
  practicesPerPlace.forEach((count, k) => {
    for (let i = 0; i < count; i++) {
      practices.push({ code: `P${k + 1}-${i + 1}`, name: "", place: places[k], population: 1, weighted: { final: 1, pmc: 1, community: 1, mentalHealth: 1, prescribing: 1 } });
    }
  });
  return { name: "(the return's own)", icbCode: "Q00", icbName: "", practices, places };
}

function placeDelegationOfShape(shape: TemplateShape | undefined): TemplateSpec {
  const perPlace = shape?.practicesPerPlace;
  if (perPlace === undefined) return templateSpec("place-delegation");
  const counts = typeof perPlace === "number" ? [perPlace] : perPlace;
  const total = counts.reduce((a, b) => a + b, 0);
  if (counts.length > MOST_PLACES || total > MOST_PRACTICES || counts.some((c) => c < 1)) throw new ShapeError(`its TemplateShape asks for ${counts.length} places and ${total} practices, more than any system has`);
  return templateSpec("place-delegation", { mode: "prefilled", system: systemOfShape(counts) });
}

function riskShareOfShape(shape: TemplateShape | undefined): TemplateSpec {
  const partners = shape?.partners;
  if (typeof partners !== "number") return templateSpec("risk-share");
  return templateSpec("risk-share", { mode: "blank", partners });
}

/** A TemplateShape that no template of this name could have been built with. */
export class ShapeError extends Error {}

/** By template, by version. */
const RELEASED: Readonly<Record<string, Readonly<Record<string, Build>>>> = {
  "place-delegation": { "2026.1": placeDelegationOfShape },
  "risk-share": { "2026.1": riskShareOfShape },
  "system-plan": { "2026.1": () => templateSpec("system-plan") },
  "capital": { "2026.1": () => templateSpec("capital") },
  "merger": { "2026.1": () => templateSpec("merger") },
};

/** The template's current version, or undefined for a name ics-finance does not know. */
export function currentVersion(template: string): string | undefined {
  return TEMPLATES.find((t) => t.name === template)?.version;
}

export function isKnownTemplate(template: string): boolean {
  return RELEASED[template] !== undefined;
}

/** The versions of a template a return can be checked against, oldest first. */
export function releasedVersions(template: string): string[] {
  return Object.keys(RELEASED[template] ?? {});
}

/**
 * The spec of a released version with the return's shape, or undefined when that version was
 * never released. Throws ShapeError for a shape no template could have.
 */
export function releasedSpec(template: string, version: string, shape?: TemplateShape): TemplateSpec | undefined {
  const build = RELEASED[template]?.[version];
  return build ? build(shape) : undefined;
}
