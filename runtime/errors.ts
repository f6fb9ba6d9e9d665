/**
 * The one error hierarchy both clients throw. Every error carries the operationId, the HTTP
 * method and the URL with secrets removed; nothing in a message, `toJSON()` or stack holds a
 * credential, because every part is redacted (by the Redactor) before the error exists.
 *
 *   ApiError                       any failure of a call
 *   ├── HttpError                  the provider replied with a non-2xx status
 *   │   ├── ClickSendError         … with ClickSend's envelope (runtime/clicksend-error.ts)
 *   │   └── SmSendError            … from smSend (runtime/smsend-error.ts)
 *   ├── UnparseableResponseError   a reply that is not what the spec says (HTML page, bad JSON)
 *   ├── ResponseTooLargeError      a reply over `maxResponseBytes` (not read further)
 *   ├── RedirectError              a redirect not followed (another origin, too many, …)
 *   ├── TimeoutError               no reply within the timeout (ours, or the caller's AbortSignal.timeout)
 *   ├── AbortError                 the caller's signal aborted the call
 *   └── NetworkError               no reply at all (DNS, refused, reset)
 *
 * AbortError and TimeoutError are named like the DOMExceptions fetch throws, so code that checks
 * `error.name === "AbortError"` keeps working; they extend ApiError, not DOMException. Each class
 * sets its name as a string: a minifier renames classes, so `new.target.name` would say "q".
 *
 * Properties are assigned in the constructors (`declare` only types them: no class fields to
 * emit), and one `toJSON()` serves all: name, message and every own enumerable property.
 *
 * Over 150 lines on purpose: one hierarchy of short classes, read together; the two provider
 * classes live beside their providers so that each entry point carries only its own.
 */

export interface CallContext {
  operationId: string;
  method: string;
  /** Already redacted. */
  url: string;
}

/** Longest detail (an echoed reply, a reason) a message carries; the whole of it stays on the error. */
export const MAX_MESSAGE_DETAIL = 300;

function clip(text: string): string {
  return text.length <= MAX_MESSAGE_DETAIL
    ? text
    : `${text.slice(0, MAX_MESSAGE_DETAIL)}… (${text.length - MAX_MESSAGE_DETAIL} more characters)`;
}

export class ApiError extends Error {
  declare readonly operationId: string;
  declare readonly method: string;
  declare readonly url: string;

  /** `message` must already be redacted; it is clipped to MAX_MESSAGE_DETAIL characters. */
  constructor(message: string, context: CallContext, options?: { cause?: unknown }) {
    super(`${clip(message)} (${context.operationId}: ${context.method} ${context.url})`, options);
    this.name = "ApiError";
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = context.url;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
}

/** A non-2xx reply, already redacted: parsed body (JSON value or text) and headers. */
export interface HttpReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * Headers that carry a request id. Neither ClickSend's nor smSend's docs name one; these are the
 * common ones (and those of the load balancers and CDNs such APIs sit behind), first match wins.
 */
export const REQUEST_ID_HEADERS: readonly string[] = [
  "x-request-id",
  "request-id",
  "x-amzn-requestid",
  "x-amz-request-id",
  "x-amz-cf-id",
  "x-correlation-id",
  "cf-ray",
];

export class HttpError extends ApiError {
  /** HTTP status of the reply. */
  declare readonly status: number;
  /** The provider's or a proxy's id for this request, when the reply carries one (see REQUEST_ID_HEADERS). */
  declare readonly requestId: string | undefined;
  /** The reply's headers (lower-case names), with secret ones masked. */
  declare readonly headers: Record<string, string>;
  /** The parsed reply body (JSON value or text), with known secrets replaced. */
  declare readonly body: unknown;

  constructor(message: string, context: CallContext, reply: HttpReply) {
    const requestId = REQUEST_ID_HEADERS.map((name) => reply.headers[name]).find((value) => value !== undefined);
    super(requestId === undefined ? message : `${message} [request id ${requestId}]`, context);
    this.name = "HttpError";
    this.status = reply.status;
    this.requestId = requestId;
    this.headers = reply.headers;
    this.body = reply.body;
  }
}

export class UnparseableResponseError extends ApiError {
  declare readonly status: number;
  /** The raw reply (redacted), for diagnosis. */
  declare readonly bodyText: string;

  constructor(context: CallContext, status: number, bodyText: string, reason: string) {
    super(`unparseable reply with status ${status}: ${reason}`, context);
    this.name = "UnparseableResponseError";
    this.status = status;
    this.bodyText = bodyText;
  }
}

export class ResponseTooLargeError extends ApiError {
  declare readonly status: number;
  declare readonly maxResponseBytes: number;

  constructor(context: CallContext, status: number, maxResponseBytes: number) {
    super(`reply with status ${status} is larger than maxResponseBytes (${maxResponseBytes}); not read further`, context);
    this.name = "ResponseTooLargeError";
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }
}

export class RedirectError extends ApiError {
  /** The redirect's status (0 for a browser's opaque redirect). */
  declare readonly status: number;
  /** Where it pointed (redacted); undefined when the environment hides it. */
  declare readonly location: string | undefined;

  constructor(context: CallContext, status: number, location: string | undefined, reason: string) {
    super(`redirect ${status} not followed: ${reason}`, context);
    this.name = "RedirectError";
    this.status = status;
    this.location = location;
  }
}

export class TimeoutError extends ApiError {
  /** The timeout that expired, in milliseconds; undefined for the caller's own AbortSignal.timeout. */
  declare readonly timeoutMs: number | undefined;

  constructor(context: CallContext, timeoutMs: number | undefined, what = "no reply", options?: { cause?: unknown }) {
    super(timeoutMs === undefined ? "the caller's signal timed out" : `${what} within ${timeoutMs} ms`, context, options);
    this.name = "TimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

export class AbortError extends ApiError {
  /** `reason` is the signal's reason (redacted), for the message; the reason itself is the `cause`. */
  constructor(context: CallContext, reason: string, cause: unknown) {
    super(`aborted by the caller: ${reason}`, context, { cause });
    this.name = "AbortError";
  }
}

export class NetworkError extends ApiError {
  /** The low-level code when known (ECONNREFUSED, UND_ERR_SOCKET, …). */
  declare readonly code: string | undefined;

  constructor(context: CallContext, reason: string, code?: string) {
    super(`network failure: ${reason}`, context);
    this.name = "NetworkError";
    this.code = code;
  }
}
