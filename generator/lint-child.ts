/**
 * The linters (./lint.ts) in a Node process of their own, so the build bundles and generates on
 * the other core meanwhile: linting ClickSend is about three seconds of CPU work. Kept apart from
 * lint.ts so that starting the child does not load the linters here.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding } from "./findings.js";
import { repoRoot, type Provider } from "./providers.js";
import type { StepTimings } from "./timing.js";

/** Lints `providers` in a child process; its wall time goes to `timings.lint`. */
export function lintInChild(providers: readonly Provider[], timings: StepTimings): Promise<Finding[]> {
  const started = performance.now();
  // tsx's loader: lint.ts is TypeScript, in the child as in this process.
  const tsx = pathToFileURL(path.join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
  // The providers go whole (they are plain data): a test's fixture provider is no known id.
  const args = ["--import", tsx, path.join(repoRoot, "generator", "lint.ts"), JSON.stringify(providers)];
  const lint = new Promise<Finding[]>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: repoRoot, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      timings.lint = (timings.lint ?? 0) + (performance.now() - started);
      if (error) reject(new Error(`the linters failed to run: ${stderr.trim() || error.message}`));
      else resolve(JSON.parse(stdout) as Finding[]);
    });
  });
  lint.catch(() => {}); // the caller awaits it later; this only keeps an early failure from going unhandled
  return lint;
}
