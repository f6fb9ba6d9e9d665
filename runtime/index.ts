/** Public runtime API, re-exported by each generated client package. */
export * from "./errors.js";
export { Redactor, REDACTED, SECRET_NAMES } from "./redact.js";
export { bindOperations, camelCase, type CallEvent, type CallOptions, type OperationInput, type OperationSpec, type OperationTable } from "./operations.js";
export { createClickSendRuntime, basicAuthorization, type ClickSendOptions } from "./clicksend.js";
export { createSmSendRuntime, parseLoginReply, type SmSendOptions, type SmSendKeys, type SmSendLoginOptions, type SmSendSessionOptions, type SmSendTokenOptions } from "./smsend.js";
