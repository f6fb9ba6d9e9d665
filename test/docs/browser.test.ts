/**
 * The reference docs as a reader sees them: each page opened from disk in a real headless
 * Chromium (Debian's, driven by playwright-core) with every request to the network recorded.
 * Each provider's page is loaded once and browsed by its tests in turn, as a reader would: it
 * must make no network request and log no console error all along, and list every operation of
 * its API once each tag section is expanded. On a spread of operation pages and webhooks of each
 * API, the request panel opens on the TypeScript sample (then keeps the reader's choice from one
 * operation to the next), offers curl, every sample and payload wraps instead of running off the
 * panel, the send-SMS payload opens expanded, and smSend's login shows its realistic reply first. Screenshots of representative pages are saved to
 * dist/docs-screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandIds, providers, repoRoot } from "../../generator/providers.js";
import { loadSpec } from "../support/openapi.js";
import { pageDefinition } from "../support/docs-page.js";

const CHROMIUM = "/usr/bin/chromium";
// The pages as `npm run build` wrote them (test/setup/build.ts runs it first).
const docsDir = path.join(repoRoot, "dist", "docs");
const shotsDir = path.join(repoRoot, "dist", "docs-screenshots");
const pageUrl = (name: string) => pathToFileURL(path.join(docsDir, name)).href;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-chromium.sh\` (npm test does it first)`);
  fs.mkdirSync(shotsDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium itself tries to reach Google's hosts.
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

it.concurrent("index links every provider page and download", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl("index.html"));
  const links = await page.$$eval("a", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
  const local = links.filter((link) => !/^https?:/.test(link));
  const pages = providers.flatMap((p) => [p.id, ...brandIds(p).map((brand) => `${p.id}-${brand}`)]);
  expect(new Set(local)).toEqual(new Set(pages.flatMap((name) => [`${name}.html`, `${name}.openapi.json`, `${name}.openapi.yaml`])));
  for (const link of local) expect(fs.existsSync(path.join(docsDir, link))).toBe(true);
  await page.screenshot({ path: path.join(shotsDir, "index.png"), fullPage: true });
  await page.close();
});

/** Operations spread over the whole list (always including `must`), and every webhook. */
function pagesToVisit(id: string, must: readonly string[]) {
  const { model } = loadSpec(id);
  const step = Math.max(1, Math.floor(model.operations.length / 10));
  const operations = model.operations.filter((op, i) => i % step === 0 || must.includes(op.operationId));
  return {
    operations: operations.map((op) => ({
      hash: `/${op.namespace}/${op.operationId}`,
      call: `.${op.action.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}(`,
      // Redoc offers the Payload language only where there is a request body.
      payload: op.body !== "none",
    })),
    webhooks: model.webhooks.map((name) => ({ hash: `/webhooks/webhooks/${name}`, call: `parseWebhook("${name}"` })),
  };
}

/** Shows the section of `hash` in the loaded page and waits until its first code block is drawn. */
async function show(page: Page, hash: string) {
  await page.evaluate((hash) => {
    location.hash = `#${hash}`;
  }, hash);
  const section = page.locator(`[data-section-id="${hash}"]`).first();
  await section.locator('[data-component-name="CodeBlock/CodeBlock"]').first().waitFor();
  return section;
}

