/**
 * `npm run dev [-- <port>]`: the edit loop. Builds generated/ (every check included; dist/ is left
 * to `npm run build`), serves a validating Prism mock of each API (ClickSend on <port>, default
 * 4010, smSend on <port>+1), then watches specs/: after each save it rebuilds what changed (only
 * that provider, generator/build.ts decides by content hash),
 * restarts that provider's mock on the new document, and prints the first error with its file and
 * line. A save during a build is picked up by one more build right after it.
 */
import fs from "node:fs";
import path from "node:path";
import build from "../generator/build.js";
import { formatFinding, LintFailure } from "../generator/findings.js";
import { CompileFailure } from "../generator/package.js";
import { providers, repoRoot } from "../generator/providers.js";
import { type Mock, startPrism } from "./lib/prism.js";

const basePort = Number(process.argv[2] ?? 4010);
const mocks = new Map<string, Mock>();

async function serve(id: string, port: number): Promise<void> {
  await mocks.get(id)?.close();
  const mock = await startPrism(path.join(repoRoot, "generated", id, "openapi.json"), { port });
  mocks.set(id, mock);
  console.log(`  ${id} mock: ${mock.url}`);
}

async function rebuild(): Promise<string[]> {
  const started = performance.now();
  try {
    const { rebuilt, warnings } = await build(providers, { generatedOnly: true });
    if (warnings[0])
      console.warn(`  warning: ${formatFinding(warnings[0])}${warnings.length > 1 ? ` (+${warnings.length - 1} more: npm run lint)` : ""}`);
    console.log(
      rebuilt.length > 0 ? `rebuilt ${rebuilt.join(", ")} in ${Math.round(performance.now() - started)} ms` : "nothing to rebuild",
    );
    return rebuilt;
  } catch (error) {
    // The first error is the one to fix; the rest often follow from it.
    const first =
      error instanceof LintFailure
        ? formatFinding(error.findings.find((f) => f.severity === "error")!)
        : error instanceof CompileFailure
          ? error.message
          : String(error);
    console.error(`build failed (outputs unchanged): ${first}`);
    return [];
  }
}

let running: Promise<void> | undefined;
let again = false;
function onSave(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      for (const id of await rebuild()) await serve(id, basePort + providers.findIndex((p) => p.id === id));
    } while (again);
    running = undefined;
  })();
}

await rebuild();
await Promise.all(providers.map((p, index) => serve(p.id, basePort + index)));
let debounce: NodeJS.Timeout | undefined;
fs.watch(path.join(repoRoot, "specs"), { recursive: true }, () => {
  clearTimeout(debounce);
  // An editor's save is often several writes (temp file, rename): build once they settle.
  debounce = setTimeout(onSave, 100);
});
console.log("watching specs/ (Ctrl-C stops)");
