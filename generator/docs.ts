/**
 * Docs step: each provider's bundled document → dist/docs/<provider>.html (Redoc),
 * self-contained, plus the bundled document as JSON and YAML for download, and
 * dist/docs/index.html, the landing page.
 *
 * The page renders a copy of the bundled document made for readers (docsDocument): code samples
 * on every operation and webhook (./samples.ts) and without the records no reader sees there
 * (`x-provenance`, `x-discrepancies`: Redoc does not show extensions). The downloads are the
 * bundled document itself, what other generators and tools want: samples written for this
 * package's client would only be noise there, and would make a client change look like an API
 * change to anyone diffing the document.
 *
 * The pages load nothing from the network: Redoc's script is inlined (see pageHtml), telemetry is
 * off, and the one image Redoc still takes from a CDN, the attribution logo, is replaced by an
 * inline picture.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { OpenApiDocument } from "./bundle.js";
import buildModel from "./model.js";
import { brandIds, brandsDir, repoRoot, type Provider } from "./providers.js";
import { operationSamples, webhookSamples } from "./samples.js";

/** Redoc's sidebar attribution loads these; an inline SVG keeps the credit without a request. */
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

/** Extensions kept on the page: the ones Redoc renders. Any other `x-` key is a record for tools. */
const RENDERED_EXTENSIONS = new Set(["x-codeSamples", "x-tagGroups", "x-displayName", "x-logo", "x-traitTag"]);
/** Where keys are names of the reader's data, not OpenAPI keywords: nothing is stripped inside. */
const DATA_KEYS = new Set(["properties", "patternProperties", "example", "examples", "value", "const", "enum", "default"]);

function stripRecords(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(stripRecords);
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") && !RENDERED_EXTENSIONS.has(key)) delete (node as Record<string, unknown>)[key];
    else if (!DATA_KEYS.has(key)) stripRecords(value);
    else if (key === "properties" || key === "patternProperties") Object.values(value as object).forEach(stripRecords);
  }
}

