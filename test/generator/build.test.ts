/**
 * `npm run build` as a maintainer meets it, in a copy of the repository: an unchanged build is
 * skipped and changes nothing; a broken spec stops it with file, line and rule and leaves
 * generated/, dist/lib and dist/docs byte for byte as they were, whichever step fails. The copy
 * starts from this repository's own last good build (test/setup/build.ts made it current), so
 * each case rebuilds only the provider it edits. The failures at lint and generation are shown
 * on a two-file fixture provider (test/fixtures/build/) instead of smSend: its build takes the
 * same steps, but its lint child lints two short files, not smSend's spec and its brands.
 *
 * Two cases run scripts/build.ts in a child process, exactly as `npm run build` does: the skip,
 * and a failure as the script reports it. The others call the copy's own generator/build.ts
 * (test/support/repo-copy.ts: its repoRoot is the copy).
 *
 * The library is compiled and the docs written while the linters still run: their verdict is
 * awaited first, so a lint error outranks what tsc makes of the library, and a lint warning
 * reaches the build's result.
 */
import { execFile } from "node:child_process";
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

/** The copy's build; its error when it fails. */
async function buildHere(options: { generatedOnly?: boolean } = {}): Promise<{ rebuilt: string[]; libraryRebuilt?: boolean } | Error> {
  return copy.build(copy.providers, options).catch((error: Error) => error);
}

/** The copy's build of the fixture provider alone; its error when it fails. */
async function buildFixture(): Promise<{ rebuilt: string[] } | Error> {
  return copy.build([copy.fixture]).catch((error: Error) => error);
}

/** Runs `edit` on a file of the copy, runs `build`, and puts the file back. */
function withEdit<T>(file: string, edit: (text: string) => string, build: () => Promise<T>): Promise<T> {
  return copy.withEdits({ [file]: edit }, build);
}

/** The library's compiler settings name a file that is not there: only tsc, the last step, can
 * refuse that. (Any tsc failure takes the same path; this one leaves tsc's incremental state
 * valid, so tsc re-checks nothing else.) */
