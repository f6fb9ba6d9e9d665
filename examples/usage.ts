/**
 * The README's examples, type-checked with the rest of the repository (`npm run typecheck`, and
 * inside `npm test`), so the documentation cannot drift from the generated clients. Not run.
 */
import document from "../generated/clicksend/openapi.json" with { type: "json" };
import { AbortError, ClickSendError, TimeoutError, createClickSendClient, refusedRecipients } from "../generated/clicksend/index.js";
import { parseWebhook } from "../generated/clicksend/webhooks.js";
import { createSmSendClient } from "../generated/smsend/index.js";
import { createResponseValidator } from "../runtime/validation.js";

export async function clicksend(username: string, apiKey: string) {
  const cs = createClickSendClient({ username, apiKey, timeoutMs: 10_000, retry: { maxRetries: 3 } });
  const body = { messages: [{ to: "+61411111111", body: "Hi", source: "app" }] };
  const sent = await cs.sms.send({ body });
  const status: string | undefined = sent.data.messages[0]?.status;
  const refused = refusedRecipients(sent);

  for await (const contact of cs.contacts.list.all({ list_id: 428 })) console.log(contact.phone_number);

  await cs.account.get(undefined, { timeoutMs: 2_000, signal: AbortSignal.timeout(5_000) });
  await cs.sms.send({ body }, { retry: { repeatNonIdempotent: true } });
  await cs.subaccounts.list(undefined, { retry: false });

  try {
    await cs.subaccounts.get({ subaccount_id: 1 });
  } catch (error) {
    if (error instanceof ClickSendError && error.responseCode === "NOT_FOUND") console.log(error.status, error.responseMsg);
    else if (error instanceof TimeoutError) console.log(error.timeoutMs);
    else if (error instanceof AbortError) console.log(error.cause);
  }
  createClickSendClient({ username, apiKey, onCall: (e) => console.log(e.operationId, e.url, e.status, e.durationMs) });
  createClickSendClient({
    username,
    apiKey,
    validateResponses: createResponseValidator(document, (m) => console.warn("ClickSend drifted", m.operationId, m.errors)),
  });
  return { status, refused };
}

export async function smsend(password: string) {
  const sm = await createSmSendClient({ username: "me", password, auth: "token" });
  await sm.sms.send({ body: { message_type: "N", message: "Hi", recipient: ["+393471234567"] } });
  for await (const sms of sm.smsHistory.list.all({ from: "20240101000000", pageSize: 50 })) console.log(sms.order_id);
}

export function webhook(rawBody: string, contentType: string | undefined) {
  const receipt = parseWebhook("sms-delivery-receipt", { body: rawBody, contentType });
  return [receipt.message_id, receipt.status_code];
}
