/**
 * `npm run build` as a maintainer meets it, in a copy of the repository
 * (test/support/repo-copy.ts; its repoRoot is the copy): an unchanged build is skipped and
 * changes nothing; a YAML syntax error is reported first and alone; the edit loop rebuilds only
 * the provider that changed; and the output depends on nothing but the specs. The copy starts
 * from this repository's own last good build (test/setup/build.ts made it current). The other
 * failures, and the order they are reported in, are test/build/failures.test.ts.
 *
 * Two cases run scripts/build.ts in a child process, exactly as `npm run build` does: the skip,
 * and a failure as the script reports it.
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

const buildHere = (options: { generatedOnly?: boolean } = {}) => copy.attempt(copy.providers, options);

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
});
