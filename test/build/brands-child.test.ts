/**
 * The brand documents made in the lint child process (generator/lint-child.ts) reach the
 * generation as applyBrandOverlays' own result would: an overlay action that matches nothing
 * stops the generation with the overlay's file, the action's line and rule, and a lint error
 * still outranks it (a strictly ordered run would have reported the lint error alone). Shown on
 * the fixture provider (test/fixtures/build/, one brand overlay) instead of smSend: the same
 * steps, on three short files and one brand instead of eight.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LintFailure } from "../../generator/findings.js";
import { lintInChild } from "../../generator/lint-child.js";
import generate from "../../generator/pipeline.js";
import { providers, relative, type Provider } from "../../generator/providers.js";
import { FIXTURE, fixtureProvider } from "../support/repo-copy.js";
import { useRepoScratch } from "../support/repo-scratch.js";

const smsend = providers.find((p) => p.id === "smsend")!;
const scratch = useRepoScratch("brands-child-test-");

/** The fixture spec copied under .tmp with `edits` (file → change), as a provider of its own. */
function fixture(name: string, edits: Record<string, (text: string) => string>): Provider {
  const dir = path.join(scratch, name);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    expect(edit(text), `the edit of ${file} changed nothing`).not.toBe(text);
    fs.writeFileSync(path.join(dir, file), edit(text));
  }
  return fixtureProvider(smsend, path.join(dir, "openapi.yaml"));
}

/** The generation as the build runs it: linters and brand documents in the child process. */
function generateBesideChild(provider: Provider): Promise<unknown> {
  const child = lintInChild([provider], {});
  return generate([provider], {}, { lint: child.findings, brands: child.brands }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

const UNMATCHED = {
  "brands/sibling.overlay.yaml": (text: string) =>
    text.replace('target: "$.components.schemas.MessageType.enum"', 'target: "$.components.schemas.NoSuchSchema.enum"'),
};

describe("brand documents made beside the generation", () => {
  it("an overlay target that matches nothing stops it with the overlay's file, line and rule", async () => {
    const provider = fixture("unmatched", UNMATCHED);
    const overlay = path.join(path.dirname(provider.root), "brands", "sibling.overlay.yaml");
    const line =
      fs
        .readFileSync(overlay, "utf8")
        .split("\n")
        .findIndex((l) => l.includes("NoSuchSchema")) + 1;
    const error = await generateBesideChild(provider);
    expect(error).toBeInstanceOf(LintFailure);
    expect((error as LintFailure).message).toContain(
      `${relative(overlay)}:${line}:1 error generator/brand-overlay the target $.components.schemas.NoSuchSchema.enum matches nothing in the bundled document`,
    );
  }, 240_000);

  it("a lint error outranks it", async () => {
    // An operation without a summary: the linters refuse it, but generation goes on to the brand
    // step (an operationId the linters refuse would stop it at the model, before the brands).
    const provider = fixture("unmatched-and-lint", {
      ...UNMATCHED,
      "paths/status.yaml": (text) => text.replace("  summary: Get the account's credits\n", ""),
    });
    const error = await generateBesideChild(provider);
    expect(error).toBeInstanceOf(LintFailure);
    expect((error as LintFailure).message).toMatch(/paths\/status\.yaml:\d+:\d+ error spectral\/operation-summary-present/);
    expect((error as LintFailure).message).not.toContain("brand-overlay");
  }, 240_000);
});
