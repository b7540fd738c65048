/**
 * `--expect`: the organisations that should have returned, one ODS code per line, or a CSV with a
 * column headed `OrganisationCode` (any other columns ignored). Blank lines are skipped; a code
 * that cannot be one is an error naming its line, never silently dropped.
 */
import { parseCsv } from "../format/csv";

export class ExpectedListError extends Error {}

const CODE = /^[A-Z0-9]{3,9}$/;
const HEADER = "organisationcode";

export function parseExpected(text: string): string[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  if (rows.length === 0) throw new ExpectedListError("the list of expected organisations is empty: give one ODS code per line, or a CSV with a column OrganisationCode");
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const column = header.indexOf(HEADER);
  if (column === -1 && rows[0].length > 1) {
    throw new ExpectedListError(`the list of expected organisations has several columns but none headed OrganisationCode (its first line is "${rows[0].join(",").slice(0, 80)}")`);
  }
  const body = column === -1 ? rows : rows.slice(1);
  const at = column === -1 ? 0 : column;
  const codes: string[] = [];
  const seen = new Set<string>();
  body.forEach((row, i) => {
    const line = i + 1 + (column === -1 ? 0 : 1);
    const code = (row[at] ?? "").trim().toUpperCase();
    if (code === "") return;
    if (!CODE.test(code)) throw new ExpectedListError(`line ${line} of the list of expected organisations: "${code.slice(0, 40)}" is not an ODS code (3 to 9 letters and digits)`);
    if (!seen.has(code)) codes.push(code);
    seen.add(code);
  });
  if (codes.length === 0) throw new ExpectedListError("the list of expected organisations names no organisation");
  return codes;
}
