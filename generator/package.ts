/**
 * Package step: generated/ + runtime/ → dist/lib (JavaScript and declarations) with tsc, the
 * form other repositories install. tsc does not copy hand-written or generated `.d.ts` files,
 * so schema.d.ts (and the bundled document) is copied beside the compiled client it describes.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot, type Provider } from "./providers.js";

const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

/** The generated code did not compile: the spec holds something the generator should have refused. */
export class CompileFailure extends Error {
  constructor(readonly output: string) {
    super(`the generated code does not compile (tsc):\n${output.trim()}`);
    this.name = "CompileFailure";
  }
}

/**
 * Compiles `<root>/runtime` and `<root>/generated` into `outDir` with tsc, incrementally when
 * `buildInfo` names where tsc keeps its state between builds.
 */
export async function compileLibrary(root: string, providers: readonly Provider[], outDir: string, buildInfo?: string): Promise<void> {
  // A throwaway config beside nothing: every path in it is absolute, so `root` can be a staging folder.
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "tsconfig-package-"));
  const config = path.join(configDir, "tsconfig.json");
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(repoRoot, "tsconfig.build.json"),
      compilerOptions: { rootDir: root, outDir, ...(buildInfo ? { incremental: true, tsBuildInfoFile: buildInfo } : {}) },
      include: [path.join(root, "runtime"), path.join(root, "generated")],
    }),
  );
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", config], { cwd: root }).catch((error: { stdout?: string }) => {
      throw new CompileFailure(error.stdout ?? String(error));
    });
  } finally {
    fs.rmSync(configDir, { recursive: true, force: true });
  }
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
