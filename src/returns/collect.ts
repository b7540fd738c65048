/**
 * What only the returns together can say: two returns for the same organisation, year and round,
 * an expected organisation that sent none, and the counts of the summary.
 */
import type { Collection, Finding, ReturnResult } from "./types";

function duplicates(returns: readonly ReturnResult[]): Finding[] {
  const groups = new Map<string, ReturnResult[]>();
  for (const r of returns) {
    if (r.verdict === "unreadable" || !r.organisationCode || !r.financialYear || !r.submissionRound) continue;
    const key = `${r.template ?? ""}\u0000${r.organisationCode}\u0000${r.financialYear}\u0000${r.submissionRound}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first] = group;
    const files = group.map((r) => r.file);
    findings.push({
      kind: "duplicate",
      files,
      organisationCode: first.organisationCode,
      message: `${first.organisationCode} sent ${group.length} ${first.template ?? ""} returns for ${first.financialYear} ${first.submissionRound}: ${files.join(", ")}. Keep the one they mean and remove the other${group.length > 2 ? "s" : ""}.`,
    });
  }
  return findings;
}

function missing(returns: readonly ReturnResult[], expected: readonly string[]): Finding[] {
  const sent = new Set(returns.map((r) => r.organisationCode?.toUpperCase()).filter((c): c is string => c !== undefined));
  return expected
    .filter((code) => !sent.has(code.toUpperCase()))
    .map((code) => ({ kind: "missing-return" as const, organisationCode: code, message: `${code} is expected but sent no return (or none ics-finance could read its organisation code from).` }));
}

export function collectReturns(results: readonly ReturnResult[], expected: readonly string[] = []): Collection {
  const returns = [...results];
  const missingFindings = missing(returns, expected);
  return {
    returns,
    findings: [...duplicates(returns), ...missingFindings],
    summary: {
      returns: returns.length,
      clean: returns.filter((r) => r.verdict === "clean").length,
      withFindings: returns.filter((r) => r.verdict === "findings").length,
      unreadable: returns.filter((r) => r.verdict === "unreadable").length,
      missing: missingFindings.length,
    },
  };
}

/** Whether anything at all was found: the CLI's exit status 1. */
export function anyFinding(collection: Collection): boolean {
  return collection.findings.length > 0 || collection.returns.some((r) => r.verdict !== "clean");
}
