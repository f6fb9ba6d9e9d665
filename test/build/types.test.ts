/**
 * The types step (generator/types.ts) runs openapi-typescript's transform without openapiTS()'s
 * own lint-and-bundle pass, on a context it builds the way openapiTS() does: for both specs the
 * result must be exactly what openapiTS() itself writes with the same options.
 */
import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { generatedHeader } from "../../generator/header.js";
import { providers } from "../../generator/providers.js";

describe("emitTypes", () => {
  for (const provider of providers) {
    it(`writes what openapiTS() writes for ${provider.id}`, async () => {
      const [{ default: openapiTS, astToString }, { default: bundleProvider }, { default: emitTypes, typesOptions }] = await Promise.all([
        import("openapi-typescript"),
        import("../../generator/bundle.js"),
        import("../../generator/types.js"),
      ]);
      const document = await bundleProvider(provider);
      const theirs = astToString(await openapiTS(structuredClone(document) as unknown as OpenAPI3, typesOptions));
      const ours = await emitTypes(provider.id, document);
      expect(ours).toBe(`${generatedHeader(provider.id)}\n\n${theirs}`);
    }, 60_000);
  }
});
