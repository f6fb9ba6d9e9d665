/** One call as callers see it: its options, the event reported after each attempt, and the handler every method calls. */
import type { CallRetryOptions } from "./retry.js";

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (and any wait between attempts) when the caller's signal aborts. */
  signal?: AbortSignal;
  /** Timeout of each attempt in milliseconds, instead of the client's; 0 for none. */
  timeoutMs?: number;
  /** Retry settings for this call, or `false` for a single attempt. */
  retry?: CallRetryOptions | false;
  /** Extra request headers (never logged). */
  headers?: Record<string, string>;
}

/** What a client reports about each call to `onCall` (URL already redacted). */
export interface CallEvent {
  operationId: string;
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  status?: number;
  durationMs: number;
  error?: Error;
}

/** Performs one call of an operation by its operationId (runtime/call.ts makes it; runtime/bind.ts calls it). */
export type CallHandler = (operationId: string, input: unknown, options: CallOptions | undefined) => Promise<unknown>;
