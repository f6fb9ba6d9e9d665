/**
 * What users of either client may import: the errors, the client and per-call options, and the
 * types the generated clients' signatures mention. Each generated entry point re-exports this
 * plus its own provider's part (runtime/clicksend-public.ts, runtime/smsend-public.ts); the
 * machinery the generated code runs on is in runtime/internal.ts.
 */
export * from "./errors.js";
export { Redactor, REDACTED, SECRET_NAMES } from "./redact.js";
export type { OperationInput } from "./input.js";
export { PaginationError } from "./pagination-error.js";
export type { PageItem, PageOptions } from "./paginate.js";
export { DEFAULT_RETRY, type CallRetryOptions, type RetryPolicy } from "./retry.js";
export type { CallEvent, CallOptions } from "./call-options.js";
export { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type CommonClientOptions } from "./options.js";
export { MAX_REDIRECTS } from "./redirects.js";
export type { ReplyToValidate, ResponseValidator } from "./validation-types.js";
