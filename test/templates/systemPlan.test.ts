/**
 * The system-plan template (£000, 2026/27–2028/29): the bridge and I&E per organisation, breakeven
 * for each organisation and the system in each year, neutral reallocations, running costs, the
 * MHIS by category and blended payments, each against the core.
 */
import { Cell } from "../../src/core";
import { Generated, core, expectClean, generate, fillCells } from "./helpers";

let t: Generated;
beforeAll(async () => {
  t = await generate("system-plan");
}, 60000);

const YEARS = ["2026_27", "2027_28", "2028_29"];
/** The Bridge and I&E year tables: heading row, then header, then five organisations from this row. */
const firstRow = (y: number) => 17 + 10 * y;
const num = (c: Cell) => c as number;

test("recalculates clean: no error cell and every check TRUE", () => {
  expectClean(t);
});

test("speaks of planned surplus/(deficit), never of control totals", () => {
  const text = t.spec.sheets.flatMap((s) => s.cells.map((c) => ("value" in c ? String(c.value) : c.formula))).join("\n");
  expect(text).not.toMatch(/control total/i);
  expect(text).toContain("Planned surplus/(deficit) 2026/27 £000");
});

test("each organisation's bridge runs from the prior year to its planned surplus/(deficit), and each later year starts where the last ended", () => {
  const at = (col: string, row: number) => num(t.at("Bridge", `${col}${row}`));
  YEARS.forEach((year, y) => {
    const planned = t.column(`PlannedSurplus_${year}`) as number[];
    planned.forEach((value, i) => {
      const r = firstRow(y) + i;
      const underlying = at("B", r) - at("C", r);
      expect(at("D", r)).toBe(underlying);
      expect(value).toBe(underlying + at("E", r) - at("F", r) + at("G", r) + at("H", r) - at("I", r) + at("J", r) + at("K", r));
      expect(t.column(`UnderlyingExit_${year}`)[i]).toBe(underlying + at("E", r) - at("F", r) + at("G", r) - at("I", r));
      if (y > 0) {
        const prior = r - 10;
        expect(at("B", r)).toBe(t.column(`PlannedSurplus_${YEARS[y - 1]}`)[i]);
        // Non-recurrent efficiency, deficit support and reallocations do not recur.
        expect(at("C", r)).toBe(at("H", prior) + at("J", prior) + at("K", prior));
      }
      // The I&E says the same: income − pay − non-pay − non-operating items.
      expect(num(t.at("I&E", `B${r}`)) - num(t.at("I&E", `C${r}`)) - num(t.at("I&E", `D${r}`)) - num(t.at("I&E", `E${r}`))).toBe(value);
    });
    expect(t.scalar(`SystemPlannedSurplus_${year}`)).toBe(planned.reduce((a, b) => a + b, 0));
  });
  // The sample: the acute trusts' underlying deficits closed while deficit support is withdrawn.
  expect(t.column("PlannedSurplus_2026_27")).toEqual([0, 0, 0, 300, 500]);
  expect(t.at("Bridge", "D18")).toBe(-23700);
  expect([t.at("Bridge", "J18"), t.at("Bridge", "J28"), t.at("Bridge", "J38")]).toEqual([6000, 1500, 0]);
  expect(YEARS.map((y) => t.scalar(`SystemPlannedSurplus_${y}`))).toEqual([800, 800, 1800]);
});

test("in-year reallocations are checked neutral by ICS.NEUTRAL, year by year", () => {
  const checks = t.review.checks.filter((c) => c.label.startsWith("In-year reallocations"));
  expect(checks.map((c) => c.passed)).toEqual([true, true, true]);
  YEARS.forEach((year) => expect(core("NEUTRAL", t.read(`Reallocations_${year}`), null)).toBe(true));
  expect(t.column("Reallocations_2026_27")).toEqual([-2500, 1500, 1000, 0, 0]);
});

test("every organisation and the system has a breakeven check in every year, named by the organisation", () => {
  const breakeven = t.review.checks.filter((c) => / breaks even in /.test(c.label));
  expect(breakeven).toHaveLength(18);
  expect(breakeven[2].label).toBe("Eastbridge and Kingsholt Hospitals NHS Trust breaks even in 2026/27: planned surplus/(deficit) of 0 or more");
  expect(breakeven[5].label).toBe("The system breaks even in 2026/27");
});

