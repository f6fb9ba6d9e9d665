/**
 * When and how long to wait before repeating a call.
 *
 * Only calls that are safe to repeat are retried by default: GET and HEAD, and operations the spec
 * marks `x-idempotent: true`. Sending a message or buying credit is repeated only when the caller
 * sets `repeatNonIdempotent` on that one call: a timeout or a 5xx does not prove the provider did
 * not act, and a repeat would charge twice.
 */

export interface RetryPolicy {
  /** Repeats after the first attempt (0 turns retries off). */
  maxRetries: number;
  /** First backoff; doubled for each further retry. */
  baseDelayMs: number;
  /** Upper bound of one backoff. */
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number;
}

/** Per-call retry settings: the policy's fields, plus the one opt-in that is per call only. */
export interface CallRetryOptions extends Partial<RetryPolicy> {
  /** Also repeat this call if its operation is not idempotent (a send, a purchase). */
  repeatNonIdempotent?: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/** Statuses worth another try: the provider was busy or failed in passing. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), if it parses.
 * Date.parse alone is too lenient: it reads "-5" or "1." as dates in 2001 (a wait of 0), so only
 * a value starting with a day name, as every HTTP-date form does, is parsed as a date. The
 * asctime form carries no zone and Date.parse would read it as local time: HTTP dates are GMT.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (!/^[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(/GMT$/i.test(trimmed) ? trimmed : `${trimmed} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Wait before retry number `retry` (1-based): the server's Retry-After when given, otherwise
 * exponential backoff with jitter (up to a quarter shorter, so clients that failed together do
 * not come back together). Undefined means "do not retry" (Retry-After beyond the cap).
 */
export function retryDelay(retry: number, policy: RetryPolicy, retryAfterMs: number | undefined, random = Math.random): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return Math.round(backoff * (1 - random() * 0.25));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The policy of one call: the client's, overridden or turned off by the call's `retry` option. */
export function resolvePolicy(base: RetryPolicy | false, retry: CallRetryOptions | false | undefined): RetryPolicy | false {
  if (retry === false) return false;
  if (retry === undefined) return base;
  const { repeatNonIdempotent: _, ...overrides } = retry;
  // A client without retries still lets one call ask for them, with the default backoff.
  const inherited = base === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : base;
  return { ...inherited, ...overrides };
}
