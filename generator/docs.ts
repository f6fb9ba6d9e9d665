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
import { repoRoot, type Provider } from "./providers.js";

const run = promisify(execFile);

/** Redoc's sidebar attribution loads these; an inline SVG keeps the credit without a request. */
const CDN_LOGOS = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const LOCAL_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12">Redocly</text></svg>',
)}`;

function indexPage(providers: readonly Provider[]): string {
  const rows = providers
    .map(
      (p) =>
        `    <li><a href="${p.id}.html">${p.title}</a> — download the bundled OpenAPI 3.1 document as <a href="${p.id}.openapi.json">JSON</a> or <a href="${p.id}.openapi.yaml">YAML</a></li>`,
    )
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

/** Builds one provider's page and its downloads into `outDir`; returns the files written. */
export async function buildProviderDocs(provider: Provider, outDir: string, document: unknown, signal?: AbortSignal): Promise<string[]> {
  // `document` may still be on its way (a promise): the page is rendered from the specs meanwhile.
  fs.mkdirSync(outDir, { recursive: true });
  const cli = path.join(repoRoot, "node_modules", "@redocly", "cli", "bin", "cli.js");
  const page = path.join(outDir, `${provider.id}.html`);
  // By alias, so that the API's own settings in redocly.yaml (download links) apply.
  await run(process.execPath, [cli, "build-docs", provider.redoclyAlias, "--output", page, "--inlineBundle"], {
    cwd: repoRoot,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    ...(signal ? { signal } : {}),
  });
  fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace(CDN_LOGOS, LOCAL_LOGO));
  const json = path.join(outDir, `${provider.id}.openapi.json`);
  const yaml = path.join(outDir, `${provider.id}.openapi.yaml`);
  const value = await document;
  fs.writeFileSync(json, `${JSON.stringify(value, null, 2)}\n`);
  fs.writeFileSync(yaml, YAML.stringify(value, { lineWidth: 0 }));
  return [page, json, yaml];
}

export function writeIndex(providers: readonly Provider[], outDir: string): string {
  const index = path.join(outDir, "index.html");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(index, indexPage(providers));
  return index;
}

/** Every provider's page from its committed bundled document, and the index, into `outDir`. */
export default async function buildDocs(providers: readonly Provider[], outDir: string): Promise<string[]> {
  const written = await Promise.all(
    providers.map((provider) =>
      buildProviderDocs(provider, outDir, JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider.id, "openapi.json"), "utf8"))),
    ),
  );
  return [writeIndex(providers, outDir), ...written.flat().sort()];
}
