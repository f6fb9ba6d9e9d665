/**
 * Where each send the checker may make names its recipients, per provider. A billable operation
 * without an entry here is never called: the guard cannot see whom it would reach.
 *
 * Each reader returns every recipient the body names, including the ones that are not phone
 * numbers (a contact list, a message without a recipient), spelled so that they can never equal
 * a documented test recipient.
 */
type Json = Record<string, unknown>;

export interface RecipientRule {
  /** The channel whose test recipients apply (a key of `x-test-recipients`). */
  channel: string;
  read(body: unknown): string[];
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map((item) => (item !== null && typeof item === "object" ? (item as Json) : {})) : [];
}

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === "object" ? (body as Json)[name] : undefined;
}

/** `messages[]`, each to a number (`to`) or a contact list (`list_id`). */
function messagesTo(body: unknown): string[] {
  const messages = list(field(body, "messages"));
  if (messages.length === 0) return ["(no messages)"];
  return messages.flatMap((message) => {
    const named: string[] = [];
    if (message.to !== undefined) named.push(String(message.to));
    if (message.list_id !== undefined) named.push(`contact list ${String(message.list_id)}`);
    return named.length > 0 ? named : ["(a message without a recipient)"];
  });
}

/** Every address of `to`, `cc` and `bcc`. */
function emailsTo(body: unknown): string[] {
  const people = ["to", "cc", "bcc"].flatMap((name) => list(field(body, name)));
  return people.length === 0 ? ["(no recipients)"] : people.map((person) => String(person.email));
}

/** The postal code of every letter recipient (the docs' test addresses are postal codes). */
function letterPostcodes(body: unknown): string[] {
  const recipients = list(field(body, "recipients"));
  return recipients.length === 0 ? ["(no recipients)"] : recipients.map((r) => `postal code ${String(r.address_postal_code)}`);
}

export const RECIPIENT_RULES: Record<string, Record<string, RecipientRule>> = {
  clicksend: {
    "sms/send": { channel: "sms", read: messagesTo },
    "mms/send": { channel: "mms", read: messagesTo },
    "voice/send": { channel: "voice", read: messagesTo },
    "fax/send": { channel: "fax", read: messagesTo },
    "transactional-email/send": { channel: "email", read: emailsTo },
    "post-letters/send": { channel: "letter", read: letterPostcodes },
  },
  // smSend's docs document no test recipients: none of its sends is ever made.
  smsend: {},
};

/** A test recipient as the readers above spell it (postal codes are prefixed). */
export function spelledTestRecipients(channel: string, documented: readonly string[]): Set<string> {
  return new Set(documented.map((value) => (channel === "letter" ? `postal code ${value}` : value)));
}
