/**
 * Reading what a provider POSTs to your URL (delivery receipts, inbound messages): parse the body
 * as the content type says (form fields, JSON, or the query string of a GET), then check it
 * against the webhook's schema in the bundled document. A malformed payload throws
 * WebhookPayloadError naming each field that is wrong, so a handler never acts on a guess.
 */
import type { ValidateFunction } from "ajv/dist/2020.js";
import { escapePointer as escape } from "./pointer.js";
import { createSchemaLookup } from "./schemas.js";

export class WebhookPayloadError extends Error {
  readonly webhook: string;
  /** Where the payload differs from the schema (JSON pointers and messages). */
  readonly errors: { path: string; message: string }[];

  constructor(webhook: string, message: string, errors: { path: string; message: string }[] = []) {
    const detail = errors.map((e) => `${e.path || "(payload)"} ${e.message}`).join("; ");
    super(`webhook ${webhook}: ${message}${detail ? `: ${detail}` : ""}`);
    this.name = "WebhookPayloadError";
    this.webhook = webhook;
    this.errors = errors;
  }
}

export interface ReceivedWebhook {
  /** The raw body (text or bytes), an already parsed object, or the GET request's query. */
  body: string | Uint8Array | URLSearchParams | Record<string, unknown>;
  /** The request's Content-Type header; omit for the query string of a GET (`webhook_type: get`). */
  contentType?: string | undefined;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

function decode(body: ReceivedWebhook["body"]): string | URLSearchParams | Record<string, unknown> {
  return body instanceof Uint8Array ? new TextDecoder().decode(body) : body;
}

/** A parser for the webhooks of one bundled document; schemas are compiled on first use. */
export function createWebhookParser<Payloads extends Record<string, unknown>>(document: object) {
  const schemaAt = createSchemaLookup(document);
  const hooks = (document as { webhooks?: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }> }).webhooks ?? {};

  function validator(name: string, mediaType: string): ValidateFunction {
    const validate = schemaAt(`/webhooks/${escape(name)}/post/requestBody/content/${escape(mediaType)}/schema`);
    if (!validate) throw new WebhookPayloadError(name, `no schema for ${mediaType}`);
    return validate;
  }

  return function parseWebhook<N extends keyof Payloads & string>(name: N, received: ReceivedWebhook): Payloads[N] {
    const content = hooks[name]?.post?.requestBody?.content;
    if (!content) throw new WebhookPayloadError(name, `unknown webhook (known: ${Object.keys(hooks).join(", ")})`);
    const mediaType = received.contentType?.split(";")[0]?.trim().toLowerCase() || FORM;
    if (!content[mediaType]) throw new WebhookPayloadError(name, `unexpected content type ${mediaType} (expected ${Object.keys(content).join(" or ")})`);

    const body = decode(received.body);
    let value: unknown;
    if (mediaType === JSON_TYPE) {
      try {
        value = typeof body === "string" ? JSON.parse(body) : body;
      } catch {
        throw new WebhookPayloadError(name, "the body is not valid JSON");
      }
    } else {
      const form = body instanceof URLSearchParams ? body : typeof body === "string" ? new URLSearchParams(body) : undefined;
      value = form ? Object.fromEntries(form) : body;
    }
    const validate = validator(name, mediaType);
    if (!validate(value)) {
      throw new WebhookPayloadError(
        name,
        "the payload does not match the spec",
        (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword })),
      );
    }
    return value as Payloads[N];
  };
}
