/**
 * Makes a recorded reply safe to publish: credentials, ids that identify the account, phone
 * numbers, e-mail addresses and people's names and texts are replaced by placeholders. The same
 * original always gets the same placeholder within a recording, and each placeholder keeps the
 * original's JSON type and shape (a number stays a number, an e-mail stays an e-mail), so the
 * recording still validates against the spec. The providers' documented test recipients are public
 * and kept as they are.
 */

/** Field names whose values are secrets (the reply echoes keys of subaccounts, tokens, …). */
const SECRET_KEY = /(password|api_?key|secret|token|session_key|user_key|authorization|card|cvc|cvv)/i;
/** Field names holding an id of the account or one of its users. */
const ACCOUNT_ID_KEY = /^(user_id|subaccount_id|account_id|account|parent_user_id|client_user_id|reseller_user_id|user_key|username|user_name|login)$/i;
/** Field names holding a phone number even when it has no leading `+`. */
const PHONE_KEY = /(phone|mobile|^to$|^from$|^sender$|recipient|fax_number|dedicated_number|msisdn|id_sim)/i;
/** Field names holding a person's name, an address or a message text. */
const PERSONAL_TEXT_KEY = /(first_?name|last_?name|^name$|full_?name|address_(name|line_\d|city|state)|organi[sz]ation|company|business_name|^body$|^message$|^text$|^subject$)/i;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PLUS_PHONE = /\+\d{7,15}\b/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class Scrubber {
  readonly #placeholders = new Map<string, string | number>();
  readonly #counters = new Map<string, number>();
  readonly #secrets: string[];
  readonly #publicValues: Set<string>;

  /**
   * @param secrets the credentials in use (username, key, password, session keys): replaced
   *   wherever they appear, also inside longer strings and in URL or Basic encodings.
   * @param publicValues documented test recipients, kept as they are.
   */
  constructor(secrets: Iterable<string>, publicValues: Iterable<string> = []) {
    const forms = new Set<string>();
    const list = [...secrets].filter((secret) => secret.length >= 3);
    for (const secret of list) forms.add(secret).add(encodeURIComponent(secret)).add(JSON.stringify(secret).slice(1, -1));
    for (const user of list) for (const key of list) if (user !== key) forms.add(Buffer.from(`${user}:${key}`).toString("base64"));
    this.#secrets = [...forms].sort((a, b) => b.length - a.length);
    this.#publicValues = new Set(publicValues);
  }

  /** A deep copy of a parsed reply with everything personal or secret replaced. */
  value(value: unknown, key = ""): unknown {
    if (Array.isArray(value)) return value.map((item) => this.value(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.value(item, name)]));
    }
    if (typeof value === "number") return ACCOUNT_ID_KEY.test(key) || PHONE_KEY.test(key) ? this.#placeholder("number", value) : value;
    if (typeof value !== "string" || value === "" || this.#publicValues.has(value)) return value;
    if (SECRET_KEY.test(key)) return this.#placeholder("secret", value);
    if (ACCOUNT_ID_KEY.test(key)) return this.#placeholder("account", value);
    if (PHONE_KEY.test(key) && /^\+?\d{6,}$/.test(value)) return this.#placeholder("phone", value);
    if (PERSONAL_TEXT_KEY.test(key)) return this.#placeholder("text", value);
    return this.text(value);
  }

  /** A string with secrets, e-mail addresses and +-prefixed phone numbers inside it replaced. */
  text(value: string): string {
    let out = value;
    for (const secret of this.#secrets) out = out.split(secret).join(String(this.#placeholder("secret", secret)));
    out = out.replace(EMAIL, (email) => (this.#publicValues.has(email) ? email : String(this.#placeholder("email", email))));
    return out.replace(PLUS_PHONE, (phone) => (this.#publicValues.has(phone) ? phone : String(this.#placeholder("phone", phone))));
  }

  #placeholder(kind: "number" | "secret" | "account" | "phone" | "email" | "text", original: string | number): string | number {
    const key = `${kind} ${typeof original} ${original}`;
    const known = this.#placeholders.get(key);
    if (known !== undefined) return known;
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    const made = shaped(kind, original, n);
    this.#placeholders.set(key, made);
    return made;
  }
}

/** The n-th placeholder of a kind, shaped like the original so that it keeps validating. */
function shaped(kind: string, original: string | number, n: number): string | number {
  if (typeof original === "number") return 900000 + n;
  if (kind === "phone") return `${original.startsWith("+") ? "+" : ""}${String(10000000000 + n)}`;
  if (kind === "email") return `person-${n}@example.com`;
  if (UUID.test(original)) return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  if (/^\d+$/.test(original)) return String(900000 + n);
  return `${kind}-${n}`;
}
