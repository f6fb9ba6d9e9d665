/**
 * `npm run docs-coverage -- <provider> <capture.txt> [more captures…]`: the endpoints a
 * plain-text capture of the provider's docs documents that generated/<provider>/openapi.json
 * lacks, and the spec's operations the capture does not mention (formats in
 * scripts/lib/docs-coverage.ts). Several captures of one provider count as one document.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../generator/providers.js";
import { coverage, extractEndpoints, formatCoverage, specOperations, type ProviderId } from "./lib/docs-coverage.js";

const [provider, ...captures] = process.argv.slice(2);
if ((provider !== "clicksend" && provider !== "smsend") || captures.length === 0) {
  console.error("usage: npm run docs-coverage -- <clicksend|smsend> <capture.txt> [more captures…]");
  process.exit(1);
}
const id: ProviderId = provider;
const missing = captures.filter((file) => !fs.existsSync(file));
if (missing.length > 0) {
  console.error(`docs-coverage: no such capture: ${missing.join(", ")}`);
  process.exit(1);
}

const found = captures.map((file) => extractEndpoints(id, fs.readFileSync(file, "utf8"), path.basename(file)));
const document: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", id, "openapi.json"), "utf8"));
const result = coverage(found.flatMap((f) => f.documented), found.flatMap((f) => f.unresolved), specOperations(document));
console.log(formatCoverage(id, captures.map((file) => path.basename(file)), result));
