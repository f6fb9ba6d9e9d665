/**
 * `npm run dev [-- <port>]`: the edit loop. Builds generated/ (every check included; dist/ is left
 * to `npm run build`), serves a validating Prism mock of each API (ClickSend on <port>, default
 * 4010, smSend on <port>+1), then watches specs/: after each save it rebuilds what changed (only
 * that provider, generator/build.ts decides by content hash), restarts that provider's mock on
 * the new document and says how long after the save it came, or prints the first error with its
 * file and line. A save during a build is picked up by one more build right after it.
 */
import path from "node:path";
import build from "../generator/build.js";
import { keepChildrenWarm } from "../generator/child.js";
import { formatFinding, LintFailure } from "../generator/findings.js";
import { CompileFailure } from "../generator/package.js";
import { providers, repoRoot } from "../generator/providers.js";
import { type Mock, startPrism } from "./lib/prism.js";
import { watchTree } from "./lib/watch.js";

const basePort = Number(process.argv[2] ?? 4010);
// The build's child processes stay up between saves, their linters and generators loaded and
// compiled by V8: a rebuild then costs a third of a cold one (generator/child.ts).
keepChildrenWarm();
const mocks = new Map<string, Mock>();

async function serve(id: string, port: number, savedAt?: number): Promise<void> {
  await mocks.get(id)?.close();
  const mock = await startPrism(path.join(repoRoot, "generated", id, "openapi.json"), { port });
  mocks.set(id, mock);
  console.log(
    `  ${id} mock: ${mock.url}${savedAt ? ` (serving the saved spec ${Math.round(performance.now() - savedAt)} ms after the save)` : ""}`,
  );
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
/** When the first write of the save not yet built came. */
let savedAt = 0;

/** Runs `work` (nothing else runs meanwhile), then builds again if a save came during it. */
function run(work: () => Promise<void>): void {
  running = work().finally(() => {
    running = undefined;
    if (again) onSave();
  });
}

function onSave(): void {
  if (running) {
    again = true;
    return;
  }
  again = false;
  const since = savedAt;
  savedAt = 0;
  run(async () => {
    for (const id of await rebuild()) await serve(id, basePort + providers.findIndex((p) => p.id === id), since);
  });
}

await rebuild();
await Promise.all(providers.map((p, index) => serve(p.id, basePort + index)));
// A build that writes nothing, so the first save is as quick as the next (generator/build.ts
// `warmUp`). A save meanwhile is built right after it.
const warming = performance.now();
run(() =>
  build(providers, { warmUp: true }).then(
    () => console.log(`warmed up in ${Math.round(performance.now() - warming)} ms`),
    (error: Error) => console.warn(`warming up failed (the first save will take longer): ${error.message}`),
  ),
);
watchTree(path.join(repoRoot, "specs"), (firstWriteAt) => {
  savedAt ||= firstWriteAt;
  onSave();
});
console.log("watching specs/ (Ctrl-C stops)");
