/**
 * ClickSend's side of the runtime: HTTP Basic credentials and errors read from the envelope.
 * The generated client (generated/clicksend/client.ts) calls createClickSendRuntime with its
 * operation table and gives the result its types.
 */
import createClient, { type Client } from "openapi-fetch";
import { createCaller } from "./call.js";
import { ClickSendError } from "./errors.js";
import { bindOperations, type CallEvent, type OperationTable } from "./operations.js";
import { Redactor } from "./redact.js";

export interface ClickSendOptions {
  /** API username (or account username). */
  username: string;
  /** API key (or account password). Never appears in errors or call events. */
  apiKey: string;
  /** Defaults to the production server of the bundled document. */
  baseUrl?: string;
  /** A fetch implementation; defaults to the global one. */
  fetch?: (request: Request) => Promise<Response>;
  /** Per-call timeout in milliseconds (default 30 000; 0 for none). */
  timeoutMs?: number;
  /** Called after every call with its operationId, redacted URL, status and duration. */
  onCall?: (event: CallEvent) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Base64 of UTF-8 bytes; btoa alone rejects characters outside Latin-1. */
export function basicAuthorization(username: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function createClickSendRuntime<Paths extends {}>(options: ClickSendOptions, table: OperationTable, defaultBaseUrl: string) {
  if (!options.username || !options.apiKey) throw new TypeError("createClickSendClient needs a username and an apiKey");
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, "");
  const authorization = basicAuthorization(options.username, options.apiKey);
  const redactor = new Redactor([options.apiKey, authorization.slice("Basic ".length)]);
  const clientOptions = { baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) };

  const call = createCaller({
    raw: createClient(clientOptions),
    baseUrl,
    table,
    redactor,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    credentials: () => ({ Authorization: authorization }),
    httpError: (context, status, body) => new ClickSendError(context, status, body),
    onCall: options.onCall,
  });

  // The escape hatch: the typed openapi-fetch client, authenticated, for anything the methods
  // do not cover. It has no redaction or error mapping of its own.
  const raw: Client<Paths> = createClient<Paths>({ ...clientOptions, headers: { Authorization: authorization } });
  return { ...bindOperations(table, call), raw };
}