test("one organisation in deficit in one year fails exactly that organisation's breakeven check for that year", async () => {
  // Eastbridge and Kingsholt's 2028/29 non-recurrent efficiency (300) is not found: a £300k deficit, in its I&E too.
  const edited = fillCells(t, { "Bridge!H39": 0, "I&E!D39": 120800 });
  expect(edited.at("Bridge", "L39")).toBe(-300);
  expect(edited.review.errors).toEqual([]);
  expect(edited.review.checks.filter((c) => !c.passed).map((c) => `${c.address} ${c.label}`)).toEqual([
    "B4 All checks pass",
    "B21 Eastbridge and Kingsholt Hospitals NHS Trust breaks even in 2028/29: planned surplus/(deficit) of 0 or more",
  ]);
  // The system, £1,500k in surplus, still breaks even: each body must, on its own.
  expect(edited.at("Bridge", "L42")).toBe(1500);
});

test("figures typed to the pound that net to an exact breakeven are 0, not a floating-point deficit", () => {
  // +£100 growth, £700 more inflation, £600 more efficiency: the bridge's sum is −1.8e-12 in floating point.
  const edited = fillCells(t, { "Bridge!E18": 24800.1, "Bridge!F18": 21900.7, "Bridge!G18": 14200.6 });
  expect(edited.at("Bridge", "L18")).toBe(0);
  expect(edited.review.checks.filter((c) => !c.passed)).toEqual([]);
});

test("the check follows the organisation's name as typed", async () => {
  const edited = fillCells(t, { "Bridge!A10": "Eastbridge Hospitals NHS Trust", "Bridge!H19": 0, "I&E!D19": 110200 });
  expect(edited.review.checks.filter((c) => !c.passed).map((c) => c.label)).toEqual([
    "All checks pass",
    "Eastbridge Hospitals NHS Trust breaks even in 2026/27: planned surplus/(deficit) of 0 or more",
  ]);
});

test("ICB running costs against population × £18.76 per head (the 2025 reset allowance, DOMAIN.md)", () => {
  expect(t.read("RunningCostAllowance")[0]).toEqual([11447.352, 11492.376, 11535.524]);
  expect(t.read("RunningCostsWithin")[0]).toEqual([true, true, true]);
});

test("the MHIS minimum is ICS.MHIS of the prior year's in-scope spend, out-of-scope categories excluded", () => {
  const scope = t.column("MhInScope");
  const outturn = t.column("MhSpend_2025_26") as number[];
  const inScope = outturn.filter((_, i) => scope[i] === "Yes").reduce((a, b) => a + b, 0);
  // Learning disability, autism, dementia, ADHD, specialised and SDF-funded spend (29,000) are out.
  expect(inScope).toBe(98640);
  expect(outturn.reduce((a, b) => a + b, 0) - inScope).toBe(29000);
  expect(t.read("MhInScopeSpend")[0][0]).toBe(98640);
  const [priorAlloc, alloc, rate, prior, minimum] = ["MhisPriorAllocation", "MhisAllocation", "MhisRate", "MhisPriorSpend", "MhisMinimum"].map((n) => t.read(n)[0]);
  const basis = t.read("MhisBasis")[0];
  expect(basis).toEqual(["allocation growth", "allocation growth", "published rate"]);
  [0, 1, 2].forEach((y) => {
    const expected = basis[y] === "published rate" ? core("MHIS", prior[y], 1, 1 + num(rate[y]), 1) : core("MHIS", prior[y], priorAlloc[y], alloc[y], 1);
    expect(minimum[y]).toBe(expected);
  });
  // 98,640 × 1,713,900 / 1,642,300 = 102,940.4; the 2028/29 standard at a published 3%: 106,310 × 1.03 = 109,499.3.
  expect(minimum).toEqual([102940, 106252, 109499]);
});

test("a year's basis switched to a published rate uses that rate", async () => {
  const edited = fillCells(t, { "MHIS!B25": "published rate", "MHIS!B28": 0.025 });
  expect(edited.at("MHIS", "B31")).toBe(core("MHIS", 98640, 1, 1.025, 1));
  expect(edited.at("MHIS", "B31")).toBe(101106);
});

