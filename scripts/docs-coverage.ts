/**
 * `npm run docs-coverage -- <clicksend|smsend> <capture…> [--json]`: what plain-text captures of
 * a provider's docs say that generated/<provider>/openapi.json does not. Endpoints the capture
 * documents that the spec lacks (and the reverse), then, per operation, every sample, field
 * table and status list compared with the spec (scripts/lib/docs-drift.ts). Contradictions the
 * spec records (`x-discrepancies`) or the samples' errata record are shown as such. Several
 * captures of one provider count as one document. Exit code: 1 when anything new is found,
 * 0 when not, 2 on a usage error.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../generator/providers.js";
import { formatCoverage, type ProviderId } from "./lib/docs-coverage.js";
import { checkCaptures, formatDrift, loadRecordedSamples } from "./lib/docs-drift.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const [provider, ...captures] = args.filter((a) => a !== "--json");
if ((provider !== "clicksend" && provider !== "smsend") || captures.length === 0) {
  console.error("usage: npm run docs-coverage -- <clicksend|smsend> <capture.txt> [more captures…] [--json]");
  process.exit(2);
}
const id: ProviderId = provider;
const missing = captures.filter((file) => !fs.existsSync(file));
if (missing.length > 0) {
  console.error(`docs-coverage: no such capture: ${missing.join(", ")}`);
  process.exit(2);
}

const document: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", id, "openapi.json"), "utf8"));
const recordedSamples = loadRecordedSamples(repoRoot, id);

const names = captures.map((file) => path.basename(file));
const { coverage, drift } = checkCaptures(
  id,
  captures.map((file, i) => ({ name: names[i]!, text: fs.readFileSync(file, "utf8") })),
  document,
  recordedSamples,
);
const fresh = drift.findings.filter((f) => !f.recorded).length;
if (json) console.log(JSON.stringify({ provider: id, captures: names, new: fresh, coverage, ...drift }, null, 2));
else console.log([formatCoverage(id, names, coverage), "", ...formatDrift(drift)].join("\n"));
process.exitCode = fresh > 0 ? 1 : 0;