// The two providers' pages are browsed at the same time, each in its own renderer process (their
// suites are concurrent; the cases of one page run in turn, `it.sequential`, as they share it):
// drawing a page is work for one core, and the machine has two.
describe.concurrent.each([
  ["clicksend", ["sms/send"]],
  ["smsend", ["auth/login", "sms/send"]],
] as const)("%s.html in Chromium", (id, must) => {
  // One page for all of this provider's cases: loading the 2-3 MB page is the slow part.
  let page: Page;
  const network: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (request) => {
      if (!/^(file|data|blob|about):/.test(request.url())) network.push(request.url());
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto(pageUrl(`${id}.html`), { waitUntil: "load" });
    await page.waitForSelector('li[data-testid="menu-item-label"]');
  }, 120_000);

  afterAll(async () => {
    await page?.close();
  });

  it.sequential("lists every operation once each tag section is expanded", async () => {
    // Redoc 3 shows one tag section at a time. One loop inside the page opens each in turn and
    // collects what it lists (45 round trips of Playwright clicks took six times as long).
    const labels = new Set(
      await page.evaluate(async () => {
        // Tag groups only: the guide's sections with subsections are groups too, without operations.
        const groups = [...document.querySelectorAll<HTMLElement>('[data-component-name="Menu/MenuItem"].menu-item-type-group')].filter(
          (group) => !/^#?\/section\//.test(group.querySelector(":scope > a")?.getAttribute("href") ?? ""),
        );
        const found: string[] = [];
        const collect = () => {
          for (const span of document.querySelectorAll('li[data-testid="menu-item-label"] span[data-text]'))
            found.push(span.getAttribute("data-text") ?? "");
        };
        // A click on a group opens it in the menu and follows its link, which draws the tag's
        // section: half the CPU of this loop, for nothing it checks. The links are not followed.
        const stayPut = new AbortController();
        window.addEventListener("click", (event) => event.preventDefault(), { capture: true, signal: stayPut.signal });
        for (const group of groups) {
          group.querySelector<HTMLElement>(":scope > a > li")!.click();
          // React renders the opened group on a later frame: wait until its operations are there.
          while (!group.querySelector(".menu-item-type-operation")) await new Promise(requestAnimationFrame);
          collect();
        }
        stayPut.abort();
        return found;
      }),
    );
    const summaries = loadSpec(id).model.operations.map((op) => op.summary);
    expect(summaries.filter((summary) => !labels.has(summary))).toEqual([]);
    await page.screenshot({ path: path.join(shotsDir, `${id}.png`) });
  }, 120_000);

  it.sequential("operation pages open on a TypeScript sample, offer curl, wrap long samples and payloads", async () => {
    const visits = pagesToVisit(id, must);
    expect(visits.operations.length).toBeGreaterThan(5);
    expect(visits.operations.some((visit) => visit.payload)).toBe(true);

    // One loop in the page, one visit per operation. The page's own work after each step (Redoc
    // renders, styles and lays out the page again) is nearly all the time this takes: the loop
    // takes as few steps as its checks need.
    const problems = await page.evaluate(async ({ operations, webhooks }) => {
      const frame = () => new Promise(requestAnimationFrame);
      /** Resolves with `read()`'s first truthy value, re-read on each change of the page (no polling). */
      const until = <T>(read: () => T | undefined | null | false | "") =>
        new Promise<T>((resolve) => {
          const first = read();
          if (first) return resolve(first);
          const observer = new MutationObserver(() => {
            const value = read();
            if (!value) return;
            observer.disconnect();
            resolve(value);
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        });
      const found: string[] = [];
      const LANGUAGES = /^(TypeScript|curl|fetch|Payload)$/;
      const open = async (hash: string) => {
        location.hash = `#${hash}`;
        const selector = `[data-section-id="${hash}"]`;
        await until(() => document.querySelector(selector)?.querySelector('[data-component-name="CodeBlock/CodeBlock"]'));
        return document.querySelector<HTMLElement>(selector)!;
      };
      // The request panel: the one whose header holds the language menu.
      const label = (element: Element) => element.textContent?.trim() ?? "";
      const languageMenu = (section: HTMLElement) =>
        [...section.querySelectorAll<HTMLElement>('[data-component-name="Dropdown/Dropdown"]')].find((d) => LANGUAGES.test(label(d)));
      const sample = (section: HTMLElement) =>
        languageMenu(section)
          ?.closest('[data-component-name="Panel/Panel"]')
          ?.querySelector<HTMLElement>('[data-component-name="CodeBlock/CodeBlock"]')?.textContent ?? "";
      /** Waits a bounded number of frames for the section's language menu (React renders it late). */
      const menuOf = async (section: HTMLElement) => {
        for (let i = 0; i < 2000 && !languageMenu(section); i++) await frame();
        return languageMenu(section);
      };
      /** Picks `language` in the section's menu; returns the languages the open menu offered. */
      const choose = async (section: HTMLElement, language: string) => {
        const menu = languageMenu(section)!;
        const before = sample(section);
        (menu.querySelector<HTMLElement>("button, [role=button]") ?? menu).click();
        const items = () =>
          [...document.querySelectorAll<HTMLElement>('[data-component-name="Dropdown/DropdownMenuItem"]')].filter((i) =>
            LANGUAGES.test(label(i)),
          );
        await until(() => items().length > 0);
        const offered = items().map(label);
        const item = items().find((i) => label(i) === language);
        if (!item || label(menu) === language) {
          (menu.querySelector<HTMLElement>("button, [role=button]") ?? menu).click();
          return offered;
        }
        item.click();
        await until(() => label(languageMenu(section)!) === language);
        // The sample follows the menu a render later: wait for it, for a bounded number of frames
        // (a bound in frames, not seconds, stretches with a loaded machine).
        for (let i = 0; i < 600 && sample(section) === before; i++) await frame();
        return offered;
      };
      const overflowing = (section: HTMLElement) =>
        [
          ...section.querySelectorAll<HTMLElement>(
            'pre, [data-component-name="CodeBlock/CodeBlock"], [data-component-name="JsonViewer/JsonViewer"]',
          ),
        ]
          .filter((e) => e.scrollWidth > e.clientWidth + 1)
          .map((e) => `${e.getAttribute("data-component-name") ?? e.tagName} ${e.scrollWidth}px in ${e.clientWidth}px`);

      /** What each language's sample must show; TypeScript's must call the operation's client method. */
      const check = (section: HTMLElement, language: string, visit: (typeof operations)[number]) => {
        const text = sample(section);
        if (language === "TypeScript" && !text.includes(visit.call))
          found.push(`${visit.hash}: the TypeScript sample does not call ${visit.call}`);
        if (language === "curl" && !text.startsWith("curl ")) found.push(`${visit.hash}: no curl sample (${text.slice(0, 40)})`);
        for (const wide of overflowing(section)) found.push(`${visit.hash} (${language}): ${wide} does not wrap`);
      };
      // Each operation is checked in the language it opens on, then in the others. The choice is
      // global, so each operation opens on the language the one before was left on: TypeScript
      // (the page's own default) for the first, then TypeScript or curl in turn. Every switch costs
      // Redoc a render of the page, so none is made only to go back.
      let current = "TypeScript";
      for (const visit of operations) {
        const section = await open(visit.hash);
        const menu = await menuOf(section);
        if (!menu) {
          found.push(`${visit.hash}: no language menu`);
          continue;
        }
        const opened = label(menu);
        if (opened !== current) found.push(`${visit.hash}: opens on ${opened}, not ${current}`);
        await until(() => sample(section).trim() !== "");
        check(section, opened, visit);
        const expected = ["TypeScript", "curl", "fetch", ...(visit.payload ? ["Payload"] : [])];
        // The payload before the other sample language: left on Payload, the next operation
        // without a body could not open on it.
        const others = ["Payload", "curl", "TypeScript"].filter((language) => expected.includes(language) && language !== opened);
        for (const [i, language] of others.entries()) {
          const offered = await choose(section, language);
          if (i === 0 && offered.join() !== expected.join())
            found.push(`${visit.hash}: offers ${offered.join(", ")}, not ${expected.join(", ")}`);
          if (label(languageMenu(section)!) !== language) continue;
          if (language !== "Payload") await until(() => sample(section).trim() !== "");
          check(section, language, visit);
        }
        current = label(languageMenu(section)!);
      }
      // Webhooks: Redoc's panel shows the payload only; the samples are code blocks of the description.
      for (const visit of webhooks) {
        const section = await open(visit.hash);
        const blocks = [...section.querySelectorAll<HTMLElement>('pre, [data-component-name="CodeBlock/CodeBlock"]')].map(
          (b) => b.textContent ?? "",
        );
        if (!blocks.some((b) => b.includes(visit.call))) found.push(`${visit.hash}: no TypeScript sample calling ${visit.call}`);
        if (!blocks.some((b) => /^# What .*\ncurl /.test(b))) found.push(`${visit.hash}: no curl sample`);
        for (const wide of overflowing(section)) found.push(`${visit.hash}: ${wide} does not wrap`);
      }
      return found;
    }, visits);
    expect(problems).toEqual([]);
  }, 180_000);

  if (id === "clicksend")
    it.sequential("opens the send-SMS payload expanded; screenshots of it, its TypeScript sample, a webhook and the guide", async () => {
      const send = await show(page, "/sms/sms/send");
      await choose(send, "Payload");
      await page.screenshot({ path: path.join(shotsDir, "clicksend-sms-send-payload.png") });
      // Every message of the first request example is on screen, not folded away.
      const payload = await send.locator('[data-component-name="JsonViewer/JsonViewer"]').first().innerText();
      const example =
        pageDefinition("clicksend").paths["/sms/send"].post.requestBody.content["application/json"].examples["two-recipients"];
      for (const message of example.value.messages) {
        expect(payload).toContain(message.to);
        expect(payload).toContain(message.body);
      }
      await choose(send, "TypeScript");
      await page.screenshot({ path: path.join(shotsDir, "clicksend-sms-send-typescript.png") });

      await show(page, "/webhooks/webhooks/sms-delivery-receipt");
      await page.screenshot({ path: path.join(shotsDir, "clicksend-webhook.png") });
      await page.evaluate(() => {
        location.hash = "#/section/authentication";
      });
      await page.locator('[data-section-id="/section/authentication"]').first().waitFor();
      await page.screenshot({ path: path.join(shotsDir, "clicksend-guide-authentication.png") });
    });

  if (id === "smsend")
    it.sequential("opens the login on its realistic reply; screenshot", async () => {
      const login = await show(page, "/auth/auth/login");
      await page.screenshot({ path: path.join(shotsDir, "smsend-login.png") });
      const examples = pageDefinition("smsend").paths["/login"].get.responses["200"].content["text/plain"].examples;
      const [first] = Object.values(examples) as { value: string }[];
      expect(first!.value).not.toMatch(/\{[A-Z_]+\}/);
      const reply = await login.innerText();
      expect(reply).toContain(first!.value);
      expect(reply).not.toContain("{USER_KEY}");
    });

  it.sequential("made no network request and logged no console error while loading and being browsed", () => {
    expect(network).toEqual([]);
    expect(errors).toEqual([]);
  });

  /** Picks `language` in the request panel's menu of `section` with Playwright's clicks. */
  async function choose(section: ReturnType<Page["locator"]>, language: string) {
    await section
      .locator('[data-component-name="Dropdown/Dropdown"]', { hasText: /^(TypeScript|curl|fetch|Payload)$/ })
      .first()
      .click();
    await page.locator('[data-component-name="Dropdown/DropdownMenuItem"]', { hasText: language }).first().click();
  }
});
