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
import { TemplateInfo, TemplateSpec } from "./spec";
import { SYSTEM_PLAN, systemPlan } from "./systemPlan";

export interface TemplateOptions {
  /** place-delegation only: the system's practices and places instead of the fictional sample. */
  system?: DelegationSystem;
}

interface Entry extends TemplateInfo {
  build: (options: TemplateOptions) => TemplateSpec;
}

const ENTRIES: readonly Entry[] = [
  { ...PLACE_DELEGATION, build: (o) => placeDelegation(o.system) },
  { ...RISK_SHARE, build: riskShare },
  { ...SYSTEM_PLAN, build: systemPlan },
  { ...CAPITAL_ENVELOPE, build: capital },
];

export const TEMPLATES: TemplateInfo[] = ENTRIES.map(({ name, title, description, version }) => ({ name, title, description, version }));

export function templateSpec(name: string, options: TemplateOptions = {}): TemplateSpec {
  const entry = ENTRIES.find((e) => e.name === name);
  if (!entry) throw new Error(`no template "${name}"; templates are ${ENTRIES.map((e) => e.name).join(", ")}`);
  return entry.build(options);
}

/** The ops that write a template into the open workbook through the Workbook port. */
export function templateOps(name: string, options: TemplateOptions = {}): WorkbookOp[] {
  return specOps(templateSpec(name, options));
}

export type { DelegationSystem, PracticeRow } from "./sample";
export type { TemplateSpec, TemplateInfo } from "./spec";
