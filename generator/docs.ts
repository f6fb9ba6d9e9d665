/**
 * Docs step: each provider's bundled document → dist/docs/<provider>.html (Redoc),
 * self-contained, plus the bundled document as JSON and YAML for download. The landing page,
 * dist/docs/index.html, is ./landing-page.ts.
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
 *
 * A little over 150 lines: the reader's copy of the document, the page's Redoc options and the
 * page's HTML are the three parts of one page, each short, and nothing else uses them apart.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { stringifyYaml } from "@redocly/openapi-core";
import type { OpenApiDocument } from "./bundle.js";
import buildModel from "./model.js";
import { escapeHtml } from "./landing-page.js";
import { repoRoot, type Provider } from "./providers.js";
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

/**
 * The YAML download: every value in full (a shared object is not written as an anchor and its
 * aliases, which some readers do not follow), no line folded, and quoted wherever a YAML 1.1
 * reader would take a string for something else (`NO`, `10:30`, `2015-01-16`). Redocly's YAML
 * writer (js-yaml's dump), already loaded for bundling: `yaml`'s stringify took 2.4 times the CPU
 * for these documents, over a second of a build.
 */
export function yamlDownload(document: OpenApiDocument): string {
  return stringifyYaml(document, { lineWidth: -1, noRefs: true, quoteStyle: "double" });
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
  fs.writeFileSync(yaml, yamlDownload(bundled));
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
