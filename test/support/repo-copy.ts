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
import type { BuildOptions, BuildResult, default as buildFunction, buildHere as buildHereFunction } from "../../generator/build.js";
import type * as Child from "../../generator/child.js";
import type * as Findings from "../../generator/findings.js";
import type * as Package from "../../generator/package.js";
import type generateFunction from "../../generator/pipeline.js";
import type * as Providers from "../../generator/providers.js";
import { repoRoot, type Provider } from "../../generator/providers.js";

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

/** The small spec of test/fixtures/build/ (two files and a brand overlay). */
export const FIXTURE = path.join(repoRoot, "test/fixtures/build");
const FIXTURE_ID = "build-fixture";

/**
 * The fixture spec whose root is `root`, as a provider of its own: smSend's settings and ruleset
 * (`smsend` is the smSend of the providers module the build will use), its own id, and one brand
 * besides its own. A build of it takes smSend's steps (the linters and brand documents in the lint
 * child, generation, request types, compile) on three short files, all but the docs pages: their
 * code samples (generator/samples.ts) know only the real providers, so that step fails for it.
 */
export function fixtureProvider(smsend: Provider, root: string): Provider {
  return { ...smsend, id: FIXTURE_ID as Provider["id"], brands: { default: FIXTURE_ID, codes: "MessageType" }, root };
}

export interface RepoCopy {
  dir: string;
  build: typeof buildFunction;
  /** The build's own body (what the build child runs) in this process: for a case whose promise
   * is the order of the build's steps rather than its processes. Spares the child's start and the
   * loading of the generators, which this process has loaded already for `generate`. */
  buildHere: typeof buildHereFunction;
  generate: typeof generateFunction;
  /** The copy's generator/child.ts: its warm children are the copy's own. */
  child: typeof Child;
  providers: typeof Providers.providers;
  /** The fixture provider (see fixtureProvider), copied to specs/build-fixture/ in the copy, where
   * the build's record hashes its files as it does a real provider's. */
  fixture: Provider;
  LintFailure: typeof Findings.LintFailure;
  CompileFailure: typeof Package.CompileFailure;
  /** Every output file's hash, by path: what must not move when a build fails. */
  outputs(): Record<string, string>;
  /** The copy's build of `providers` (every provider by default); its error when it fails. */
  attempt(providers?: readonly Provider[], options?: BuildOptions): Promise<BuildResult | Error>;
  /** The same with `buildHere`. */
  attemptHere(providers?: readonly Provider[], options?: BuildOptions): Promise<BuildResult | Error>;
  /** Runs `edits` (file → change) on the copy, runs `work`, and puts the files back. */
  withEdits<T>(edits: Record<string, (text: string) => string>, work: () => Promise<T>): Promise<T>;
}

/** A copy made before the calling file's tests and removed after them. */
export function useRepoCopy(prefix: string): RepoCopy {
  const copy = { dir: "" } as RepoCopy;
  beforeAll(async () => {
    copy.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    for (const name of COPIED) fs.cpSync(path.join(repoRoot, name), path.join(copy.dir, name), { recursive: true });
    fs.cpSync(FIXTURE, path.join(copy.dir, "specs", FIXTURE_ID), { recursive: true });
    fs.rmSync(path.join(copy.dir, ".tmp/build/lock"), { force: true }); // a build of this repository's, running now
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy.dir, "node_modules"));
    // tsc's incremental state names files relative to itself. TypeScript follows the copy's
    // node_modules link to the repository's real one, which from the copy's .tmp/build is not
    // ../../node_modules: left as it is, the state names files the program no longer has, and a
    // library compile re-checks and re-emits the whole program (about 10 s) instead of nothing.
    const buildInfo = path.join(copy.dir, ".tmp/build/lib.tsbuildinfo");
    const modules = path.relative(path.dirname(buildInfo), fs.realpathSync(path.join(repoRoot, "node_modules")));
    fs.writeFileSync(buildInfo, fs.readFileSync(buildInfo, "utf8").replaceAll('"../../node_modules/', `"${modules}/`));
    const load = (file: string) => import(pathToFileURL(path.join(copy.dir, "generator", file)).href);
    const [build, pipeline, providers, findings, pkg, child] = await Promise.all(
      ["build.ts", "pipeline.ts", "providers.ts", "findings.ts", "package.ts", "child.ts"].map(load),
    );
    const smsend = (providers.providers as Provider[]).find((p) => p.id === "smsend")!;
    Object.assign(copy, {
      build: build.default,
      buildHere: build.buildHere,
      generate: pipeline.default,
      child,
      fixture: fixtureProvider(smsend, path.join(copy.dir, "specs", FIXTURE_ID, "openapi.yaml")),
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
  copy.attempt = (providers = copy.providers, options = {}) => copy.build(providers, options).catch((error: Error) => error);
  copy.attemptHere = (providers = copy.providers, options = {}) => copy.buildHere(providers, options).catch((error: Error) => error);
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
