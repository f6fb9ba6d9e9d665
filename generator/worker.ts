/**
 * The entry point of the build's child processes (./child.ts compiles and starts it): reads one
 * task's input as JSON on stdin, runs the task, prints its result as JSON.
 */
import type { CompileTask } from "./compile.js";
import type { LintChildResult } from "./lint-child.js";
import type { Provider } from "./providers.js";

const tasks: Record<string, (input: never) => Promise<unknown>> = {
  // The brand documents first: the build's other lane waits for them; it needs the findings only
  // at its end (see ./lint-child.ts).
  lint: async (providers: Provider[]): Promise<LintChildResult> => {
    const { brandOutcome } = await import("./brands.js");
    const brands: LintChildResult["brands"] = {};
    for (const provider of providers.filter((p) => p.brands)) brands[provider.id] = await brandOutcome(provider);
    const { default: lintProvider } = await import("./lint.js");
    return { findings: (await Promise.all(providers.map(lintProvider))).flat(), brands };
  },
  compile: async (task: CompileTask) => (await import("./compile.js")).compileTask(task),
};

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const task = tasks[process.argv[2]!];
if (!task) throw new Error(`no such task: ${process.argv[2]}`);
process.stdout.write(JSON.stringify(await task(JSON.parse(Buffer.concat(chunks).toString("utf8")) as never)));
