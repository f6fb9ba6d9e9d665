/**
 * ClickSend's side of the runtime: HTTP Basic credentials and errors read from the envelope.
 * The generated client (generated/clicksend/client.ts) calls createClickSendRuntime with its
 * operation table and gives the result its types.
 */
import createClient, { type Client } from "openapi-fetch";
import { clickSendCaller, type ClickSendOptions } from "./clicksend-base.js";
import { bindOperations } from "./bind.js";
import { expandOperations, type OperationEntries } from "./operation-table.js";
import { rawClientSettings } from "./options.js";

export function createClickSendRuntime<Paths extends {}>(options: ClickSendOptions, entries: OperationEntries, defaultBaseUrl: string) {
  const table = expandOperations(entries);
  const { baseUrl, origin, redactor, authorization, call } = clickSendCaller(options, table, defaultBaseUrl);

  // The escape hatch: the typed openapi-fetch client, authenticated, for anything the methods
  // do not cover. It has no retries or error mapping of its own, but the same redirect rule. Built on first use:
  // most clients never touch it.
  let raw: Client<Paths> | undefined;
  return {
    ...bindOperations(table, call),
    get raw(): Client<Paths> {
      return (raw ??= createClient<Paths>({
        ...rawClientSettings(options, baseUrl, origin, redactor),
        headers: { Authorization: authorization },
      }));
    },
  };
}

/** The messages of a send or price reply that ClickSend did not accept (status other than SUCCESS). */
export function refusedRecipients<M extends { status?: unknown }>(reply: { data: { messages: readonly M[] } }): M[] {
  return reply.data.messages.filter((message) => message.status !== "SUCCESS");
}
