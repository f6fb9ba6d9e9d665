/**
 * `npm run build` refusing a broken spec or library, in a copy of the repository
 * (test/support/repo-copy.ts): it stops with file, line and rule, in the order the build promises,
 * and leaves generated/, dist/lib and dist/docs byte for byte as they were. The failures at lint,
 * generation and compile are shown on the fixture provider (test/fixtures/build/, in the copy's
 * specs/build-fixture/) instead of smSend: its build takes the same steps, but its lint child lints
 * three short files. The library is compiled and the docs written while the linters still run:
 * their verdict is awaited first, so a lint error outranks what tsc makes of the library. (The
 * lint warning that does not stop the build is test/generator/build.test.ts's edit loop.)
 *
 * A build as `npm run build` runs it (generator/build.ts `build`) starts a child process for the
 * build itself; a failure comes back from it as this process's own LintFailure or CompileFailure.
 * The cases of a lint failure's whole message and of a compile failure take that path. The two
 * cases about the order of the findings run the same build in this process (`buildHere`, what the
 * child runs): one process less each, and its linters and compiler still in child processes of
 * their own, beside the generation, as in every build.
 */
import { describe, expect, it } from "vitest";
import { useRepoCopy } from "../support/repo-copy.js";

const copy = useRepoCopy("build-failures-test-");
const outputs = () => copy.outputs();
const STATUS = "specs/build-fixture/paths/status.yaml";

/** The library's compiler settings name a file that is not there: only tsc, the last step, can
 * refuse that. (Any tsc failure takes the same path; this one leaves tsc's incremental state
 * valid, so tsc re-checks nothing else.) */
const MISSING_FILE = (text: string) => text.replace(/\n}\s*$/, ',\n  "files": ["runtime/missing.ts"]\n}\n');

describe("npm run build, refusing", () => {
  it("names the spec file and line of an operation without a 2xx reply, and changes nothing", async () => {
    const before = outputs();
    const error = await copy.withEdits({ [STATUS]: (text) => text.replace('    "200":', '    "302":') }, () =>
      copy.attempt([copy.fixture]),
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    // The whole message: the linters found nothing, so the generator's finding is the only one.
    expect((error as Error).message).toBe(
      "build stopped: 1 error(s) in the specs:\n" +
        `${STATUS}:2:3 error generator/success-reply user/get-status: has no 2xx response (the client types its reply from it)`,
    );
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a lint error ahead of what generation trips over, though the linters run beside it", async () => {
    const before = outputs();
    // Two mistakes: an operationId Spectral refuses, and no 2xx reply, which stops the generator.
    const error = await copy.withEdits(
      { [STATUS]: (text) => text.replace("operationId: user/get-status", "operationId: GetStatus").replace('    "200":', '    "302":') },
      () => copy.attemptHere([copy.fixture]),
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(/^specs\/build-fixture\/paths\/status\.yaml:\d+:\d+ error spectral\/operation-id-namespaced/m);
    expect((error as Error).message).not.toContain("generator/success-reply");
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("stops before swapping anything in when the library does not compile", async () => {
    const before = outputs();
    const error = await copy.withEdits({ "tsconfig.build.json": MISSING_FILE }, () => copy.attempt());
    expect(error).toBeInstanceOf(copy.CompileFailure);
    expect((error as Error).message).toMatch(
      /^the generated code does not compile \(tsc\):\n.*error TS6053: File '.*runtime\/missing\.ts' not found/,
    );
    expect(outputs()).toEqual(before);
  }, 120_000);

  it("reports a lint error ahead of a compile error of the library built beside the linters, and changes nothing", async () => {
    const before = outputs();
    // An array schema that does not say what its items are (Spectral's array-has-items): neither
    // generation nor the brand document trips over it, so the library (the real providers and the
    // fixture's generated code) is compiled beside the linters, and tsc fails too.
    const error = await copy.withEdits(
      {
        [STATUS]: (text) =>
          text.replace("              credits:\n", "              notes:\n                type: array\n              credits:\n"),
        "tsconfig.build.json": MISSING_FILE,
      },
      () => copy.attemptHere([...copy.providers, copy.fixture]),
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(/^specs\/build-fixture\/paths\/status\.yaml:\d+:\d+ error spectral\/array-has-items/m);
    expect((error as Error).message).not.toContain("TS6053");
    expect(outputs()).toEqual(before);
  }, 120_000);
});
