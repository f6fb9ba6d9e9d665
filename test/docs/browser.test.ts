/**
 * The reference docs as a reader sees them: each page opened from disk in a real headless
 * Chromium (Debian's, driven by playwright-core) with every request to the network recorded.
 * The page must make none, log no console error, and list every operation of its API once each
 * tag section is expanded. A screenshot of each page is saved to dist/docs-screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers, repoRoot } from "../../generator/providers.js";
import { loadSpec } from "../support/openapi.js";

const CHROMIUM = "/usr/bin/chromium";
// The pages as `npm run build` wrote them (test/setup/build.ts runs it first).
const docsDir = path.join(repoRoot, "dist", "docs");
const shotsDir = path.join(repoRoot, "dist", "docs-screenshots");
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-chromium.sh\` (npm test does it first)`);
  fs.mkdirSync(shotsDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium itself tries to reach Google's hosts.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("reference docs in Chromium", () => {
  it("index links every provider page and download", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(docsDir, "index.html")).href);
    const links = await page.$$eval("a", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    const local = links.filter((link) => !/^https?:/.test(link));
    expect(new Set(local)).toEqual(new Set(providers.flatMap((p) => [`${p.id}.html`, `${p.id}.openapi.json`, `${p.id}.openapi.yaml`])));
    for (const link of local) expect(fs.existsSync(path.join(docsDir, link))).toBe(true);
    await page.close();
  });

  it.each(providers.map((p) => [p.id, p] as const))("%s.html loads offline, without console errors, listing every operation", async (id) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const network: string[] = [];
    const errors: string[] = [];
    page.on("request", (request) => {
      if (!/^(file|data|blob|about):/.test(request.url())) network.push(request.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(path.join(docsDir, `${id}.html`)).href, { waitUntil: "load" });
    await page.waitForSelector('li[data-testid="menu-item-label"]');

    // Redoc 3 shows one tag section at a time. One loop inside the page opens each in turn and
    // collects what it lists (45 round trips of Playwright clicks took six times as long).
    const labels = new Set(
      await page.evaluate(async () => {
        const groups = [...document.querySelectorAll<HTMLElement>('[data-component-name="Menu/MenuItem"].menu-item-type-group')];
        const found: string[] = [];
        const collect = () => {
          for (const span of document.querySelectorAll('li[data-testid="menu-item-label"] span[data-text]')) found.push(span.getAttribute("data-text") ?? "");
        };
        for (const group of groups) {
          group.querySelector<HTMLElement>(":scope > a > li")!.click();
          // React renders the opened section on a later frame: wait until its operations are there.
          while (!group.querySelector(".menu-item-type-operation")) await new Promise(requestAnimationFrame);
          collect();
        }
        return found;
      }),
    );
    const summaries = loadSpec(id).model.operations.map((op) => op.summary);
    expect(summaries.filter((summary) => !labels.has(summary))).toEqual([]);

    await page.screenshot({ path: path.join(shotsDir, `${id}.png`) });
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
