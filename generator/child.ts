/**
 * The build's child processes: the linters (./lint-child.ts) and the library compile
 * (./package.ts) run in Node processes of their own, so they use the second core. A child runs
 * ./worker.ts compiled to plain JavaScript once by esbuild (kept under .tmp/build, keyed by the
 * hash of the code it is made from): under tsx's loader, importing Spectral, Redocly and
 * TypeScript took about a second more CPU in each process than on plain Node.
 */
import { spawn } from "node:child_process";
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
