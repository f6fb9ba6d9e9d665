/**
 * Performs one operation call through openapi-fetch and turns every way it can fail into an
 * error of ./errors.ts. Provider-specific pieces (credentials, error bodies) come in as functions,
 * so this file knows nothing about ClickSend or smSend.
 *
 * Nothing here repeats a request: a call is sent once (retries are a separate, opt-in concern).
 */
import type { Client } from "openapi-fetch";
import { ApiError, NetworkError, TimeoutError, UnparseableResponseError, type CallContext, type HttpError } from "./errors.js";
import { splitInput, type CallEvent, type CallHandler, type CallOptions, type OperationSpec, type OperationTable } from "./operations.js";
import type { Redactor } from "./redact.js";

export interface CallerSettings {
  // biome-ignore lint: the untyped view of the typed openapi-fetch client; methods are typed by the generated interface.
  raw: Client<any>;
  baseUrl: string;
  table: OperationTable;
  redactor: Redactor;
  /** Default timeout per call, in milliseconds; 0 turns it off. */
  timeoutMs: number;
  /** Headers that authenticate a call to an operation that needs credentials. */
  credentials: () => Record<string, string>;
  /** Builds the provider's HttpError from a non-2xx reply (body already parsed and redacted). */
  httpError: (context: CallContext, status: number, body: unknown) => HttpError;
  onCall?: ((event: CallEvent) => void) | undefined;
}

/** The URL a call goes to, for messages only (openapi-fetch builds the real one). */
function describeUrl(baseUrl: string, spec: OperationSpec, params: ReturnType<typeof splitInput>["params"]): string {
  const path = spec.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(params.path[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params.query)) query.set(name, String(value));
  const search = query.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ""}`;
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
  const { raw, table, redactor } = settings;

  return async function call(operationId: string, input: unknown, options: CallOptions | undefined): Promise<unknown> {
    const spec = table[operationId];
    if (!spec) throw new TypeError(`unknown operation ${operationId}`);
    const { params, body } = splitInput(operationId, spec, input);
    const context: CallContext = {
      operationId,
      method: spec.method.toUpperCase(),
      url: redactor.url(describeUrl(settings.baseUrl, spec, params)),
    };
    const started = performance.now();
    const report = (status: number | undefined, error?: Error) =>
      settings.onCall?.({ ...context, durationMs: performance.now() - started, ...(status === undefined ? {} : { status }), ...(error ? { error } : {}) });

    const timeout = settings.timeoutMs > 0 ? AbortSignal.timeout(settings.timeoutMs) : undefined;
    const signals = [options?.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];

    let response: Response;
    // openapi-fetch hands back success bodies as text (parseAs below) and error bodies already
    // JSON-parsed when they parse, as text otherwise.
    let payload: unknown;
    try {
      const result = await raw.request(spec.method, spec.path, {
        params,
        ...(spec.body === "none" ? {} : { body }),
        // Read every reply as text and parse it here, so a broken reply keeps its raw text.
        parseAs: "text",
        headers: { ...(spec.authenticated ? settings.credentials() : {}), ...options?.headers },
        ...(signal ? { signal } : {}),
      });
      response = result.response;
      payload = result.response.ok ? result.data : result.error;
    } catch (cause) {
      const error = classifyThrown(cause, context, timeout, settings.timeoutMs, redactor);
      report(undefined, error);
      throw error;
    }

    const status = response.status;
    const text = typeof payload === "string" ? payload : "";
    if (!response.ok) {
      const body = typeof payload === "string" || payload === undefined ? text : payload;
      const error = settings.httpError(context, status, redactor.value(body));
      report(status, error);
      throw error;
    }
    if (spec.parseAs === "text") {
      report(status);
      return text;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const error = new UnparseableResponseError(context, status, redactor.text(text), parsed.reason);
      report(status, error);
      throw error;
    }
    report(status);
    return parsed.value;
  };
}

/** Maps what fetch threw to our errors; the caller's own abort is passed through unchanged. */
function classifyThrown(cause: unknown, context: CallContext, timeout: AbortSignal | undefined, timeoutMs: number, redactor: Redactor): Error {
  if (timeout?.aborted) return new TimeoutError(context, timeoutMs);
  if (cause instanceof Error && cause.name === "AbortError") return cause;
  if (cause instanceof ApiError) return cause;
  const inner = cause instanceof Error && cause.cause instanceof Error ? cause.cause : undefined;
  const code = inner && "code" in inner ? String((inner as { code: unknown }).code) : undefined;
  const reason = code ?? (cause instanceof Error ? cause.message : String(cause));
  return new NetworkError(context, redactor.text(reason));
}
