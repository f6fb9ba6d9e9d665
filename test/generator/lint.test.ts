import path from "node:path";
import { describe, expect, it } from "vitest";
import lintProvider, { formatFinding } from "../../generator/lint.js";
import generate from "../../generator/pipeline.js";
import { providers, repoRoot, type Provider } from "../../generator/providers.js";

const broken: Provider = {
  ...providers.find((p) => p.id === "smsend")!,
  root: path.join(repoRoot, "test", "fixtures", "broken", "openapi.yaml"),
};

describe("lint step", () => {
  it("reports a violation with file, line, column and rule", async () => {
    const findings = await lintProvider(broken);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map(formatFinding)).toEqual([
      'test/fixtures/broken/openapi.yaml:19:20 error spectral/operation-id-namespaced operationId ListThings is not `namespace/action` in kebab-case',
    ]);
  });

  it("stops the pipeline before anything is generated", async () => {
    await expect(generate([broken])).rejects.toThrow(/test\/fixtures\/broken\/openapi\.yaml:19:20 error spectral\/operation-id-namespaced/);
  });

  it.each(providers.map((p) => [p.id, p] as const))("finds no error in specs/%s", async (_, provider) => {
    const errors = (await lintProvider(provider)).filter((f) => f.severity === "error");
    expect(errors.map(formatFinding)).toEqual([]);
  });
});
