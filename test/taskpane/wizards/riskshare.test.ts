/**
 * "Risk share agreement", on the catalogue's worked examples in £000:
 * - bands: a 5,000 overspend between a host (contribution 6,000) and a council (4,000); the first
 *   1,000 to the host, the next 2,000 50:50, the rest (2,000) pro rata 60:40
 *   → host 1,000 + 1,000 + 1,200 = 3,200; council 1,000 + 800 = 1,800.
 * - own with a contingency of 150: the host overspends 500, the council underspends 100; the net
 *   400 less 150 from the contingency leaves 250 → host 350 (its 500 relieved by 150), council −100.
 * - underspends (gains are not losses): a band table tiers losses, so by default an underspend goes
 *   back in proportion to contributions; "bands" tiers it too, "retain" keeps it in the pool.
 * - the Better Care Fund waterfall (e.g. a BCF call-off partnership agreement's "over and
 *   underspends" clause: cover an overspend from underspends in the pool, then the risk pool, then
 *   the partner): host +1,200, council −500, contingency 300 → the host pays 400, the council 0.
 */
import { evaluate, findFunction } from "../../../src/core";
import {
  RiskShareInputs,
  addBand,
  addParty,
  addScenario,
  checkRiskShare,
  newRiskShareInputs,
  removeParty,
  riskShareArgs,
  riskShareOps,
  riskShareStepOf,
  underspendChoices,
} from "../../../src/taskpane/wizards/riskshare";
import { value, written } from "./helpers";

const BANDS: RiskShareInputs = {
  ...newRiskShareInputs(),
  parties: [
    { name: "Northmoor ICB (host)", contribution: "6,000", cap: "" },
    { name: "Northmoor County Council", contribution: "4,000", cap: "" },
  ],
  method: "bands",
  contingency: "",
  bands: [
    { upTo: "1,000", shares: ["100%", "0%"] },
    { upTo: "3,000", shares: ["50%", "50%"] },
    { upTo: "", shares: ["", ""] },
  ],
  scenarios: [
    { label: "Overspend 5m", variance: "5000", own: ["", ""] },
    { label: "Underspend 1.5m", variance: "-1500", own: ["", ""] },
  ],
};

const OWN: RiskShareInputs = {
  ...BANDS,
  parties: [
    { name: "Host", contribution: "700", cap: "" },
    { name: "Council", contribution: "300", cap: "" },
  ],
  method: "own",
  contingency: "150",
  scenarios: [{ label: "Year end", variance: "", own: ["500", "-100"] }],
};

