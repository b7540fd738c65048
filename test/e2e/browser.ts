/**
 * What the browser tests share: Debian's chromium driven by playwright-core (never a downloaded
 * browser), dist/ served on 127.0.0.1 by scripts/serve.js on a free port, a record of every
 * request, and screenshots in test-artifacts/ (git-ignored).
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

// TOOLCHAIN.md §5: the flags that keep chromium quiet and off the network.
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

/** Browser tests skip, saying why, where chromium is not installed (CI installs it with apt). */
export function describeIfChromium(name: string, body: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`Skipping browser tests "${name}": no chromium at ${CHROMIUM}. Install it with: apt-get install -y --no-install-recommends chromium`);
  describe.skip(name, body);
}

/** The page files a test needs, built by `npm run build:test`; a missing build fails with the fix. */
export function requireBuild(...files: string[]): void {
  const missing = files.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length > 0) throw new Error(`dist/ has no ${missing.join(", ")}: run \`npm run build:test\` before the browser tests`);
}

export interface Served {
  origin: string;
  close: () => Promise<void>;
}

export async function serveDist(): Promise<Served> {
  // scripts/serve.js is plain Node (CommonJS), shared with `npm start`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, "scripts", "serve.js")) as {
    serve: (o: { root?: string; port?: number; secure?: boolean }) => Promise<{ server: import("http").Server }>;
  };
  const { server } = await serve({ root: DIST, port: 0, secure: false });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Every URL the page asks for, and every error it throws or logs. */
export function watch(page: Page): { requests: string[]; errors: string[] } {
  const seen = { requests: [] as string[], errors: [] as string[] };
  page.on("request", (r) => seen.requests.push(r.url()));
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(`console: ${m.text()}`);
  });
  return seen;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}
