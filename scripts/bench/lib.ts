/**
 * What every benchmark shares: statistics, child processes timed from the outside, temp dirs,
 * interleaved rounds, and the Markdown table each one reports.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot } from "../../generator/providers.js";

export { repoRoot };

/** This folder: the child entry points (gen-*.ts, loopback-server.ts) live beside this file. */
export const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Measured runs per side. One extra warm-up round (not counted) comes first. */
const RUNS = 5;

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values };
}

export interface ChildResult {
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its wall time; a non-zero exit is an error, because
 * a timing of a failed run means nothing. */
export function timeChild(command: string, args: string[], cwd = repoRoot): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, stdout, stderr });
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
    });
  });
}

/** A TypeScript entry point of scripts/bench run in a fresh Node process through tsx, the way the
 * project runs its own scripts. */
export function tsChild(script: string, args: string[]): Promise<ChildResult> {
  return timeChild(process.execPath, ["--import", "tsx", path.join(benchDir, script), ...args]);
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sms-bench-${name}-`));
}

// Not needed to build, or rebuilt by it; node_modules is linked instead.
const NOT_COPIED = new Set(["node_modules", ".git", "dist", ".tmp", "bench", "coverage"]);

/**
 * A copy of the repository in a temp dir, to build in: a build replaces generated/ and dist/, and
 * the working tree may be in use meanwhile (tests against generated/, someone editing specs).
 */
export function repoCopy(name: string): string {
  const copy = tempDir(name);
  fs.cpSync(repoRoot, copy, { recursive: true, filter: (src) => !NOT_COPIED.has(path.relative(repoRoot, src)) });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"), "dir");
  return copy;
}

/** The one-file edits: the first summary of a path file, toggled between two wordings, so every run changes it. */
export const EDITED = { smsend: "specs/smsend/paths/status.yaml", clicksend: "specs/clicksend/paths/account.yaml" };
export function toggleSummary(copy: string, file: string): void {
  const absolute = path.join(copy, file);
  const text = fs.readFileSync(absolute, "utf8");
  fs.writeFileSync(
    absolute,
    text.replace(/^(\s*summary: .*?)( \(edited\))?$/m, (_, summary: string, edited?: string) => (edited ? summary : `${summary} (edited)`)),
  );
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * One warm-up round, then RUNS rounds running every side once. The order rotates each round, so
 * a drift of the machine (caches, thermal, another process) falls on every side alike.
 */
export async function interleaved<T>(sides: Record<string, () => Promise<T>>, rounds = RUNS): Promise<Record<string, T[]>> {
  const names = Object.keys(sides);
  const results: Record<string, T[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -1; round < rounds; round++) {
    const shift = Math.max(round, 0) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const value = await sides[name]!();
      if (round >= 0) results[name]!.push(value);
    }
  }
  return results;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

export const fmtMs = (ms: number): string => `${Math.round(ms).toLocaleString("en")} ms`;
export const fmtRatio = (r: number): string => `${r.toFixed(2)}×`;

/** What each benchmark hands to run.ts: its Markdown section and a one-line verdict. */
export interface BenchResult {
  title: string;
  markdown: string;
  verdict: string;
}

/** The common row: side, median, min, max (already formatted by the caller's unit). */
export function sideRow(name: string, s: Stats, fmt: (v: number) => string): string[] {
  return [name, fmt(s.median), fmt(s.min), fmt(s.max)];
}
