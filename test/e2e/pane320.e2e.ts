/**
 * The task pane at Excel's narrowest width, 320 px by 800, in the playground (`?pane=320`): every
 * wizard run to the end and every template inserted with no sideways scroll on any step, an
 * accessibility scan (axe-core, WCAG 2.1 A and AA) on every wizard step, the template list and the
 * playground's grid, a 60-row block pasted from a spreadsheet into Delegate, plain-English
 * messages shown on leaving a field or on Next (nothing red before typing), announcements in the
 * live region, questions that ask rather than block, and a second write that asks first.
 *
 * The one accepted axe finding: `aria-hidden-focus` on Fluent's own focus-trap helpers (tabster's
 * `<i data-tabster-dummy aria-hidden tabindex=0>`, which Fluent places around tab lists and menus
 * on purpose, an upstream choice). Any other node of that rule, or any other rule, fails.
 */
import path from "path";
import type { Browser, Page } from "playwright-core";
import { ROOT, Served, describeIfChromium, launchChromium, requireBuild, screenshot, serveDist, watch } from "./browser";

jest.setTimeout(180_000);

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");

interface Violation {
  id: string;
  nodes: { html: string; summary: string; target: string[]; dummy: boolean }[];
}

/** axe's violations, less the accepted tabster dummies; each listed with the nodes that fail. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Menus and messages fade in and out; scan what stays.
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => typeof (window as any).axe === "object"))) await page.addScriptTag({ path: AXE });
  const violations: Violation[] = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v: any) => ({
      id: v.id,
      nodes: v.nodes.map((n: any) => {
        const el = document.querySelector(n.target[0]);
        return { html: n.html.slice(0, 200), summary: String(n.failureSummary).slice(0, 300), target: n.target, dummy: Boolean(el && el.hasAttribute("data-tabster-dummy")) };
      }),
    }));
  });
  return violations
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.dummy) } : v))
    .filter((v) => v.nodes.length > 0);
}

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });

/** No sideways scroll in the pane or the page, and nothing wider than the pane. */
async function sideways(page: Page): Promise<{ pane: number; page: number; wide: string[] }> {
  return page.evaluate(() => {
    const p = document.querySelector("aside.pane") as HTMLElement;
    const right = p.getBoundingClientRect().right;
    const wide = [...p.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > right + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
    return { pane: p.scrollWidth - p.clientWidth, page: document.documentElement.scrollWidth - document.documentElement.clientWidth, wide };
  });
}

/** Each step: fits the pane, passes the scan, and is photographed. */
async function checkStep(page: Page, name: string): Promise<void> {
  expect(await sideways(page)).toEqual({ pane: 0, page: 0, wide: [] });
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, `pane320-${name}`);
}

