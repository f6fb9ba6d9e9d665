/**
 * Types step: bundled document → `schema.d.ts` (paths, components, operations) through
 * openapi-typescript's Node API, in process.
 */
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle.js";
import { generatedHeader } from "./header.js";

export default async function emitTypes(providerId: string, document: OpenApiDocument): Promise<string> {
  // openapi-typescript may annotate the object it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(document) as unknown as OpenAPI3, {
    silent: true,
    // By default a property with a `default` is typed as always present. That is true of some
    // replies but false of every request body (the server fills the default in), so off.
    defaultNonNullable: false,
  });
  return `${generatedHeader(providerId)}\n\n${astToString(ast)}`;
}
