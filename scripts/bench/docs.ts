/**
 * Benchmark 5: what a reader downloads to open each reference page (dist/docs/<provider>.html,
 * as `npm run build` wrote it; nothing else is fetched), raw and gzip level 9 (what a web server
 * would send), split into its parts: Redoc's own script, the embedded document, and the page
 * around them (markup, style, Redoc's options). Sizes are deterministic: measured once.
 * Budget per page: raw and gzip sizes a change must stay within; the embedded document is the
 * part this project controls.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { providers } from "../../generator/providers.js";
import { repoRoot, table, type BenchResult } from "./lib.js";

const MiB = 1024 * 1024;
const BUDGET: Record<string, { raw: number; gzip: number }> = {
  clicksend: { raw: 3.5 * MiB, gzip: 0.8 * MiB },
  smsend: { raw: 2.6 * MiB, gzip: 0.7 * MiB },
};

const bytes = (n: number) => `${n.toLocaleString("en")} B`;
const mib = (n: number) => `${(n / MiB).toFixed(2)} MiB`;

/** The page's parts, by the markers generator/docs.ts (pageHtml) writes. */
function parts(html: string): Record<string, number> {
  const at = (marker: string, from = 0) => {
    const index = html.indexOf(marker, from);
    if (index < 0) throw new Error(`docs bench: "${marker}" not found in the page (did generator/docs.ts's page change?)`);
    return index;
  };
  const script = at('<script type="module">');
  const definition = at("const __redoc_definition = ", script);
  const options = at("const __redoc_options", definition);
  const size = (from: number, to: number) => Buffer.byteLength(html.slice(from, to));
  return {
    "Redoc's script": size(script, definition),
    "embedded document": size(definition, options),
    "markup, style and options": Buffer.byteLength(html) - size(script, definition) - size(definition, options),
  };
}

export default async function benchDocs(): Promise<BenchResult> {
  const rows: string[][] = [];
  const partRows: string[][] = [];
  const verdicts: string[] = [];
  for (const provider of providers) {
    const file = path.join(repoRoot, "dist", "docs", `${provider.id}.html`);
    const html = fs.readFileSync(file, "utf8");
    const raw = Buffer.byteLength(html);
    const gzip = gzipSync(html, { level: 9 }).length;
    const budget = BUDGET[provider.id]!;
    const met = raw <= budget.raw && gzip <= budget.gzip;
    verdicts.push(`${provider.id} ${mib(raw)} (${mib(gzip)} gzip) ${met ? "met" : "missed"}`);
    rows.push([
      `\`${provider.id}.html\``,
      bytes(raw),
      bytes(gzip),
      `≤ ${mib(budget.raw)}, ≤ ${mib(budget.gzip)} gzip`,
      met ? "**met**" : "**missed**",
    ]);
    for (const [part, size] of Object.entries(parts(html)))
      partRows.push([`\`${provider.id}.html\``, part, bytes(size), `${((100 * size) / raw).toFixed(1)} %`]);
  }
  const markdown = [
    "Each reference page as `npm run build` wrote it, opened from disk: it loads nothing else. Gzip is node:zlib level 9, what a web server would send.",
    "",
    table(["page", "raw", "gzip", "budget", "result"], rows),
    "",
    "Where the bytes are:",
    "",
    table(["page", "part", "bytes", "share"], partRows),
    "",
    "What was cut: the embedded document drops the records no reader sees on the page (`x-provenance`, `x-discrepancies`, `x-pagination`, `x-billable` and the other extensions Redoc does not render; the downloads keep them), which makes room for the code samples on every operation; and the markup and CSS Redocly's build-docs pre-rendered on the server (about 0.3 MB per page, 8 % of ClickSend's), which Redoc renders in the browser from the same document anyway. " +
      "Redoc's own script is the largest part and the same in both pages; it cannot be shared as one file, because it is an ES module and a page opened from disk (file://) may not load a module from a file.",
  ].join("\n");
  return { title: "5. Docs page weight", markdown, verdict: `docs: ${verdicts.join("; ")}` };
}
