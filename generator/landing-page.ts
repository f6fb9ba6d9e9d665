/**
 * The landing page of the docs (dist/docs/index.html): what each API covers (operation, group,
 * webhook and sample counts from its bundled document), its downloads, the brands that serve the
 * same API, what the tests verify, and the changelog (CHANGELOG.md as HTML).
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { OpenApiDocument } from "./bundle.js";
import buildModel from "./model.js";
import { brandIds, brandsDir, repoRoot, type Provider } from "./providers.js";

export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline Markdown of the changelog: `code`, [links](url) and **bold**. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
}

/** CHANGELOG.md as HTML: its headings, paragraphs and bullet lists (all it uses), without its title. */
export function changelogHtml(markdown: string): string {
  const html: string[] = [];
  const blocks = markdown.replace(/^# .*\n/, "").split(/\n\s*\n/);
  for (const block of blocks.map((b) => b.trim()).filter(Boolean)) {
    const heading = /^(#{2,4}) (.*)$/.exec(block);
    if (heading) html.push(`<h${heading[1]!.length + 1}>${inline(heading[2]!)}</h${heading[1]!.length + 1}>`);
    else if (block.startsWith("- "))
      html.push(
        `<ul>${block
          .split(/\n- /)
          .map((item) => `<li>${inline(item.replace(/^- /, "").replace(/\s*\n\s*/g, " "))}</li>`)
          .join("")}</ul>`,
      );
    else html.push(`<p>${inline(block.replace(/\s*\n\s*/g, " "))}</p>`);
  }
  return html.join("\n");
}

function providerSection(provider: Provider, document: OpenApiDocument): string {
  const model = buildModel(document);
  const tags = new Set(model.operations.map((op) => op.namespace)).size;
  const samples = model.operations.length + model.webhooks.length;
  const webhooks = model.webhooks.length > 0 ? `, ${model.webhooks.length} webhooks` : "";
  return `<section class="api">
  <h2><a href="${provider.id}.html">${escapeHtml(model.title)}</a> <small>version ${escapeHtml(model.version)}</small></h2>
  <p>${model.operations.length} operations in ${tags} groups${webhooks}, served from <code>${escapeHtml(model.defaultServer)}</code>. Every operation and webhook shows a TypeScript sample with <code>${provider.factory}()</code>, a curl call and a plain <code>fetch</code> (${samples} TypeScript samples).</p>
  <p><a class="button" href="${provider.id}.html">Open the reference</a> Download the OpenAPI 3.1 document: <a href="${provider.id}.openapi.json">JSON</a> · <a href="${provider.id}.openapi.yaml">YAML</a></p>${brandList(provider)}
</section>`;
}

/** A brand's name for the index: its overlay's own title ("Skebby brand of the smSend …"). */
function overlayTitle(provider: Provider, brand: string): string {
  const overlay = YAML.parse(fs.readFileSync(path.join(brandsDir(provider), `${brand}.overlay.yaml`), "utf8")) as {
    info?: { title?: string };
  };
  return overlay.info?.title ?? brand;
}

/** The gateways that serve the same API under their own brand, each with its page and downloads. */
function brandList(provider: Provider): string {
  const rows = brandIds(provider).map((brand) => {
    const name = `${provider.id}-${brand}`;
    return `    <li><a href="${name}.html">${escapeHtml(overlayTitle(provider, brand))}</a> — <a href="${name}.openapi.json">JSON</a> · <a href="${name}.openapi.yaml">YAML</a></li>`;
  });
  return rows.length > 0 ? `\n  <p>The same API under other brands:</p>\n  <ul>\n${rows.join("\n")}\n  </ul>` : "";
}

function indexPage(providers: readonly Provider[], documents: Record<string, OpenApiDocument>, changelog: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SMS gateway API reference: ClickSend and smSend</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2.5rem auto; padding: 0 1rem; line-height: 1.55; color: #1d2330 }
    h1 { margin-bottom: .25rem } h2 small { font-weight: normal; color: #5b6478; font-size: .9rem }
    .api { border: 1px solid #d7dce5; border-radius: 8px; padding: .25rem 1.25rem; margin: 1.25rem 0 }
    .button { display: inline-block; background: #2f5bd3; color: #fff; padding: .35rem .9rem; border-radius: 6px; text-decoration: none; margin-right: 1rem }
    code { background: #f1f3f7; padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere }
    #changelog { border-top: 1px solid #d7dce5; margin-top: 2rem }
  </style>
</head>
<body>
  <h1>SMS gateway API reference</h1>
  <p>Independent OpenAPI 3.1 descriptions of two SMS gateways, each page with authentication, status codes, rate limits, pagination, test numbers and webhooks explained once, and code samples on every operation. The pages work offline: nothing is loaded from the network.</p>
${providers.map((p) => providerSection(p, documents[p.id]!)).join("\n")}
  <h2>What is verified</h2>
  <ul>
    <li>Every TypeScript and <code>fetch</code> sample on these pages is compiled by the test suite, from the page itself, against the published package's types.</li>
    <li>Every operation is called through the generated client against a mock server that validates each request against the description.</li>
    <li>Every request and reply example validates against its schema; a wrong example stops the build.</li>
    <li>Each page is opened in Chromium with the network watched: no request leaves the page, and every operation is listed.</li>
  </ul>
  <section id="changelog">
  <h2>Changelog</h2>
${changelog}
  </section>
</body>
</html>
`;
}

/** The landing page, from the bundled documents (counts) and CHANGELOG.md. */
export function writeIndex(providers: readonly Provider[], outDir: string, documents: Record<string, OpenApiDocument>): string {
  const index = path.join(outDir, "index.html");
  fs.mkdirSync(outDir, { recursive: true });
  const changelog = changelogHtml(fs.readFileSync(path.join(repoRoot, "CHANGELOG.md"), "utf8"));
  fs.writeFileSync(index, indexPage(providers, documents, changelog));
  return index;
}
