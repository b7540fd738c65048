/**
 * The Returns page in Debian's chromium, end to end: returns chosen with the file input and
 * dropped on the drop zone (a folder's worth, with a file that is not a return), an expected
 * organisation that sent none, Check; the table, each return's findings and those across returns
 * equal what `checkReturn` and `collectReturns` give in Node for the same bytes (same kinds,
 * sheets, cells and messages); the consolidated workbook downloaded and read back with SheetJS;
 * the whole flow again with Tab, Enter and Space only; an expected-organisations file that cannot
 * be read said beside its field; an accessibility scan (axe-core, WCAG 2.1 A and AA) clean before
 * and after the results; and no request to anywhere but 127.0.0.1, with nothing the page needs
 * blocked by its Content-Security-Policy (which does block a connection when one is tried).
 */
import fs from "fs";
import os from "os";
import path from "path";
import type { Browser, Download, FileChooser, Page } from "playwright-core";
import * as XLSX from "xlsx";
import { checkReturn, collectReturns, consolidatedWorkbook } from "../../src/returns";
import type { CheckOptions, Collection } from "../../src/returns/types";
import { findingsCount, formatScalar, sortFindings, summarySentence } from "../../src/returnsPage/format";
import { ROOT, Served, describeIfChromium, launchChromium, requireBuild, screenshot, serveDist, watch } from "./browser";
import { FixtureFile, NEVER_SENT, SENT, chosenReturns, droppedReturns } from "./returnsFixtures";

jest.setTimeout(240_000);

/** The organisations expected: every one that sent a return, and one that did not. */
const EXPECTED = [...SENT, NEVER_SENT];

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** axe's violations (WCAG 2.1 A and AA) with the nodes that fail; tabster's focus-trap dummies accepted as in pane320.e2e.ts. */
async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.waitForTimeout(300);
  // Evaluated by the test harness, not as a page script: the page's own policy refuses inline scripts.
  if (!(await page.evaluate(() => typeof (window as any).axe === "object"))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations
      .map((v: any) => ({
        id: v.id,
        nodes: v.nodes
          .filter((n: any) => !(v.id === "aria-hidden-focus" && document.querySelector(n.target[0])?.hasAttribute("data-tabster-dummy")))
          .map((n: any) => `${n.html.slice(0, 160)}: ${String(n.failureSummary).slice(0, 200)}`),
      }))
      .filter((v: any) => v.nodes.length > 0);
  });
}

interface ShownFinding {
  kind: string;
  sheet: string;
  cell: string;
  message: string;
}

/** What the page shows for each return, with every findings row opened. */
async function shownReturns(page: Page): Promise<{ file: string; verdict: string; cells: string[]; findings: ShownFinding[]; figures: [string, string][] }[]> {
  const rows = page.locator('[data-testid="returns-table"] > tbody > tr[data-file]');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const button = row.getByRole("button");
    let findings: ShownFinding[] = [];
    if ((await button.count()) > 0) {
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      const detail = page.locator(`#${await button.getAttribute("aria-controls")}`);
      findings = await detail.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => ({ kind: tr.getAttribute("data-kind") ?? "", sheet: tr.getAttribute("data-sheet") ?? "", cell: tr.getAttribute("data-cell") ?? "", message: tr.lastElementChild?.textContent ?? "" })),
      );
    }
    out.push({
      file: (await row.getAttribute("data-file")) ?? "",
      verdict: (await row.getAttribute("data-verdict")) ?? "",
      cells: await row.locator(":scope > th, :scope > td").evaluateAll((cells) => cells.slice(0, 5).map((c) => c.textContent ?? "")),
      findings,
      figures: await row.locator(".key-figures > div").evaluateAll((divs) => divs.map((d) => [d.getAttribute("data-name") ?? "", d.querySelector("dd")?.textContent ?? ""] as [string, string])),
    });
  }
  return out;
}

