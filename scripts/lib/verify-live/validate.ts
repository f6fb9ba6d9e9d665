/** Reply validation for the checker and for recorded replies: success and error replies alike. */
import type { OpenApiDocument } from "../../../generator/bundle.js";
import { resolveRef } from "../../../generator/model.js";
import { createResponseValidator, type ResponseMismatch } from "../../../runtime/validation.js";
import type { ResponseValidator } from "../../../runtime/validation-types.js";
import type { SpecFacts } from "./spec-facts.js";

export function createReplyValidator(facts: SpecFacts, onMismatch: (mismatch: ResponseMismatch) => void): ResponseValidator {
  return createResponseValidator(withInlineResponses(facts.document), onMismatch);
}

/**
 * A copy of the document whose operations hold their shared replies (`$ref` to
 * `#/components/responses/…`) inline: the reply validator looks a reply's schema up by status
 * under the operation and does not follow such a reference, and error replies are all shared.
 */
function withInlineResponses(document: OpenApiDocument): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => {
        const responses = (operation as { responses?: Record<string, unknown> } | undefined)?.responses;
        if (!responses) return [method, operation];
        const inline = Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, resolveRef(document, response)]));
        return [method, { ...(operation as object), responses: inline }];
      }),
    );
  }
  return { ...document, paths };
}
