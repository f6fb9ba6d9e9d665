/**
 * `npm run bench`: runs every benchmark in one process, one after another (never in parallel:
 * they would compete for the same cores), and writes bench/RESULTS.md.
 * `npm run bench -- calls bundle` runs only those: their sections are replaced, the others kept as
 * they were (bench/results.json holds every benchmark's last result, each with its own date and
 * load; RESULTS.md is written from it).
 * Never part of `npm test`: timings depend on the machine and belong in a report, not a test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import benchBuild from "./build.js";
import benchBundle from "./bundle.js";
import benchCalls from "./calls.js";
import benchDev from "./dev.js";
import benchDocs from "./docs.js";
import benchGenerate from "./generate.js";
import { repoRoot, type BenchResult } from "./lib.js";
import benchTests from "./tests.js";
import benchTypecheck from "./typecheck.js";

const benchmarks: Record<string, () => Promise<BenchResult>> = {
  build: benchBuild,
  dev: benchDev,
  tests: benchTests,
  generate: benchGenerate,
  typecheck: benchTypecheck,
  calls: benchCalls,
  bundle: benchBundle,
  docs: benchDocs,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) throw new Error(`unknown benchmark(s) ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}`);

// The machine's load average, before and after each benchmark: timings taken while something
// else keeps the cores busy (a test run, a browser) are slower and noisier, and the reader should know.
const load = () => os.loadavg()[0]!.toFixed(2);
const resultsFile = path.join(repoRoot, "bench", "results.json");
type Recorded = BenchResult & { conditions: string };
const recorded: Record<string, Recorded> = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, "utf8")) : {};
const started = performance.now();
for (const [name, bench] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const benchStarted = performance.now();
  const loadBefore = load();
  console.log(`bench: ${name}…`);
  const result = await bench();
  const seconds = ((performance.now() - benchStarted) / 1000).toFixed(1);
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  recorded[name] = { ...result, conditions: `${when} UTC, ${seconds} s; load average (1 min) ${loadBefore} before, ${load()} after` };
  console.log(`bench: ${result.verdict} (${seconds} s)`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
// In the order of `benchmarks`, whichever run each result came from.
const results = Object.keys(benchmarks).flatMap((name) => recorded[name] ?? []);

const cpus = os.cpus();
const markdown = [
  "# Benchmarks",
  "",
  "Written by `npm run bench` (scripts/bench/). " +
    `Node ${process.version}, ${os.type()} ${os.release()}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM. Each section says when it ran and the load around it.`,
  "",
  "Each comparison runs its sides in the same run, interleaved, one warm-up round first (not counted); " +
    "the figures are the median (and min/max) of the counted runs. Numbers from another machine or another run are not comparable.",
  "",
  "## Summary",
  "",
  ...results.map((r) => `- ${r.verdict}`),
  "",
  ...results.flatMap((r) => [`## ${r.title}`, "", `_${r.conditions}._`, "", r.markdown, ""]),
].join("\n");

fs.mkdirSync(path.join(repoRoot, "bench"), { recursive: true });
fs.writeFileSync(resultsFile, `${JSON.stringify(recorded, null, 2)}\n`);
fs.writeFileSync(path.join(repoRoot, "bench", "RESULTS.md"), markdown);
console.log(`bench: wrote bench/RESULTS.md (${seconds} s)`);