/** The document the page renders: the bundled one with code samples, without unrendered records. */
export function docsDocument(provider: Provider, bundled: OpenApiDocument): OpenApiDocument {
  const document = structuredClone(bundled);
  const model = buildModel(bundled);
  for (const op of model.operations) {
    const operation = (document.paths![op.path] as Record<string, Record<string, unknown>>)[op.method]!;
    operation["x-codeSamples"] = operationSamples(bundled, provider, model, op);
  }
  for (const name of model.webhooks) {
    const hook = (document.webhooks as Record<string, Record<string, Record<string, unknown>>>)[name]!;
    if (!hook.post) continue;
    // Redoc's request panel shows only the payload for webhooks, so the samples also go at the
    // end of the description, where readers see them; x-codeSamples keeps them for other viewers.
    const samples = webhookSamples(bundled, provider, name);
    hook.post["x-codeSamples"] = samples;
    const blocks = samples.map(
      (sample) => `**${sample.label}**\n\n\`\`\`${sample.lang === "Shell" ? "bash" : "ts"}\n${sample.source}\`\`\``,
    );
    hook.post.description = `${String(hook.post.description ?? "").trimEnd()}\n\n**Receiving it**\n\n${blocks.join("\n\n")}\n`;
  }
  stripRecords(document);
  return document;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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

/** The page's Redoc options: the shared `openapi` options of redocly.yaml and the API's own
 * (download links); a brand's page offers its own documents for download. */
function pageOptions(provider: Provider, name: string): Record<string, unknown> {
  type Options = Record<string, unknown>;
  const config = YAML.parse(fs.readFileSync(path.join(repoRoot, "redocly.yaml"), "utf8")) as {
    apis: Record<string, { openapi?: Options }>;
    openapi?: Options;
  };
  const downloads =
    name === provider.id
      ? {}
      : { downloadUrls: ["JSON", "YAML"].map((kind) => ({ title: `OpenAPI (${kind})`, url: `${name}.openapi.${kind.toLowerCase()}` })) };
  // skipBundle: the document is bundled already; disableTelemetry: readers' browsers never phone home.
  return { ...config.openapi, ...config.apis[provider.redoclyAlias]!.openapi, ...downloads, skipBundle: true, disableTelemetry: true };
}

/** Readable on narrow screens: code samples and payload samples wrap instead of scrolling for
 * thousands of pixels (a form-encoded body is one long line). */
const PAGE_STYLE = `<style>
  body { padding: 0; margin: 0; }
  pre, pre code, code[class*="language-"] { white-space: pre-wrap !important; overflow-wrap: anywhere !important; word-break: break-word; }
</style>`;

/**
 * Redoc's browser bundle, the one `redocly build-docs --inlineBundle` inlines. The pages are
 * written here rather than by that command: it also pre-renders the whole page in a Node process
 * of its own (React on the server), which cost 8–9 s of a build for 11 pages and added 0.3 MB of
 * markup and styles to each; Redoc renders the same page in the browser from the same document
 * and options (its `hydrate` renders afresh into an empty element). The file is inside
 * @redocly/cli, whose version is pinned: a layout change stops the build here, loudly.
 */
const REDOC_BUNDLE = path.join(repoRoot, "node_modules", "@redocly", "cli", "lib", "chunks", "redoc.standalone.js");
let redocBundle: string | undefined;

/** JSON safe inside a <script>: no `</script>` and no line separators that end a JS string. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The page: Redoc's bundle, the document and the options inline, so it opens from disk offline. */
export function pageHtml(title: string, document: unknown, options: Record<string, unknown>): string {
  if (redocBundle === undefined) {
    if (!fs.existsSync(REDOC_BUNDLE))
      throw new Error(`Redoc's browser bundle is not at ${REDOC_BUNDLE}: @redocly/cli changed its layout; see generator/docs.ts`);
    // Redoc's own logo in the sidebar credit comes from a CDN: an inline picture keeps the credit offline.
    redocBundle = fs
      .readFileSync(REDOC_BUNDLE, "utf8")
      .replace(CDN_LOGOS, LOCAL_LOGO)
      .replace(/<\/(script)/gi, "<\\/$1");
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf8" />
  <title>${escapeHtml(title)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  ${PAGE_STYLE}
</head>
<body>
  <div id="redoc"></div>
  <script type="module">
  ${redocBundle}
  const __redoc_definition = ${scriptJson(document)};
  const __redoc_options = ${scriptJson(options)};
  hydrate(__redoc_definition, __redoc_options, document.getElementById("redoc"));
  </script>
</body>
</html>
`;
}

/** Writes one page (`<name>.html`) and its downloads (`<name>.openapi.{json,yaml}`) into `outDir`. */
function writeDocs(provider: Provider, name: string, bundled: OpenApiDocument, outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const page = path.join(outDir, `${name}.html`);
  const json = path.join(outDir, `${name}.openapi.json`);
  const yaml = path.join(outDir, `${name}.openapi.yaml`);
  const info = (bundled.info ?? {}) as { title?: string };
  fs.writeFileSync(page, pageHtml(info.title ?? name, docsDocument(provider, bundled), pageOptions(provider, name)));
  fs.writeFileSync(json, `${JSON.stringify(bundled, null, 2)}\n`);
  fs.writeFileSync(yaml, YAML.stringify(bundled, { lineWidth: 0 }));
  return [page, json, yaml];
}

/** Builds one provider's page and its downloads into `outDir`; returns the files written. */
export function buildProviderDocs(provider: Provider, document: OpenApiDocument, outDir: string): string[] {
  return writeDocs(provider, provider.id, document, outDir);
}

/** A brand's page and downloads (`<provider>-<brand>.*`), rendered from its bundled document. */
export function buildBrandDocs(provider: Provider, brand: string, document: OpenApiDocument, outDir: string): string[] {
  return writeDocs(provider, `${provider.id}-${brand}`, document, outDir);
}

/** The landing page, from the bundled documents (counts) and CHANGELOG.md. */
export function writeIndex(providers: readonly Provider[], outDir: string, documents: Record<string, OpenApiDocument>): string {
  const index = path.join(outDir, "index.html");
  fs.mkdirSync(outDir, { recursive: true });
  const changelog = changelogHtml(fs.readFileSync(path.join(repoRoot, "CHANGELOG.md"), "utf8"));
  fs.writeFileSync(index, indexPage(providers, documents, changelog));
  return index;
}
