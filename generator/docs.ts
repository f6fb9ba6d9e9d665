/**
 * Docs step: each provider's split spec → dist/docs/<provider>.html (Redocly), self-contained
 * (`--inlineBundle`: no CDN at view time), plus dist/docs/index.html linking them.
 * Redocly's docs builder has no Node API, so this one step runs its CLI.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot, type Provider } from "./providers.js";

const run = promisify(execFile);

export default async function buildDocs(providers: readonly Provider[], outDir: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const cli = path.join(repoRoot, "node_modules", "@redocly", "cli", "bin", "cli.js");
  const written: string[] = [];
  await Promise.all(
    providers.map(async (provider) => {
      const output = path.join(outDir, `${provider.id}.html`);
      await run(process.execPath, [cli, "build-docs", provider.root, "--output", output, "--inlineBundle"], {
        cwd: repoRoot,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      });
      written.push(output);
    }),
  );
  const links = providers.map((p) => `    <li><a href="${p.id}.html">${p.title}</a></li>`).join("\n");
  const index = path.join(outDir, "index.html");
  fs.writeFileSync(
    index,
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>SMS gateway API reference</title></head>\n<body>\n  <h1>SMS gateway API reference</h1>\n  <ul>\n${links}\n  </ul>\n</body>\n</html>\n`,
  );
  return [index, ...written.sort()];
}
