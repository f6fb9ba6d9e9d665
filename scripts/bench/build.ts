/**
 * Benchmark 1a: wall time of `npm run build`, and each step's share of it.
 *
 * The build runs in a copy of the repository in a temp dir (node_modules linked, not copied):
 * `npm run build` replaces generated/ and dist/docs/, and the working tree may be in use (tests
 * against generated/, someone editing specs) while the benchmark runs. The copy builds the same
 * specs with the same code, so the timing is the same.
 */
import fs from "node:fs";
import path from "node:path";
import { fmtMs, interleaved, removeDir, repoRoot, sideRow, stats, table, tempDir, timeChild, type BenchResult } from "./lib.js";

// Not needed to build, or rebuilt by it; node_modules is linked instead.
const SKIP = new Set(["node_modules", ".git", "dist", ".tmp", "bench", "coverage"]);

interface BuildRun {
  wall: number;
  /** The build's own total ("build finished in N ms"), measured from inside after its imports. */
  total: number;
  steps: Record<string, number>;
}

/** Reads `build finished in N ms (lint 1 ms, bundle 2 ms, …)` from the last line of output. */
export function parseBuildLine(stdout: string): Omit<BuildRun, "wall"> {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  const match = /build finished in (\d+) ms \((.*)\)/.exec(last);
  if (!match) throw new Error(`npm run build: no "build finished" line, last line was: ${last}`);
  const steps: Record<string, number> = {};
  for (const part of match[2]!.split(", ")) {
    const step = /^(\S+) (\d+) ms$/.exec(part);
    if (step) steps[step[1]!] = Number(step[2]);
  }
  return { total: Number(match[1]), steps };
}

export default async function benchBuild(): Promise<BenchResult> {
  const copy = tempDir("build");
  try {
    fs.cpSync(repoRoot, copy, { recursive: true, filter: (src) => !SKIP.has(path.relative(repoRoot, src)) });
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(copy, "node_modules"), "dir");

    const runs = (
      await interleaved({
        build: async (): Promise<BuildRun> => {
          const result = await timeChild("npm", ["run", "build"], copy);
          return { wall: result.ms, ...parseBuildLine(result.stdout) };
        },
      })
    ).build!;

    const wall = stats(runs.map((r) => r.wall));
    const total = stats(runs.map((r) => r.total));
    const share = (ms: number) => `${((100 * ms) / wall.median).toFixed(1)} %`;
    const steps = Object.keys(runs[0]!.steps).map((name) => ({ name, s: stats(runs.map((r) => r.steps[name] ?? 0)) }));
    const stepRows = steps.map(({ name, s }) => [...sideRow(`step: ${name}`, s, fmtMs), share(s.median)]);
    // What the build's own clock does not see: npm, Node and tsx start-up, and importing the
    // pipeline's modules (Spectral, Redocly, openapi-typescript, ts-morph) before its first line.
    const startup = stats(runs.map((r) => r.wall - r.total));
    const rows = [
      [...sideRow("**`npm run build`, wall**", wall, fmtMs), "100 %"],
      ...stepRows,
      [...sideRow("start-up + imports (wall − build's own total)", startup, fmtMs), share(startup.median)],
    ];
    const biggest = [...steps].sort((a, b) => b.s.median - a.s.median)[0];
    const markdown = [
      `${runs.length} runs after one warm-up, in a temp copy of the repository. Shares are of the median wall time; step medians are taken per step, ` +
        "so they need not add up exactly, and steps the build runs side by side (package and docs) overlap, so shares can add up to more than 100 %.",
      "",
      table(["", "median", "min", "max", "share of median wall"], rows),
      "",
      "Target: none set (measurement only).",
      biggest ? `Largest step: **${biggest.name}** (${fmtMs(biggest.s.median)}). The build's own total: ${fmtMs(total.median)} median.` : "",
    ].join("\n");
    return { title: "1a. Build: `npm run build`", markdown, verdict: `build ${fmtMs(wall.median)} median wall (no target)` };
  } finally {
    removeDir(copy);
  }
}