describe("blended payments", () => {
  const ROW = { kestrel: 7, eastwold: 8, wolds: 10, eyeClinic: 11 };
  const args = (at: (sheet: string, address: string) => Cell, r: number) => ["D", "E", "F", "G", "J", "K"].map((c) => at("Blended", `${c}${r}`));
  const extra = (at: (sheet: string, address: string) => Cell, r: number) => ["H", "I"].map((c) => at("Blended", `${c}${r}`));

  test("each blended row is ICS.BLENDED of its inputs; low-volume rows are the fixed low-volume payment", () => {
    const payments = t.column("BlendedPayments");
    const bases = t.column("PaymentBases");
    payments.forEach((payment, i) => {
      const r = 7 + i;
      if (bases[i] === "Low-volume") expect(payment).toBe(t.at("Blended", `C${r}`));
      else expect(payment).toBe(core("BLENDED", ...args(t.at, r), 1, ...extra(t.at, r)));
    });
    // 312,400 + 100% × (99,800 ceiling − 96,200) − 3,100 × (1 − 80%): the 1,550 above the plan is not paid.
    expect(payments[0]).toBe(315380);
    // 2,200 below baseline comes off: 188,900 − 2,200.
    expect(payments[1]).toBe(186700);
    expect(payments[3]).toBe(8000);
    // Relationships of £1,120k and £940k, under the £1.5m threshold: fixed payments, nothing else in year.
    expect(bases).toEqual(["Blended", "Blended", "Blended", "Blended", "Low-volume", "Low-volume"]);
    expect(payments.slice(4)).toEqual([1095, 960]);
  });

  // The rules of NHS England's 2022/23 National Tariff (aligned payment and incentive: elective
  // activity above the baseline paid at 75% of unit prices; the proposed adjustment for activity
  // below it was not implemented) and of the 2026/27 NHS Payment Scheme (100% of unit prices, and
  // activity above the indicative activity plan not paid without agreement), as DOMAIN.md
  // ("Blended payment") sets them out. The contract figures are illustrative, £000.
  test("2022/23 rules: 75% above the baseline, nothing clawed back below it", async () => {
    const r = ROW.kestrel;
    const rules = { [`Blended!D${r}`]: 245000, [`Blended!E${r}`]: 61400, [`Blended!G${r}`]: 0.75, [`Blended!H${r}`]: 0, [`Blended!I${r}`]: null, [`Blended!J${r}`]: null, [`Blended!K${r}`]: null };
    const above = fillCells(t, { ...rules, [`Blended!F${r}`]: 64600 });
    // 245,000 + 75% × (64,600 − 61,400) = 245,000 + 2,400.
    expect(above.at("Blended", `M${r}`)).toBe(247400);
    expect(above.at("Blended", `M${r}`)).toBe(core("BLENDED", 245000, 61400, 64600, 0.75, null, null, 1, 0, null));
    const below = fillCells(t, { ...rules, [`Blended!F${r}`]: 59900 });
    expect(below.at("Blended", `M${r}`)).toBe(245000);
    expect(below.review.checks.every((c) => c.passed)).toBe(true);
  });

  test("2026/27 rules: 100% either side of the baseline, nothing above the indicative activity plan", async () => {
    const r = ROW.eastwold;
    const rules = { [`Blended!D${r}`]: 245000, [`Blended!E${r}`]: 61400, [`Blended!G${r}`]: 1, [`Blended!H${r}`]: null, [`Blended!I${r}`]: 63500, [`Blended!J${r}`]: null, [`Blended!K${r}`]: null };
    const above = fillCells(t, { ...rules, [`Blended!F${r}`]: 64600 });
    // 245,000 + (63,500 plan − 61,400): the 1,100 delivered above the plan earns nothing.
    expect(above.at("Blended", `M${r}`)).toBe(247100);
    expect(above.at("Blended", `M${r}`)).toBe(core("BLENDED", 245000, 61400, 64600, 1, null, null, 1, null, 63500));
    const below = fillCells(t, { ...rules, [`Blended!F${r}`]: 59900 });
    // 245,000 − (61,400 − 59,900).
    expect(below.at("Blended", `M${r}`)).toBe(243500);
  });

  test("under the pre-2025/26 £0.5m threshold the £1,120k relationship is blended, and must then have its blended inputs", async () => {
    const edited = fillCells(t, { "Blended!B4": 500 });
    expect(edited.at("Blended", `L${ROW.eyeClinic}`)).toBe("Blended");
    expect(edited.at("Blended", `L${ROW.eyeClinic + 1}`)).toBe("Blended");
    expect(edited.review.checks.filter((c) => !c.passed).map((c) => c.label)).toEqual(
      expect.arrayContaining(["Every contract's inputs are complete (low-volume: its payment; blended: fixed, baseline and forecast)"]),
    );
  });
});

test("the blank copy for distribution is honestly incomplete: Cover and every figure to fill in, organisations named by their row", async () => {
  const blank = await generate("system-plan", { mode: "blank" });
  const failing = blank.review.checks.filter((c) => !c.passed).map((c) => c.label);
  expect(failing).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Cover complete/),
      "Every bridge figure is entered as a number (0 for none) for each organisation named",
      "Every I&E figure is entered as a number (0 for none) for each organisation named",
      "Every MHIS figure is entered as a number (0 for none)",
    ]),
  );
  expect(blank.review.checks.map((c) => c.label)).toContain("Organisation 3 breaks even in 2026/27: planned surplus/(deficit) of 0 or more");
  expect(blank.column("Organisations")).toEqual([null, null, null, null, null]);
});
