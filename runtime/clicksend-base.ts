/**
 * What every ClickSend client shares (credentials, base URL, redaction, the caller), and the base
 * client of the tree-shakable API: `createClickSendBase()` plus one generated function per
 * operation (generated/clicksend/operations.ts), each carrying its own route, so that a bundle
 * holds only the operations it imports (the way hey-api's SDK functions and AWS SDK v3's commands
 * work). Nothing here imports openapi-fetch, the operation table or pagination.
 */
import { ClickSendError } from "./clicksend-error.js";
import { expand, type OperationEntry, type OperationSpec, type OperationTable } from "./operation-table.js";
import type { CallOptions } from "./call-options.js";
import { baseUrlOf, createProviderCaller, type CommonClientOptions } from "./options.js";
import { Redactor } from "./redact.js";

export interface ClickSendOptions extends CommonClientOptions {
  /** API username (or account username). */
  username: string;
  /** API key (or account password). Never appears in errors or call events. */
  apiKey: string;
}

/** Base64 of UTF-8 bytes; btoa alone rejects characters outside Latin-1. */
export function basicAuthorization(username: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${username}:${secret}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The caller of a ClickSend client over `table`, with its base URL and Authorization header. */
export function clickSendCaller(options: ClickSendOptions, table: OperationTable, defaultBaseUrl: string) {
  if (!options.username || !options.apiKey) throw new TypeError("createClickSendClient needs a username and an apiKey");
  const { baseUrl, origin } = baseUrlOf(options, defaultBaseUrl);
  const authorization = basicAuthorization(options.username, options.apiKey);
  const redactor = new Redactor([options.apiKey, authorization.slice("Basic ".length)]);
  const call = createProviderCaller(options, {
    baseUrl,
    origin,
    table,
    redactor,
    credentials: () => ({ Authorization: authorization }),
    httpError: (context, reply) => new ClickSendError(context, reply),
  });
  return { baseUrl, origin, redactor, authorization, call };
}

/** The client the operation functions take: credentials and settings, no operations of its own. */
export interface ClickSendBase {
  /** Calls one operation, described by its generated entry (used by generated/clicksend/operations.ts). */
  call(operationId: string, entry: OperationEntry, input: unknown, options: CallOptions | undefined): Promise<unknown>;
}

export function createClickSendBase(options: ClickSendOptions, defaultBaseUrl: string): ClickSendBase {
  // Filled as operations are first called: the table holds only what this application uses.
  const table: Record<string, OperationSpec> = {};
  const { call } = clickSendCaller(options, table, defaultBaseUrl);
  return {
    call(operationId, entry, input, callOptions) {
      table[operationId] ??= expand(entry);
      return call(operationId, input, callOptions);
    },
  };
}
