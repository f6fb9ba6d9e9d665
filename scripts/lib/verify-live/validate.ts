/** Reply validation for the checker and for recorded replies: success and error replies alike. */
import { createResponseValidator, type ResponseMismatch } from "../../../runtime/validation.js";
import type { ResponseValidator } from "../../../runtime/validation-types.js";
import type { SpecFacts } from "./spec-facts.js";

export function createReplyValidator(facts: SpecFacts, onMismatch: (mismatch: ResponseMismatch) => void): ResponseValidator {
  return createResponseValidator(facts.document, onMismatch);
}
