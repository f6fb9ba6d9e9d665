/**
 * Docs step: each provider's spec → dist/docs/<provider>.html (Redocly), self-contained, plus the
 * bundled document as JSON and YAML for download, and dist/docs/index.html linking them all.
 * The pages load nothing from the network: scripts are inlined (`--inlineBundle`), telemetry is
 * off (redocly.yaml), and the one image Redoc still takes from a CDN, the attribution logo, is
 * replaced by an inline picture. Redocly's docs builder has no Node API, so this step runs its CLI.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import YAML from "yaml";
import { brandIds, brandsDir, repoRoot, type Provider } from "./providers.js";

const run = promisify(execFile);

/** Redoc's sidebar attribution loads these; an inline SVG keeps the credit without a request. */
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

/** A page name and its title: a provider (`smsend`) or one of its brands (`smsend-skebby`). */
function pageRow(name: string, title: string): string {
  return `<a href="${name}.html">${title}</a> — download the bundled OpenAPI 3.1 document as <a href="${name}.openapi.json">JSON</a> or <a href="${name}.openapi.yaml">YAML</a>`;
}

/** A brand's name for the index: its overlay's own title ("Skebby brand of the smSend …"). */
function overlayTitle(provider: Provider, brand: string): string {
  const overlay = YAML.parse(fs.readFileSync(path.join(brandsDir(provider), `${brand}.overlay.yaml`), "utf8")) as { info?: { title?: string } };
  return overlay.info?.title ?? brand;
}

function indexPage(providers: readonly Provider[]): string {
  const rows = providers
    .map((p) => {
      const brands = brandIds(p).map((id) => `      <li>${pageRow(`${p.id}-${id}`, overlayTitle(p, id))}</li>`);
      return `    <li>${pageRow(p.id, p.title)}${brands.length > 0 ? `\n      <ul>\n${brands.join("\n")}\n      </ul>\n    ` : ""}</li>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SMS gateway API reference</title>
  <style>body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.6 } li { margin: .5rem 0 }</style>
</head>
<body>
  <h1>SMS gateway API reference</h1>
  <p>Independent, tested OpenAPI descriptions of two SMS gateways, generated from the specs in this repository.</p>
  <ul>
${rows}
  </ul>
</body>
</html>
`;
}

/** Runs Redocly's docs builder on `source` (an API alias of redocly.yaml or a file) into `page`. */
async function renderPage(source: string, page: string, signal?: AbortSignal): Promise<void> {
  const cli = path.join(repoRoot, "node_modules", "@redocly", "cli", "bin", "cli.js");
  await run(process.execPath, [cli, "build-docs", source, "--output", page, "--inlineBundle"], {
    cwd: repoRoot,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    ...(signal ? { signal } : {}),
  });
  fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace(CDN_LOGOS, LOCAL_LOGO));
}

function writeDownloads(outDir: string, name: string, value: unknown): [string, string] {
  const json = path.join(outDir, `${name}.openapi.json`);
  const yaml = path.join(outDir, `${name}.openapi.yaml`);
  fs.writeFileSync(json, `${JSON.stringify(value, null, 2)}\n`);
  fs.writeFileSync(yaml, YAML.stringify(value, { lineWidth: 0 }));
  return [json, yaml];
}

/** A brand's page and downloads (`<provider>-<brand>.*`), rendered from its bundled document. */
export async function buildBrandDocs(provider: Provider, brand: string, document: unknown, outDir: string, signal?: AbortSignal): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const name = `${provider.id}-${brand}`;
  const [json, yaml] = writeDownloads(outDir, name, document);
  const page = path.join(outDir, `${name}.html`);
  await renderPage(json, page, signal);
  return [page, json, yaml];
}

/** Builds one provider's page and its downloads into `outDir`; returns the files written. */
export async function buildProviderDocs(provider: Provider, outDir: string, document: unknown, signal?: AbortSignal): Promise<string[]> {
  // `document` may still be on its way (a promise): the page is rendered from the specs meanwhile.
  fs.mkdirSync(outDir, { recursive: true });
  const page = path.join(outDir, `${provider.id}.html`);
  // By alias, so that the API's own settings in redocly.yaml (download links) apply.
  await renderPage(provider.redoclyAlias, page, signal);
  return [page, ...writeDownloads(outDir, provider.id, await document)];
}

export function writeIndex(providers: readonly Provider[], outDir: string): string {
  const index = path.join(outDir, "index.html");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(index, indexPage(providers));
  return index;
}

/** Every provider's page from its committed bundled document, and the index, into `outDir`. */
export default async function buildDocs(providers: readonly Provider[], outDir: string): Promise<string[]> {
  const committed = (provider: Provider, name: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider.id, name), "utf8"));
  const written = await Promise.all(
    providers.flatMap((provider) => [
      buildProviderDocs(provider, outDir, committed(provider, "openapi.json")),
      ...brandIds(provider).map((id) => buildBrandDocs(provider, id, committed(provider, `${id}.openapi.json`), outDir)),
    ]),
  );
  return [writeIndex(providers, outDir), ...written.flat().sort()];
}
