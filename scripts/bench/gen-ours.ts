/**
 * Child process of benchmark 1b (ours): types + model + emit over both bundled documents, in one
 * process, written to the folder given as the first argument. Run fresh for every measurement,
 * so importing openapi-typescript and ts-morph counts, as importing hey-api counts for the peer.
 * Prints one JSON line of phase timings (ms) so the report can say where the time goes.
 * Usage: node --import tsx scripts/bench/gen-ours.ts <outDir>
 */
import fs from "node:fs";
import path from "node:path";
import emitClientFiles from "../../generator/emit.js";
import buildModel from "../../generator/model.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { timed } from "../../generator/timing.js";
import emitTypes from "../../generator/types.js";

// Static imports run before this line: performance.now() counts from process start, so this is
// Node + tsx start-up plus importing openapi-typescript and ts-morph.
const phases: Record<string, number> = { "start-up + imports": performance.now() };
const outDir = process.argv[2];
if (!outDir) throw new Error("usage: gen-ours.ts <outDir>");

for (const provider of providers) {
  // The same bundled document the peer reads: generated/<provider>/openapi.json.
  const document = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider.id, "openapi.json"), "utf8"));
  const schema = await timed(phases, `types (${provider.id})`, () => emitTypes(provider.id, document));
  const model = await timed(phases, `model (${provider.id})`, () => buildModel(document));
  const client = await timed(phases, `emit (${provider.id})`, () => emitClientFiles(provider, model));
  const dir = path.join(outDir, provider.id);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries({ "schema.d.ts": schema, ...client })) fs.writeFileSync(path.join(dir, name), text);
}
console.log(JSON.stringify(phases));
