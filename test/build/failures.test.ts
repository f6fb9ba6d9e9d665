/**
 * `npm run build` refusing a broken spec or library, in a copy of the repository
 * (test/support/repo-copy.ts): it stops with file, line and rule, in the order the build promises,
 * and leaves generated/, dist/lib and dist/docs byte for byte as they were. The failures at lint
 * and generation are shown on a two-file fixture provider (test/fixtures/build/) instead of
 * smSend: its build takes the same steps, but its lint child lints two short files. The library
 * is compiled and the docs written while the linters still run: their verdict is awaited first,
 * so a lint error outranks what tsc makes of the library, and a lint warning reaches the result.
 * (Apart from test/generator/build.test.ts, so that the two run side by side.)
 */
import { describe, expect, it } from "vitest";
import { useRepoCopy } from "../support/repo-copy.js";

const copy = useRepoCopy("build-failures-test-");
const outputs = () => copy.outputs();
const buildHere = () => copy.attempt();
const buildFixture = () => copy.attempt([copy.fixture]);

/** Runs `edit` on a file of the copy, runs `build`, and puts the file back. */
function withEdit<T>(file: string, edit: (text: string) => string, build: () => Promise<T>): Promise<T> {
  return copy.withEdits({ [file]: edit }, build);
}

/** The library's compiler settings name a file that is not there: only tsc, the last step, can
 * refuse that. (Any tsc failure takes the same path; this one leaves tsc's incremental state
 * valid, so tsc re-checks nothing else.) */
const MISSING_FILE = (text: string) => text.replace(/\n}\s*$/, ',\n  "files": ["runtime/missing.ts"]\n}\n');

describe("npm run build, refusing", () => {
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
