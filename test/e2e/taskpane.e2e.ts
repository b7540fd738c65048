/**
 * The task pane page outside Excel, in Debian's chromium with the local office.js: Office.onReady
 * fires, the pane says it belongs in Excel and points to the playground, functions.js loads
 * without error beside it, and no request leaves the machine.
 */
import type { Browser, Page } from "playwright-core";
import { Served, describeIfChromium, launchChromium, requireBuild, screenshot, serveDist, watch } from "./browser";

jest.setTimeout(60_000);

describeIfChromium("the task pane outside Excel", () => {
  let server: Served;
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    requireBuild("taskpane.html", "taskpane.js", "functions.js", "office.js", "o15apptofilemappingtable.js");
    server = await serveDist();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    seen = watch(page);
    await page.goto(`${server.origin}/taskpane.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("Office.onReady fires with no host, and the pane points to the playground", async () => {
    await page.waitForFunction(() => (window as any).__officeReady !== undefined, null, { timeout: 15_000 });
    const info = await page.evaluate(() => (window as any).__officeReady);
    expect(info.host).toBeNull();
    await page.getByText("Open this pane in Excel").waitFor();
    expect(await page.getByRole("link", { name: "playground" }).getAttribute("href")).toBe("playground.html");
    await screenshot(page, "taskpane-outside-excel");
  });

  test("the shared runtime's functions load beside the pane", async () => {
    expect(await page.evaluate(() => typeof (window as any).CustomFunctions)).toBe("object");
    expect(seen.requests.some((url) => url.endsWith("/functions.js"))).toBe(true);
  });

  test("office.js is served locally and nothing is fetched from anywhere else", () => {
    expect(seen.requests.some((url) => url === `${server.origin}/office.js`)).toBe(true);
    expect(seen.requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith("data:"))).toEqual([]);
    // office.js warns that it runs outside Office; anything worse is a failure.
    expect(seen.errors).toEqual([]);
  });
});
