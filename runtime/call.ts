/**
 * Performs one operation call through openapi-fetch and turns every way it can fail into an
 * error of ./errors.ts. Provider-specific pieces (credentials, error bodies) come in as functions,
 * so this file knows nothing about ClickSend or smSend.
 *
 * A call is one or more attempts. Another attempt is made only for a retryable failure (network,
 * timeout, 408/429/5xx) of an operation that is safe to repeat, or when the caller opted in for
 * this call (see ./retry.ts).
 */
import { ApiError, NetworkError, TimeoutError, UnparseableResponseError, type CallContext, type HttpError } from "./errors.js";
import { splitInput, type CallEvent, type CallHandler, type CallOptions, type OperationSpec, type OperationTable } from "./operations.js";
import type { Redactor } from "./redact.js";
import { buildInit, buildUrl } from "./request.js";
import { DEFAULT_RETRY, isRetryableStatus, parseRetryAfter, retryDelay, sleep, type RetryPolicy } from "./retry.js";
import type { ResponseValidator } from "./validation-types.js";

export interface CallerSettings {
  /** Sends one request; the global fetch, or the user's own. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  baseUrl: string;
  table: OperationTable;
  redactor: Redactor;
  /** Default timeout per attempt, in milliseconds; 0 turns it off. */
  timeoutMs: number;
  /** Default retry policy; `false` never retries. */
  retry: RetryPolicy | false;
  /** Headers that authenticate a call to an operation that needs credentials. */
  credentials: () => Record<string, string>;
  /** Builds the provider's HttpError from a non-2xx reply (body already parsed and redacted). */
  httpError: (context: CallContext, status: number, body: unknown) => HttpError;
  onCall?: ((event: CallEvent) => void) | undefined;
  /** When set, every successful reply is checked against the spec; mismatches are reported, not thrown. */
  validateResponse?: ResponseValidator | undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (text.trim() === "") return { ok: false, reason: "empty body where JSON was expected" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const looksHtml = /^\s*</.test(text);
    return { ok: false, reason: looksHtml ? "an HTML page where JSON was expected" : "invalid JSON" };
  }
}

/** An attempt's outcome: a value, or an error plus whether another attempt may fix it. */
type Attempt = { ok: true; value: unknown; status: number } | { ok: false; error: Error; retryable: boolean; retryAfterMs?: number | undefined; status?: number | undefined };

export function createCaller(settings: CallerSettings): CallHandler {
  const { table, redactor } = settings;

  async function attempt(
    operationId: string,
    spec: OperationSpec,
    url: string,
    context: () => CallContext,
    request: ReturnType<typeof splitInput>,
    options: CallOptions | undefined,
  ): Promise<Attempt> {
    const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
    // One controller aborts the request on the timeout or when the caller's signal aborts; its
    // timer is cleared as soon as the reply is read, so finished calls leave no timer behind.
    const controller = timeoutMs > 0 || options?.signal ? new AbortController() : undefined;
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller?.abort()), timeoutMs) : undefined;
    const onCallerAbort = () => controller?.abort(options?.signal?.reason);
    if (options?.signal?.aborted) onCallerAbort();
    else options?.signal?.addEventListener("abort", onCallerAbort, { once: true });
    const signal = controller?.signal;

    const headers = { ...(spec.authenticated ? settings.credentials() : {}), ...options?.headers };
    let response: Response;
    // Replies are read as text and parsed here, so a broken reply keeps its raw text; only file
    // downloads are read as bytes. Reading the body can fail too (a reset mid-body, the timeout).
    let payload: string | Blob;
    try {
      response = await settings.fetch(url, buildInit(spec, request.params, request.body, headers, signal));
      payload = response.ok && spec.parseAs === "blob" ? await response.blob() : await response.text();
    } catch (cause) {
      if (timedOut && !options?.signal?.aborted) return { ok: false, error: new TimeoutError(context(), timeoutMs), retryable: true };
      if (options?.signal?.aborted) return { ok: false, error: asError(options.signal.reason), retryable: false };
      return { ok: false, error: networkError(cause, context(), redactor), retryable: true };
    } finally {
      clearTimeout(timer);
      options?.signal?.removeEventListener("abort", onCallerAbort);
    }

    const status = response.status;
    const text = typeof payload === "string" ? payload : "";
    if (!response.ok) {
      const parsed = parseJson(text);
      const error = settings.httpError(context(), status, redactor.value(parsed.ok ? parsed.value : text));
      return { ok: false, error, status, retryable: isRetryableStatus(status), retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) };
    }
    if (spec.parseAs === "none") return { ok: true, value: undefined, status };
    if (spec.parseAs === "blob") return { ok: true, value: payload, status };
    if (spec.parseAs === "text") return { ok: true, value: text, status };
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const error = new UnparseableResponseError(context(), status, redactor.text(text), parsed.reason);
      // A 2xx with a broken body may mean a proxy error page; repeat only what is safe to repeat.
      return { ok: false, error, status, retryable: true };
    }
    settings.validateResponse?.({ operationId, spec, status, contentType: response.headers.get("content-type") ?? undefined, body: parsed.value });
    return { ok: true, value: parsed.value, status };
  }

  return async function call(operationId: string, input: unknown, options: CallOptions | undefined): Promise<unknown> {
    const spec = table[operationId];
    if (!spec) throw new TypeError(`unknown operation ${operationId}`);
    const request = splitInput(operationId, spec, input);
    const url = buildUrl(settings.baseUrl, spec, request.params);
    // Redacting the URL costs a parse; do it only when an error or an event needs it.
    let redacted: CallContext | undefined;
    const context = () => (redacted ??= { operationId, method: spec.method.toUpperCase(), url: redactor.url(url) });
    const policy = resolvePolicy(settings.retry, options);
    const optedIn = options?.retry !== undefined && options.retry !== false && options.retry.repeatNonIdempotent === true;
    const mayRepeat = spec.idempotent || optedIn;
    const started = performance.now();

    for (let retry = 0; ; retry++) {
      const outcome = await attempt(operationId, spec, url, context, request, options);
      const event = (): CallEvent => ({ ...context(), attempt: retry + 1, durationMs: performance.now() - started });
      if (outcome.ok) {
        settings.onCall?.({ ...event(), status: outcome.status });
        return outcome.value;
      }
      settings.onCall?.({ ...event(), ...(outcome.status === undefined ? {} : { status: outcome.status }), error: outcome.error });
      const wait = outcome.retryable && mayRepeat && policy && retry < policy.maxRetries ? retryDelay(retry + 1, policy, outcome.retryAfterMs) : undefined;
      if (wait === undefined) throw outcome.error;
      await sleep(wait, options?.signal);
    }
  };
}

function resolvePolicy(base: RetryPolicy | false, options: CallOptions | undefined): RetryPolicy | false {
  if (options?.retry === false) return false;
  if (options?.retry === undefined) return base;
  const { repeatNonIdempotent: _, ...overrides } = options.retry;
  // A client without retries still lets one call ask for them, with the default backoff.
  const inherited = base === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : base;
  return { ...inherited, ...overrides };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** A thrown fetch failure as a NetworkError, with the low-level code (ECONNRESET, …) when known. */
function networkError(cause: unknown, context: CallContext, redactor: Redactor): Error {
  if (cause instanceof ApiError) return cause;
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : undefined;
  const code = inner && "code" in inner ? String((inner as { code: unknown }).code) : undefined;
  const reason = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new NetworkError(context, redactor.text(reason));
}
