/**
 * The whole build, all or nothing: generated/, dist/lib and dist/docs are produced and compiled
 * in a staging folder and swapped in only when every step passed, so a failure at any step
 * leaves every previous output byte for byte. Parts whose inputs and outputs still match the
 * record of the last good build (./fingerprint.ts) are skipped; a provider whose spec changed is
 * rebuilt alone.
 *
 * It runs in a child process of plain Node (see `build` below). Order: each changed provider's
 * YAML must parse (a syntax error is reported alone); then the linters run in a child process of
 * their own while bundle → types → model → emit run in this one (./pipeline.ts); as soon as
 * generation is done, a third child checks the request types and compiles the staged library
 * incrementally (./compile.ts) while the docs pages are written here, the linters still running.
 * Their verdict is awaited before anything later: a lint error outranks request-type findings,
 * tsc errors and a failure to write the docs, in that order.
 *
 * Over 150 lines on purpose: the order above and the all-or-nothing swap are one sequence, read
 * top to bottom; each step already lives in its own module (./pipeline.ts, ./fingerprint.ts,
 * ./docs.ts, ./package.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { buildHome, inputHashes, isCurrent, outputsOf, readRecord, writeRecord, type BuildRecord } from "./fingerprint.js";
import { LintFailure, type Finding } from "./findings.js";
import { fromLintChild, lintInChild } from "./lint-child.js";
import { withBuildLock } from "./lock.js";
import { runInChild } from "./child.js";
import { CompileFailure, compileLibrary } from "./package.js";
import type { PipelineResult } from "./pipeline.js";
import { timed, type StepTimings } from "./timing.js";
import { brandIds, repoRoot, type Provider } from "./providers.js";
import syntaxErrors from "./syntax.js";
import writeGenerated from "./write.js";

export interface BuildResult {
  /** Providers rebuilt; empty when everything was current. */
  rebuilt: string[];
  libraryRebuilt: boolean;
  warnings: Finding[];
  timings: StepTimings;
}

/** Copies a file or folder tree (small trees: the runtime, one provider's generated files). */
function copy(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** Moves each staged path over its target, keeping the old one until the new one is in place. */
function swapIn(pairs: [staged: string, target: string][]): void {
  const retired = fs.mkdtempSync(path.join(buildHome, "retired-"));
  try {
    pairs.forEach(([staged, target], index) => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (fs.existsSync(target)) fs.renameSync(target, path.join(retired, String(index)));
      fs.renameSync(staged, target);
    });
  } finally {
    fs.rmSync(retired, { recursive: true, force: true });
  }
}

