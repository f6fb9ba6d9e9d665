/**
 * Benchmark 1a: wall time of `npm run build`, and each step's share of it.
 *
 * The build runs in a copy of the repository in a temp dir (node_modules linked, not copied):
 * `npm run build` replaces generated/ and dist/docs/, and the working tree may be in use (tests
 * against generated/, someone editing specs) while the benchmark runs. The copy builds the same
 * specs with the same code, so the timing is the same.
 *
 * About 150 lines: a benchmark reads top to bottom (copy, build, step shares, verdict).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  EDITED,
  fmtMs,
  interleaved,
  removeDir,
  repoCopy,
  repoRoot,
  sideRow,
  stats,
  table,
  tempDir,
  timeChild,
  toggleSummary,
  type BenchResult,
} from "./lib.js";

interface BuildRun {
  wall: number;
  /** CPU time (user + system) of every process the build ran, in ms. */
  cpu: number;
  /** The build's own total ("build finished in N ms"), measured from inside after its imports. */
  total: number;
  steps: Record<string, number>;
}

/** Reads `build finished in N ms (lint 1 ms, bundle 2 ms, …)` from the last line of output. */
function parseBuildLine(stdout: string): Omit<BuildRun, "wall" | "cpu"> {
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

/**
 * Runs `npm <args>` in `cwd` under bash, whose `times` then prints the CPU time its children
 * used (every process of the build, npm's and the linters' alike, once they have exited): on
 * a machine whose cores are all busy, the CPU a build costs is what it can still shed; its wall
 * time also says how well its parts share the cores.
 */
async function timeNpm(args: string[], cwd: string): Promise<BuildRun> {
  const result = await timeChild("bash", ["-c", 'npm "$@" && times >&2', "bash", ...args], cwd);
  const children = result.stderr.trim().split("\n").at(-1) ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => 60 * Number(m) + Number(s));
  if (seconds.length !== 2) throw new Error(`bash's times printed no CPU times: ${children}`);
  return { wall: result.ms, cpu: 1000 * (seconds[0]! + seconds[1]!), ...parseBuildLine(result.stdout) };
}

/**
 * The baseline: the last commit before issue 14 reworked the build (a build that lints, bundles
 * and generates in one lane, renders each docs page with a redocly CLI process, and rebuilds
 * everything every time). Extracted from git into its own temp copy; it installs nothing new, so
 * it runs on this repository's node_modules.
 */
const BASELINE_COMMIT = "17ee643";