async function openTab(page: Page, label: string): Promise<void> {
  const tab = pane(page).getByRole("tab", { name: label, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  // At 320 px some tabs are in the "More" menu.
  await pane(page).getByRole("button", { name: /more tabs?$/ }).click();
  await page.getByRole("menuitem", { name: label, exact: true }).click();
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const box = pane(page).getByLabel(label, { exact: true });
  await box.click();
  await box.press("Control+A");
  if (text === "") await box.press("Backspace");
  else await page.keyboard.type(text);
}

const next = (page: Page) => pane(page).getByRole("button", { name: "Next" }).click();
/** Waits until the live region (polite or assertive) says the text. */
async function announced(page: Page, urgency: "polite" | "assertive", text: string | RegExp): Promise<void> {
  const source = typeof text === "string" ? text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : text.source;
  await page.waitForFunction(
    ([id, pattern]) => new RegExp(pattern).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ""),
    [`announce-${urgency}`, source] as const,
    { timeout: 5000 },
  );
}

/** A block pasted into a box as a spreadsheet's copy arrives: text/plain, tab-separated. */
async function pasteInto(page: Page, label: string, text: string): Promise<void> {
  const box = pane(page).getByLabel(label, { exact: true });
  await box.focus();
  await box.evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** 60 places as Excel copies them: headings, then place, population and need index, CRLF line ends. */
function sixtyPlaces(): string {
  const lines = ["Place\tPopulation\tNeed index"];
  for (let i = 1; i <= 60; i++) lines.push(`Locality ${i}\t${(100000 + i * 1234).toLocaleString("en-GB")}\t${(0.9 + (i % 7) * 0.03).toFixed(2)}`);
  return `${lines.join("\r\n")}\r\n`;
}

describeIfChromium("the task pane at 320 px", () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    requireBuild("playground.html", "playground.js", "taskpane.html", "taskpane.js");
    server = await serveDist();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    seen = watch(page);
    await page.goto(`${server.origin}/playground.html?pane=320`);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("the pane is 320 px wide; the tabs that do not fit are in a menu; the playground and its grid pass the scan", async () => {
    expect(await pane(page).evaluate((el) => el.getBoundingClientRect().width)).toBe(320);
    await expect(pane(page).getByRole("button", { name: /more tabs?$/ }).count()).resolves.toBe(1);
    // Nothing red before anything is typed.
    await expect(pane(page).locator("[aria-invalid=true]").count()).resolves.toBe(0);
    await checkStep(page, "0-start");
    // The grid: keyboard focus on it, an error cell's message shown for the selected cell.
    await page.getByRole("grid").focus();
    await checkStep(page, "0-grid-focused");
  });

  test("Build the pot: messages on leaving a field, Next shows and focuses the first problem, a second write asks", async () => {
    await typeInto(page, "Financial year", "2025/2");
    // Still typing: nothing red, nothing announced.
    await expect(pane(page).getByText(/Write the financial year as 2025\/26/).count()).resolves.toBe(0);
    await page.keyboard.press("Tab");
    await pane(page).getByText(/Write the financial year as 2025\/26/).waitFor();
    // The message is not an alert that would interrupt a screen reader (the live region is the pane's only one).
    await expect(pane(page).locator('[role="alert"]:not([data-testid])').count()).resolves.toBe(0);
    await typeInto(page, "Financial year", "2025/26");
    await checkStep(page, "pot-1");
    await next(page);
    await checkStep(page, "pot-2-lines");

    // Next with nothing typed: the problem is shown, announced, and focus goes to it.
    await next(page);
    await pane(page).getByText("Add at least one stream line with an amount").first().waitFor();
    await announced(page, "assertive", /problem/);

    await pane(page).getByLabel("Stream, line 1").selectOption("Specialised services");
    await typeInto(page, "Amount, line 1", "431,200");
    await typeInto(page, "Pooled share, line 1", "85");
    await page.keyboard.press("Tab");
    await pane(page).getByText("Pooled share, line 1 (Specialised services): 85 is more than 100%. Did you mean 85%? Type it with the % sign, or as 0.85.").first().waitFor();
    await checkStep(page, "pot-2-message");
    await typeInto(page, "Pooled share, line 1", "85%");
    // A £ sign in a £000 sheet: a question, not a block.
    await pane(page).getByLabel("Stream, line 2").selectOption("Core services");
    await typeInto(page, "Amount, line 2", "£1,412,600");
    await page.keyboard.press("Tab");
    await pane(page).getByText(/you typed a £ sign, but the sheet is in £000/).waitFor();
    await checkStep(page, "pot-2-question");
    await pane(page).getByRole("button", { name: "It is in £000" }).click();
    await next(page);
    await pane(page).locator('table[data-preview="Single pot 2025/26"]').waitFor();
    await checkStep(page, "pot-3-preview");
    await pane(page).getByRole("button", { name: "Write the Pot sheet" }).click();
    await expect(page.getByTestId("pot-result").textContent()).resolves.toContain('Wrote the sheet "Pot 2"');
    await announced(page, "polite", 'Wrote the sheet "Pot 2"');
    // Focus is on the result, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("pot-result");
    await checkStep(page, "pot-4-written");

    // Writing again asks first.
    await pane(page).getByRole("button", { name: "Write the Pot sheet" }).click();
    await pane(page).getByText(/This wizard already wrote the sheet "Pot 2"/).waitFor();
    await checkStep(page, "pot-5-asks");
    await pane(page).getByRole("button", { name: "Cancel" }).click();
    expect(await page.evaluate(() => (window as any).__playground.workbook.sheetList())).not.toContain("Pot 3");
  });

  test("Delegate: nothing red at first; 60 rows pasted from a spreadsheet fill the table and are written", async () => {
    await openTab(page, "Delegate");
    await expect(pane(page).locator('[data-wizard="delegate"] [aria-invalid=true]').count()).resolves.toBe(0);
    await expect(pane(page).locator('[data-wizard="delegate"]').getByText(/is not a number|Type a cell/).count()).resolves.toBe(0);
    await checkStep(page, "delegate-1");
    // £312,400,000 typed in £000: asked, and switched to £ on the answer.
    await typeInto(page, "Amount to delegate (£000)", "312,400,000");
    await page.keyboard.press("Tab");
    await pane(page).getByText(/312,400,000 in £000 is £312bn/).waitFor();
    await checkStep(page, "delegate-1-question");
    await pane(page).getByRole("button", { name: "It is in pounds: switch the sheet to £" }).click();
    await pane(page).getByLabel("Amount to delegate (£)").waitFor();
    await next(page);
    await checkStep(page, "delegate-2-places");

    await pasteInto(page, "Place 1", sixtyPlaces());
    const preview = pane(page).getByTestId("paste-preview");
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(/Paste 60 rows into Places, from row 1, column "Place", adding 57 rows/);
    await checkStep(page, "delegate-2-paste-preview");
    await preview.getByRole("button", { name: "Fill 60 rows" }).click();
    await announced(page, "polite", "Filled 60 rows of Places");
    await expect(pane(page).getByLabel("Place 60", { exact: true }).inputValue()).resolves.toBe("Locality 60");
    await expect(pane(page).getByLabel("Population, place 47", { exact: true }).inputValue()).resolves.toBe("157,998");
    await checkStep(page, "delegate-2-pasted");

    // A problem on row 47 is said by name, beside its box, and Next takes focus there.
    await typeInto(page, "Need index, place 47", "-1");
    await next(page);
    await pane(page).getByText("Need index, place 47 (Locality 47): a weight cannot be negative (−1). Type 0 or more.").first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Need index, place 47");
    await checkStep(page, "delegate-2-row-47");
    await typeInto(page, "Need index, place 47", "1.05");

    // Removing a row moves focus to the row that takes its place.
    await pane(page).getByRole("button", { name: "Remove place 60" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Place 59");
    await announced(page, "polite", "Removed Place 60 (Locality 60)");
    await next(page);
    await pane(page).locator('table[data-preview="Delegation to places"]').waitFor();
    await checkStep(page, "delegate-3-preview");
    await pane(page).getByRole("button", { name: "Write the Delegation sheet" }).click();
    await expect(page.getByTestId("delegate-result").textContent()).resolves.toContain('Wrote the sheet "Delegation 2"');
    const delegated = (await page.evaluate(() => (window as any).__playground.read("Delegation 2", "D8:D66"))) as number[][];
    expect(delegated.length).toBe(59);
    expect(delegated.reduce((s, r) => s + r[0], 0)).toBeCloseTo(312400000, 2);
    await expect(page.evaluate(() => (window as any).__playground.read("Delegation 2", "D68"))).resolves.toEqual([[true]]);
    await checkStep(page, "delegate-4-written");
  });

  test("Risk share: an open last band is asked for on the agreement's step; a what-if's sign is questioned; the preview shows the contingency", async () => {
    await openTab(page, "Risk share");
    await typeInto(page, "Party 1", "Host ICB");
    await typeInto(page, "Contribution, party 1", "60,000");
    await typeInto(page, "Party 2", "County Council");
    await typeInto(page, "Contribution, party 2", "40,000");
    await checkStep(page, "riskshare-1");
    await next(page);
    await pane(page).getByRole("radiogroup", { name: "Method" }).getByLabel(/^bands:/).check();
    await pane(page).getByRole("button", { name: "Add a band" }).click();
    await typeInto(page, "Band 1 up to", "1000");
    await typeInto(page, "Band 1, share of Host ICB", "100%");
    await typeInto(page, "Band 1, share of County Council", "0%");
    await typeInto(page, "Band 2 up to", "3000");
    await typeInto(page, "Contingency (£000)", "500");
    await next(page);
    // Caught here, on step 2, not on the preview.
    await pane(page).getByText(/Leave the limit of the last band \(band 2\) blank, so it takes the rest/).first().waitFor();
    await expect(pane(page).getByRole("heading", { name: /Step 2 of 4/ }).count()).resolves.toBe(1);
    await checkStep(page, "riskshare-2-open-band");
    await typeInto(page, "Band 2 up to", "");
    await next(page);
    await checkStep(page, "riskshare-3");
    await typeInto(page, "Underspend, variance", "1,200");
    await typeInto(page, "Overspend, variance", "4500");
    await pane(page).getByText(/"Underspend" is \+£1,200k, which is an overspend/).waitFor();
    await checkStep(page, "riskshare-3-question");
    await pane(page).getByRole("button", { name: "Make it −£1,200k" }).click();
    await expect(pane(page).getByLabel("Underspend, variance", { exact: true }).inputValue()).resolves.toBe("-1,200");
    await next(page);
    const preview = pane(page).locator('table[data-preview="Share of each what-if"]');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toMatch(/Borne by the contingency.*500.*Total \(the variance\).*4,500/);
    await checkStep(page, "riskshare-4-preview");
    await pane(page).getByRole("button", { name: "Write the Risk share sheet" }).click();
    await expect(page.getByTestId("riskshare-result").textContent()).resolves.toContain('Wrote the sheet "Risk share 2"');
    await checkStep(page, "riskshare-5-written");
  });

  test("Templates: the list passes the scan, and every template goes in, twice, under free names", async () => {
    await openTab(page, "Templates");
    await checkStep(page, "templates-1-list");
    const titles = await pane(page).getByRole("list", { name: "Templates to insert" }).getByRole("button").allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(4);
    for (const round of [1, 2]) {
      for (const title of titles) {
        const before = (await page.evaluate(() => (window as any).__playground.workbook.sheetList().length)) as number;
        await pane(page).getByRole("button", { name: title }).click();
        const result = page.getByTestId("templates-result");
        await expect(result.textContent()).resolves.toContain(`Inserted "${title.replace(/^Insert /, "")}"`);
        expect(await page.evaluate(() => (window as any).__playground.workbook.sheetList().length)).toBeGreaterThan(before);
        await announced(page, "polite", "Inserted");
        if (round === 2) await expect(result.textContent()).resolves.toMatch(/already had/);
      }
    }
    await checkStep(page, "templates-2-inserted");
    // Every copy's checks are TRUE.
    const checks = await page.evaluate(() =>
      Promise.all(
        (window as any).__playground
          .names()
          .filter((n: { name: string }) => /^AllChecksPass/i.test(n.name))
          .map(async (n: { name: string }) => [n.name, await (window as any).__playground.readName(n.name)]),
      ),
    );
    expect(checks.length).toBe(titles.length * 2);
    for (const [name, value] of checks as [string, unknown][]) expect([name, value]).toEqual([name, [[true]]]);
  });

  test("at a 320 × 800 window the playground stacks, with no sideways scroll", async () => {
    const narrow = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await narrow.goto(`${server.origin}/playground.html`);
    await narrow.waitForSelector("body[data-ready=true]");
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(narrow)).toEqual([]);
    await screenshot(narrow, "pane320-window");
    await narrow.close();
  });

  test("taskpane.html without office.js says what is wrong and links to the playground", async () => {
    const offline = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await offline.route("**/office.js", (route) => route.abort());
    await offline.goto(`${server.origin}/taskpane.html`);
    await offline.getByText("Office did not load").waitFor();
    expect(await offline.getByRole("link", { name: "playground" }).getAttribute("href")).toBe("playground.html");
    expect(await axeViolations(offline)).toEqual([]);
    await screenshot(offline, "pane320-no-office");
    await offline.close();
  });

  test("the function reference, linked from the pane, reads at 350 px with no sideways scroll and passes the scan", async () => {
    expect(await pane(page).getByRole("link", { name: "Function reference" }).getAttribute("href")).toBe("help/functions.html");
    const help = await browser.newPage({ viewport: { width: 350, height: 800 } });
    await help.goto(`${server.origin}/help/functions.html#icsdelegate`);
    await help.getByRole("heading", { name: "ICS.DELEGATE" }).waitFor();
    expect(await help.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
    await expect(help.getByText("Errors and how to fix them").count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(help)).toEqual([]);
    await screenshot(help, "pane320-reference");
    await help.close();
  });

  test("nothing was fetched from anywhere but this machine, and nothing failed", () => {
    expect(seen.requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("data:"))).toEqual([]);
    expect(seen.errors).toEqual([]);
  });
});
