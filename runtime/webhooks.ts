/**
 * Reading what a provider POSTs to your URL (delivery receipts, inbound messages): parse the body
 * as the content type says (form fields, JSON, or the query string of a GET), then check it
 * against the webhook's schema. The checks are validators compiled at build time from the bundled
 * document (generator/webhook-validators.ts), so parsing a webhook loads neither the document nor
 * a JSON Schema compiler. A malformed payload throws WebhookPayloadError naming each field that
 * is wrong, so a handler never acts on a guess.
 */

/** A compiled check of one payload schema (the shape of Ajv's validate functions). */
export interface WebhookValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string | undefined; keyword: string }[] | null | undefined;
}
/** Webhook name → content type → the validator of its payload. */
export type WebhookValidators = Readonly<Record<string, Readonly<Record<string, WebhookValidator>>>>;

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

/** A parser for the webhooks of one API, from the validators the build compiled for it. */
export function createWebhookParser<Payloads extends Record<string, unknown>>(validators: WebhookValidators) {
  return function parseWebhook<N extends keyof Payloads & string>(name: N, received: ReceivedWebhook): Payloads[N] {
    const content = Object.hasOwn(validators, name) ? validators[name] : undefined;
    if (!content) throw new WebhookPayloadError(name, `unknown webhook (known: ${Object.keys(validators).join(", ")})`);
    const mediaType = received.contentType?.split(";")[0]?.trim().toLowerCase() || FORM;
    if (!Object.hasOwn(content, mediaType))
      throw new WebhookPayloadError(name, `unexpected content type ${mediaType} (expected ${Object.keys(content).join(" or ")})`);

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
    const validate = content[mediaType]!;
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
