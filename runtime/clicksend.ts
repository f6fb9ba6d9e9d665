/**
 * ClickSend's side of the runtime: HTTP Basic credentials and errors read from the envelope.
 * The generated client (generated/clicksend/client.ts) calls createClickSendRuntime with its
 * operation table and gives the result its types.
 */
import createClient, { type Client } from "openapi-fetch";
import { clickSendCaller, type ClickSendOptions } from "./clicksend-base.js";
import { bindOperations, expandOperations, type OperationEntries } from "./operations.js";

export { basicAuthorization, type ClickSendOptions } from "./clicksend-base.js";

export function createClickSendRuntime<Paths extends {}>(options: ClickSendOptions, entries: OperationEntries, defaultBaseUrl: string) {
  const table = expandOperations(entries);
  const { baseUrl, authorization, call } = clickSendCaller(options, table, defaultBaseUrl);

  // The escape hatch: the typed openapi-fetch client, authenticated, for anything the methods
  // do not cover. It has no redaction, retries or error mapping of its own. Built on first use:
  // most clients never touch it.
  let raw: Client<Paths> | undefined;
  return {
    ...bindOperations(table, call),
    get raw(): Client<Paths> {
      return (raw ??= createClient<Paths>({ baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}), headers: { Authorization: authorization } }));
    },
  };
}

/** The messages of a send or price reply that ClickSend did not accept (status other than SUCCESS). */
export function refusedRecipients<M extends { status?: unknown }>(reply: { data: { messages: readonly M[] } }): M[] {
  return reply.data.messages.filter((message) => message.status !== "SUCCESS");
}
