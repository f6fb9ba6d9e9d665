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
 * `error.name === "AbortError"` keeps working; they extend ApiError, not DOMException.
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
  readonly operationId: string;
  readonly method: string;
  readonly url: string;

  /** `message` must already be redacted; it is clipped to MAX_MESSAGE_DETAIL characters. */
  constructor(message: string, context: CallContext, options?: { cause?: unknown }) {
    super(`${clip(message)} (${context.operationId}: ${context.method} ${context.url})`, options);
    this.name = new.target.name;
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = context.url;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operationId: this.operationId, method: this.method, url: this.url };
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
  readonly status: number;
  /** The parsed reply body (JSON value or text), with known secrets replaced. */
  readonly body: unknown;
  /** The reply's headers (lower-case names), with secret ones masked. */
  readonly headers: Record<string, string>;
  /** The provider's or a proxy's id for this request, when the reply carries one (see REQUEST_ID_HEADERS). */
  readonly requestId: string | undefined;

  constructor(message: string, context: CallContext, reply: HttpReply) {
    const requestId = REQUEST_ID_HEADERS.map((name) => reply.headers[name]).find((value) => value !== undefined);
    super(requestId === undefined ? message : `${message} [request id ${requestId}]`, context);
    this.status = reply.status;
    this.body = reply.body;
    this.headers = reply.headers;
    this.requestId = requestId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, requestId: this.requestId, headers: this.headers, body: this.body };
  }
}

export class UnparseableResponseError extends ApiError {
  readonly status: number;
  /** The raw reply (redacted), for diagnosis. */
  readonly bodyText: string;

  constructor(context: CallContext, status: number, bodyText: string, reason: string) {
    super(`unparseable reply with status ${status}: ${reason}`, context);
    this.status = status;
    this.bodyText = bodyText;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, bodyText: this.bodyText };
  }
}

export class ResponseTooLargeError extends ApiError {
  readonly status: number;
  readonly maxResponseBytes: number;

  constructor(context: CallContext, status: number, maxResponseBytes: number) {
    super(`reply with status ${status} is larger than maxResponseBytes (${maxResponseBytes}); not read further`, context);
    this.status = status;
    this.maxResponseBytes = maxResponseBytes;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, maxResponseBytes: this.maxResponseBytes };
  }
}

export class RedirectError extends ApiError {
  /** The redirect's status (0 for a browser's opaque redirect). */
  readonly status: number;
  /** Where it pointed (redacted); undefined when the environment hides it. */
  readonly location: string | undefined;

  constructor(context: CallContext, status: number, location: string | undefined, reason: string) {
    super(`redirect ${status} not followed: ${reason}`, context);
    this.status = status;
    this.location = location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, location: this.location };
  }
}

export class TimeoutError extends ApiError {
  /** The timeout that expired, in milliseconds; undefined for the caller's own AbortSignal.timeout. */
  readonly timeoutMs: number | undefined;

  constructor(context: CallContext, timeoutMs: number | undefined, what = "no reply", options?: { cause?: unknown }) {
    super(timeoutMs === undefined ? "the caller's signal timed out" : `${what} within ${timeoutMs} ms`, context, options);
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}

export class AbortError extends ApiError {
  /** `reason` is the signal's reason (redacted), for the message; the reason itself is the `cause`. */
  constructor(context: CallContext, reason: string, cause: unknown) {
    super(`aborted by the caller: ${reason}`, context, { cause });
  }
}

export class NetworkError extends ApiError {
  /** The low-level code when known (ECONNREFUSED, UND_ERR_SOCKET, …). */
  readonly code: string | undefined;

  constructor(context: CallContext, reason: string, code?: string) {
    super(`network failure: ${reason}`, context);
    this.code = code;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code };
  }
}
