/** Public runtime API, re-exported by each generated client package. */
export * from "./errors.js";
export { Redactor, REDACTED, SECRET_NAMES } from "./redact.js";
export { bindOperations, camelCase, expandOperations, type CallEvent, type CallOptions, type OperationEntries, type OperationEntry, type OperationInput, type OperationSpec, type OperationTable, type PageItem, type PaginationSpec } from "./operations.js";
export { PaginationError, type PageOptions } from "./paginate.js";
export { DEFAULT_RETRY, type CallRetryOptions, type RetryPolicy } from "./retry.js";
export { DEFAULT_BODY_TIMEOUT_MS, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, type CommonClientOptions } from "./options.js";
export { MAX_REDIRECTS } from "./redirects.js";
export type { ReplyToValidate, ResponseValidator } from "./validation-types.js";
export { createClickSendRuntime, basicAuthorization, refusedRecipients, type ClickSendOptions } from "./clicksend.js";
export { createSmSendRuntime, parseLoginReply, type SmSendOptions, type SmSendKeys, type SmSendLoginOptions, type SmSendSessionOptions, type SmSendTokenOptions } from "./smsend.js";
export { brandBaseUrl, logIn, loginSecrets, type LoginCredentials, type Rebrand } from "./brands.js";