export default async function benchBuild(): Promise<BenchResult> {
  const copy = repoCopy("build");
  const baseline = tempDir("build-baseline");
  try {
    execFileSync("sh", ["-c", `git -C "${repoRoot}" archive ${BASELINE_COMMIT} | tar -x -C "${baseline}"`]);
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(baseline, "node_modules"), "dir");

    const paired = await interleaved({
      // --force: the whole build, every part, as on a fresh clone.
      build: () => timeNpm(["run", "build", "--", "--force"], copy),
      baseline: () => timeNpm(["run", "build"], baseline),
    });
    const runs = paired.build!;
    const before = stats(paired.baseline!.map((r) => r.wall));
    const cpuBefore = stats(paired.baseline!.map((r) => r.cpu));
    const cpu = stats(runs.map((r) => r.cpu));
    // The daily loop. The rounds rotate the order of these sides, so each one first brings the
    // copy to the state it measures from (an untimed `npm run build`: everything current), then
    // times one command: nothing changed; one spec file of one provider changed; the edit loop's
    // build; the CI-style staleness check.
    const settle = () => timeChild("npm", ["run", "build"], copy);
    const timedAfterSettling = async (args: string[], edit?: string) => {
      await settle();
      if (edit) toggleSummary(copy, edit);
      return (await timeChild("npm", args, copy)).ms;
    };
    const loop = await interleaved({
      unchanged: () => timedAfterSettling(["run", "build"]),
      edited: () => timedAfterSettling(["run", "build"], EDITED.smsend),
      // What `npm run dev` runs after a save (there without npm's and tsx's start-up, which this includes).
      devSmsend: () => timedAfterSettling(["run", "build", "--", "--generated-only"], EDITED.smsend),
      devClicksend: () => timedAfterSettling(["run", "build", "--", "--generated-only"], EDITED.clicksend),
      check: () => timedAfterSettling(["run", "check"]),
    });

    const wall = stats(runs.map((r) => r.wall));
    const total = stats(runs.map((r) => r.total));
    const share = (ms: number) => `${((100 * ms) / wall.median).toFixed(1)} %`;
    const steps = Object.keys(runs[0]!.steps).map((name) => ({ name, s: stats(runs.map((r) => r.steps[name] ?? 0)) }));
    const stepRows = steps.map(({ name, s }) => [...sideRow(`step: ${name}`, s, fmtMs), share(s.median)]);
    // What the build's own clock does not see: npm, Node and tsx start-up, and importing the
    // pipeline's modules (Spectral, Redocly, openapi-typescript, ts-morph) before its first line.
    const startup = stats(runs.map((r) => r.wall - r.total));
    const unchanged = stats(loop.unchanged!);
    const edited = stats(loop.edited!);
    const devSmsend = stats(loop.devSmsend!);
    const devClicksend = stats(loop.devClicksend!);
    const check = stats(loop.check!);
    const rows = [
      [...sideRow(`baseline: \`npm run build\` of ${BASELINE_COMMIT} (everything, always), wall`, before, fmtMs), ""],
      [...sideRow("**`npm run build -- --force` (everything), wall**", wall, fmtMs), "100 %"],
      [...sideRow(`baseline: \`npm run build\` of ${BASELINE_COMMIT}, CPU (user + system, every process)`, cpuBefore, fmtMs), ""],
      [...sideRow("**`npm run build -- --force`, CPU (user + system, every process)**", cpu, fmtMs), ""],
      ...stepRows,
      [...sideRow("start-up + imports (wall − build's own total)", startup, fmtMs), share(startup.median)],
      [...sideRow("**`npm run build`, nothing changed**", unchanged, fmtMs), share(unchanged.median)],
      [...sideRow(`**\`npm run build\` after editing ${EDITED.smsend}** (smSend alone)`, edited, fmtMs), share(edited.median)],
      [
        ...sideRow(`**the edit loop's build (\`--generated-only\`) after editing ${EDITED.smsend}**`, devSmsend, fmtMs),
        share(devSmsend.median),
      ],
      [
        ...sideRow(`**the edit loop's build (\`--generated-only\`) after editing ${EDITED.clicksend}**`, devClicksend, fmtMs),
        share(devClicksend.median),
      ],
      [...sideRow("**`npm run check`, generated/ current**", check, fmtMs), share(check.median)],
    ];
    const biggest = [...steps].sort((a, b) => b.s.median - a.s.median)[0];
    const markdown = [
      `${runs.length} runs after one warm-up, in a temp copy of the repository. Shares are of the median wall time of the whole build; step medians are taken per step, ` +
        "so they need not add up exactly, and steps the build runs side by side (docs beside lint and generation, and beside package) overlap, so shares can add up to more than 100 %.",
      "",
      table(["", "median", "min", "max", "share of the whole build's median"], rows),
      "",
      `Targets (issue 14): nothing changed under 1 s: **${unchanged.median < 1000 ? "met" : "missed"}** (${fmtMs(unchanged.median)}); ` +
        `the whole build at most half of the baseline's, measured in the same run: **${wall.median <= before.median / 2 ? "met" : "missed"}** ` +
        `(${fmtMs(wall.median)} against ${fmtMs(before.median)}, ${(wall.median / before.median).toFixed(2)}×); ` +
        `its CPU time: ${fmtMs(cpu.median)} against ${fmtMs(cpuBefore.median)}, ${(cpu.median / cpuBefore.median).toFixed(2)}×.`,
      biggest
        ? `Largest step: **${biggest.name}** (${fmtMs(biggest.s.median)}). The build's own total: ${fmtMs(total.median)} median.`
        : "",
    ].join("\n");
    return {
      title: "1a. Build: `npm run build`",
      markdown,
      verdict: `build ${fmtMs(wall.median)} whole (${(wall.median / before.median).toFixed(2)}× the baseline's ${fmtMs(before.median)}; CPU ${fmtMs(cpu.median)}, ${(cpu.median / cpuBefore.median).toFixed(2)}× its ${fmtMs(cpuBefore.median)}), ${fmtMs(unchanged.median)} unchanged, ${fmtMs(edited.median)} after a one-file edit, edit loop ${fmtMs(devSmsend.median)} (smSend) / ${fmtMs(devClicksend.median)} (ClickSend), check ${fmtMs(check.median)}`,
    };
  } finally {
    removeDir(copy);
    removeDir(baseline);
  }
}
