/**
 * Turns reply-validation mismatches into drift entries a person can act on: where (a JSON pointer
 * into the reply), what the spec expects, and what came, with the value left out wherever it
 * could be personal (names, numbers, addresses, ids, message texts).
 */
import type { ResponseMismatch } from "../../../runtime/validation.js";
import { atPointer, escapePointer, pointerTokens } from "../../../runtime/pointer.js";
import { keyTokens } from "./scrub.js";

export interface Drift {
  /** JSON pointer into the reply body; "" for the reply as a whole (its status). */
  pointer: string;
  expected: string;
  observed: string;
}

const NO_SUCH_REPLY = "the spec documents no reply with this status and content type";

export function driftsOf(mismatch: ResponseMismatch, body: unknown, documentedStatuses: string[]): Drift[] {
  const drifts = mismatch.errors.map((error): Drift => {
    if (error.message === NO_SUCH_REPLY) {
      return { pointer: "", expected: `a documented status (${documentedStatuses.join(", ")})`, observed: `status ${mismatch.status}` };
    }
    const missing = /^must have required property '(.+)'$/.exec(error.message)?.[1];
    if (missing !== undefined)
      return { pointer: `${error.path}/${escapePointer(missing)}`, expected: "present (required)", observed: "missing" };
    return {
      pointer: error.path,
      expected: error.message.replace(/^must /, ""),
      observed: describe(atPointer(body, error.path || "/"), lastKey(error.path)),
    };
  });
  // allErrors reports one pointer once per failed branch; a reader needs each place once.
  const seen = new Set<string>();
  return drifts.filter((drift) => {
    const key = `${drift.pointer} ${drift.expected}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function lastKey(pointer: string): string {
  return pointerTokens(pointer).at(-1) ?? "";
}

/** A machine word such as `SUCCESS`, `Queued:WaitSend` or `en-au`: safe to show. */
const CODE_WORD = /^[A-Za-z][A-Za-z_-]{0,31}(:[A-Za-z]{1,31})?$/;
/** Words of field names whose values identify or describe a person or an account. */
const PERSONAL_WORDS = new Set(
  [
    "name",
    "email",
    "phone",
    "number",
    "mobile",
    "msisdn",
    "fax",
    "address",
    "line",
    "to",
    "from",
    "sender",
    "recipient",
    "sim",
    "body",
    "message",
    "text",
    "subject",
  ].concat([
    "city",
    "state",
    "postal",
    "zip",
    "street",
    "company",
    "custom",
    "string",
    "username",
    "user",
    "account",
    "id",
    "login",
    "password",
    "key",
    "token",
  ]),
);

/** The observed value's type, plus the value itself only when it cannot be personal. */
export function describe(value: unknown, key: string): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `array of ${value.length} item(s)`;
  if (typeof value === "object") return `object with keys ${Object.keys(value).slice(0, 8).join(", ") || "(none)"}`;
  const personal = keyTokens(key).some((word) => PERSONAL_WORDS.has(word));
  if (typeof value === "boolean") return `boolean ${String(value)}`;
  if (typeof value === "number") return personal ? "number (value withheld)" : `number ${value}`;
  const text = String(value);
  return !personal && CODE_WORD.test(text) ? `string "${text}"` : `string of ${text.length} character(s) (value withheld)`;
}
