import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatFinding } from "../../generator/findings.js";
import lintProvider from "../../generator/lint.js";
import generate from "../../generator/pipeline.js";
import { providers, repoRoot, type Provider } from "../../generator/providers.js";

function fixture(name: string): Provider {
  return { ...providers.find((p) => p.id === "smsend")!, root: path.join(repoRoot, "test", "fixtures", "broken", name) };
}
const broken = fixture("openapi.yaml");

describe("lint step", () => {
  it.each([
    [
      "openapi.yaml",
      "test/fixtures/broken/openapi.yaml:19:20 error spectral/operation-id-namespaced operationId ListThings is not `namespace/action` in kebab-case",
    ],
    // spectral:oas's own array-items only sees the root file; ours follows $refs into split files.
    [
      "array-without-items.yaml",
      "test/fixtures/broken/array-without-items.yaml:29:22 error spectral/array-has-items array schema without `items` (add `items: {}` if any item is fine)",
      'test/fixtures/broken/array-without-items.yaml:29:22 error spectral/array-items Schemas with "type: array", require a sibling "items" field',
    ],
  ])("reports the violation in %s with file, line, column and rule", async (name, ...want) => {
    const findings = await lintProvider(fixture(name));
    expect(findings.filter((f) => f.severity === "error").map(formatFinding)).toEqual(want);
  });

  it("stops the pipeline before anything is generated", async () => {
    await expect(generate([broken])).rejects.toThrow(/test\/fixtures\/broken\/openapi\.yaml:19:20 error spectral\/operation-id-namespaced/);
  });
  // That both real specs lint clean is checked by the generation test (test/generator/pipeline.test.ts).
});
