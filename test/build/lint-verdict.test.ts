/**
 * The full build compiles the library and writes the docs pages while the linters still run
 * (generator/build.ts): their verdict still decides what is reported. A lint error outranks what
 * tsc makes of the library, and nothing is swapped in; a lint warning reaches the build's result.
 * Both run the whole build in a copy of the repository (test/support/repo-copy.ts).
 */
import { describe, expect, it } from "vitest";
import { useRepoCopy } from "../support/repo-copy.js";

const copy = useRepoCopy("lint-verdict-test-");

/** A write operation that does not say whether it costs money (Spectral's
 * operation-billable-decided, an error): a lint error that neither the generation nor the brand
 * documents trip over, so the library is compiled beside the linters. */
const LINT_ERROR = {
  "specs/smsend/paths/group_{group_id}_contact_{contact_id}.yaml": (text: string) => text.replace("  x-billable: false\n", ""),
};
/** The library's compiler settings name a file that is not there: only tsc can refuse that. */
const COMPILE_ERROR = {
  "tsconfig.build.json": (text: string) => text.replace(/\n}\s*$/, ',\n  "files": ["runtime/missing.ts"]\n}\n'),
};

describe("the linters' verdict, awaited after the library compiled beside them", () => {
  it("a lint error outranks a compile error, and nothing is swapped in", async () => {
    const before = copy.outputs();
    const error = await copy.withEdits({ ...LINT_ERROR, ...COMPILE_ERROR }, () =>
      copy.build(copy.providers).catch((error: unknown) => error),
    );
    expect(error).toBeInstanceOf(copy.LintFailure);
    expect((error as Error).message).toMatch(
      /^specs\/smsend\/paths\/group_\{group_id\}_contact_\{contact_id\}\.yaml:\d+:\d+ error spectral\/operation-billable-decided/m,
    );
    expect((error as Error).message).not.toContain("TS6053");
    expect(copy.outputs()).toEqual(before);
  }, 180_000);

  it("a lint warning does not stop the build and is in its result", async () => {
    // A component nothing refers to: Redocly's no-unused-components, a warning in redocly.yaml.
    const unused = {
      "specs/smsend/openapi.yaml": (text: string) =>
        text.replace(/^components:\n/m, "components:\n  schemas:\n    NeverUsed:\n      type: string\n"),
    };
    const result = await copy.withEdits(unused, () => copy.build(copy.providers));
    expect(result.rebuilt).toEqual(["smsend"]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ file: "specs/smsend/openapi.yaml", rule: "no-unused-components", severity: "warning" }),
    );
    expect(result.warnings.every((w) => w.severity === "warning")).toBe(true);
  }, 180_000);
});