/** The same, from the checker in Node. */
function expectedReturns(collection: Collection) {
  return collection.returns.map((r) => ({
    file: r.file,
    verdict: r.verdict,
    cells: [
      r.file,
      [r.organisationCode, r.organisationName].filter(Boolean).join(" ") || "(unknown)",
      [r.template, r.templateVersion].filter(Boolean).join(" ") || "(unknown)",
      { clean: "Clean", findings: "Findings", unreadable: "Unreadable" }[r.verdict],
      r.findings.length === 0 ? "None" : findingsCount(r),
    ],
    findings: sortFindings(r.findings).map((f) => ({ kind: f.kind, sheet: f.sheet ?? "", cell: f.cell ?? "", message: f.message })),
    figures: Object.entries(r.keyFigures)
      .filter(([, v]) => formatScalar(v) !== undefined)
      .map(([name, v]) => [name, formatScalar(v)!] as [string, string]),
  }));
}

async function shownAcross(page: Page): Promise<{ kind: string; organisation: string; files: string[]; message: string }[]> {
  return page.locator('[data-testid="collection-findings"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      kind: tr.getAttribute("data-kind") ?? "",
      organisation: tr.getAttribute("data-organisation") ?? "",
      files: (tr.getAttribute("data-files") ?? "").split("\n").filter(Boolean),
      message: tr.lastElementChild?.textContent ?? "",
    })),
  );
}

function expectedAcross(collection: Collection) {
  return sortFindings(collection.findings).map((f) => ({ kind: f.kind, organisation: f.organisationCode ?? "", files: f.files ?? (f.file ? [f.file] : []), message: f.message }));
}

/** A drop as the browser delivers it: a DataTransfer holding the files, dispatched on the drop zone. */
async function drop(page: Page, files: readonly FixtureFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString("base64") }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, payload);
  await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
}

/** Presses Tab until the focused element matches the selector (at most 80 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Every text the progress line shows from now on, in order. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__progress = seen;
    const line = document.querySelector('[data-testid="progress-text"]')!;
    new MutationObserver(() => {
      const text = line.textContent ?? "";
      if (seen[seen.length - 1] !== text) seen.push(text);
    }).observe(line, { childList: true, characterData: true, subtree: true });
  });
}

async function finished(page: Page, count: number): Promise<void> {
  await page.getByTestId("summary").waitFor({ timeout: 120_000 });
  await expect(page.getByTestId("progress-text").textContent()).resolves.toMatch(new RegExp(`^Checked ${count} of ${count}`));
}

/**
 * The downloaded workbook: byte for byte what `consolidatedWorkbook` makes in Node from the same
 * returns (it is deterministic), and read back with SheetJS, an independent reader: one Summary
 * row per return, one Findings row per finding, by file, kind, sheet and cell.
 */
async function checkDownload(download: Download, collection: Collection): Promise<void> {
  expect(download.suggestedFilename()).toBe("consolidated-returns.xlsx");
  const bytes = fs.readFileSync(await download.path());
  expect(Buffer.compare(bytes, Buffer.from(consolidatedWorkbook(collection)))).toBe(0);
  const book = XLSX.read(bytes, { type: "buffer" });
  expect(book.SheetNames.slice(0, 2)).toEqual(["Summary", "Findings"]);
  const rows = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet], { defval: null });
  expect(rows("Summary").map((r) => [r.File, r.Verdict, r.Findings])).toEqual(collection.returns.map((r) => [r.file, r.verdict, r.findings.length]));
  // A return's findings under its file; a duplicate under every file it names, in one cell.
  const findings = [...collection.returns.flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file }))), ...collection.findings.map((f) => ({ ...f, file: f.files?.join(", ") }))];
  expect(rows("Findings").map((r) => [r.File, r.Kind, r.Sheet, r.Cell, r.Message])).toEqual(findings.map((f) => [f.file ?? null, f.kind, f.sheet ?? null, f.cell ?? null, f.message]));
}