const MISSING_FILE = (text: string) => text.replace(/\n}\s*$/, ',\n  "files": ["runtime/missing.ts"]\n}\n');

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
    const { ok, output } = await withEdit(
      "specs/smsend/paths/status.yaml",
      (text) => text.replace("  tags: [user]", "  tags: [user"),
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

  it("in the edit loop (--generated-only, as npm run dev builds) rewrites generated/ alone, and a changed spec is rebuilt again", async () => {
    const before = outputs();
    const recordFile = path.join(copy.dir, ".tmp/build/record.json");
    const record = fs.readFileSync(recordFile, "utf8");
    const generated = path.join(copy.dir, "generated/smsend");
    const saved = path.join(copy.dir, ".tmp/saved-smsend");
    fs.cpSync(generated, saved, { recursive: true });
    const file = path.join(copy.dir, "specs/smsend/paths/status.yaml");
    const original = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, original.replace("summary: Get the user's credits and services", "summary: Get the credits and services"));
    try {
      expect(await buildHere({ generatedOnly: true })).toMatchObject({ rebuilt: ["smsend"] });
      const after = outputs();
      const moved = Object.keys(after).filter((name) => after[name] !== before[name]);
      expect(moved.length).toBeGreaterThan(0);
      expect(
        moved.every((name) => name.startsWith("generated/smsend/")),
        moved.join(", "),
      ).toBe(true);
      // The same edit again is current for the edit loop.
      expect(await buildHere({ generatedOnly: true })).toMatchObject({ rebuilt: [] });
    } finally {
      // Undone by hand, spec, output and record, instead of a second build: the next cases start
      // from a current build. That building the unedited spec gives these very files is the
      // reproduction case below.
      fs.writeFileSync(file, original);
      fs.rmSync(generated, { recursive: true, force: true });
      fs.renameSync(saved, generated);
      fs.writeFileSync(recordFile, record);
    }
    expect(outputs()).toEqual(before);
    expect(await buildHere(), "the copy is not current again").toMatchObject({ rebuilt: [], libraryRebuilt: false });
  }, 120_000);

  it("reproduces generated/ byte for byte from another copy of the repository", async () => {
    // The repository's generated/ was made (or proven current) by test/setup/build.ts in another
    // process; generating again here, at another path, and getting the same bytes shows the
    // output depends on nothing but the specs. The linters and the request-type check already
    // passed in that build; `npm run check` compares with git.
    const { files } = await copy.generate(copy.providers, {}, { checks: false });
    expect(readGenerated(path.join(repoRoot, "generated"), ["clicksend", "smsend"])).toEqual(files);
  }, 120_000);

  it("names the spec file and line of an operation without a 2xx reply, and changes nothing", async () => {
    const before = outputs();
    const error = await withEdit("test/fixtures/build/paths/status.yaml", (text) => text.replace('    "200":', '    "302":'), buildFixture);
    expect(error).toBeInstanceOf(copy.LintFailure);
    // The whole message: the linters found nothing, so the generator's finding is the only one.
    expect((error as Error).message).toBe(
      "build stopped: 1 error(s) in the specs:\n" +
        "test/fixtures/build/paths/status.yaml:2:3 error generator/success-reply user/get-status: has no 2xx response (the client types its reply from it)",
    );
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a lint error ahead of what generation trips over, though the linters run beside it", async () => {
    const before = outputs();
    // Two mistakes: an operationId Spectral refuses, and no 2xx reply, which stops the generator.
    const error = await withEdit(
      "test/fixtures/build/paths/status.yaml",
      (text) => text.replace("operationId: user/get-status", "operationId: GetStatus").replace('    "200":', '    "302":'),
      buildFixture,
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(
      /^test\/fixtures\/build\/paths\/status\.yaml:\d+:\d+ error spectral\/operation-id-namespaced/m,
    );
    expect((error as Error).message).not.toContain("generator/success-reply");
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("stops before swapping anything in when the library does not compile", async () => {
    const before = outputs();
    const error = await withEdit("tsconfig.build.json", MISSING_FILE, buildHere);
    expect(error).toBeInstanceOf(copy.CompileFailure);
    expect((error as Error).message).toMatch(
      /^the generated code does not compile \(tsc\):\n.*error TS6053: File '.*runtime\/missing\.ts' not found/,
    );
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a lint error ahead of a compile error of the library built beside the linters, and changes nothing", async () => {
    const before = outputs();
    // A write operation that does not say whether it costs money (Spectral's
    // operation-billable-decided): neither generation nor the brand documents trip over it, so
    // the library is compiled beside the linters, and tsc fails too.
    const error = await copy.withEdits(
      {
        "specs/smsend/paths/group_{group_id}_contact_{contact_id}.yaml": (text) => text.replace("  x-billable: false\n", ""),
        "tsconfig.build.json": MISSING_FILE,
      },
      buildHere,
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(
      /^specs\/smsend\/paths\/group_\{group_id\}_contact_\{contact_id\}\.yaml:\d+:\d+ error spectral\/operation-billable-decided/m,
    );
    expect((error as Error).message).not.toContain("TS6053");
    expect(outputs()).toEqual(before);
  }, 180_000);

  // Last: it succeeds, so the fixture's generated/ is swapped into the copy. The edit loop's build,
  // which takes the linters' verdict as the full build does (generator/build.ts, `lintVerdict`).
  it("goes on past a lint warning and returns it in its result", async () => {
    // A component nothing refers to: Redocly's no-unused-components, a warning in redocly.yaml.
    const result = await withEdit(
      "test/fixtures/build/openapi.yaml",
      (text) => text.replace(/^components:\n/m, "components:\n  schemas:\n    NeverUsed:\n      type: string\n"),
      () => copy.build([copy.fixture], { generatedOnly: true }),
    );
    expect(result.rebuilt).toEqual(["build-fixture"]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ file: "test/fixtures/build/openapi.yaml", rule: "no-unused-components", severity: "warning" }),
    );
    expect(result.warnings.every((w) => w.severity === "warning")).toBe(true);
  }, 180_000);
});
