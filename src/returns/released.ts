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
import type { DelegationSystem, MergerPlace, MergerPractice, MergerSystem, PracticeRow } from "../templates";
import type { TemplateShape, TemplateSpec } from "../templates/spec";

type Build = (shape: TemplateShape | undefined) => TemplateSpec;

/** The most places or practices a shape may ask for: beyond any ICB (the largest has about 700 practices). */
const MOST_PRACTICES = 5000;
const MOST_PLACES = 100;
const MOST_BODIES = 10;

/** A TemplateShape that no template of this name could have been built with. */
export class ShapeError extends Error {}

function numbers(shape: TemplateShape, key: string): number[] | undefined {
  const v = shape[key];
  if (v === undefined) return undefined;
  const list = typeof v === "number" ? [v] : [...v];
  if (!list.every((x): x is number => typeof x === "number")) throw new ShapeError(`its TemplateShape's ${key} is not a list of numbers`);
  return list;
}

function codes(shape: TemplateShape, key: string): string[] {
  const v = shape[key];
  if (v === undefined || typeof v === "number" || !v.every((x): x is string => typeof x === "string")) throw new ShapeError(`its TemplateShape has no ${key} codes`);
  if (v.length === 0 || v.length > MOST_BODIES) throw new ShapeError(`its TemplateShape names ${v.length} ${key}`);
  return [...v];
}

function practiceCounts(perPlace: readonly number[]): void {
  const total = perPlace.reduce((a, b) => a + b, 0);
  if (perPlace.length === 0 || perPlace.length > MOST_PLACES || total > MOST_PRACTICES || perPlace.some((c) => c < 1)) {
    throw new ShapeError(`its TemplateShape asks for ${perPlace.length} places and ${total} practices, which no system has`);
  }
}

const dummyPractice = (code: string, place: string): PracticeRow => ({ code, name: "", place, population: 1, weighted: { final: 1, pmc: 1, community: 1, mentalHealth: 1, prescribing: 1 } });

/** A system with the shape's practices per place: the layout of the return, with made-up names and figures. */
function systemOfShape(practicesPerPlace: readonly number[]): DelegationSystem {
  practiceCounts(practicesPerPlace);
  const places = practicesPerPlace.map((_, k) => `Place ${k + 1}`);
  const practices = practicesPerPlace.flatMap((count, k) => Array.from({ length: count }, (_, i) => dummyPractice(`P${k + 1}-${i + 1}`, places[k])));
  return { name: "(the return's own)", icbCode: "Q00", icbName: "", practices, places };
}

function placeDelegationOfShape(shape: TemplateShape | undefined): TemplateSpec {
  const perPlace = shape ? numbers(shape, "practicesPerPlace") : undefined;
  if (perPlace === undefined) return templateSpec("place-delegation");
  return templateSpec("place-delegation", { mode: "prefilled", system: systemOfShape(perPlace) });
}

function riskShareOfShape(shape: TemplateShape | undefined): TemplateSpec {
  const partners = shape ? numbers(shape, "partners") : undefined;
  if (partners === undefined) return templateSpec("risk-share");
  if (partners.length !== 1) throw new ShapeError("its TemplateShape's partners is not one number");
  return templateSpec("risk-share", { mode: "blank", partners: partners[0] });
}

/** A footprint with the shape's bodies (by code: the formulas name them), places and practices per place. */
function mergerOfShape(shape: TemplateShape | undefined): TemplateSpec {
  if (shape === undefined) return templateSpec("merger");
  const formers = codes(shape, "formers");
  const afters = codes(shape, "afters");
  const perPlace = numbers(shape, "practicesPerPlace") ?? [];
  practiceCounts(perPlace);
  const placeFormer = numbers(shape, "placeFormer") ?? [];
  const placeAfter = numbers(shape, "placeAfter") ?? [];
  const placeMoved = numbers(shape, "placeMoved") ?? [];
  if ([placeFormer, placeAfter, placeMoved].some((l) => l.length !== perPlace.length)) throw new ShapeError("its TemplateShape's places do not line up");
  const places: MergerPlace[] = perPlace.map((_, k) => {
    const formerBody = formers[placeFormer[k]];
    const bodyAfter = afters[placeAfter[k]];
    if (formerBody === undefined || bodyAfter === undefined) throw new ShapeError("its TemplateShape puts a place in a body it does not name");
    return { name: `Place ${k + 1}`, note: "", formerBody, bodyAfter, moved: placeMoved[k] === 1 };
  });
  const practices: MergerPractice[] = places.flatMap((place, k) =>
    Array.from({ length: perPlace[k] }, (_, i) => ({ ...dummyPractice(`P${k + 1}-${i + 1}`, place.name), formerBody: place.formerBody, bodyAfter: place.bodyAfter, moved: place.moved })),
  );
  const footprint: MergerSystem = {
    name: "(the return's own)",
    formerBodies: formers.map((code) => ({ code, name: "", filePractices: 0, filePopulation: 0, fileWeightedPopulation: 0 })),
    bodiesAfter: afters.map((code) => ({ code, name: "" })),
    places,
    practices,
    englandWeightedPopulation: 1,
  };
  try {
    return templateSpec("merger", { mode: "prefilled", footprint });
  } catch (e) {
    // The builder refuses a footprint it cannot show (a place in two bodies): so is this shape.
    throw new ShapeError(`its TemplateShape is not a footprint the merger template can have (${(e as Error).message})`);
  }
}

/** By template, by version. */
const RELEASED: Readonly<Record<string, Readonly<Record<string, Build>>>> = {
  "place-delegation": { "2026.1": placeDelegationOfShape },
  "risk-share": { "2026.1": riskShareOfShape },
  "system-plan": { "2026.1": () => templateSpec("system-plan") },
  capital: { "2026.1": () => templateSpec("capital") },
  merger: { "2026.1": mergerOfShape },
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
