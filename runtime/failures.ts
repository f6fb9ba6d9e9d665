/**
 * How an attempt that threw (in fetch, a redirect, or reading the body) becomes one of the
 * package's errors, and whether another attempt may fix it. Used by ./call.ts.
 */
import { AbortError, ApiError, NetworkError, TimeoutError, type CallContext } from "./errors.js";
import type { Redactor } from "./redact.js";

/** Which of an attempt's timers fired: the attempt's timeout, or the body-read one. */
export type Expired = { what: "no reply" | "reply body not read"; ms: number };

/** An attempt's outcome: a value, or an error plus whether another attempt may fix it. */
export type Attempt =
  | { ok: true; value: unknown; status: number }
  | { ok: false; error: Error; retryable: boolean; retryAfterMs?: number | undefined; status?: number | undefined };

/** An attempt that threw (in fetch, a redirect, or reading the body) as one of the package's errors. */
export function failure(
  cause: unknown,
  context: () => CallContext,
  signal: AbortSignal | undefined,
  expired: Expired | undefined,
  redactor: Redactor,
): Attempt {
  // The caller's signal first: its abort is final, whatever else happened meanwhile.
  if (signal?.aborted) return { ok: false, error: callerAbort(context(), signal, redactor), retryable: false };
  if (expired) return { ok: false, error: new TimeoutError(context(), expired.ms, expired.what), retryable: true };
  // Already the package's own: a refused redirect, a reply over the size cap. Repeating would meet the same.
  if (cause instanceof ApiError) return { ok: false, error: cause, retryable: false };
  return { ok: false, error: networkError(cause, context(), redactor), retryable: true };
}

/** The caller's abort: TimeoutError for a timeout signal (AbortSignal.timeout), AbortError otherwise. */
export function callerAbort(context: CallContext, signal: AbortSignal, redactor: Redactor): ApiError {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === "TimeoutError") return new TimeoutError(context, undefined, undefined, { cause: reason });
  return new AbortError(context, redactor.text(reason instanceof Error ? reason.message : String(reason)), reason);
}

/**
 * A thrown fetch failure as a NetworkError. The reason is the chain of messages (undici's
 * "fetch failed" says nothing; its cause says "bad port" or "connect ECONNREFUSED …"), redacted;
 * the original is not kept as `cause`, because such messages may hold the URL.
 */
function networkError(cause: unknown, context: CallContext, redactor: Redactor): NetworkError {
  const messages: string[] = [];
  let code: string | undefined;
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; error = error.cause, depth++) {
    const own = (error as { code?: unknown }).code;
    if (code === undefined && typeof own === "string") code = own;
    if (error.message && !messages.includes(error.message)) messages.push(error.message);
  }
  const reason = messages.length > 0 ? messages.join(": ") : String(cause);
  return new NetworkError(context, redactor.text(code && !reason.includes(code) ? `${reason} (${code})` : reason), code);
}
