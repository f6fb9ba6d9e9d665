/**
 * ClickSend's side of the runtime: HTTP Basic credentials and errors read from the envelope.
 * The generated client (generated/clicksend/client.ts) calls createClickSendRuntime with its
 * operation table and gives the result its types.
 */
import createClient, { type Client } from "openapi-fetch";
import { ClickSendError } from "./errors.js";
import { bindOperations, expandOperations, type OperationEntries } from "./operations.js";
import { baseUrlOf, createProviderCaller, rawClientSettings, type CommonClientOptions } from "./options.js";
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

export function createClickSendRuntime<Paths extends {}>(options: ClickSendOptions, entries: OperationEntries, defaultBaseUrl: string) {
  const table = expandOperations(entries);
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

  // The escape hatch: the typed openapi-fetch client, authenticated, for anything the methods
  // do not cover. It has no retries or error mapping of its own, but the same redirect rule.
  const raw: Client<Paths> = createClient<Paths>({ ...rawClientSettings(options, baseUrl, origin, redactor), headers: { Authorization: authorization } });
  return { ...bindOperations(table, call), raw };
}

/** The messages of a send or price reply that ClickSend did not accept (status other than SUCCESS). */
export function refusedRecipients<M extends { status?: unknown }>(reply: { data: { messages: readonly M[] } }): M[] {
  return reply.data.messages.filter((message) => message.status !== "SUCCESS");
}
