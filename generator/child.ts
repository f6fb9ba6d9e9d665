/**
 * The build's child processes: the linters (./lint-child.ts) and the library compile
 * (./package.ts) run in Node processes of their own, so they use the second core. A child runs
 * ./worker.ts compiled to plain JavaScript once by esbuild (kept under .tmp/build, keyed by the
 * hash of the code it is made from): under tsx's loader, importing Spectral, Redocly and
 * TypeScript took about a second more CPU in each process than on plain Node.
 *
 * Node's loader is costly on big CommonJS files too: importing one, it first checks whether it
 * is an ES module, then scans it for the names it exports. For TypeScript's 9 MB that took 0.85 s
 * of CPU where require() takes 0.25 s, in every process that loads it. So the worker loads
 * REQUIRED packages with require(), and bundles BUNDLED ones (ES modules that import them, or
 * whose many small files cost more to load one by one than as one file).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { Plugin } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildHome, hashFiles } from "./fingerprint.js";
import { repoRoot } from "./providers.js";

const ENTRY = path.join(repoRoot, "generator", "worker.ts");
/** CommonJS packages loaded with require(). Their own files must stay where they are:
 * TypeScript reads its lib.d.ts files from beside itself. */
const REQUIRED = ["typescript", "ts-morph"];
/** ES-module packages bundled into the worker, with everything they import but REQUIRED:
 * openapi-typescript imports TypeScript; Redocly's hundreds of modules load in a fraction of the
 * time as one file. Neither reads files from beside itself. */
const BUNDLED = ["openapi-typescript", "@redocly/openapi-core"];
/** In each output file: the `require` that the stand-ins for REQUIRED packages call. */
const REQUIRE_BANNER = 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

/** Which package an import names ("@scope/name/sub" → "@scope/name"). */
function packageOf(specifier: string): string {
  return specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
}

/**
 * Our modules' imports of packages stay imports (Node resolves them as it would from
 * generator/), but BUNDLED ones, bundled whole; REQUIRED ones become require() calls of the file
 * Node would load for the importer (a bundled package may have its own nested copy of another).
 */
const packagePolicy: Plugin = {
  name: "package-policy",
  setup(build) {
    // A stand-in's own require call names the file itself.
    build.onResolve({ filter: /.*/, namespace: "require" }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const name = packageOf(args.path);
      if (REQUIRED.includes(name)) {
        return { path: createRequire(args.importer).resolve(args.path), namespace: "require" };
      }
      const inPackage = args.importer.split(path.sep).includes("node_modules");
      if (inPackage || BUNDLED.includes(name)) return undefined; // esbuild bundles it
      return { path: args.path, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: "require" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
    }));
  },
};

let compiled: Promise<string> | undefined;
/** Once known: a child then starts at once, before the caller's next synchronous work (the docs). */
let compiledScript: string | undefined;

/** The compiled worker's path, compiling it when the generator or runtime changed. */
function workerScript(): Promise<string> {
  compiled ??= (async () => {
    const home = path.join(buildHome, "worker");
    // The repository's own path is part of the key: the worker holds it (see `define` below), and
    // a copy of the repository with its .tmp (the build's tests make some) must not use the original's.
    const dir = path.join(home, hashFiles(["generator", "runtime", "package-lock.json"], repoRoot).slice(0, 16));
    const script = path.join(dir, "worker.mjs");
    if (fs.existsSync(script)) return script;
    fs.rmSync(home, { recursive: true, force: true }); // workers of older code
    const { build } = await import("esbuild");
    const staging = `${dir}.${process.pid}`;
    await build({
      entryPoints: [ENTRY],
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true, // each task's imports load only when the task runs
      format: "esm",
      platform: "node",
      target: "node20",
      plugins: [packagePolicy],
      banner: { js: REQUIRE_BANNER },
      // The modules locate the repository from their own URL (providers.ts); in the compiled
      // worker that URL is the entry's source file, which sits where theirs do.
      define: { "import.meta.url": JSON.stringify(pathToFileURL(ENTRY).href) },
      logLevel: "error",
    });
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(script)) throw error; // else another build put the same worker there first
    }
    return script;
  })().then((script) => (compiledScript = script));
  return compiled;
}

/** What a task sends before its result (./worker.ts): a part's name and its value. */
export type OnPart = (name: string, value: unknown) => void;

/**
 * Runs `task` of ./worker.ts in a child process with `input`; resolves to its result. The child
 * writes one JSON line per message: the parts a task sends early (`onPart` gets them as they
 * come, so the caller can go on with them while the task goes on), then the result.
 */
export async function runInChild<T>(task: string, input: unknown, onPart: OnPart = () => {}): Promise<T> {
  const script = compiledScript ?? (await workerScript());
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [script, task], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
    let result: { value: T } | undefined;
    let pending = "";
    const stderr: Buffer[] = [];
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const [name, value] = JSON.parse(line) as [string, unknown];
        if (name === RESULT) result = { value: value as T };
        else onPart(name, value);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const failure = Buffer.concat(stderr).toString("utf8").trim() || `exit code ${code ?? signal}`;
      if (code === 0 && result) resolve(result.value);
      else reject(new Error(`the ${task} child process failed: ${code === 0 ? "it sent no result" : failure}`));
    });
    child.stdin.end(JSON.stringify(input));
  });
}

/** The name of a task's last message, its result. */
export const RESULT = "result";
