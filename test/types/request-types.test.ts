/**
 * Type-level tests of every request body of both clients, generated from the bundled documents
 * (generator/type-tests.ts) and compiled in memory (test/support/type-check.ts, which keeps the
 * result while nothing it read changed): each ordinary mistake must be a compile error (an unused
 * `@ts-expect-error` is itself an error), and every request example of the spec must compile as
 * the input of its method.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import buildModel from "../../generator/model.js";
import { providers, repoRoot } from "../../generator/providers.js";
import typeTests from "../../generator/type-tests.js";
import typeCheck from "../support/type-check.js";

const suites = providers.map((provider) => {
  const document = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider.id, "openapi.json"), "utf8"));
  const file = path.join(repoRoot, "test", "types", `${provider.id}.request-types.ts`);
  const tests = typeTests(document, buildModel(document), `../../generated/${provider.id}/index.js`, provider.clientType);
  return { provider, file, tests };
});

/** Diagnostics of the generated files, each with the case it belongs to (the comment above it). */
function compileAll(): Record<string, string[]> {
  const problems = typeCheck("request-types", {
    roots: suites.map((s) => s.file),
    virtual: new Map(suites.map((s) => [s.file, s.tests.source])),
  });
  const out: Record<string, string[]> = { "": problems.filter((p) => p.file === "").map((p) => p.message) };
  for (const { provider, file, tests } of suites) {
    const lines = tests.source.split("\n");
    out[provider.id] = problems
      .filter((p) => p.file === file)
      .map(({ line, message }) => {
        const label = lines
          .slice(0, line - 1)
          .reverse()
          .find((text) => text.startsWith("// ") && !text.includes("@ts-expect-error"));
        return `${label} (line ${line}): ${message}`;
      });
  }
  return out;
}

describe("request types", () => {
  it("has generated cases for both clients", () => {
    for (const { provider, tests } of suites) {
      console.log(`${provider.id}: ${tests.negatives} negative and ${tests.positives} positive type tests`);
      expect(tests.negatives, provider.id).toBeGreaterThan(0);
      expect(tests.positives, provider.id).toBeGreaterThan(0);
    }
  });

  it("rejects every generated mistake and accepts every spec example", () => {
    const diagnostics = compileAll();
    expect(diagnostics[""], "options and globals").toEqual([]);
    for (const { provider } of suites) expect(diagnostics[provider.id], provider.id).toEqual([]);
  }, 120_000);
});
