/**
 * Who a return is from and which template it is (../shared/spec/RETURNS.md, "What every template
 * carries"): the template's name, version and shape from the file's custom properties (the Cover's
 * read-only cells when the properties are gone), and the organisation, ICB, year and round from
 * the Cover's named input cells as saved.
 */
import { COVER_SHEET } from "../templates/builder";
import { TEMPLATE_NAME, TEMPLATE_VERSION } from "../templates/cover";
import { TEMPLATE_SHAPE, decodeShape } from "../templates/shape";
import type { TemplateShape } from "../templates/spec";
import { parseRange, parseReference } from "../workbook/a1";
import type { CellScalar, ReadWorkbook } from "../xlsx/model";

export interface Identity {
  template?: string;
  templateVersion?: string;
  shape?: TemplateShape;
  hasCover: boolean;
  organisationCode?: string;
  organisationName?: string;
  icbCode?: string;
  financialYear?: string;
  submissionRound?: string;
}

/** The saved value of the cell a workbook-scoped name points at (its first cell), if any. */
export function namedValue(wb: ReadWorkbook, name: string): CellScalar | undefined {
  const def = wb.names.find((n) => n.scope === undefined && n.name.toLowerCase() === name.toLowerCase());
  const ref = def ? parseReference(def.refersTo) : undefined;
  if (!ref) return undefined;
  const sheet = wb.sheets.find((s) => s.name.toLowerCase() === ref.sheet.toLowerCase());
  if (!sheet) return undefined;
  const { top, left } = parseRange(ref.range);
  // Cells are in row-major order: a binary search would do, but one Cover cell per name is cheap.
  return sheet.cells.find((c) => c.row === top && c.col === left)?.value;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === "" ? undefined : s;
}

export function identify(wb: ReadWorkbook): Identity {
  const props = wb.customProperties;
  return {
    template: text(props[TEMPLATE_NAME]) ?? text(namedValue(wb, TEMPLATE_NAME)),
    templateVersion: text(props[TEMPLATE_VERSION]) ?? text(namedValue(wb, TEMPLATE_VERSION)),
    shape: decodeShape(props[TEMPLATE_SHAPE]),
    hasCover: wb.sheets.some((s) => s.name.toLowerCase() === COVER_SHEET.toLowerCase()),
    organisationCode: text(namedValue(wb, "OrganisationCode"))?.toUpperCase(),
    organisationName: text(namedValue(wb, "OrganisationName")),
    icbCode: text(namedValue(wb, "ICBCode"))?.toUpperCase(),
    financialYear: text(namedValue(wb, "FinancialYear")),
    submissionRound: text(namedValue(wb, "SubmissionRound")),
  };
}
