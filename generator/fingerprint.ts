/**
 * Content hashes of what a build reads and writes, and the record of the last good build. A part
 * of the build is skipped only when both still match: its inputs (specs, generator, runtime,
 * toolchain) hash as they did, and its outputs hash as that build left them, so a hand-edited or
 * deleted output is rebuilt too. Hashes are of file contents, never of times.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { brandIds, repoRoot, type Provider } from "./providers.js";

/** Where the build keeps its record, tsc's incremental state and its staging area (git-ignored). */
export const buildHome = path.join(repoRoot, ".tmp", "build");
const recordFile = path.join(buildHome, "record.json");

/** Every file below each path (a file or a folder), as sorted repository-relative names. */
function filesBelow(paths: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (absolute: string) => {
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const name of fs.readdirSync(absolute)) walk(path.join(absolute, name));
    else found.push(path.relative(repoRoot, absolute));
  };
  for (const p of paths) walk(path.resolve(repoRoot, p));
  return found.sort();
}

/** One hash over the names and contents of every file below `paths` (a missing path hashes as absent). */
export function hashFiles(paths: readonly string[], extra = ""): string {
  const hash = createHash("sha256").update(extra);
  for (const file of filesBelow(paths)) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(repoRoot, file)));
  return hash.digest("hex");
}

/** What every part of the build depends on: the generator (which imports parts of the runtime),
 * the runtime, the locked tool versions and Node itself. Hashed once per build. */
const TOOLCHAIN = ["generator", "runtime", "package-lock.json"];
/** What generating a provider's files depends on besides its spec and the toolchain. */
const GENERATION = ["redocly.yaml", "specs/.spectral.yaml", "specs/rules", "specs/plugins", "biome.json"];
/** What compiling the library (and writing the docs landing page) depends on besides the toolchain
 * and generated/ (hashed as an output). */
const LIBRARY = ["tsconfig.json", "tsconfig.build.json", "CHANGELOG.md"];

/** The input hash of each provider (by id) and of the library. */
export function inputHashes(providers: readonly Provider[]): { providers: Record<string, string>; library: string } {
  const toolchain = hashFiles(TOOLCHAIN, process.version);
  const generation = hashFiles(GENERATION, toolchain);
  return {
    providers: Object.fromEntries(providers.map((p) => [p.id, hashFiles([`specs/${p.id}`], generation)])),
    library: hashFiles(LIBRARY, toolchain),
  };
}

export const outputsOf = {
  /** What the edit loop (`--generated-only`) writes. */
  generated: (p: Provider) => hashFiles([`generated/${p.id}`]),
  provider: (p: Provider) =>
    hashFiles([
      `generated/${p.id}`,
      ...[p.id, ...brandIds(p).map((id) => `${p.id}-${id}`)].flatMap((name) => [
        `dist/docs/${name}.html`,
        `dist/docs/${name}.openapi.json`,
        `dist/docs/${name}.openapi.yaml`,
      ]),
    ]),
  library: () => hashFiles(["generated", "dist/lib", "dist/docs/index.html"]),
};

/** Input and output hashes per part ("clicksend", "smsend", "library") as the last good build left them. */
export type BuildRecord = Record<string, { inputs: string; outputs: string }>;

export function readRecord(): BuildRecord {
  try {
    return JSON.parse(fs.readFileSync(recordFile, "utf8")) as BuildRecord;
  } catch {
    return {};
  }
}

export function writeRecord(record: BuildRecord): void {
  fs.mkdirSync(buildHome, { recursive: true });
  fs.writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
}

/** True when a part's inputs and outputs are exactly what the record says a good build made. */
export function isCurrent(record: BuildRecord, part: string, inputs: string, outputs: () => string): boolean {
  const entry = record[part];
  return entry !== undefined && entry.inputs === inputs && entry.outputs === outputs();
}
