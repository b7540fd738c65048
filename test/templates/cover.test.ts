/**
 * The Cover every template carries (../shared/spec/RETURNS.md): the sheet, its defined names,
 * validation and "Cover complete"; the key figures each spec declares; and the three ways to
 * generate a template (the filled sample, --blank, prefilled).
 */
import { COVER_FIELDS, FINANCIAL_YEARS, SUBMISSION_ROUNDS } from "../../src/templates/cover";
import { TEMPLATES, templateSpec } from "../../src/templates";
import { Generated, TEMPLATE_NAMES, coverEdits, expectClean, failingChecks, fill, generate } from "./helpers";

// Generating, reading back and recalculating a template takes seconds on a busy machine.
jest.setTimeout(120000);

const RETURNS_MD_NAMES = ["OrganisationCode", "OrganisationName", "ICBCode", "FinancialYear", "SubmissionRound", "PreparedBy", "ApprovedBy", "ApprovedOn", "Commentary"];
const COVER_COMPLETE = /^Cover complete/;

describe.each(TEMPLATE_NAMES)("%s", (name) => {
  let sample: Generated;
  let blank: Generated;
  beforeAll(async () => {
    sample = await generate(name);
    blank = await generate(name, { mode: "blank" });
  });

  test("the Cover comes first, with RETURNS.md's names on its input cells, and the read-only template name and version", () => {
    const spec = sample.spec;
    expect(spec.sheets[0].name).toBe("Cover");
    expect(spec.sheets[spec.sheets.length - 1].name).toBe("Checks");
    const cover = spec.sheets[0];
    for (const n of RETURNS_MD_NAMES) {
      const defined = spec.names.find((x) => x.name === n);
      expect(defined).toMatchObject({ sheet: "Cover" });
      // Yellow, unlocked inputs.
      expect(cover.ranges.some((r) => r.range === defined!.range && r.input)).toBe(true);
    }
    expect(sample.scalar("TemplateName")).toBe(name);
    expect(sample.scalar("TemplateVersion")).toBe("2026.1");
    const identity = ["TemplateName", "TemplateVersion"].map((n) => spec.names.find((x) => x.name === n)!.range);
    for (const range of identity) expect(cover.ranges.some((r) => r.range === range && r.input)).toBe(false);
    // Validation: the year and round are lists, the approval date a date range.
    const at = (n: string) => spec.names.find((x) => x.name === n)!.range;
    expect(cover.validations).toContainEqual(expect.objectContaining({ range: at("FinancialYear"), kind: "list", items: FINANCIAL_YEARS }));
    expect(cover.validations).toContainEqual(expect.objectContaining({ range: at("SubmissionRound"), kind: "list", items: SUBMISSION_ROUNDS }));
    expect(cover.validations).toContainEqual(expect.objectContaining({ range: at("ApprovedOn"), kind: "number" }));
  });

  test("the sample's Cover is filled in for the fictional organisation and \"Cover complete\" is the first check, TRUE", () => {
    expectClean(sample);
    expect(sample.scalar("ICBCode")).toBe("QZN");
    expect(sample.scalar("CoverComplete")).toBe(true);
    expect(sample.review.checks[1]).toMatchObject({ label: expect.stringMatching(COVER_COMPLETE), passed: true });
  });

  test("a Cover left blank, or filled in wrongly, fails its check", () => {
    for (const field of COVER_FIELDS.filter((f) => f.required)) {
      expect(failingChecks(fill(sample, [{ sheet: "Cover", at: field.name, value: null }]))).toContainEqual(expect.stringMatching(COVER_COMPLETE));
    }
    for (const [field, value] of [
      ["ICBCode", "XWO"],
      ["ICBCode", "QWOO"],
      ["FinancialYear", "2026-27"],
      ["SubmissionRound", "Month 6"],
      ["ApprovedOn", "last Tuesday"],
      ["OrganisationCode", "Q W O"],
    ] as const) {
      const g = fill(sample, [{ sheet: "Cover", at: field, value }]);
      expect(failingChecks(g)).toContainEqual(expect.stringMatching(COVER_COMPLETE));
      const row = Number(g.spec.names.find((n) => n.name === field)!.range.slice(1));
      expect(g.at("Cover", `C${row}`)).toMatch(/^Invalid: /);
    }
    // Commentary is optional.
    expect(failingChecks(fill(sample, [{ sheet: "Cover", at: "Commentary", value: null }]))).toEqual([]);
  });

  test("--blank is honestly incomplete: the Cover and the money inputs are empty and their checks FALSE", () => {
    for (const n of RETURNS_MD_NAMES) expect(blank.scalar(n)).toBeNull();
    expect(blank.scalar("CoverComplete")).toBe(false);
    expect(blank.review.checks[1]).toMatchObject({ label: expect.stringMatching(COVER_COMPLETE), passed: false });
    expect(blank.scalar("AllChecksPass")).toBe(false);
    // Structure is the sample's: the same sheets and names, so returns compare with one spec.
    expect(blank.spec.sheets.map((s) => s.name)).toEqual(sample.spec.sheets.map((s) => s.name));
    expect(blank.spec.names.map((n) => `${n.name}=${n.sheet}!${n.range}`)).toEqual(sample.spec.names.map((n) => `${n.name}=${n.sheet}!${n.range}`));
    // Filling the Cover in alone is not enough: the money is still missing.
    expect(failingChecks(fill(blank, coverEdits())).length).toBeGreaterThan(0);
    expect(failingChecks(fill(blank, coverEdits())).filter((l) => COVER_COMPLETE.test(l))).toEqual([]);
  });

  test("each key figure the spec declares is one of its defined names", () => {
    const spec = templateSpec(name);
    expect(spec.keyFigures.length).toBeGreaterThan(1);
    for (const k of spec.keyFigures) expect(spec.names.map((n) => n.name)).toContain(k.name);
  });
});

test("a blank place-delegation and risk-share have no error cell and no sample money", async () => {
  const pd = await generate("place-delegation", { mode: "blank" });
  expect(pd.review.errors).toEqual([]);
  expect(pd.column("LineAllocations").every((v) => v === null)).toBe(true);
  expect(pd.column("TopSlices").every((v) => v === null)).toBe(true);
  expect(pd.read("Line1Baselines").flat().every((v) => v === null)).toBe(true);
  expect(pd.scalar("DelegatedPot")).toBe(0);
  const rs = await generate("risk-share", { mode: "blank" });
  expect(rs.review.errors).toEqual([]);
  expect(rs.column("Partners").every((v) => v === null)).toBe(true);
  expect(rs.scalar("PoolTotal")).toBe(0);
  expect(rs.scalar("Contingency")).toBeNull();
});

test("every template is listed with its version", () => {
  expect(TEMPLATES.map((t) => [t.name, t.version])).toEqual(TEMPLATE_NAMES.map((n) => [n, "2026.1"]));
});
