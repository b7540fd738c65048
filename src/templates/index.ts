/**
 * The templates a central team distributes: their list, their specs, and their ops for the
 * task pane's "Insert template". Browser-safe: the file renderer (exceljs) lives in `xlsx.ts`.
 */
import type { WorkbookOp } from "../workbook/port";
import { specOps } from "./ops";
import { CAPITAL_ENVELOPE, capital } from "./capital";
import { PLACE_DELEGATION, placeDelegation } from "./placeDelegation";
import { RISK_SHARE, riskShare } from "./riskShare";
import { DelegationSystem } from "./sample";
import { TemplateInfo, TemplateMode, TemplateSpec } from "./spec";
import { SYSTEM_PLAN, systemPlan } from "./systemPlan";

export interface TemplateOptions {
  /**
   * "sample" (default): the fictional system, Cover filled in; "blank": Cover and money inputs
   * empty for distribution; "prefilled": blank, with a system's data (default when `system` is given).
   */
  mode?: TemplateMode;
  /** place-delegation only: the system's practices and places instead of the fictional sample. */
  system?: DelegationSystem;
}

interface Entry extends TemplateInfo {
  /** Takes data (`--practices`): only place-delegation. */
  takesPractices: boolean;
  build: (options: TemplateOptions) => TemplateSpec;
}

const ENTRIES: readonly Entry[] = [
  { ...PLACE_DELEGATION, takesPractices: true, build: (o) => placeDelegation({ mode: o.mode, system: o.system }) },
  { ...RISK_SHARE, takesPractices: false, build: (o) => riskShare({ mode: o.mode }) },
  { ...SYSTEM_PLAN, takesPractices: false, build: (o) => systemPlan({ mode: o.mode }) },
  { ...CAPITAL_ENVELOPE, takesPractices: false, build: (o) => capital({ mode: o.mode }) },
];

export const TEMPLATES: TemplateInfo[] = ENTRIES.map(({ name, title, description, version }) => ({ name, title, description, version }));

/** Whether a template can be prefilled from NHS England's practice file. */
export function takesPractices(name: string): boolean {
  return ENTRIES.some((e) => e.name === name && e.takesPractices);
}

export function templateSpec(name: string, options: TemplateOptions = {}): TemplateSpec {
  const entry = ENTRIES.find((e) => e.name === name);
  if (!entry) throw new Error(`no template "${name}"; templates are ${ENTRIES.map((e) => e.name).join(", ")}`);
  if (options.system && !entry.takesPractices) throw new Error(`template "${name}" takes no practices`);
  return entry.build(options);
}

/** The ops that write a template into the open workbook through the Workbook port. */
export function templateOps(name: string, options: TemplateOptions = {}): WorkbookOp[] {
  return specOps(templateSpec(name, options));
}

export type { DelegationSystem, PracticeRow, WeightedPopulations } from "./sample";
export type { KeyFigure, TemplateMode, TemplateSpec, TemplateInfo } from "./spec";
