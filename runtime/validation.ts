/**
 * Optional reply validation: checks every successful reply against the bundled document's schema
 * and reports mismatches to a callback, so a user learns when the provider drifts from the spec.
 * Never throws into the call, and is a separate entry point so clients that do not use it do not
 * carry a JSON Schema validator.
 *
 *   import document from "<package>/clicksend/openapi.json" with { type: "json" };
 *   createClickSendClient({ ..., validateResponses: createResponseValidator(document, console.warn) });
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import { atPointer, escapePointer as escape } from "./pointer.js";
import { createSchemaLookup } from "./schemas.js";
import type { ReplyToValidate, ResponseValidator } from "./validation-types.js";

export interface ResponseMismatch {
  operationId: string;
  status: number;
  /** Where the reply differs from the schema (JSON pointers and messages; never the values). */
  errors: { path: string; message: string }[];
}

/** A response object of the document: inline with its content, or a reference to a shared one. */
type Response = { $ref?: string; content?: Record<string, unknown> };

export function createResponseValidator(document: object, onMismatch: (mismatch: ResponseMismatch) => void): ResponseValidator {
  const schemaAt = createSchemaLookup(document);
  const responses = (document as { paths?: Record<string, Record<string, { responses?: Record<string, Response> }>> }).paths;
  const cache = new Map<string, ValidateFunction | undefined>();

  function validatorFor(reply: ReplyToValidate): ValidateFunction | undefined {
    const mediaType = reply.contentType?.split(";")[0]?.trim();
    const key = `${reply.operationId} ${reply.status} ${mediaType}`;
    if (cache.has(key)) return cache.get(key);
    const byStatus = responses?.[reply.spec.path]?.[reply.spec.method]?.responses ?? {};
    const status = [String(reply.status), `${String(reply.status)[0]}XX`, "default"].find((code) => byStatus[code]);
    let where = status ? `/paths/${escape(reply.spec.path)}/${reply.spec.method}/responses/${status}` : undefined;
    let response = status ? byStatus[status] : undefined;
    // A shared reply (`$ref: "#/components/responses/NotFound"`, as every error reply is): its
    // schema is under the component.
    for (let hops = 0; where && typeof response?.$ref === "string" && response.$ref.startsWith("#/") && hops < 5; hops++) {
      where = response.$ref.slice(1);
      response = atPointer(document, where) as Response | undefined;
    }
    const content = response?.content ?? {};
    const type = mediaType && content[mediaType] ? mediaType : Object.keys(content)[0];
    const pointer = where && type ? `${where}/content/${escape(type)}/schema` : undefined;
    const validate = pointer ? schemaAt(pointer) : undefined;
    cache.set(key, validate);
    return validate;
  }

  return (reply) => {
    const validate = validatorFor(reply);
    if (!validate) {
      onMismatch({
        operationId: reply.operationId,
        status: reply.status,
        errors: [{ path: "", message: "the spec documents no reply with this status and content type" }],
      });
      return;
    }
    if (!validate(reply.body)) {
      const errors = (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword }));
      onMismatch({ operationId: reply.operationId, status: reply.status, errors });
    }
  };
}
