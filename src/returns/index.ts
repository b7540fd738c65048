/**
 * The returns check (../shared/spec/RETURNS.md): one core for `ics-finance returns` and the
 * Returns page. Browser-safe: bytes in, plain reports out.
 */
export { checkReturn, unreadableReturn } from "./check";
export { anyFinding, collectReturns } from "./collect";
export { ExpectedListError, parseExpected } from "./expect";
export { currentVersion, releasedVersions } from "./released";
export * from "./types";
export { consolidatedWorkbook } from "./consolidate";
