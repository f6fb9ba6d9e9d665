/**
 * The entry point of the build's child processes (./child.ts compiles and starts it): reads one
 * task's input as JSON on stdin, runs the task, prints one JSON line per part the task sends
 * early, then one with its result.
 */
import type { BuildOptions } from "./build.js";
import type { CompileTask } from "./compile.js";
import { RESULT } from "./child.js";
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

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const task = tasks[process.argv[2]!];
if (!task) throw new Error(`no such task: ${process.argv[2]}`);
send(RESULT, await task(JSON.parse(Buffer.concat(chunks).toString("utf8")) as never));
