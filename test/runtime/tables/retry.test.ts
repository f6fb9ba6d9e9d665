/** Tables for the retry policy's pure functions (runtime/retry.ts): what is retried, and after how long. */
import { describe, expect, test } from "vitest";
import { isRetryableStatus, parseRetryAfter, retryDelay, type RetryPolicy } from "../../../runtime/retry.js";

// A whole second, so an HTTP date (which has no milliseconds) lands exactly on it.
const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const httpDate = (offsetMs: number) => new Date(now + offsetMs).toUTCString();

describe("parseRetryAfter", () => {
  test.each<[string, { given: string | null; want: number | undefined }]>([
    ["delta-seconds", { given: "120", want: 120_000 }],
    ["zero seconds", { given: "0", want: 0 }],
    ["fractional seconds, rounded to the millisecond", { given: "1.5", want: 1_500 }],
    ["surrounding spaces", { given: " 5 ", want: 5_000 }],
    ["an HTTP date in the future", { given: httpDate(30_000), want: 30_000 }],
    ["an HTTP date in the obsolete RFC 850 form", { given: "Thursday, 15-Jan-26 12:00:10 GMT", want: 10_000 }],
    ["an HTTP date in asctime form, read as GMT", { given: "Thu Jan 15 12:00:20 2026", want: 20_000 }],
    ["a date-like word that is no date", { given: "Thursday soon", want: undefined }],
    ["an HTTP date in the past: no wait", { given: httpDate(-3_600_000), want: 0 }],
    ["huge delta-seconds are kept (retryDelay decides)", { given: "99999999999", want: 99_999_999_999_000 }],
    ["negative seconds are not a delay", { given: "-5", want: undefined }],
    ["a signed number is not delta-seconds", { given: "+5", want: undefined }],
    ["garbage", { given: "soon", want: undefined }],
    ["a number with trailing garbage", { given: "12abc", want: undefined }],
    ["an exponent", { given: "1e3", want: undefined }],
    ["a trailing dot", { given: "1.", want: undefined }],
    ["empty", { given: "", want: undefined }],
    ["only spaces", { given: "   ", want: undefined }],
    ["no header", { given: null, want: undefined }],
  ])("%s", (_, { given, want }) => {
    expect(parseRetryAfter(given, now)).toBe(want);
  });
});

const policy: RetryPolicy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
const noJitter = () => 0;
// Math.random stays below 1; 1 gives the bound the jitter approaches.
const fullJitter = () => 1;

describe("retryDelay", () => {
  test.each<[string, { given: { retry: number; retryAfterMs?: number; random: () => number }; want: number | undefined }]>([
    ["first retry waits the base delay", { given: { retry: 1, random: noJitter }, want: 500 }],
    ["second retry doubles it", { given: { retry: 2, random: noJitter }, want: 1_000 }],
    ["fourth retry: base × 2³", { given: { retry: 4, random: noJitter }, want: 4_000 }],
    ["the backoff is capped at maxDelayMs", { given: { retry: 10, random: noJitter }, want: 8_000 }],
    ["jitter shortens by at most a quarter", { given: { retry: 1, random: fullJitter }, want: 375 }],
    ["jitter half way", { given: { retry: 2, random: () => 0.5 }, want: 875 }],
    ["jitter applies to the capped backoff", { given: { retry: 10, random: fullJitter }, want: 6_000 }],
    ["Retry-After replaces the backoff", { given: { retry: 1, retryAfterMs: 2_000, random: fullJitter }, want: 2_000 }],
    ["Retry-After is not capped by maxDelayMs", { given: { retry: 1, retryAfterMs: 30_000, random: noJitter }, want: 30_000 }],
    ["Retry-After 0: again at once", { given: { retry: 3, retryAfterMs: 0, random: noJitter }, want: 0 }],
    ["Retry-After exactly at the cap is waited for", { given: { retry: 1, retryAfterMs: 60_000, random: noJitter }, want: 60_000 }],
    ["Retry-After beyond maxRetryAfterMs: give up", { given: { retry: 1, retryAfterMs: 60_001, random: noJitter }, want: undefined }],
    ["a huge Retry-After: give up", { given: { retry: 1, retryAfterMs: 99_999_999_999_000, random: noJitter }, want: undefined }],
  ])("%s", (_, { given, want }) => {
    expect(retryDelay(given.retry, policy, given.retryAfterMs, given.random)).toBe(want);
  });

  test("jitter stays within [¾, 1] of the backoff for any random value", () => {
    for (let random = 0; random < 1; random += 1 / 64) {
      const delay = retryDelay(3, policy, undefined, () => random)!;
      expect(delay).toBeGreaterThanOrEqual(1_500);
      expect(delay).toBeLessThanOrEqual(2_000);
    }
  });
});

describe("isRetryableStatus", () => {
  test.each<[string, { given: number; want: boolean }]>([
    ["1xx informational", { given: 100, want: false }],
    ["200 OK", { given: 200, want: false }],
    ["204 No Content", { given: 204, want: false }],
    ["301 redirect", { given: 301, want: false }],
    ["304 Not Modified", { given: 304, want: false }],
    ["400 Bad Request", { given: 400, want: false }],
    ["401 Unauthorized", { given: 401, want: false }],
    ["403 Forbidden", { given: 403, want: false }],
    ["404 Not Found", { given: 404, want: false }],
    ["408 Request Timeout", { given: 408, want: true }],
    ["409 Conflict", { given: 409, want: false }],
    ["422 Unprocessable", { given: 422, want: false }],
    ["429 Too Many Requests", { given: 429, want: true }],
    ["500 Internal Server Error", { given: 500, want: true }],
    ["501 Not Implemented: will not change", { given: 501, want: false }],
    ["502 Bad Gateway", { given: 502, want: true }],
    ["503 Service Unavailable", { given: 503, want: true }],
    ["504 Gateway Timeout", { given: 504, want: true }],
    ["505 HTTP Version Not Supported", { given: 505, want: false }],
    ["507 Insufficient Storage", { given: 507, want: false }],
    ["599 (unassigned 5xx)", { given: 599, want: false }],
  ])("%s", (_, { given, want }) => {
    expect(isRetryableStatus(given)).toBe(want);
  });

  test("exactly 408, 429, 500, 502, 503 and 504 of all statuses 100–599", () => {
    const retryable = Array.from({ length: 500 }, (_, i) => i + 100).filter(isRetryableStatus);
    expect(retryable).toEqual([408, 429, 500, 502, 503, 504]);
  });
});
