/**
 * `npm run build` as a maintainer meets it, in a copy of the repository: an unchanged build is
 * skipped and changes nothing; a broken spec stops it with file, line and rule and leaves
 * generated/, dist/lib and dist/docs byte for byte as they were, whichever step fails. The copy
 * starts from this repository's own last good build (test/setup/build.ts made it current), so
 * each case rebuilds only the provider it edits.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";

const run = promisify(execFile);
const COPIED = [
  "specs",
  "generator",
  "runtime",
  "scripts",
  "generated",
  "dist/lib",
  "dist/docs",
  ".tmp/build",
  "package.json",
  "package-lock.json",
  "redocly.yaml",
  "biome.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "CHANGELOG.md",
];
let sandbox: string;

/** Every output file's hash, by path: what must not move when a build fails. */
function outputs(): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const dir of ["generated", "dist/lib", "dist/docs"]) {
    const root = path.join(sandbox, dir);
    for (const name of fs.readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
      const file = path.join(root, name);
      if (fs.statSync(file).isFile()) hashes[`${dir}/${name}`] = createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    }
  }
  return hashes;
}

async function buildInSandbox(...flags: string[]): Promise<{ ok: boolean; output: string }> {
  const tsx = path.join(repoRoot, "node_modules", "tsx", "dist", "cli.mjs");
  return run(process.execPath, [tsx, "scripts/build.ts", ...flags], { cwd: sandbox }).then(
    ({ stdout, stderr }) => ({ ok: true, output: stdout + stderr }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, output: error.stdout + error.stderr }),
  );
}

/** Runs `edit` on a spec file, builds, and puts the file back. */
async function buildWithEdit(file: string, edit: (text: string) => string) {
  const target = path.join(sandbox, file);
  const original = fs.readFileSync(target, "utf8");
  const edited = edit(original);
  expect(edited, "the edit changed nothing").not.toBe(original);
  fs.writeFileSync(target, edited);
  try {
    return await buildInSandbox();
  } finally {
    fs.writeFileSync(target, original);
  }
}

beforeAll(() => {
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "build-test-"));
  for (const name of COPIED) fs.cpSync(path.join(repoRoot, name), path.join(sandbox, name), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(sandbox, "node_modules"));
});
afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

describe("npm run build", () => {
  it("skips a build when nothing changed, leaving every output as it was", async () => {
    const before = outputs();
    const { ok, output } = await buildInSandbox();
    expect(output).toContain("build is current");
    expect(ok).toBe(true);
    expect(outputs()).toEqual(before);
  });

  it("in the edit loop (--generated-only, as npm run dev builds) rewrites generated/ alone, and dist/ follows later", async () => {
    const before = outputs();
    const file = path.join(sandbox, "specs/smsend/paths/status.yaml");
    const original = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, original.replace("summary: Get the user's credits and services", "summary: Get the credits and services"));
    try {
      const { ok, output } = await buildInSandbox("--generated-only");
      expect(ok, output).toBe(true);
      const after = outputs();
      const moved = Object.keys(after).filter((name) => after[name] !== before[name]);
      expect(moved.length).toBeGreaterThan(0);
      expect(
        moved.every((name) => name.startsWith("generated/smsend/")),
        moved.join(", "),
      ).toBe(true);
      // The same edit again is current for the edit loop, but not for a full build.
      expect((await buildInSandbox("--generated-only")).output).toContain("build is current");
    } finally {
      fs.writeFileSync(file, original);
    }
    // Undone: generated/ goes back to what it was, through a build of smSend alone.
    const { ok, output } = await buildInSandbox("--generated-only");
    expect(ok, output).toBe(true);
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a YAML syntax error first and alone, and changes nothing", async () => {
    const before = outputs();
    const { ok, output } = await buildWithEdit("specs/smsend/paths/status.yaml", (text) => text.replace("  tags: [user]", "  tags: [user"));
    expect(ok).toBe(false);
    const findings = output.split("\n").filter((line) => /^specs\//.test(line));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^specs\/smsend\/paths\/status\.yaml:\d+:\d+ error yaml\//);
    expect(output).not.toMatch(/spectral|redocly/);
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("names the spec file and line of an operation without a 2xx reply, and changes nothing", async () => {
    const before = outputs();
    const { ok, output } = await buildWithEdit("specs/smsend/paths/status.yaml", (text) => text.replace('    "200":', '    "302":'));
    expect(ok).toBe(false);
    expect(output).toContain("specs/smsend/paths/status.yaml:2:3 error generator/success-reply user/get-status: has no 2xx response");
    expect(output).not.toMatch(/^\s+at /m); // no stack trace
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a lint error ahead of what generation trips over, though the linters run beside it", async () => {
    const before = outputs();
    // Two mistakes: an operationId Spectral refuses, and no 2xx reply, which stops the generator.
    const { ok, output } = await buildWithEdit("specs/smsend/paths/status.yaml", (text) =>
      text.replace("operationId: user/get-status", "operationId: GetStatus").replace('    "200":', '    "302":'),
    );
    expect(ok).toBe(false);
    expect(output).toMatch(/^specs\/smsend\/paths\/status\.yaml:\d+:\d+ error spectral\/operation-id-namespaced/m);
    expect(output).not.toContain("generator/success-reply");
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("stops before swapping anything in when the library does not compile", async () => {
    const before = outputs();
    // A compiler setting every runtime module breaks: only tsc, the last step, can refuse it.
    const { ok, output } = await buildWithEdit("tsconfig.build.json", (text) =>
      text.replace(
        '"types": []',
        '"types": [], "noPropertyAccessFromIndexSignature": true, "noUnusedLocals": true, "noUnusedParameters": true',
      ),
    );
    expect(ok, output).toBe(false);
    expect(output).toContain("the generated code does not compile (tsc)");
    expect(output).toContain("build failed: generated/ and dist/ are unchanged");
    expect(outputs()).toEqual(before);
  }, 120_000);
});