/** Removes compiled files whose source is gone (tsc's incremental output folder outlives them). */
function pruneLibrary(libDir: string, sourceRoot: string): void {
  if (!fs.existsSync(libDir)) return;
  for (const name of fs.readdirSync(libDir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(libDir, name);
    if (fs.statSync(file).isDirectory()) continue;
    const source = path.join(sourceRoot, name.replace(/\.d\.ts$|\.js$/, ".ts"));
    const copied = path.join(sourceRoot, name);
    if (!fs.existsSync(source) && !fs.existsSync(copied)) fs.rmSync(file);
  }
}

export interface BuildOptions {
  /** Ignore the record: rebuild everything. */
  force?: boolean;
  /**
   * The edit loop's build (`npm run dev`): only generated/, which the mock serves, every check
   * included; dist/lib and dist/docs wait for the next `npm run build`, which the record makes
   * redo this provider in full.
   */
  generatedOnly?: boolean;
  /**
   * Write nothing: generate and lint every provider once, to throw the result away. It is for a
   * process that keeps its children warm (`npm run dev` at its start: generator/child.ts): their
   * modules are then loaded and V8 has compiled their code for speed by the first save, which
   * took twice as long without it (6.2 s against 2.6 s for smSend). The verdict is not reported:
   * the build before it reported it.
   */
  warmUp?: boolean;
}

/** What the last good build's record says is still to do: the providers to rebuild, and whether anything is. */
function plan(providers: readonly Provider[], options: BuildOptions) {
  const record: BuildRecord = options.force ? {} : readRecord();
  const { providers: inputs, library: libraryInputs } = inputHashes(providers);
  const current = (p: Provider) =>
    isCurrent(record, p.id, inputs[p.id]!, () => outputsOf.provider(p)) ||
    (options.generatedOnly === true && isCurrent(record, `${p.id}:generated`, inputs[p.id]!, () => outputsOf.generated(p)));
  const changed = providers.filter((p) => !current(p));
  const upToDate = changed.length === 0 && (options.generatedOnly || isCurrent(record, "library", libraryInputs, outputsOf.library));
  return { record, inputs, libraryInputs, changed, upToDate };
}

/** What generation gives when no spec changed: the library is rebuilt from generated/ as it is. */
const nothingGenerated: Pick<PipelineResult, "files" | "documents" | "checkTypes" | "lintVerdict"> = {
  files: {},
  documents: {},
  checkTypes: () => [],
  lintVerdict: Promise.resolve([]),
};

const nothingToDo = (): BuildResult => ({ rebuilt: [], libraryRebuilt: false, warnings: [], timings: {} });

/** What a build in the child process ended with, as data that crosses the process boundary. */
export type BuildOutcome =
  | { result: BuildResult }
  | { findings: Finding[] }
  | { compileOutput: string }
  | { error: string; stack?: string };

/**
 * The build, run in a child process of plain Node (./child.ts), which is how `npm run build`
 * runs it: under tsx's loader (the scripts' own), every module the generators import cost about
 * as much CPU again (1.4 s of 3 s for the imports alone). A current build is answered here,
 * without starting anything. Failures come back as this process's own LintFailure and
 * CompileFailure, with the same findings and messages.
 */
export default async function build(providers: readonly Provider[], options: BuildOptions = {}): Promise<BuildResult> {
  if (!options.warmUp && plan(providers, options).upToDate) return nothingToDo();
  const outcome = await runInChild<BuildOutcome>("build", { providers, options });
  if ("findings" in outcome) throw new LintFailure(outcome.findings);
  if ("compileOutput" in outcome) throw new CompileFailure(outcome.compileOutput);
  if ("error" in outcome) throw Object.assign(new Error(outcome.error), { stack: outcome.stack ?? outcome.error });
  return outcome.result;
}

/** The build in this process (the child's task), its failures as data (see BuildOutcome). */
export async function buildOutcome(providers: readonly Provider[], options: BuildOptions): Promise<BuildOutcome> {
  try {
    return { result: await buildHere(providers, options) };
  } catch (error) {
    if (error instanceof LintFailure) return { findings: error.findings };
    if (error instanceof CompileFailure) return { compileOutput: error.output };
    return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  }
}

/** The build itself, in this process: the sequence the header describes, one build at a time (./lock.ts). */
export async function buildHere(providers: readonly Provider[], options: BuildOptions = {}): Promise<BuildResult> {
  if (options.warmUp) return warmUp(providers);
  return withBuildLock(() => buildLocked(providers, options));
}

/** See BuildOptions `warmUp`: generation and lint of every provider, thrown away. */
async function warmUp(providers: readonly Provider[]): Promise<BuildResult> {
  const timings: StepTimings = {};
  // Findings are the specs' own, and were reported by the build before; anything else is a fault.
  const reported = (error: unknown) => {
    if (!(error instanceof LintFailure)) throw error;
  };
  const child = lintInChild(providers, timings);
  const generate = (await import("./pipeline.js")).default;
  const generated = generate(providers, timings, {
    deferTypeCheck: true,
    ...fromLintChild(child),
  });
  await generated.then((result) => result.checkTypes!(), reported);
  await child.findings.catch(reported);
  return nothingToDo();
}

async function buildLocked(providers: readonly Provider[], options: BuildOptions): Promise<BuildResult> {
  const timings: StepTimings = {};
  const { record, inputs, libraryInputs, changed, upToDate } = plan(providers, options);
  if (upToDate) return nothingToDo();

  const broken = changed.flatMap(syntaxErrors);
  if (broken.length > 0) throw new LintFailure(broken);
  // No provider's inputs changed (only the library's own: its compiler settings, or a hand-edited
  // dist/): nothing to lint or generate, so neither the linters' child nor the generators start.
  const child = changed.length > 0 ? lintInChild(changed, timings) : undefined; // on the other core, while this one loads the generators
  // Loaded only now: the linters and generators take longer to import than a no-change build.
  const [generate, { buildBrandDocs, buildProviderDocs }, { writeIndex }] = await Promise.all([
    child ? import("./pipeline.js").then((m) => m.default) : undefined,
    import("./docs.js"),
    import("./landing-page.js"),
  ]);
  const stage = path.join(buildHome, "stage");
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  try {
    // Generation does not wait for the linters: the library compiles and the docs are written
    // while they finish. Their verdict is awaited before any later step's failure is reported.
    const {
      files: generatedFiles,
      documents,
      checkTypes,
      lintVerdict,
    } = child
      ? await generate!(changed, timings, {
          deferTypeCheck: true,
          deferLint: true,
          ...fromLintChild(child),
        })
      : nothingGenerated;
    const source = path.join(stage, "source");
    fs.mkdirSync(source);
    if (options.generatedOnly) {
      const typeErrors = await timed(timings, "request-types", checkTypes!);
      const warnings = await lintVerdict; // a lint error outranks the request types' findings
      if (typeErrors.length > 0) throw new LintFailure(typeErrors);
      writeGenerated(path.join(source, "generated"), generatedFiles);
      swapIn(changed.map((p): [string, string] => [path.join(source, "generated", p.id), path.join(repoRoot, "generated", p.id)]));
      const next: BuildRecord = { ...record };
      for (const p of changed) {
        delete next[p.id];
        next[`${p.id}:generated`] = { inputs: inputs[p.id]!, outputs: outputsOf.generated(p) };
      }
      writeRecord(next);
      return { rebuilt: changed.map((p) => p.id), libraryRebuilt: false, warnings, timings };
    }

    // The library is compiled from a staged copy of runtime/ and of what generated/ will be, in a
    // child process that checks the request types on the same program first (./compile.ts), while
    // this one writes the docs pages.
    copy(path.join(repoRoot, "runtime"), path.join(source, "runtime"));
    for (const provider of providers) {
      const target = path.join(source, "generated", provider.id);
      if (generatedFiles[provider.id]) writeGenerated(path.join(source, "generated"), { [provider.id]: generatedFiles[provider.id]! });
      else copy(path.join(repoRoot, "generated", provider.id), target);
    }
    const libDir = path.join(buildHome, "lib");
    const compiled = timed(timings, "package", () =>
      compileLibrary(source, providers, libDir, path.join(buildHome, "lib.tsbuildinfo"), changed),
    );
    compiled.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    const docsDir = path.join(stage, "docs");
    const docs = timed(timings, "docs", () => {
      for (const provider of changed) {
        buildProviderDocs(provider, documents[provider.id]!, docsDir);
        for (const id of brandIds(provider))
          buildBrandDocs(provider, id, JSON.parse(generatedFiles[provider.id]![`${id}.openapi.json`]!), docsDir);
      }
      const all = Object.fromEntries(
        providers.map((p) => [
          p.id,
          documents[p.id] ?? JSON.parse(fs.readFileSync(path.join(source, "generated", p.id, "openapi.json"), "utf8")),
        ]),
      );
      writeIndex(providers, docsDir, all);
    });
    docs.catch(() => {}); // likewise
    // A lint error outranks everything after it; a spec error the request-type check found names
    // its file and line: it outranks what tsc makes of the same mistake, and both outrank a
    // failure to write the docs.
    await Promise.allSettled([lintVerdict, compiled, docs]);
    const warnings = await lintVerdict;
    await compiled;
    await docs;
    pruneLibrary(libDir, source);
    copy(libDir, path.join(stage, "lib"));

    // Every step passed: swap the outputs in.
    swapIn([
      ...changed.map((p): [string, string] => [path.join(source, "generated", p.id), path.join(repoRoot, "generated", p.id)]),
      ...changed.flatMap((p) =>
        [p.id, ...brandIds(p).map((id) => `${p.id}-${id}`)].flatMap((name) =>
          ["html", "openapi.json", "openapi.yaml"].map((ext): [string, string] => [
            path.join(docsDir, `${name}.${ext}`),
            path.join(repoRoot, "dist", "docs", `${name}.${ext}`),
          ]),
        ),
      ),
      [path.join(docsDir, "index.html"), path.join(repoRoot, "dist", "docs", "index.html")],
      [path.join(stage, "lib"), path.join(repoRoot, "dist", "lib")],
    ]);
    const next: BuildRecord = { ...record };
    for (const provider of changed) next[provider.id] = { inputs: inputs[provider.id]!, outputs: outputsOf.provider(provider) };
    next.library = { inputs: libraryInputs, outputs: outputsOf.library() };
    writeRecord(next);
    return { rebuilt: changed.map((p) => p.id), libraryRebuilt: true, warnings, timings };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
