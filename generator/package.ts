/**
 * Package step: generated/ + runtime/ → dist/lib (JavaScript and declarations) with tsc, the
 * form other repositories install. tsc does not copy hand-written or generated `.d.ts` files,
 * so schema.d.ts is copied beside the compiled client it describes.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot, type Provider } from "./providers.js";

export default async function buildPackage(providers: readonly Provider[]): Promise<string> {
  const outDir = path.join(repoRoot, "dist", "lib");
  fs.rmSync(outDir, { recursive: true, force: true });
  const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", path.join(repoRoot, "tsconfig.build.json")], { cwd: repoRoot }).catch((error: { stdout?: string }) => {
    throw new Error(`tsc -p tsconfig.build.json failed:\n${error.stdout ?? String(error)}`);
  });
  for (const provider of providers) {
    for (const name of ["schema.d.ts", "openapi.json"]) {
      fs.copyFileSync(path.join(repoRoot, "generated", provider.id, name), path.join(outDir, "generated", provider.id, name));
    }
  }
  return outDir;
}
