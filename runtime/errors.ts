/**
 * The one error hierarchy both clients throw. Every error carries the operationId, the HTTP
 * method and the URL with secrets removed; nothing in a message, `toJSON()` or stack holds a
 * credential, because every string is built through a Redactor before the error exists.
 *
 *   ApiError                       any failure of a call
 *   ├── HttpError                  the provider replied with a non-2xx status
 *   │   ├── ClickSendError         … with ClickSend's envelope (response_code, response_msg)
 *   │   └── SmSendError            … from smSend
 *   ├── UnparseableResponseError   a reply that is not what the spec says (HTML page, bad JSON)
 *   ├── TimeoutError               the call took longer than its timeout
 *   └── NetworkError               no reply at all (DNS, refused, reset)
 */

export interface CallContext {
  operationId: string;
  method: string;
  /** Already redacted. */
  url: string;
}

export class ApiError extends Error {
  readonly operationId: string;
  readonly method: string;
  readonly url: string;

  constructor(message: string, context: CallContext, options?: { cause?: unknown }) {
    super(`${message} (${context.operationId}: ${context.method} ${context.url})`, options);
    this.name = new.target.name;
    this.operationId = context.operationId;
    this.method = context.method;
    this.url = context.url;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operationId: this.operationId, method: this.method, url: this.url };
  }
}

export class HttpError extends ApiError {
  /** HTTP status of the reply. */
  readonly status: number;
  /** The parsed reply body (JSON value or text), with known secrets replaced. */
  readonly body: unknown;

  constructor(message: string, context: CallContext, status: number, body: unknown) {
    super(message, context);
    this.status = status;
    this.body = body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, body: this.body };
  }
}

export class ClickSendError extends HttpError {
  /** The envelope's machine-readable outcome, e.g. `INSUFFICIENT_CREDIT`; undefined without an envelope. */
  readonly responseCode: string | undefined;
  /** The envelope's human-readable message. */
  readonly responseMsg: string | undefined;

  constructor(context: CallContext, status: number, body: unknown) {
    const envelope = readEnvelope(body);
    const what = envelope ? `${envelope.response_code}: ${envelope.response_msg}` : `HTTP ${status}`;
    super(`ClickSend replied ${status} ${what}`, context, status, body);
    this.responseCode = envelope?.response_code;
    this.responseMsg = envelope?.response_msg;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), responseCode: this.responseCode, responseMsg: this.responseMsg };
  }
}

function readEnvelope(body: unknown): { response_code: string; response_msg: string } | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const { response_code, response_msg } = body as Record<string, unknown>;
  return typeof response_code === "string" ? { response_code, response_msg: String(response_msg ?? "") } : undefined;
}

export class SmSendError extends HttpError {
  constructor(context: CallContext, status: number, body: unknown, explanation?: string) {
    const detail = typeof body === "string" && body.trim() ? `: ${body.trim().slice(0, 200)}` : "";
    super(`smSend replied ${status}${explanation ? ` (${explanation})` : ""}${detail}`, context, status, body);
  }
}

export class UnparseableResponseError extends ApiError {
  readonly status: number;
  /** The start of the raw reply, for diagnosis (redacted). */
  readonly bodyText: string;

  constructor(context: CallContext, status: number, bodyText: string, reason: string) {
    super(`unparseable reply with status ${status}: ${reason}`, context);
    this.status = status;
    this.bodyText = bodyText.slice(0, 500);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, bodyText: this.bodyText };
  }
}

export class TimeoutError extends ApiError {
  readonly timeoutMs: number;

  constructor(context: CallContext, timeoutMs: number) {
    super(`no reply within ${timeoutMs} ms`, context);
    this.timeoutMs = timeoutMs;
  }
}

export class NetworkError extends ApiError {
  constructor(context: CallContext, reason: string) {
    super(`network failure: ${reason}`, context);
  }
}
