/**
 * ClickSend's side of the runtime: HTTP Basic credentials and errors read from the envelope.
 * The generated client (generated/clicksend/client.ts) calls createClickSendRuntime with its
 * operation table and gives the result its types.
 */
import { clickSendCaller, type ClickSendOptions } from "./clicksend-base.js";
import { bindOperations } from "./bind.js";
import { expandOperations, type OperationEntries } from "./operation-table.js";
import { lazyRawClient } from "./raw.js";

export function createClickSendRuntime<Paths extends {}>(options: ClickSendOptions, entries: OperationEntries, defaultBaseUrl: string) {
  const table = expandOperations(entries);
  const { baseUrl, origin, redactor, authorization, call } = clickSendCaller(options, table, defaultBaseUrl);

  return {
    ...bindOperations(table, call),
    raw: lazyRawClient<Paths>({ options, baseUrl, origin, redactor, headers: { Authorization: authorization } }),
  };
}

/** The messages of a send or price reply that ClickSend did not accept (status other than SUCCESS). */
export function refusedRecipients<M extends { status?: unknown }>(reply: { data: { messages: readonly M[] } }): M[] {
  return reply.data.messages.filter((message) => message.status !== "SUCCESS");
}
