/**
 * The types step (generator/types.ts) runs openapi-typescript's transform without openapiTS()'s
 * own lint-and-bundle pass, on a context it builds the way openapiTS() does: for both specs the
 * result must be exactly what openapiTS() itself writes with the same options. Decided by the
 * spec, the generator, the installed packages and this file alone (the build's own input hash,
 * generator/fingerprint.ts, plus this file): a comparison that passed on the same inputs is not
 * made again (test/support/passed.ts).
 */
import { fileURLToPath } from "node:url";
import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { hashFiles, inputHashes } from "../../generator/fingerprint.js";
import { generatedHeader } from "../../generator/header.js";
import { providers } from "../../generator/providers.js";
import { hasPassed, recordPass } from "../support/passed.js";

const thisFile = hashFiles([fileURLToPath(import.meta.url)]);

describe("emitTypes", () => {
  for (const provider of providers) {
    it(`writes what openapiTS() writes for ${provider.id}`, async () => {
      const name = `emit-types-${provider.id}`;
      const inputs = `${inputHashes([provider]).providers[provider.id]} ${thisFile}`;
      if (hasPassed(name, inputs)) return;
      // Loaded only to compare: openapi-typescript and Redocly take longer to import than a
      // comparison that stands takes to find.
      const [{ default: openapiTS, astToString }, { default: bundleProvider }, { default: emitTypes, typesOptions }] = await Promise.all([
        import("openapi-typescript"),
        import("../../generator/bundle.js"),
        import("../../generator/types.js"),
      ]);
      const document = await bundleProvider(provider);
      const theirs = astToString(await openapiTS(structuredClone(document) as unknown as OpenAPI3, typesOptions));
      const ours = await emitTypes(provider.id, document);
      expect(ours).toBe(`${generatedHeader(provider.id)}\n\n${theirs}`);
      recordPass(name, inputs);
    }, 60_000);
  }
});
