/**
 * JSON Schema validation against a bundled OpenAPI document, shared by reply validation and the
 * webhook parser. The validator (Ajv, draft 2020-12 as OpenAPI 3.1 uses) is built on first use,
 * and each schema compiled once, so merely importing this costs nothing.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** Returns the validator of the schema at a JSON pointer into `document`, or undefined if none. */
export function createSchemaLookup(document: object): (pointer: string) => ValidateFunction | undefined {
  let ajv: Ajv2020 | undefined;
  return (pointer) => {
    if (!ajv) {
      // OpenAPI adds keywords JSON Schema does not know (example, discriminator, x-…): not strict.
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema(document, "openapi");
    }
    return ajv.getSchema(`openapi#${pointer}`);
  };
}
