/** Settings both clients share, and the caller they configure. */
import type { CallEvent, CallHandler } from "./call-options.js";
import { createCaller, type CallerSettings } from "./call.js";
import { originOf } from "./redirects.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";
import type { ResponseValidator } from "./validation-types.js";

export interface CommonClientOptions {
  /** Defaults to the first server of the bundled document. */
  baseUrl?: string;
  /** A fetch implementation (e.g. for a proxy or tests); defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Timeout of each attempt in milliseconds (default 30 000; 0 for none). */
  timeoutMs?: number;
  /**
   * Longest time to read a reply's body once its headers arrived, in milliseconds (default 30 000;
   * 0 for none). It holds with `timeoutMs: 0` too, so a body that trickles forever is cut.
   */
  bodyTimeoutMs?: number;
  /** Largest reply body read, in bytes (default 32 MiB); a larger one is a ResponseTooLargeError. */
  maxResponseBytes?: number;
  /**
   * Retries of calls that are safe to repeat (GET, and operations marked idempotent), with
   * exponential backoff and jitter, honouring Retry-After. `false` turns them off. Non-idempotent
   * calls (sends, purchases) are only repeated when a call opts in with `retry.repeatNonIdempotent`.
   */
  retry?: Partial<RetryPolicy> | false;
  /** Called after every attempt with its operationId, redacted URL, status and duration. */
  onCall?: (event: CallEvent) => void;
  /** Checks every successful reply against the spec (see runtime/validation.ts); off by default. */
  validateResponses?: ResponseValidator;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

type ProviderParts = Pick<CallerSettings, "table" | "redactor" | "credentials" | "httpError" | "baseUrl" | "origin">;

/** The caller for one client, from its options and the provider-specific parts. */
export function createProviderCaller(options: CommonClientOptions, parts: ProviderParts): CallHandler {
  const userFetch = options.fetch;
  return createCaller({
    ...parts,
    // The user's fetch takes a Request (as openapi-fetch's does); the global one is called as is.
    fetch: userFetch ? (url, init) => userFetch(new Request(url, init)) : (url, init) => fetch(url, init),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    retry: options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry },
    onCall: options.onCall,
    validateResponse: options.validateResponses,
  });
}

/** The base URL without a trailing slash, and its origin: the only one credentials are sent to. */
export function baseUrlOf(options: CommonClientOptions, fallback: string): { baseUrl: string; origin: string } {
  const baseUrl = (options.baseUrl ?? fallback).replace(/\/+$/, "");
  return { baseUrl, origin: originOf(baseUrl) };
}
