/**
 * "Repair ICS formulas" in the playground, in Debian's chromium: a template inserted from the
 * Templates tab, one of its ICS calls broken as a file would break it (saved as text, on its
 * protected sheet), then the button in the Templates tab enters it again, says what it repaired,
 * and leaves the sheet protected with its figures back.
 */
import type { Browser, Page } from "playwright-core";
import type { CellReading } from "../../src/workbook/port";
import { Served, describeIfChromium, launchChromium, requireBuild, screenshot, serveDist, watch } from "./browser";

jest.setTimeout(90_000);

const pane = (page: Page) => page.getByRole("complementary", { name: "Task pane" });

describeIfChromium("repairing ICS formulas in the playground", () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    requireBuild("playground.html", "playground.js");
    server = await serveDist();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    seen = watch(page);
    await page.goto(`${server.origin}/playground.html`);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a call saved as text on a protected sheet is entered again from the Templates tab", async () => {
    // A tab that does not fit the pane is in the "More" menu beside the tabs.
    const tab = pane(page).getByRole("tablist", { name: "Wizards" }).getByRole("tab", { name: "Templates", exact: true });
    if (await tab.isVisible()) await tab.click();
    else {
      await pane(page).getByRole("button", { name: /more tabs?$/ }).click();
      await page.getByRole("menuitem", { name: "Templates", exact: true }).click();
    }
    await pane(page).getByRole("button", { name: "Insert Capital plan" }).click();
    await expect(page.getByTestId("templates-result").textContent()).resolves.toContain('Inserted "Capital plan"');

    // The first ICS.CAPITAL call, its figures, then the same call as a file that was never bound holds it.
    const target = await page.evaluate(async () => {
      const wb = (window as any).__playground.workbook;
      const sheets = await wb.readFormulaCells();
      const capital = sheets.find((s: { sheet: string }) => s.sheet === "Split");
      const cell = capital.cells.find((c: { formula: string }) => c.formula.includes("ICS.CAPITAL("));
      return { address: cell.address as string, formula: cell.formula as string, protected: capital.protected as boolean };
    });
    expect(target.protected).toBe(true);
    const figures = (): Promise<CellReading[][]> => page.evaluate((a) => (window as any).__playground.read("Split", `${a}:${a.replace(/\d+$/, (n: string) => String(Number(n) + 2))}`), target.address);
    const before = await figures();
    expect(typeof before[0][0]).toBe("number");
    await page.evaluate((t) => {
      const saved = t.formula.replace(/ICS\.CAPITAL\(/, "_xldudf_ICS_CAPITAL(");
      (window as any).__playground.workbook.applyNow([
        { op: "unprotect", sheet: "Split" },
        { op: "cells", sheet: "Split", at: t.address, cells: [[saved]] },
        { op: "protect", sheet: "Split" },
      ]);
    }, target);
    expect((await figures())[0][0]).toMatchObject({ error: expect.any(String) });

    await pane(page).getByRole("button", { name: "Repair ICS formulas" }).click();
    const result = pane(page).getByLabel("Repair result");
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(new RegExp(`Re-entered \\d+ ICS formulas: .*Split \\([^)]*\\b${target.address}\\b`));
    await screenshot(page, "repair-1-repaired");
    expect(await figures()).toEqual(before);
    expect(await page.evaluate((a) => (window as any).__playground.formulas("Split", a), target.address)).toEqual([[target.formula]]);
    expect(await page.evaluate(() => (window as any).__playground.workbook.isProtected("Split"))).toBe(true);
    expect(seen.errors).toEqual([]);
  });
});
