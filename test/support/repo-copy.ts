/**
 * A copy of the repository in a temp folder, starting from this repository's last good build
 * (test/setup/build.ts made it current), for tests that run the whole build and must not move this
 * repository's outputs. node_modules is linked, not copied. The copy's own modules are loaded from
 * the copy, so their repoRoot is the copy.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import type buildFunction from "../../generator/build.js";
import type * as Findings from "../../generator/findings.js";
import type * as Package from "../../generator/package.js";
import type * as Providers from "../../generator/providers.js";
import { repoRoot } from "../../generator/providers.js";

const COPIED = [
  "specs",
  "generator",
  "runtime",
  "scripts",
  "generated",
  "dist/lib",
  "dist/docs",
  ".tmp/build",
  "package.json",
  "package-lock.json",
  "redocly.yaml",
  "biome.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "CHANGELOG.md",
];

export interface RepoCopy {
  dir: string;
  build: typeof buildFunction;
  providers: typeof Providers.providers;
  LintFailure: typeof Findings.LintFailure;
  CompileFailure: typeof Package.CompileFailure;
  /** Every output file's hash, by path: what must not move when a build fails. */
  outputs(): Record<string, string>;
  /** Runs `edits` (file → change) on the copy, runs `work`, and puts the files back. */
  withEdits<T>(edits: Record<string, (text: string) => string>, work: () => Promise<T>): Promise<T>;
}

/** A copy made before the calling file's tests and removed after them. */
export function useRepoCopy(prefix: string): RepoCopy {
  const copy = { dir: "" } as RepoCopy;
  beforeAll(async () => {
    copy.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const name of COPIED) fs.cpSync(path.join(repoRoot, name), path.join(copy.dir, name), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy.dir, "node_modules"));
    const load = (file: string) => import(pathToFileURL(path.join(copy.dir, "generator", file)).href);
    const [build, providers, findings, pkg] = await Promise.all(["build.ts", "providers.ts", "findings.ts", "package.ts"].map(load));
    Object.assign(copy, {
      build: build.default,
      providers: providers.providers,
      LintFailure: findings.LintFailure,
      CompileFailure: pkg.CompileFailure,
    });
  }, 60_000);
  afterAll(() => fs.rmSync(copy.dir, { recursive: true, force: true }));

  copy.outputs = () => {
    const hashes: Record<string, string> = {};
    for (const dir of ["generated", "dist/lib", "dist/docs"]) {
      const root = path.join(copy.dir, dir);
      for (const name of fs.readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
        const file = path.join(root, name);
        if (fs.statSync(file).isFile()) hashes[`${dir}/${name}`] = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
      }
    }
    return hashes;
  };
  copy.withEdits = async (edits, work) => {
    const originals = new Map<string, string>();
    try {
      for (const [file, edit] of Object.entries(edits)) {
        const target = path.join(copy.dir, file);
        const original = fs.readFileSync(target, "utf8");
        originals.set(target, original);
        const edited = edit(original);
        if (edited === original) throw new Error(`the edit of ${file} changed nothing`);
        fs.writeFileSync(target, edited);
      }
      return await work();
    } finally {
      for (const [target, original] of originals) fs.writeFileSync(target, original);
    }
  };
  return copy;
}
