/**
 * Benchmark 1b: generating types + clients from the same two bundled documents
 * (generated/{clicksend,smsend}/openapi.json), ours (openapi-typescript + model + ts-morph emit)
 * against @hey-api/openapi-ts 0.95 (types + SDK + client-fetch). Each run is a fresh child
 * process started the same way (node --import tsx), so module loading counts on both sides.
 * Target: ours no slower than hey-api (ratio ≤ 1.00).
 */
import fs from "node:fs";
import path from "node:path";
import { fmtMs, fmtRatio, interleaved, removeDir, repoRoot, sideRow, stats, table, tempDir, tsChild, type BenchResult } from "./lib.js";

interface GenRun {
  ms: number;
  /** Phase timings the child printed as its last line (ms). */
  phases: Record<string, number>;
}

async function generate(script: string, outDir: string): Promise<GenRun> {
  const { ms, stdout } = await tsChild(script, [outDir]);
  return { ms, phases: JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number> };
}

/** Every file under a folder, as relative path → size in bytes. */
function listFiles(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) files.set(path.relative(dir, full), fs.statSync(full).size);
  }
  return files;
}

const kib = (files: Map<string, number>) => `${([...files.values()].reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KiB`;

/** Median of each phase across runs, as table rows. */
function phaseRows(side: string, runs: GenRun[]): string[][] {
  return Object.keys(runs[0]!.phases).map((phase) => [side, phase, fmtMs(stats(runs.map((r) => r.phases[phase] ?? 0)).median)]);
}

export default async function benchGenerate(): Promise<BenchResult> {
  const work = tempDir("generate");
  let n = 0;
  // A new output folder per run: neither side gets to overwrite files left by its previous run.
  const fresh = (side: string) => path.join(work, `${side}-${n++}`);
  try {
    const runs = await interleaved({
      ours: () => generate("gen-ours.ts", fresh("ours")),
      heyapi: () => generate("gen-heyapi.ts", fresh("heyapi")),
    });
    const ours = stats(runs.ours!.map((r) => r.ms));
    const hey = stats(runs.heyapi!.map((r) => r.ms));
    const ratio = ours.median / hey.median;
    const met = ratio <= 1;

    // Check that what was timed is the real thing: ours must equal the committed generated/
    // (but openapi.json, which the bundle step writes), and hey-api must have written its SDK.
    const oursOut = listFiles(path.join(work, "ours-0"));
    const heyOut = listFiles(path.join(work, "heyapi-1"));
    const differing = [...oursOut.keys()].filter(
      (file) =>
        fs.readFileSync(path.join(work, "ours-0", file), "utf8") !== fs.readFileSync(path.join(repoRoot, "generated", file), "utf8"),
    );
    if (!heyOut.has(path.join("clicksend", "sdk.gen.ts"))) throw new Error("hey-api wrote no clicksend/sdk.gen.ts");

    const rows = [
      [...sideRow("hey-api 0.95 (baseline)", hey, fmtMs), "1.00×", "", ""],
      [
        ...sideRow("ours: types + model + emit", ours, fmtMs),
        fmtRatio(ratio),
        "≤ 1.00× (no slower)",
        met ? "**met**" : `**missed** by ${fmtMs(ours.median - hey.median)} (${((ratio - 1) * 100).toFixed(0)} % slower)`,
      ],
    ];
    const markdown = [
      `Wall time of one child process generating both APIs; ${ours.runs.length} runs per side after one warm-up, interleaved. Ratio = ours ÷ hey-api (lower is faster).`,
      "",
      table(["side", "median", "min", "max", "ratio", "target", "result"], rows),
      "",
      `Output: ours ${oursOut.size} files, ${kib(oursOut)} (${differing.length === 0 ? "identical to generated/ in the working tree" : `**differs from generated/ in ${differing.join(", ")}**`}); ` +
        `hey-api ${heyOut.size} files, ${kib(heyOut)}.`,
      "",
      "Where the time goes (median per phase, measured inside each child; start-up counts from process start):",
      "",
      table(["side", "phase", "median"], [...phaseRows("ours", runs.ours!), ...phaseRows("hey-api", runs.heyapi!)]),
      met ? "" : `\n**Why missed**: ${diagnosis()}`,
    ].join("\n");
    return {
      title: "1b. Generation: types + clients from the bundled documents",
      markdown,
      verdict: `generation: ours ${fmtRatio(ratio)} hey-api's time, ${met ? "met" : "missed"}`,
    };
  } finally {
    removeDir(work);
  }
}

// The phase table above carries the numbers of this run; this is what they mean. The formatText
// share was measured apart (ts-morph formatText over the 167 KB client.ts of 2026-11: ~0.2 s).
function diagnosis(): string {
  const kb = Math.round(fs.statSync(path.join(repoRoot, "generated", "clicksend", "client.ts")).size / 1000);
  return (
    "ours loads two TypeScript compilers into one process: openapi-typescript's (the `typescript` package) and ts-morph's " +
    "own bundled copy (hey-api loads one), so its start-up + imports phase is the larger one. Its emit step for ClickSend " +
    "then builds client.ts through ts-morph's AST manipulation (every `addInterface`/`addMember` re-parses) and `formatText` " +
    `re-formats the whole ${kb} KB file. client.ts is already assembled as strings; emitting it as plain text (no ts-morph, ` +
    "no formatText) would remove the second compiler and most of the emit phase."
  );
}
