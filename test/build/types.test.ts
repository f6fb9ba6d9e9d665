/**
 * The types step (generator/types.ts) runs openapi-typescript's transform without openapiTS()'s
 * own lint-and-bundle pass, on a context it builds the way openapiTS() does: for both specs the
 * result must be exactly what openapiTS() itself writes with the same options.
 */
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import bundleProvider from "../../generator/bundle.js";
import { generatedHeader } from "../../generator/header.js";
import { providers } from "../../generator/providers.js";
import emitTypes, { typesOptions } from "../../generator/types.js";

describe("emitTypes", () => {
  for (const provider of providers) {
    it(`writes what openapiTS() writes for ${provider.id}`, async () => {
      const document = await bundleProvider(provider);
      const theirs = astToString(await openapiTS(structuredClone(document) as unknown as OpenAPI3, typesOptions));
      const ours = await emitTypes(provider.id, document);
      expect(ours).toBe(`${generatedHeader(provider.id)}\n\n${theirs}`);
    }, 60_000);
  }
});
