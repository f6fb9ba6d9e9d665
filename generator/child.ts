/**
 * The build's child processes: the linters (./lint-child.ts) and the library compile
 * (./package.ts) run in Node processes of their own, so they use the second core. A child runs
 * ./worker.ts compiled to plain JavaScript once by esbuild (kept under .tmp/build, keyed by the
 * hash of the code it is made from): under tsx's loader, importing Spectral, Redocly and
 * TypeScript took about a second more CPU in each process than on plain Node.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildHome, hashFiles } from "./fingerprint.js";
import { repoRoot } from "./providers.js";

const ENTRY = path.join(repoRoot, "generator", "worker.ts");
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
      packages: "external",
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

/** Runs `task` of ./worker.ts in a child process with `input`; resolves to what it printed, parsed. */
export async function runInChild<T>(task: string, input: unknown): Promise<T> {
  const script = compiledScript ?? (await workerScript());
  return new Promise<T>((resolve, reject) => {
    execFile(process.execPath, [script, task], { cwd: repoRoot, maxBuffer: 256 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`the ${task} child process failed: ${stderr.trim() || error.message}`));
      else resolve(JSON.parse(stdout) as T);
    }).stdin!.end(JSON.stringify(input));
  });
}