describe("checking a risk share", () => {
  test("the preview is the core's share of every what-if", () => {
    const { issues, preview } = checkRiskShare(BANDS);
    expect(issues).toEqual([]);
    // The underspend of 1,500, by default returned 60:40 (the bands describe losses) → −900 and −600.
    expect(preview).toEqual({
      parties: ["Northmoor ICB (host)", "Northmoor County Council"],
      scenarios: [
        { label: "Overspend 5m", shares: [3200, 1800] },
        { label: "Underspend 1.5m", shares: [-900, -600] },
      ],
    });
  });

  test("the underspend treatment: through the bands, or retained in the pool", () => {
    // Through the bands: 1,000 to the host, then 500 split 50:50 → −1,250 and −250.
    expect(checkRiskShare({ ...BANDS, underspend: "bands" }).preview?.scenarios[1].shares).toEqual([-1250, -250]);
    expect(checkRiskShare({ ...BANDS, underspend: "retain" }).preview?.scenarios.map((s) => s.shares)).toEqual([
      [3200, 1800],
      [0, 0],
    ]);
    // A band table for underspends only: the overspend is proportional, the underspend tiered.
    expect(checkRiskShare({ ...BANDS, method: "proportional", underspend: "bands" }).preview?.scenarios.map((s) => s.shares)).toEqual([
      [3000, 2000],
      [-1250, -250],
    ]);
  });

  test("the waterfall: each party's own variance, offset, then the contingency, then the overspending party pays", () => {
    const waterfall: RiskShareInputs = { ...OWN, method: "waterfall", contingency: "300", scenarios: [{ label: "Year end", variance: "", own: ["1200", "-500"] }] };
    expect(riskShareArgs(waterfall, waterfall.scenarios[0]).slice(0, 3)).toEqual([[[1200], [-500]], [[700], [300]], "waterfall"]);
    expect(checkRiskShare(waterfall).preview?.scenarios[0].shares).toEqual([400, 0]);
  });

  test("an \"own\" underspend asks for each party's variance; the choices start with the method's default", () => {
    const own = { ...BANDS, method: "proportional" as const, underspend: "own" as const, scenarios: [{ label: "Under", variance: "", own: ["-100", "-50"] }] };
    expect(riskShareArgs(own, own.scenarios[0])[0]).toEqual([[-100], [-50]]);
    expect(riskShareArgs(own, own.scenarios[0])[7]).toBe("own");
    expect(checkRiskShare(own).preview?.scenarios[0].shares).toEqual([-100, -50]);
    expect(underspendChoices("bands").map((c) => c.key)).toEqual(["", "proportional", "equal", "own", "lead", "retain", "bands"]);
    expect(underspendChoices("bands")[0].label).toMatch(/^As the method's default: returned in proportion to contributions/);
    expect(underspendChoices("waterfall")[0].label).toMatch(/^As the method's default: each party keeps its own/);
  });

  test("each party's own variance, relieved by the contingency", () => {
    expect(checkRiskShare(OWN).preview?.scenarios[0].shares).toEqual([350, -100]);
  });

  test("bands whose shares do not add up: the core's message, on that band", () => {
    const bad = { ...BANDS, bands: [{ upTo: "1000", shares: ["60%", "30%"] }, { upTo: "", shares: ["", ""] }] };
    const [issue] = checkRiskShare(bad).issues;
    expect(issue.message).toMatch(/^ICS\.RISKSHARE: bands row 1: the shares add up to 0\.9/);
    expect(issue.field).toBe("bands.0");
    expect(riskShareStepOf(issue.field)).toBe(1);
  });

  test("a problem in one scenario's variance lands on that scenario", () => {
    const bad = { ...BANDS, scenarios: [BANDS.scenarios[0], { label: "Typo", variance: "5O0", own: ["", ""] }] };
    expect(checkRiskShare(bad).issues).toEqual([{ field: "scenarios.1.variance", message: 'ICS.RISKSHARE: variance: expected a number, got "5O0"' }]);
  });

  test("a shared problem shows once, not once per scenario", () => {
    const bad = { ...BANDS, parties: [BANDS.parties[0], { ...BANDS.parties[1], contribution: "-4000" }] };
    const { issues } = checkRiskShare(bad);
    expect(issues).toEqual([{ field: "parties.1.contribution", message: "ICS.RISKSHARE: contributions row 2: expected a contribution of 0 or more, got -4000" }]);
    expect(riskShareStepOf(issues[0].field)).toBe(0);
  });

  test("the agreement is checked before any what-if is typed in", () => {
    const early = { ...BANDS, bands: [{ upTo: "3000", shares: ["50%", "50%"] }, { upTo: "1000", shares: ["100%", "0%"] }], scenarios: [{ label: "Overspend", variance: "", own: ["", ""] }] };
    expect(checkRiskShare(early).issues).toEqual([
      { field: "bands.1.upTo", message: "ICS.RISKSHARE: bands row 2 column 1: the limit 1000 is not above the previous band's limit 3000; limits must ascend" },
      { field: "scenarios.0.variance", message: "ICS.RISKSHARE: variance: expected a number, got a blank cell" },
    ]);
  });

  test("labels: parties and scenarios need names", () => {
    const unnamed = { ...BANDS, parties: [{ ...BANDS.parties[0], name: "" }, BANDS.parties[1]], scenarios: [{ ...BANDS.scenarios[0], label: " " }] };
    expect(checkRiskShare(unnamed).issues.map((i) => i.field)).toEqual(["parties.0.name", "scenarios.0.label"]);
  });

  test("adding and removing parties keeps bands and own variances aligned", () => {
    const three = addParty(BANDS);
    expect(three.bands.map((b) => b.shares.length)).toEqual([3, 3, 3]);
    expect(three.scenarios.map((s) => s.own.length)).toEqual([3, 3]);
    const back = removeParty(three, 2);
    expect(back.bands).toEqual(BANDS.bands);
    expect(removeParty(removeParty(back, 0), 0).parties).toHaveLength(1);
    expect(addBand(BANDS).bands).toHaveLength(4);
    expect(addScenario(BANDS).scenarios[2].label).toBe("Scenario 3");
  });
});

describe("the Risk share sheet", () => {
  test("one spilling ICS.RISKSHARE per scenario computes the preview, and every check holds", async () => {
    const wb = written(riskShareOps(BANDS, "Risk share"));
    // Parties on rows 9-10, bands header on 13 with rows 14-16, what-ifs from row 19.
    expect(await wb.readFormulas("Risk share", "B23")).toEqual([
      ["=ICS.RISKSHARE(B$20,$B$9:$B$10,RiskShare_Method,$A$14:$C$16,RiskShare_Contingency,,RiskShare_RoundTo,RiskShare_Underspend)"],
    ]);
    expect(wb.readValues("Risk share", "A22:C27")).toEqual([
      ["Share of the variance (£000)", "Overspend 5m", "Underspend 1.5m"],
      ["Northmoor ICB (host)", 3200, -900],
      ["Northmoor County Council", 1800, -600],
      ["Shared", 5000, -1500],
      ["Borne by the contingency", 0, 0],
      ["Check: shares + contingency = variance", true, true],
    ]);
    const preview = checkRiskShare(BANDS).preview!;
    expect(wb.readValues("Risk share", "B23:C24")).toEqual([
      [preview.scenarios[0].shares[0], preview.scenarios[1].shares[0]],
      [preview.scenarios[0].shares[1], preview.scenarios[1].shares[1]],
    ]);
  });

  test("the method cell offers the core's methods", () => {
    const wb = written(riskShareOps(BANDS, "Risk share"));
    expect(wb.cell("Risk share", 2, 1).validation).toEqual({ kind: "list", items: ["proportional", "equal", "own", "waterfall", "lead", "bands"] });
    expect(value(wb, "Risk share", "B3")).toBe("bands");
  });

  test("the underspend cell offers the core's treatments, blank for the method's default, and a retained underspend still checks", () => {
    const wb = written(riskShareOps(BANDS, "Risk share"));
    expect(wb.cell("Risk share", 6, 1).validation).toEqual({ kind: "list", items: ["proportional", "equal", "own", "lead", "retain", "bands"] });
    expect(value(wb, "Risk share", "A7")).toBe("Underspends");
    expect(value(wb, "Risk share", "B7")).toBeNull();
    const retained = written(riskShareOps({ ...BANDS, underspend: "retain" }, "Risk share"));
    expect(value(retained, "Risk share", "B7")).toBe("retain");
    expect(retained.readValues("Risk share", "B23:C27")).toEqual([
      [3200, 0],
      [1800, 0],
      [5000, 0],
      [0, 0],
      [true, true],
    ]);
  });

  test("own variances sit one per party, the contingency's part is shown, and the sheet recalculates", () => {
    const wb = written(riskShareOps(OWN, "Risk share"));
    // No bands: parties on 9-10, what-if labels on 13, own variances on 14-15, shares on 18-19.
    expect(wb.readValues("Risk share", "A18:B21")).toEqual([
      ["Host", 350],
      ["Council", -100],
      ["Shared", 250],
      ["Borne by the contingency", 150],
    ]);
    expect(value(wb, "Risk share", "B22")).toBe(true);
    // The council overspends 50 instead: both overspend, so the contingency's 150 relieves them in
    // proportion to their overspends, 500:50 → 136.36 and 13.64, rounded by largest remainder to
    // 136 and 14 → host 364, council 36, adding up to the 400 shared.
    wb.enter("Risk share", "B15", "50");
    const expected = evaluate(findFunction("RISKSHARE")!, riskShareArgs(OWN, { ...OWN.scenarios[0], own: ["500", "50"] }));
    expect(expected).toEqual([[364], [36]]);
    expect(wb.readValues("Risk share", "B18:B19")).toEqual(expected);
    expect(value(wb, "Risk share", "B22")).toBe(true);
  });

  test("caps go in as their own column", async () => {
    const capped = { ...OWN, method: "lead" as const, useCaps: true, parties: [{ ...OWN.parties[0], cap: "300" }, OWN.parties[1]], scenarios: [{ label: "Over", variance: "900", own: ["", ""] }] };
    const wb = written(riskShareOps(capped, "Risk share"));
    // What-if labels on 13, the variance on 14, shares on 17-18.
    expect(await wb.readFormulas("Risk share", "B17")).toEqual([["=ICS.RISKSHARE(B$14,$B$9:$B$10,RiskShare_Method,,RiskShare_Contingency,$C$9:$C$10,RiskShare_RoundTo,RiskShare_Underspend)"]]);
    // 900 less the 150 contingency is 750; the host (lead) takes 300 up to its cap, the council the other 450.
    expect(wb.readValues("Risk share", "B17:B18")).toEqual([[300], [450]]);
  });
});
