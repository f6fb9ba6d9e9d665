/**
 * The whole build, all or nothing: generated/, dist/lib and dist/docs are produced and compiled
 * in a staging folder and swapped in only when every step passed, so a failure at any step
 * leaves every previous output byte for byte. Parts whose inputs and outputs still match the
 * record of the last good build (./fingerprint.ts) are skipped; a provider whose spec changed is
 * rebuilt alone.
 *
 * Order: each changed provider's YAML must parse (a syntax error is reported alone), then its
 * docs start in child processes while lint → bundle → types → model → emit run here, then tsc
 * compiles the staged library incrementally.
 */
import fs from "node:fs";
import path from "node:path";
import { buildHome, inputHashes, isCurrent, outputsOf, readRecord, writeRecord, type BuildRecord } from "./fingerprint.js";
import { LintFailure, type Finding } from "./findings.js";
import { OperationError } from "./model.js";
import { compileLibrary } from "./package.js";
import { timed, type StepTimings } from "./timing.js";
import { brandIds, repoRoot, type Provider } from "./providers.js";
import { locate } from "./source.js";
import syntaxErrors from "./syntax.js";
import writeGenerated from "./write.js";

export interface BuildResult {
  /** Providers rebuilt; empty when everything was current. */
  rebuilt: string[];
  libraryRebuilt: boolean;
  warnings: Finding[];
  timings: StepTimings;
}

/** A promise with its settle functions (Promise.withResolvers needs Node 22). */
function deferred() {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: Error) => void;
  const promise = new Promise<unknown>((yes, no) => ((resolve = yes), (reject = no)));
  promise.catch(() => {});
  return { promise, resolve, reject };
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
}

export default async function build(providers: readonly Provider[], options: BuildOptions = {}): Promise<BuildResult> {
  const timings: StepTimings = {};
  const record: BuildRecord = options.force ? {} : readRecord();
  const { providers: inputs, library: libraryInputs } = inputHashes(providers);
  const current = (p: Provider) =>
    isCurrent(record, p.id, inputs[p.id]!, () => outputsOf.provider(p)) ||
    (options.generatedOnly === true && isCurrent(record, `${p.id}:generated`, inputs[p.id]!, () => outputsOf.generated(p)));
  const changed = providers.filter((p) => !current(p));
  if (changed.length === 0 && (options.generatedOnly || isCurrent(record, "library", libraryInputs, outputsOf.library))) {
    return { rebuilt: [], libraryRebuilt: false, warnings: [], timings };
  }

  // Loaded only now: the linters and generators take longer to import than a no-change build.
  const [{ default: generate }, { buildBrandDocs, buildProviderDocs, writeIndex }] = await Promise.all([import("./pipeline.js"), import("./docs.js")]);
  const stage = path.join(buildHome, "stage");
  const stop = new AbortController();
  let docs: Promise<unknown> | undefined;
  const brandDocs: Promise<unknown>[] = [];
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  try {
    const broken = changed.flatMap(syntaxErrors);
    if (broken.length > 0) throw new LintFailure(broken);

    // Docs render each bundled document in child processes while the rest runs here.
    const docsDir = path.join(stage, "docs");
    // Each page's downloads are the bundled document, which the pipeline hands over when it has it.
    const bundled = new Map(changed.map((p) => [p.id, deferred()]));
    stop.signal.addEventListener("abort", () => bundled.forEach((d) => d.reject(new Error("build stopped"))));
    if (!options.generatedOnly) {
      docs = timed(timings, "docs", () => Promise.all(changed.map((p) => buildProviderDocs(p, docsDir, bundled.get(p.id)!.promise, stop.signal))));
      docs.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    }

    const generatedFiles: Record<string, Record<string, string>> = {};
    const warnings: Finding[] = [];
    for (const provider of changed) {
      // The docs render a copy of the bundled document: hand it over before types and clients.
      const onBundled = (p: Provider, document: unknown) => bundled.get(p.id)!.resolve(structuredClone(document));
      const result = await generate([provider], timings, { onBundled }).catch((error: unknown) => {
        if (!(error instanceof OperationError)) throw error;
        throw new LintFailure([{ ...locate(provider, error.pointer), rule: error.rule, severity: "error", message: error.message, linter: "generator" }]);
      });
      warnings.push(...result.warnings);
      generatedFiles[provider.id] = result.files[provider.id]!;
      // Brand pages render from the brand documents, which exist once the pipeline made them.
      for (const id of options.generatedOnly ? [] : brandIds(provider)) {
        const rendered = buildBrandDocs(provider, id, JSON.parse(result.files[provider.id]![`${id}.openapi.json`]!), docsDir, stop.signal);
        rendered.catch(() => {}); // awaited below, like `docs`
        brandDocs.push(rendered);
      }
    }

    const source = path.join(stage, "source");
    fs.mkdirSync(source);
    if (options.generatedOnly) {
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
    // The library is compiled from a staged copy of runtime/ and of what generated/ will be.
    copy(path.join(repoRoot, "runtime"), path.join(source, "runtime"));
    for (const provider of providers) {
      const target = path.join(source, "generated", provider.id);
      if (generatedFiles[provider.id]) writeGenerated(path.join(source, "generated"), { [provider.id]: generatedFiles[provider.id]! });
      else copy(path.join(repoRoot, "generated", provider.id), target);
    }
    const libDir = path.join(buildHome, "lib");
    await timed(timings, "package", async () => {
      await compileLibrary(source, providers, libDir, path.join(buildHome, "lib.tsbuildinfo"));
      pruneLibrary(libDir, source);
      copy(libDir, path.join(stage, "lib"));
    });
    await docs;
    docs = undefined;
    await timed(timings, "brand docs", () => Promise.all(brandDocs));
    const documents = Object.fromEntries(providers.map((p) => [p.id, JSON.parse(fs.readFileSync(path.join(source, "generated", p.id, "openapi.json"), "utf8"))]));
    writeIndex(providers, docsDir, documents);

    // Every step passed: swap the outputs in.
    swapIn([
      ...changed.map((p): [string, string] => [path.join(source, "generated", p.id), path.join(repoRoot, "generated", p.id)]),
      ...changed.flatMap((p) =>
        [p.id, ...brandIds(p).map((id) => `${p.id}-${id}`)].flatMap((name) =>
          ["html", "openapi.json", "openapi.yaml"].map((ext): [string, string] => [path.join(docsDir, `${name}.${ext}`), path.join(repoRoot, "dist", "docs", `${name}.${ext}`)]),
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
    // On a failure, stop the docs builders before their folder goes away.
    stop.abort();
    await Promise.allSettled([docs, ...brandDocs]);
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