describeIfChromium("the Returns page", () => {
  let server: Served;
  let browser: Browser;
  let dir: string;
  let chosen: string[];
  let dropped: FixtureFile[];
  let codesFile: string;
  let node: Collection;
  const pages: { page: Page; seen: ReturnType<typeof watch> }[] = [];

  /** A new page on returns.html; `before` runs before it loads (e.g. to take its file choosers). */
  async function open(before?: (page: Page) => void): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const seen = watch(page);
    pages.push({ page, seen });
    before?.(page);
    const response = await page.goto(`${server.origin}/returns.html`);
    // The policy comes as a header too, from the first byte.
    expect(response?.headers()["content-security-policy"]).toMatch(/connect-src 'none'/);
    await page.waitForSelector("body[data-ready=true]");
    return page;
  }

  /** The checker in Node over the same bytes, in the order the page lists them. */
  function inNode(options: CheckOptions = {}): Collection {
    const files = [...chosenReturns(), ...droppedReturns()].filter((f) => /\.xlsx$/.test(f.name));
    return collectReturns(
      files.map((f) => checkReturn(f.name, f.bytes, options)),
      EXPECTED,
    );
  }

  beforeAll(async () => {
    requireBuild("returns.html", "returns.js", "playground.html");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "returns-page-"));
    chosen = chosenReturns().map((f) => {
      const file = path.join(dir, f.name);
      fs.writeFileSync(file, f.bytes);
      return file;
    });
    dropped = droppedReturns();
    codesFile = path.join(dir, "codes.csv");
    fs.writeFileSync(codesFile, `OrganisationCode,Name\r\n${EXPECTED.map((c) => `${c},Organisation ${c}`).join("\r\n")}\r\n`);
    node = inNode();
    server = await serveDist();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("each return holds exactly the findings planted in it, and the collection the duplicate and the missing return", () => {
    const planted = Object.fromEntries([...chosenReturns(), ...droppedReturns()].filter((f) => f.planted).map((f) => [f.name, f.planted]));
    expect(Object.fromEntries(node.returns.map((r) => [r.file, r.findings.map((f) => [f.kind, f.sheet ?? null, f.cell ?? null])]))).toEqual(planted);
    expect(node.findings.map((f) => [f.kind, f.organisationCode, f.files])).toEqual([
      ["duplicate", "QZN", ["01-clean.xlsx", "09-sent-twice.xlsx"]],
      ["missing-return", NEVER_SENT, undefined],
    ]);
  });

  test("with the mouse: choose and drop returns, an expected list, Check; the page shows what the checker gives in Node; the workbook downloads", async () => {
    const page = await open();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "returns-0-start");

    // Check with nothing chosen: said beside the field, not a dead button.
    await page.getByTestId("check").click();
    await page.getByText("Choose or drop at least one return (.xlsx or .xlsm) first.").waitFor();

    await page.getByLabel("Returns to check (.xlsx or .xlsm, as many as you like)").setInputFiles(chosen);
    await expect(page.getByTestId("chosen-count").textContent()).resolves.toBe("6 returns chosen.");
    await drop(page, dropped);
    await expect(page.getByTestId("chosen-count").textContent()).resolves.toBe("13 returns chosen.");
    await page.getByText(/Left out 1 file that is not \.xlsx or \.xlsm: notes\.txt/).waitFor();
    // A drop beside the zone is refused, so the browser does not open the file in place of the page.
    expect(await page.evaluate(() => !document.body.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true })))).toBe(true);
    await expect(page.getByTestId("chosen-count").textContent()).resolves.toBe("13 returns chosen.");
    // The same file again is not listed twice.
    await page.getByLabel("Returns to check (.xlsx or .xlsm, as many as you like)").setInputFiles(chosen.slice(0, 1));
    await expect(page.getByTestId("chosen-count").textContent()).resolves.toBe("13 returns chosen.");

    await page.getByLabel("Expected organisations (optional, .txt or .csv)").setInputFiles(codesFile);
    await page.getByText("9 organisation codes read from codes.csv.").waitFor();
    await recordProgress(page);
    await page.getByRole("button", { name: "Check 13 returns" }).click();
    await finished(page, 13);
    await screenshot(page, "returns-1-checked");
    // Each file's progress was shown, in the bar and the live region, before the next began.
    const names = node.returns.map((r) => r.file);
    expect(await page.evaluate(() => (window as any).__progress)).toEqual(["Checked 0 of 13.", ...names.map((n, i) => `Checked ${i + 1} of 13: ${n}`), "Checked 13 of 13."]);
    await expect(page.getByTestId("progress-text").getAttribute("aria-live")).resolves.toBe("polite");
    expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");

    expect(node.summary).toEqual({ returns: 13, clean: 3, withFindings: 8, unreadable: 2, missing: 1 });
    await expect(page.getByTestId("summary").textContent()).resolves.toBe("13 returns: 3 clean, 8 with findings, 2 unreadable; 1 expected organisation sent none.");
    expect(await shownReturns(page)).toEqual(expectedReturns(node));
    expect(await shownAcross(page)).toEqual(expectedAcross(node));
    // Money with thousands separators.
    await expect(page.locator('tr[data-file="01-clean.xlsx"] .key-figures').textContent()).resolves.toMatch(/\d{1,3}(,\d{3}){2,}/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "returns-2-findings-open");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download consolidated workbook" }).click()]);
    await checkDownload(download, node);
    await page.getByText("Saved as consolidated-returns.xlsx in your downloads.").waitFor();
  });

  test("with the keyboard only: Tab, Enter and Space choose the files, check them, open a return's findings and download the workbook", async () => {
    // File choosers are taken from before the page loads, so none opens as a real dialog.
    const choosers: FileChooser[] = [];
    const page = await open((p) => p.on("filechooser", (c) => choosers.push(c)));
    await page.locator("body").focus();
    const choose = async (selector: string, key: "Enter" | "Space", files: string[] | { name: string; mimeType: string; buffer: Buffer }[]) => {
      await tabTo(page, selector);
      const before = choosers.length;
      await page.keyboard.press(key);
      for (let i = 0; i < 200 && choosers.length === before; i++) await page.waitForTimeout(50);
      expect(choosers.length).toBe(before + 1);
      await choosers[before].setFiles(files);
    };
    await choose('[data-testid="returns-input"]', "Space", chosen);
    await choose('[data-testid="drop-zone"]', "Enter", dropped.map((f) => ({ name: f.name, mimeType: "application/octet-stream", buffer: Buffer.from(f.bytes) })));
    await expect(page.getByTestId("chosen-count").textContent()).resolves.toBe("13 returns chosen.");
    await choose('[data-testid="expected-input"]', "Space", [codesFile]);
    await page.getByText("9 organisation codes read from codes.csv.").waitFor();
    await tabTo(page, '[data-testid="check"]');
    await page.keyboard.press("Enter");
    await finished(page, 13);
    // Focus goes to the results, so the next Tab is inside them.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    await expect(page.getByTestId("summary").textContent()).resolves.toBe(summarySentence(node.summary, true));

    const first = node.returns.find((r) => r.findings.length > 0)!;
    const button = `tr[data-file="${first.file}"] button`;
    await tabTo(page, button);
    await page.keyboard.press("Space");
    expect(await page.locator(button).getAttribute("aria-expanded")).toBe("true");
    await expect(page.locator(`#${await page.locator(button).getAttribute("aria-controls")} tbody tr`).count()).resolves.toBe(first.findings.length);
    await page.keyboard.press("Enter");
    expect(await page.locator(button).getAttribute("aria-expanded")).toBe("false");

    await page.evaluate(() => (document.getElementById("results-heading") as HTMLElement).focus());
    await tabTo(page, '[data-testid="download"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await checkDownload(download, node);
    await screenshot(page, "returns-3-keyboard");
  });

  test("a template chosen: returns of another template are findings, as the checker gives them with --template", async () => {
    const page = await open();
    await page.getByLabel("Returns to check (.xlsx or .xlsm, as many as you like)").setInputFiles(chosen);
    await drop(page, dropped);
    await page.getByLabel("Expected organisations (optional, .txt or .csv)").setInputFiles(codesFile);
    await page.getByLabel("Template the returns should be").selectOption("risk-share");
    await page.getByRole("button", { name: "Check 13 returns" }).click();
    await finished(page, 13);
    const withTemplate = inNode({ template: "risk-share" });
    expect(withTemplate.returns.flatMap((r) => r.findings).some((f) => f.kind === "wrong-template")).toBe(true);
    expect(await shownReturns(page)).toEqual(expectedReturns(withTemplate));
    expect(await shownAcross(page)).toEqual(expectedAcross(withTemplate));
  });

  test("Stop after this file: the page answers during the check, and shows the returns checked so far", async () => {
    const page = await open();
    await page.getByLabel("Returns to check (.xlsx or .xlsm, as many as you like)").setInputFiles(chosen);
    await page.getByLabel("Expected organisations (optional, .txt or .csv)").setInputFiles(codesFile);
    // Stop is pressed the moment the first file is shown as checked.
    await page.evaluate(() => {
      const line = document.querySelector('[data-testid="progress-text"]')!;
      const observer = new MutationObserver(() => {
        if (!/^Checked 1 of/.test(line.textContent ?? "")) return;
        observer.disconnect();
        [...document.querySelectorAll("button")].find((b) => b.textContent === "Stop after this file")!.click();
      });
      observer.observe(line, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole("button", { name: "Check 6 returns" }).click();
    await page.getByTestId("stopped").waitFor();
    await expect(page.getByTestId("stopped").textContent()).resolves.toMatch(/^Stopped after checking 1 of 6 returns/);
    const first = collectReturns([checkReturn("01-clean.xlsx", chosenReturns()[0].bytes)]);
    await expect(page.getByTestId("summary").textContent()).resolves.toBe("1 return: 1 clean, 0 with findings, 0 unreadable.");
    expect(await shownReturns(page)).toEqual(expectedReturns(first));
    await page.getByTestId("collection-none").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  test("in a 320 px window nothing scrolls sideways but the table, which the keyboard can scroll; the scan is clean", async () => {
    const page = await open();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByLabel("Returns to check (.xlsx or .xlsm, as many as you like)").setInputFiles(chosen.slice(0, 3));
    await page.getByRole("button", { name: "Check 3 returns" }).click();
    await finished(page, 3);
    await page.locator('tr[data-file="03-typed-over.xlsx"] button').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const region = page.getByRole("region", { name: "Returns checked, one row each" });
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "returns-5-narrow");
  });

  test("an expected-organisations file that cannot be read is said beside its field, in plain words", async () => {
    const page = await open();
    const bad = path.join(dir, "people.csv");
    fs.writeFileSync(bad, "Name,Email\r\nA Person,a@example.org\r\n");
    await page.getByLabel("Expected organisations (optional, .txt or .csv)").setInputFiles(bad);
    const message = page.getByText(/^people\.csv cannot be used: .*OrganisationCode/);
    await message.waitFor();
    // Beside the field: the input is described by the message and marked invalid.
    const input = page.getByTestId("expected-input");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
    expect(await message.evaluate((el, ids) => ids.split(" ").some((id) => el.closest(`[id="${id}"]`) !== null || el.id === id), describedBy)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "returns-4-bad-expected");
  });

  test("the playground's banner links to the Returns page", async () => {
    const page = await browser.newPage();
    const seen = watch(page);
    pages.push({ page, seen });
    await page.goto(`${server.origin}/playground.html`);
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.getByRole("banner").getByRole("link", { name: "Check returns" }).getAttribute("href")).toBe("returns.html");
  });

  test("the policy blocks a connection when one is tried (on a page of its own)", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/returns.html`);
    await page.waitForSelector("body[data-ready=true]");
    const outcome = await page.evaluate(() => fetch("/returns.html").then(() => "fetched", () => "blocked"));
    expect(outcome).toBe("blocked");
    // Reported once by the <meta> policy and once by the header's.
    const violations: string[] = await page.evaluate(() => (window as any).__cspViolations);
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v).toBe(`connect-src blocked ${server.origin}/returns.html`);
    await page.close();
  });

  test("nothing was fetched from anywhere but 127.0.0.1, nothing was blocked by the policy, and nothing failed", async () => {
    expect(pages.length).toBeGreaterThan(0);
    for (const { page, seen } of pages) {
      const local = (url: string) => url.startsWith(`${server.origin}/`) || url.startsWith(`blob:${server.origin}/`) || url.startsWith("data:");
      expect(seen.requests.filter((url) => !local(url))).toEqual([]);
      expect(seen.errors).toEqual([]);
      if (page.url().endsWith("/returns.html")) expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    }
  });
});
