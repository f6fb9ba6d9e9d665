/**
 * Package step: generated/ + runtime/ → dist/lib (JavaScript and declarations), the form other
 * repositories install, compiled by ./compile.ts in a child process (./child.ts). tsc does not
 * copy hand-written or generated `.d.ts` files, so schema.d.ts (and the bundled document) is
 * copied beside the compiled client it describes.
 */
import fs from "node:fs";
import path from "node:path";
import { runInChild } from "./child.js";
import type { CompileOutcome } from "./compile.js";
import { LintFailure } from "./findings.js";
import { repoRoot, type Provider } from "./providers.js";

/** The generated code did not compile: the spec holds something the generator should have refused. */
export class CompileFailure extends Error {
  constructor(readonly output: string) {
    super(`the generated code does not compile (tsc):\n${output.trim()}`);
    this.name = "CompileFailure";
  }
}

/**
 * Compiles `<root>/runtime` and `<root>/generated` into `outDir`, incrementally when `buildInfo`
 * names where tsc keeps its state between builds. The request types of `checked` (the providers
 * this build generated) are checked first, on the same program: a LintFailure naming the spec's
 * file and line when one is not exact, ahead of any compile error.
 */
export async function compileLibrary(
  root: string,
  providers: readonly Provider[],
  outDir: string,
  buildInfo?: string,
  checked: readonly Provider[] = [],
): Promise<void> {
  const outcome = await runInChild<CompileOutcome>("compile", { root, outDir, buildInfo, checked });
  if ("findings" in outcome) throw new LintFailure(outcome.findings);
  if ("diagnostics" in outcome) throw new CompileFailure(outcome.diagnostics);
  for (const provider of providers) {
    for (const name of ["schema.d.ts", "openapi.json"]) {
      fs.copyFileSync(path.join(root, "generated", provider.id, name), path.join(outDir, "generated", provider.id, name));
    }
  }
}

/** dist/lib from the repository's own generated/ and runtime/, compiled afresh. */
export default async function buildPackage(providers: readonly Provider[]): Promise<string> {
  const outDir = path.join(repoRoot, "dist", "lib");
  fs.rmSync(outDir, { recursive: true, force: true });
  await compileLibrary(repoRoot, providers, outDir);
  return outDir;
}
