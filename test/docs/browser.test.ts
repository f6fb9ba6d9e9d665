/**
 * The reference docs as a reader sees them: each page opened from disk in a real headless
 * Chromium (Debian's, driven by playwright-core) with every request to the network recorded.
 * The page must make none, log no console error, and list every operation of its API once each
 * tag section is expanded. On a spread of operation pages and webhooks of each API, the request
 * panel opens on the TypeScript sample, offers the curl one, every sample and payload wraps
 * instead of running off the panel, the send-SMS payload opens expanded, and smSend's login shows
 * its realistic reply first. Screenshots of representative pages are saved to
 * dist/docs-screenshots/.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brandIds, providers, repoRoot } from "../../generator/providers.js";
import { loadSpec } from "../support/openapi.js";
import { pageDefinition } from "../support/docs-page.js";

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

describe("reference docs in Chromium", () => {
  it("index links every provider page and download", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(docsDir, "index.html")).href);
    const links = await page.$$eval("a", (anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    const local = links.filter((link) => !/^https?:/.test(link));
    const pages = providers.flatMap((p) => [p.id, ...brandIds(p).map((brand) => `${p.id}-${brand}`)]);
    expect(new Set(local)).toEqual(new Set(pages.flatMap((name) => [`${name}.html`, `${name}.openapi.json`, `${name}.openapi.yaml`])));
    for (const link of local) expect(fs.existsSync(path.join(docsDir, link))).toBe(true);
    await page.close();
  });

  it.each(providers.map((p) => [p.id, p] as const))(
    "%s.html loads offline, without console errors, listing every operation",
    async (id) => {
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
          // Tag groups only: the guide's sections with subsections are groups too, without operations.
          const groups = [...document.querySelectorAll<HTMLElement>('[data-component-name="Menu/MenuItem"].menu-item-type-group')].filter(
            (group) => !/^#?\/section\//.test(group.querySelector(":scope > a")?.getAttribute("href") ?? ""),
          );
          const found: string[] = [];
          const collect = () => {
            for (const span of document.querySelectorAll('li[data-testid="menu-item-label"] span[data-text]'))
              found.push(span.getAttribute("data-text") ?? "");
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
    },
    180_000,
  );

  /** Operations spread over the whole list (always including `must`), and every webhook. */
  function pagesToVisit(id: string, must: string[]) {
    const { model } = loadSpec(id);
    const step = Math.max(1, Math.floor(model.operations.length / 10));
    const operations = model.operations.filter((op, i) => i % step === 0 || must.includes(op.operationId));
    return {
      operations: operations.map((op) => ({
        hash: `/${op.namespace}/${op.operationId}`,
        call: `.${op.action.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}(`,
      })),
      webhooks: model.webhooks.map((name) => ({ hash: `/webhooks/webhooks/${name}`, call: `parseWebhook("${name}"` })),
    };
  }

  it.each([
    ["clicksend", ["sms/send"]],
    ["smsend", ["auth/login", "sms/send"]],
  ] as const)(
    "%s operation pages open on a TypeScript sample, offer curl, wrap long samples and payloads",
    async (id, must) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(path.join(docsDir, `${id}.html`)).href, { waitUntil: "load" });
      await page.waitForSelector('li[data-testid="menu-item-label"]');
      const visits = pagesToVisit(id, [...must]);
      expect(visits.operations.length).toBeGreaterThan(5);

      // One loop in the page per language: the language menu is global, so each pass picks it once.
      const problems = await page.evaluate(async ({ operations, webhooks }) => {
        const frame = () => new Promise(requestAnimationFrame);
        const found: string[] = [];
        const LANGUAGES = /^(TypeScript|curl|fetch|Payload)$/;
        const open = async (hash: string) => {
          location.hash = `#${hash}`;
          const selector = `[data-section-id="${hash}"]`;
          while (!document.querySelector(selector)?.querySelector('[data-component-name="CodeBlock/CodeBlock"]')) await frame();
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
        const choose = async (section: HTMLElement, language: string) => {
          const menu = languageMenu(section)!;
          (menu.querySelector<HTMLElement>("button, [role=button]") ?? menu).click();
          let item: HTMLElement | undefined;
          while (
            !(item = [...document.querySelectorAll<HTMLElement>('[data-component-name="Dropdown/DropdownMenuItem"]')].find(
              (i) => label(i) === language,
            ))
          )
            await frame();
          item.click();
          while (label(languageMenu(section)!) !== language) await frame();
        };
        const overflowing = (section: HTMLElement) =>
          [
            ...section.querySelectorAll<HTMLElement>(
              'pre, [data-component-name="CodeBlock/CodeBlock"], [data-component-name="JsonViewer/JsonViewer"]',
            ),
          ]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => `${e.getAttribute("data-component-name") ?? e.tagName} ${e.scrollWidth}px in ${e.clientWidth}px`);

        for (const [index, language] of ["TypeScript", "curl", "Payload"].entries()) {
          for (const visit of operations) {
            const section = await open(visit.hash);
            const menu = await menuOf(section);
            if (!menu) {
              found.push(`${visit.hash}: no language menu`);
              continue;
            }
            if (index > 0 && visit === operations[0]) await choose(section, language);
            // Payload is offered only where there is a request body; elsewhere the first language shows.
            if (language !== "Payload" && label(languageMenu(section)!) !== language)
              found.push(`${visit.hash}: opens on ${label(languageMenu(section)!)}, not ${language}`);
            while (sample(section).trim() === "") await frame();
            const text = sample(section);
            if (language === "TypeScript" && !text.includes(visit.call))
              found.push(`${visit.hash}: the TypeScript sample does not call ${visit.call}`);
            if (language === "curl" && !text.startsWith("curl ")) found.push(`${visit.hash}: no curl sample (${text.slice(0, 40)})`);
            for (const wide of overflowing(section)) found.push(`${visit.hash} (${language}): ${wide} does not wrap`);
          }
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
      await page.close();
    },
    180_000,
  );

  it("opens the send-SMS payload expanded and smSend's login on its realistic reply; screenshots", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const shoot = async (id: string, hash: string, name: string, language?: string) => {
      await page.goto(`${pathToFileURL(path.join(docsDir, `${id}.html`)).href}#${hash}`, { waitUntil: "load" });
      const section = page.locator(`[data-section-id="${hash}"]`);
      await section.locator('[data-component-name="CodeBlock/CodeBlock"]').first().waitFor();
      if (language) {
        await section
          .locator('[data-component-name="Dropdown/Dropdown"]', { hasText: /^(TypeScript|curl|fetch|Payload)$/ })
          .first()
          .click();
        await page.locator('[data-component-name="Dropdown/DropdownMenuItem"]', { hasText: language }).first().click();
      }
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
      return section;
    };

    const send = await shoot("clicksend", "/sms/sms/send", "clicksend-sms-send-payload", "Payload");
    // Every message of the first request example is on screen, not folded away.
    const payload = await send.locator('[data-component-name="JsonViewer/JsonViewer"]').first().innerText();
    for (const message of pageDefinition("clicksend").paths["/sms/send"].post.requestBody.content["application/json"].examples[
      "two-recipients"
    ].value.messages) {
      expect(payload).toContain(message.to);
      expect(payload).toContain(message.body);
    }

    const login = await shoot("smsend", "/auth/auth/login", "smsend-login");
    const examples = pageDefinition("smsend").paths["/login"].get.responses["200"].content["text/plain"].examples;
    const [first] = Object.values(examples) as { value: string }[];
    expect(first!.value).not.toMatch(/\{[A-Z_]+\}/);
    const reply = await login.innerText();
    expect(reply).toContain(first!.value);
    expect(reply).not.toContain("{USER_KEY}");

    await shoot("clicksend", "/sms/sms/send", "clicksend-sms-send-typescript", "TypeScript");
    await shoot("clicksend", "/webhooks/webhooks/sms-delivery-receipt", "clicksend-webhook");
    await page.goto(`${pathToFileURL(path.join(docsDir, "clicksend.html")).href}#/section/authentication`, { waitUntil: "load" });
    await page.locator('[data-section-id="/section/authentication"]').first().waitFor();
    await page.screenshot({ path: path.join(shotsDir, "clicksend-guide-authentication.png") });
    await page.goto(pathToFileURL(path.join(docsDir, "index.html")).href);
    await page.screenshot({ path: path.join(shotsDir, "index.png"), fullPage: true });
    await page.close();
  }, 180_000);
});
