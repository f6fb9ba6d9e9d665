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
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import type { Plugin } from "esbuild";
import fs from "node:fs";
import path from "node:path";
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
/** The variable through which a compiled worker learns which repository it builds. */
const REPO = "SMS_GATEWAY_REPO";
/**
 * In each output file: the `require` that the stand-ins for REQUIRED packages call, and the URL
 * the modules' `import.meta.url` becomes (see `define` below): their own file's, in the
 * repository named by REPO. So one compiled worker serves every copy of the same code (the
 * build's tests make copies, which then compile none of their own).
 */
const BANNER = [
  'import { createRequire as __createRequire } from "node:module";',
  'import { pathToFileURL as __pathToFileURL } from "node:url";',
  "const require = __createRequire(import.meta.url);",
  `const __repository = process.env.${REPO};`,
  `if (!__repository) throw new Error("the build's worker was started without ${REPO}");`,
  `const __entryUrl = __pathToFileURL(__repository + ${JSON.stringify(`/${path.relative(repoRoot, ENTRY)}`)}).href;`,
].join(" ");

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

let compiled: { dir: string; script: Promise<string> } | undefined;
/** Once known: a child then starts at once, before the caller's next synchronous work (the docs). */
let compiledScript: string | undefined;

/** Where the worker compiled from the generator and runtime as they are now is kept. */
function workerDir(): string {
  return path.join(buildHome, "worker", hashFiles(["generator", "runtime", "package-lock.json"]).slice(0, 16));
}

/**
 * The compiled worker's path, compiling it when the generator or runtime changed. A build looks
 * once (`fresh` false): its code does not change under it. Warm children (see below) outlive
 * builds, so each of their tasks looks again.
 */
function workerScript(fresh = false): Promise<string> {
  const dir = fresh || !compiled ? workerDir() : compiled.dir;
  if (compiled?.dir !== dir) compiled = { dir, script: compileWorker(dir).then((script) => (compiledScript = script)) };
  return compiled.script;
}

async function compileWorker(dir: string): Promise<string> {
  const home = path.dirname(dir);
  const script = path.join(dir, "worker.mjs");
  if (fs.existsSync(script)) return script;
  // Workers of older code go; not a warm child's own, which may still be loading its chunks.
  for (const old of fs.existsSync(home) ? fs.readdirSync(home) : [])
    if (![...warmChildren.values()].some((child) => child.script.startsWith(path.join(home, old))))
      fs.rmSync(path.join(home, old), { recursive: true, force: true });
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
    banner: { js: BANNER },
    // The modules locate the repository from their own URL (providers.ts); in the compiled
    // worker that URL is the entry's source file in the repository it builds, which sits where theirs do.
    define: { "import.meta.url": "__entryUrl" },
    logLevel: "error",
  });
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(script)) throw error; // else another build put the same worker there first
  }
  return script;
}

/** What a task sends before its result (./worker.ts): a part's name and its value. */
export type OnPart = (name: string, value: unknown) => void;

/**
 * A child process of plain Node running ./worker.ts: it reads one task per JSON line on its stdin
 * and runs them one after the other. For each it writes one JSON line per message: the parts the
 * task sends early (`onPart` gets them as they come, so the caller can go on with them while the
 * task goes on), then the result.
 */
class TaskProcess {
  private readonly child: ChildProcess;
  private running?: { task: string; onPart: OnPart; resolve: (value: unknown) => void; reject: (error: Error) => void };
  private stderr: Buffer[] = [];
  /** Tasks run one at a time: each waits for the one before it. */
  private queue: Promise<unknown> = Promise.resolve();
  exited = false;

  get pid(): number | undefined {
    return this.child.pid;
  }

  constructor(readonly script: string) {
    this.child = spawn(process.execPath, [script], {
      cwd: repoRoot,
      stdio: ["pipe", "pipe", "pipe"],
      // A warm child keeps its own children warm too (the build's linters).
      env: { ...process.env, [REPO]: repoRoot, ...(warm ? { [WARM]: "1" } : {}) },
    });
    let pending = "";
    this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const [name, value] = JSON.parse(line) as [string, unknown];
        const running = this.running!;
        if (name !== RESULT) running.onPart(name, value);
        else {
          this.running = undefined;
          running.resolve(value);
        }
      }
    });
    this.child.stderr!.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.child.on("error", (error) => this.exit(error.message));
    this.child.on("close", (code, signal) =>
      this.exit(Buffer.concat(this.stderr).toString("utf8").trim() || `exit code ${code ?? signal}`),
    );
  }

  private exit(failure: string): void {
    this.exited = true;
    const running = this.running;
    this.running = undefined;
    running?.reject(new Error(`the ${running.task} child process failed: ${failure}`));
  }

  /** Runs `task` after the tasks before it; `last`: end the child's input, so it exits after this one. */
  run<T>(task: string, input: unknown, onPart: OnPart, last = false): Promise<T> {
    const result = this.queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          if (this.exited) return reject(new Error(`the ${task} child process had exited`));
          this.stderr = [];
          this.running = { task, onPart, resolve: resolve as (value: unknown) => void, reject };
          const line = `${JSON.stringify({ task, input })}\n`;
          if (last) this.child.stdin!.end(line);
          else this.child.stdin!.write(line);
        }),
    );
    this.queue = result.catch(() => {});
    return result;
  }

  /** Ends its input: it exits once its tasks are done. */
  end(): void {
    this.child.stdin!.end();
  }
}

/** Set in the environment of a warm child, which then keeps its own children warm. */
const WARM = "SMS_GATEWAY_WARM_CHILDREN";
let warm = process.env[WARM] === "1";
/** The warm children, by task: one per task, reused while the worker's code is the same. */
const warmChildren = new Map<string, TaskProcess>();

/**
 * From now on, this process keeps one child per task alive between tasks, with its packages
 * loaded and compiled by V8 (`npm run dev`: a rebuild after a save then starts no process and loads
 * nothing). A task runs in a new child when the generator, runtime or lockfile changed since its
 * child started, so a warm child never builds with code the build's record does not describe.
 */
export function keepChildrenWarm(): void {
  warm = true;
}

/** Ends the warm children (each exits once its task is done), and stops keeping them. */
export function stopWarmChildren(): void {
  warm = false;
  for (const child of warmChildren.values()) child.end();
  warmChildren.clear();
}

/** The process ids of the warm children this process started, by task. */
export function warmChildPids(): Record<string, number | undefined> {
  return Object.fromEntries([...warmChildren].map(([task, child]) => [task, child.pid]));
}

/** Runs `task` of ./worker.ts in a child process with `input`; resolves to its result (see TaskProcess). */
export async function runInChild<T>(task: string, input: unknown, onPart: OnPart = () => {}): Promise<T> {
  if (!warm) return new TaskProcess(compiledScript ?? (await workerScript())).run<T>(task, input, onPart, true);
  const script = await workerScript(true);
  let child = warmChildren.get(task);
  if (!child || child.exited || child.script !== script) {
    child?.end();
    warmChildren.set(task, (child = new TaskProcess(script)));
  }
  return child.run<T>(task, input, onPart);
}

/** The name of a task's last message, its result. */
export const RESULT = "result";
