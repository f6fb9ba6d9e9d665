/**
 * Performs one operation call through fetch and turns every way it can fail into an
 * error of ./errors.ts (a thrown failure through ./failures.ts). Provider-specific pieces (credentials, error bodies) come in as functions,
 * so this file knows nothing about ClickSend or smSend.
 *
 * A call is one or more attempts. Another attempt is made only for a retryable failure (network,
 * timeout, an unparseable success reply, a status `isRetryableStatus` names) of an operation that
 * is safe to repeat, or when the caller opted in for this call (see ./retry.ts).
 *
 * Over 150 lines on purpose: one call's attempts, from the request to the error, read in one place;
 * the parts that stand alone already have their modules (./request.ts, ./reply.ts, ./redirects.ts, ./failures.ts, ./retry.ts).
 */
import { UnparseableResponseError, type CallContext, type HttpError, type HttpReply } from "./errors.js";
import { callerAbort, failure, type Attempt, type Expired } from "./failures.js";
import { splitInput } from "./input.js";
import type { OperationSpec, OperationTable } from "./operation-table.js";
import type { CallEvent, CallHandler, CallOptions } from "./call-options.js";
import type { Redactor } from "./redact.js";
import { followRedirects, isRedirect } from "./redirects.js";
import { readBody } from "./reply.js";
import { buildInit, buildUrl } from "./request.js";
import { isRetryableStatus, parseRetryAfter, resolvePolicy, retryDelay, sleep, type RetryPolicy } from "./retry.js";
import type { ResponseValidator } from "./validation-types.js";

export interface CallerSettings {
  /** Sends one request; the global fetch, or the user's own. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  baseUrl: string;
  /** The only origin requests (and redirects) go to: the base URL's. */
  origin: string;
  table: OperationTable;
  redactor: Redactor;
  /** Default timeout per attempt, in milliseconds; 0 turns it off. */
  timeoutMs: number;
  /** Longest time to read a reply's body once its headers arrived; 0 turns it off. */
  bodyTimeoutMs: number;
  /** Largest reply body read, in bytes. */
  maxResponseBytes: number;
  /** Default retry policy; `false` never retries. */
  retry: RetryPolicy | false;
  /** Headers that authenticate a call to an operation that needs credentials. */
  credentials: () => Record<string, string>;
  /** Builds the provider's HttpError from a non-2xx reply (body and headers already redacted). */
  httpError: (context: CallContext, reply: HttpReply) => HttpError;
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
    const { bodyTimeoutMs } = settings;
    // The body timeout needs its own timer only when the attempt's timeout would not cut the
    // body read first (so none is made by default: both are 30 s).
    const bodyTimer = bodyTimeoutMs > 0 && (timeoutMs === 0 || timeoutMs > bodyTimeoutMs);
    const signal = options?.signal;
    // One controller aborts the request on a timeout or when the caller's signal aborts; its
    // timers are cleared as soon as the reply is read, so finished calls leave no timer behind.
    const controller = timeoutMs > 0 || signal || bodyTimer ? new AbortController() : undefined;
    let expired: Expired | undefined;
    const timer =
      timeoutMs > 0 ? setTimeout(() => ((expired ??= { what: "no reply", ms: timeoutMs }), controller?.abort()), timeoutMs) : undefined;
    let bodyTimeout: ReturnType<typeof setTimeout> | undefined;
    const onCallerAbort = () => controller?.abort(signal?.reason);
    if (signal?.aborted) onCallerAbort();
    else signal?.addEventListener("abort", onCallerAbort, { once: true });

    const headers = { ...(spec.authenticated ? settings.credentials() : {}), ...options?.headers };
    let response: Response;
    // Replies are read as text and parsed here, so a broken reply keeps its raw text; only file
    // downloads are read as bytes. Reading the body can fail too (a reset mid-body, the timeout).
    let payload: string | Blob;
    try {
      const init = buildInit(spec, request.params, request.body, headers, controller?.signal);
      response = await settings.fetch(url, init);
      if (isRedirect(response)) response = await followRedirects(settings.fetch, response, url, init, settings.origin, context, redactor);
      if (bodyTimer)
        bodyTimeout = setTimeout(
          () => ((expired ??= { what: "reply body not read", ms: bodyTimeoutMs }), controller?.abort()),
          bodyTimeoutMs,
        );
      payload = await readBody(response, response.ok && spec.parseAs === "blob", settings.maxResponseBytes, context);
    } catch (cause) {
      return failure(cause, context, signal, expired, redactor);
    } finally {
      clearTimeout(timer);
      clearTimeout(bodyTimeout);
      signal?.removeEventListener("abort", onCallerAbort);
    }

    const status = response.status;
    const text = typeof payload === "string" ? payload : "";
    if (!response.ok) {
      const parsed = parseJson(text);
      const reply = { status, body: redactor.value(parsed.ok ? parsed.value : text), headers: redactor.headers(response.headers) };
      return {
        ok: false,
        error: settings.httpError(context(), reply),
        status,
        retryable: isRetryableStatus(status),
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      };
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
    settings.validateResponse?.({
      operationId,
      spec,
      status,
      contentType: response.headers.get("content-type") ?? undefined,
      body: parsed.value,
    });
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
    const policy = resolvePolicy(settings.retry, options?.retry);
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
      const wait =
        outcome.retryable && mayRepeat && policy && retry < policy.maxRetries
          ? retryDelay(retry + 1, policy, outcome.retryAfterMs)
          : undefined;
      if (wait === undefined) throw outcome.error;
      const signal = options?.signal;
      await sleep(wait, signal).catch(() => {
        throw callerAbort(context(), signal!, redactor);
      });
    }
  };
}
