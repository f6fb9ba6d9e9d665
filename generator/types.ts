/**
 * Types step: bundled document → `schema.d.ts` (paths, components, operations) through
 * openapi-typescript's Node API, in process.
 *
 * openapiTS() first lints the document with Redocly's `minimal` rules and bundles it again,
 * which took most of this step's time; the document here is bundled already (./bundle.ts) and
 * linted with stricter rules (./lint.ts), so this runs the rest of openapiTS(): its transform,
 * with the context openapiTS builds (its defaults, openapi-typescript's version is pinned) from
 * our two options. test/build/types.test.ts checks the result against openapiTS().
 */
import { astToString, resolveRef, scanDiscriminators, transformSchema, type GlobalContext, type OpenAPI3 } from "openapi-typescript";
import type { OpenApiDocument } from "./bundle.js";
import { generatedHeader } from "./header.js";

/** The options this project gives openapiTS(); everything else is at its default. */
export const typesOptions = {
  silent: true,
  // By default a property with a `default` is typed as always present. That is true of some
  // replies but false of every request body (the server fills the default in), so off.
  defaultNonNullable: false,
} as const;

/** openapiTS()'s context for `typesOptions` (openapi-typescript 7.13's dist/index.mjs). */
function context(schema: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: typesOptions.defaultNonNullable,
    discriminators: scanDiscriminators(schema, typesOptions),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only openapiTS()'s lint and bundle read the Redocly configuration; the transform does not.
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: typesOptions.silent,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, { silent: typesOptions.silent }),
  };
}

export default async function emitTypes(providerId: string, document: OpenApiDocument): Promise<string> {
  // The transform may annotate the object it is given; hand it a copy.
  const schema = structuredClone(document) as unknown as OpenAPI3;
  return `${generatedHeader(providerId)}\n\n${astToString(transformSchema(schema, context(schema)))}`;
}
