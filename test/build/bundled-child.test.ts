/**
 * The lint child bundles a spec with brands to make its brand documents; the generation takes that
 * bundled document (generator/lint-child.ts `bundled`) instead of bundling the same spec again.
 * When the child made none (no brands, or the spec failed to bundle there), the generation
 * bundles it itself and reports what it finds as before. The lint child runs on the small fixture
 * provider with one brand (test/fixtures/build/): the same steps as smSend's, on three short files.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import bundleProvider from "../../generator/bundle.js";
import { LintFailure } from "../../generator/findings.js";
import { lintInChild } from "../../generator/lint-child.js";
import generate from "../../generator/pipeline.js";
import { providers, relative, type Provider } from "../../generator/providers.js";
import { FIXTURE, fixtureProvider } from "../support/repo-copy.js";
import { useRepoScratch } from "../support/repo-scratch.js";

const smsend = providers.find((p) => p.id === "smsend")!;
const fixture = fixtureProvider(smsend, path.join(FIXTURE, "openapi.yaml"));
const scratch = useRepoScratch("bundled-child-test-");

describe("the bundled document the lint child makes", () => {
  it("is the spec's bundled document, and nothing for a provider it did not bundle", async () => {
    const child = lintInChild([fixture], {});
    expect(await child.bundled(fixture.id)).toEqual(await bundleProvider(fixture));
    expect(await child.bundled("smsend")).toBeUndefined();
    await child.findings;
  }, 240_000);

  it("is what the generation generates from", async () => {
    const bundled = await bundleProvider(smsend);
    const info = { ...(bundled.info as object), title: "Bundled beside the generation" };
    const { files } = await generate([smsend], {}, { checks: false, bundled: async () => ({ ...bundled, info }) });
    expect(JSON.parse(files.smsend!["openapi.json"]!).info.title).toBe("Bundled beside the generation");
  }, 240_000);

  it("when the spec fails to bundle there, the generation bundles it and reports the failure with file and rule", async () => {
    const dir = path.join(scratch, "unresolved");
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const file = path.join(dir, "paths", "status.yaml");
    const text = fs.readFileSync(file, "utf8");
    const broken = text.replace(/\$ref: (\S+)\.yaml/, "$ref: $1-missing.yaml");
    expect(broken).not.toBe(text);
    fs.writeFileSync(file, broken);
    const provider: Provider = { ...fixture, root: path.join(dir, "openapi.yaml") };

    const child = lintInChild([provider], {});
    expect(await child.bundled(provider.id)).toBeUndefined();
    const error = await generate([provider], {}, { lint: child.findings, brands: child.brands, bundled: child.bundled }).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(LintFailure);
    expect((error as LintFailure).message).toContain(`${relative(file)}:`);
    expect((error as LintFailure).message).toContain("no-unresolved-refs");
  }, 240_000);
});
