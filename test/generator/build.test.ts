/**
 * `npm run build` as a maintainer meets it, in a copy of the repository
 * (test/support/repo-copy.ts; its repoRoot is the copy): an unchanged build is skipped and
 * changes nothing; a YAML syntax error is reported first and alone; the edit loop rebuilds only
 * the provider that changed and returns the linters' warnings; and the output depends on nothing
 * but the specs. The copy starts from this repository's own last good build (test/setup/build.ts
 * made it current). The other failures, and the order they are reported in, are
 * test/build/failures.test.ts.
 *
 * Two cases run scripts/build.ts in a child process, exactly as `npm run build` does: the skip,
 * and a failure as the script reports it.
 */
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { readGenerated } from "../../generator/write.js";
import { useRepoCopy } from "../support/repo-copy.js";

const run = promisify(execFile);
const copy = useRepoCopy("build-test-");
const outputs = () => copy.outputs();

/** scripts/build.ts in a child process, as `npm run build` runs it. */
async function buildScript(): Promise<{ ok: boolean; output: string }> {
  const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
  return run(process.execPath, [tsx, "scripts/build.ts"], { cwd: copy.dir }).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, output: error.stdout + error.stderr }),
  );
}

describe("npm run build", () => {
  it("skips a build when nothing changed, leaving every output as it was", async () => {
    const before = outputs();
    const { ok, output } = await buildScript();
    expect(output).toContain("build is current");
    expect(ok).toBe(true);
    expect(outputs()).toEqual(before);
  });

  it("reports a YAML syntax error first and alone, without a stack trace, and changes nothing", async () => {
    const before = outputs();
    const { ok, output } = await copy.withEdits(
      { "specs/smsend/paths/status.yaml": (text) => text.replace("  tags: [user]", "  tags: [user") },
      buildScript,
    );
    expect(ok).toBe(false);
    const findings = output.split("\n").filter((line) => /^specs\//.test(line));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^specs\/smsend\/paths\/status\.yaml:\d+:\d+ error yaml\//);
    expect(output).not.toMatch(/spectral|redocly/);
    expect(output).not.toMatch(/^\s+at /m); // the script prints the findings, never a stack trace
    expect(output).toContain("build failed: generated/ and dist/ are unchanged");
    expect(outputs()).toEqual(before);
  });

  it("in the edit loop (--generated-only, as npm run dev builds) rewrites the changed provider's generated/ alone, returns lint warnings, and a changed spec is rebuilt again", async () => {
    // On the fixture provider (test/fixtures/build/, in the copy's specs/build-fixture/), beside
    // the real providers, which are current and stay so: its lint child lints three short files.
    const providers = [...copy.providers, copy.fixture];
    const editLoop = () => copy.build(providers, { generatedOnly: true });
    const before = outputs();
    const recordFile = path.join(copy.dir, ".tmp/build/record.json");
    const record = fs.readFileSync(recordFile, "utf8");
    /** The outputs that moved since `from`: all in the fixture's generated/, and some. */
    const expectOnlyFixtureMoved = (from: Record<string, string>) => {
      const after = outputs();
      const moved = [...new Set([...Object.keys(from), ...Object.keys(after)])].filter((name) => after[name] !== from[name]);
      expect(moved.length).toBeGreaterThan(0);
      expect(
        moved.every((name) => name.startsWith("generated/build-fixture/")),
        moved.join(", "),
      ).toBe(true);
      return after;
    };
    try {
      // A component nothing refers to: Redocly's no-unused-components, a warning in redocly.yaml.
      // The edit loop goes on past it and returns it, as the full build does (generator/build.ts, `lintVerdict`).
      const built = await copy.withEdits(
        {
          "specs/build-fixture/openapi.yaml": (text) =>
            text.replace(/^ {2}schemas:\n/m, "  schemas:\n    NeverUsed:\n      type: string\n"),
        },
        async () => {
          const result = await editLoop();
          expect(result.rebuilt).toEqual(["build-fixture"]);
          expect(result.warnings).toContainEqual(
            expect.objectContaining({ file: "specs/build-fixture/openapi.yaml", rule: "no-unused-components", severity: "warning" }),
          );
          expect(result.warnings.every((w) => w.severity === "warning")).toBe(true);
          const after = expectOnlyFixtureMoved(before);
          // The same spec again is current for the edit loop.
          expect(await editLoop()).toMatchObject({ rebuilt: [] });
          return after;
        },
      );
      // The edit undone is a changed spec: rebuilt again, in the fixture's generated/ alone. (This
      // build in this process, `buildHere`, what the build child runs: the promise is the record's,
      // the child's path was shown above, and this process has the generators loaded already.)
      expect(await copy.buildHere(providers, { generatedOnly: true })).toMatchObject({ rebuilt: ["build-fixture"], warnings: [] });
      expectOnlyFixtureMoved(built);
    } finally {
      // Undone by hand, output and record, instead of a full build: the next cases start from a
      // current build of the real providers.
      fs.rmSync(path.join(copy.dir, "generated/build-fixture"), { recursive: true, force: true });
      fs.writeFileSync(recordFile, record);
    }
    expect(outputs()).toEqual(before);
    expect(await copy.attempt(), "the copy is not current again").toMatchObject({ rebuilt: [], libraryRebuilt: false });
  }, 120_000);

  it("runs two builds at once one after the other, the second finding the first's output current, and takes over a dead build's lock", async () => {
    const recordFile = path.join(copy.dir, ".tmp/build/record.json");
    const record = fs.readFileSync(recordFile, "utf8");
    const lockFile = path.join(copy.dir, ".tmp/build/lock");
    // A lock left by a build that died: a process that has exited.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    fs.writeFileSync(lockFile, dead);
    try {
      // As `npm run dev` and `npm run build` in two terminals (both bodies in this process: the lock is the promise).
      const both = await Promise.all([
        copy.attemptHere([copy.fixture], { generatedOnly: true }),
        copy.attemptHere([copy.fixture], { generatedOnly: true }),
      ]);
      expect(both.map((result) => (result instanceof Error ? result.message : result.rebuilt)).sort()).toEqual([[], ["build-fixture"]]);
      expect(fs.existsSync(lockFile)).toBe(false);
    } finally {
      fs.rmSync(path.join(copy.dir, "generated/build-fixture"), { recursive: true, force: true });
      fs.writeFileSync(recordFile, record);
    }
  }, 120_000);

  it("reproduces generated/ byte for byte from another copy of the repository", async () => {
    // The repository's generated/ was made (or proven current) by test/setup/build.ts in another
    // process; generating again here, at another path, and getting the same bytes shows the
    // output depends on nothing but the specs. The linters and the request-type check already
    // passed in that build; `npm run check` compares with git.
    const { files } = await copy.generate(copy.providers, {}, { checks: false });
    expect(readGenerated(path.join(repoRoot, "generated"), ["clicksend", "smsend"])).toEqual(files);
  }, 120_000);
});
