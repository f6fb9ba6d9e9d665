/**
 * The entry point of the build's child processes (./child.ts compiles and starts it): reads tasks
 * from stdin, one JSON line `{ task, input }` each, and runs them one after the other; for each,
 * prints one JSON line per part the task sends early, then one with its result. It exits when its
 * input ends: after one task in a build, when `npm run dev` stops for a warm child.
 */
import readline from "node:readline";
import type { BuildOptions } from "./build.js";
import type { CompileTask } from "./compile.js";
import { RESULT, stopWarmChildren } from "./child.js";
import { BRANDS, BUNDLED, type BrandOutcomes, type LintChildResult } from "./lint-child.js";
import type { Provider } from "./providers.js";

/** Sends a part of the task's work ahead of its result: one JSON line (JSON escapes newlines). */
function send(name: string, value: unknown): void {
  process.stdout.write(`${JSON.stringify([name, value])}\n`);
}

const tasks: Record<string, (input: never) => Promise<unknown>> = {
  // The brand documents first, sent as soon as they are made, and the bundled document they are
  // made from before them: the build's other lane waits for both; it needs the findings only at
  // its end (see ./lint-child.ts).
  lint: async (providers: Provider[]): Promise<LintChildResult> => {
    const { brandOutcome } = await import("./brands.js");
    const brands: BrandOutcomes = {};
    for (const provider of providers.filter((p) => p.brands))
      brands[provider.id] = await brandOutcome(provider, (document) => send(BUNDLED, { id: provider.id, document }));
    send(BRANDS, brands);
    const { default: lintProvider } = await import("./lint.js");
    return { findings: (await Promise.all(providers.map(lintProvider))).flat() };
  },
  compile: async (task: CompileTask) => (await import("./compile.js")).compileTask(task),
  build: async ({ providers, options }: { providers: Provider[]; options: BuildOptions }) =>
    (await import("./build.js")).buildOutcome(providers, options),
};

for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const { task: name, input } = JSON.parse(line) as { task: string; input: unknown };
  const task = tasks[name];
  if (!task) throw new Error(`no such task: ${name}`);
  send(RESULT, await task(input as never));
}
// A warm child's own warm children (the build's linters) end with it.
stopWarmChildren();
