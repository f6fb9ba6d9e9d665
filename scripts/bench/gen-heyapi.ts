/**
 * Child process of benchmarks 1b and 2 (peer): @hey-api/openapi-ts 0.95 through its Node API,
 * default plugins (@hey-api/typescript + @hey-api/sdk, with the bundled @hey-api/client-fetch),
 * one output folder per bundled document. Prints one JSON line of phase timings (ms).
 * Usage: node --import tsx scripts/bench/gen-heyapi.ts <outDir> [provider…] (default: both)
 */
import path from "node:path";
import { createClient } from "@hey-api/openapi-ts";
import { repoRoot } from "../../generator/providers.js";

// Counted from process start, as in gen-ours.ts: Node + tsx start-up plus importing hey-api.
const phases: Record<string, number> = { "start-up + imports": performance.now() };
const [outDir, ...ids] = process.argv.slice(2);
if (!outDir) throw new Error("usage: gen-heyapi.ts <outDir> [provider…]");

const started = performance.now();
await createClient(
  (ids.length > 0 ? ids : ["clicksend", "smsend"]).map((id) => ({
    // An absolute path: hey-api reads `generated/x.json` (no ./) as an API registry name.
    input: path.join(repoRoot, "generated", id, "openapi.json"),
    output: {
      path: path.join(outDir, id),
      // The project's tsconfig (NodeNext), so imports get `.js` whatever the cwd.
      tsConfigPath: path.join(repoRoot, "tsconfig.json"),
    },
    logs: { level: "silent" as const, file: false },
  })),
);
phases["parse + generate + write (both)"] = performance.now() - started;
console.log(JSON.stringify(phases));
