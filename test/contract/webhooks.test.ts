/**
 * ClickSend's webhooks: every documented example parses in its content type (form bodies as a
 * real form post sends them, JSON as text), and malformed payloads fail with a clear error.
 */
import { describe, expect, it } from "vitest";
import { parseWebhook, WebhookPayloadError, type WebhookName } from "../../generated/clicksend/webhooks.js";
import { loadSpec } from "../support/openapi.js";

type Media = { examples?: Record<string, { value: Record<string, unknown> }> };
const { document } = loadSpec("clicksend");
const hooks = (document as unknown as { webhooks: Record<string, { post: { requestBody: { content: Record<string, Media> } } }> }).webhooks;

const cases = Object.entries(hooks).flatMap(([name, hook]) =>
  Object.entries(hook.post.requestBody.content).flatMap(([contentType, media]) =>
    Object.entries(media.examples ?? {}).map(
      ([example, { value }]) => [`${name} ${contentType} ${example}`, name as WebhookName, contentType, value] as const,
    ),
  ),
);

function asForm(value: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(value).map(([k, v]) => [k, v === null ? "" : String(v)])).toString();
}

describe("ClickSend webhooks", () => {
  it("documents every webhook with at least one example per content type", () => {
    expect(Object.keys(hooks).sort()).toEqual([
      "email-delivery-receipt",
      "fax-delivery-receipt",
      "inbound-fax",
      "inbound-sms",
      "mms-delivery-receipt",
      "post-delivery-receipt",
      "sms-delivery-receipt",
      "voice-delivery-receipt",
    ]);
    for (const hook of Object.values(hooks)) {
      for (const media of Object.values(hook.post.requestBody.content)) expect(Object.keys(media.examples ?? {}).length).toBeGreaterThan(0);
    }
  });

  it.each(cases)("parses %s", (_, name, contentType, value) => {
    const body = contentType === "application/json" ? JSON.stringify(value) : asForm(value);
    const parsed = parseWebhook(name, { body: new TextEncoder().encode(body), contentType: `${contentType}; charset=utf-8` });
    expect(parsed).toBeTypeOf("object");
  });

  it("reads a GET receipt's query string against the form fields", () => {
    const form = cases.find(([, name, type]) => name === "sms-delivery-receipt" && type === "application/x-www-form-urlencoded")!;
    const receipt = parseWebhook("sms-delivery-receipt", { body: new URLSearchParams(asForm(form[3])) });
    expect(receipt.message_id).toBe(form[3].message_id);
  });

  it.each([
    ["invalid JSON", { body: "{not json", contentType: "application/json" }, /not valid JSON/],
    ["an unexpected content type", { body: "<xml/>", contentType: "text/xml" }, /unexpected content type text\/xml/],
    [
      "a field of the wrong type",
      { body: JSON.stringify({ message_id: 42 }), contentType: "application/json" },
      /does not match the spec: .*\/message_id/,
    ],
    ["an empty form", { body: "", contentType: "application/x-www-form-urlencoded" }, /does not match the spec/],
    [
      "a content type named like an object's own property",
      { body: "{}", contentType: "constructor" },
      /unexpected content type constructor/,
    ],
  ])("rejects %s with WebhookPayloadError", (_, received, message) => {
    const call = () => parseWebhook("sms-delivery-receipt", received);
    expect(call).toThrow(WebhookPayloadError);
    expect(call).toThrow(message);
  });

  it("rejects an unknown webhook by name", () => {
    expect(() => parseWebhook("no-such-hook" as WebhookName, { body: "", contentType: "application/json" })).toThrow(/unknown webhook/);
  });
});
