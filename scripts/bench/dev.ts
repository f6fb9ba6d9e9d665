/**
 * Benchmark 1b: the edit loop. `npm run dev` runs in a copy of the repository; each side saves
 * one spec file (the first summary of a path file, toggled) and times, from just before the
 * write, until dev says that provider's mock serves the saved spec: the build of generated/ in
 * its warm children, then the mock's restart. The baseline, in the same rounds and in a second
 * copy, is the same build in cold processes, as the edit loop ran it before it kept its children
 * (`npm run build -- --generated-only`, after the same edit), without restarting a mock.
 */
import { spawn } from "node:child_process";
import {
  EDITED,
  fmtMs,
  fmtRatio,
  interleaved,
  removeDir,
  repoCopy,
  sideRow,
  stats,
  table,
  timeChild,
  toggleSummary,
  type BenchResult,
} from "./lib.js";

/** Issue 14 asks for "about 2 s after a save": taken as at most 2.5 s. */
const TARGET_MS = 2_500;
const PORT = 4810; // and 4811: away from `npm run mock`'s 4010 and 4011

export default async function benchDev(): Promise<BenchResult> {
  const copy = repoCopy("dev");
  const cold = repoCopy("dev-cold");
  // Everything current first: dev then starts without building.
  await timeChild("npm", ["run", "build"], copy);
  await timeChild("npm", ["run", "build"], cold);
  const dev = spawn("npm", ["run", "dev", "--", String(PORT)], { cwd: copy, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const waiters: (() => void)[] = [];
  const heard = (chunk: Buffer) => {
    output += chunk;
    for (const wake of waiters.splice(0)) wake();
  };
  dev.stdout.on("data", heard);
  dev.stderr.on("data", heard);
  /** Resolves when dev's output, from `from` on, matches `pattern`; fails on a build error. */
  const until = (pattern: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const look = () => {
        const fresh = output.slice(from);
        if (/build failed/.test(fresh)) reject(new Error(`npm run dev: ${fresh}`));
        else if (pattern.test(fresh)) resolve();
        else waiters.push(look);
      };
      look();
    });
  try {
    await until(/warmed up in \d+ ms/, 0);
    const warmUp = Number(/warmed up in (\d+) ms/.exec(output)![1]);
    const save = async (id: keyof typeof EDITED) => {
      const from = output.length;
      const started = performance.now();
      toggleSummary(copy, EDITED[id]);
      await until(new RegExp(`${id} mock: .* after the save`), from);
      return performance.now() - started;
    };
    const coldBuild = async (id: keyof typeof EDITED) => {
      toggleSummary(cold, EDITED[id]);
      return (await timeChild("npm", ["run", "build", "--", "--generated-only"], cold)).ms;
    };
    // The first save after dev said it is warmed up, apart: the rounds below have a warm-up round.
    const first = { smsend: await save("smsend"), clicksend: await save("clicksend") };
    const runs = await interleaved({
      smsend: () => save("smsend"),
      clicksend: () => save("clicksend"),
      coldSmsend: () => coldBuild("smsend"),
      coldClicksend: () => coldBuild("clicksend"),
    });
    const s = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, stats(values)]));
    const ratio = (warm: string, base: string) => fmtRatio(s[warm]!.median / s[base]!.median);
    const met = (name: string) => (s[name]!.median <= TARGET_MS ? "met" : "missed");
    const rows = [
      [...sideRow(`baseline: a cold \`--generated-only\` build after saving ${EDITED.smsend}`, s.coldSmsend!, fmtMs), "1.00×", ""],
      [
        ...sideRow(`**\`npm run dev\`: saving ${EDITED.smsend} → its mock serves it**`, s.smsend!, fmtMs),
        ratio("smsend", "coldSmsend"),
        met("smsend"),
      ],
      [...sideRow(`baseline: a cold \`--generated-only\` build after saving ${EDITED.clicksend}`, s.coldClicksend!, fmtMs), "1.00×", ""],
      [
        ...sideRow(`**\`npm run dev\`: saving ${EDITED.clicksend} → its mock serves it**`, s.clicksend!, fmtMs),
        ratio("clicksend", "coldClicksend"),
        met("clicksend"),
      ],
    ];
    const markdown = [
      `${runs.smsend!.length} saves of each file after one warm-up round, interleaved with the baseline's builds (in a second copy of the repository). ` +
        "Each save is timed from just before the write until `npm run dev` prints that the provider's mock serves the saved spec.",
      "",
      table(["", "median", "min", "max", "ratio to its baseline", `target (about 2 s: ≤ ${fmtMs(TARGET_MS)})`], rows),
      "",
      `\`npm run dev\` warmed up (a build that writes nothing, after its start) in ${fmtMs(warmUp)}; the first save of each after that: ${EDITED.smsend} ${fmtMs(first.smsend)}, ${EDITED.clicksend} ${fmtMs(first.clicksend)}.`,
    ].join("\n");
    return {
      title: "1b. The edit loop: `npm run dev`",
      markdown,
      verdict: `dev: a save to its mock serving it in ${fmtMs(s.smsend!.median)} (smSend, ${ratio("smsend", "coldSmsend")} a cold build) / ${fmtMs(s.clicksend!.median)} (ClickSend, ${ratio("clicksend", "coldClicksend")}); about 2 s: smSend ${met("smsend")}, ClickSend ${met("clicksend")}`,
    };
  } finally {
    process.kill(-dev.pid!, "SIGINT"); // the whole group: npm, tsx, dev and its children, as Ctrl-C stops them
    await new Promise((resolve) => dev.once("close", resolve));
    removeDir(copy);
    removeDir(cold);
  }
}
