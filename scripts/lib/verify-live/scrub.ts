/**
 * Makes a recorded reply safe to publish: credentials, ids that identify the account, phone
 * numbers, e-mail addresses and people's names and texts are replaced by placeholders. The same
 * original always gets the same placeholder within a recording, and each placeholder keeps the
 * original's JSON type and shape (a number stays a number, an e-mail stays an e-mail), so the
 * recording still validates against the spec. The providers' documented test recipients are public
 * and kept as they are.
 */

/** A field name's words: `user_first_name` and `userFirstName` → user, first, name. */
export function keyTokens(key: string): string[] {
  return key
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
const hasWord = (key: string, words: Set<string>) => keyTokens(key).some((word) => words.has(word));

/** Words of field names whose values are secrets (replies echo subaccounts' keys, tokens, …). */
const SECRET_WORDS = new Set(["password", "pwd", "secret", "token", "apikey", "key", "authorization", "card", "cvc", "cvv"]);
/** Field names holding an id of the account or one of its users. */
const ACCOUNT_ID_KEY =
  /^(user_id|subaccount_id|account_id|account|parent_user_id|client_user_id|reseller_user_id|user_name|login)$|username$/i;
/** Words of field names holding a phone number (replaced only when the value is digits). */
const PHONE_WORDS = new Set(["phone", "mobile", "msisdn", "number", "recipient", "sender", "to", "from", "sim"]);
const EMAIL_WORDS = new Set(["email"]);
/** Words that, beside `name`, make it a person's or a company's name. */
const NAME_OWNERS = new Set([
  "first",
  "last",
  "full",
  "user",
  "account",
  "contact",
  "address",
  "business",
  "company",
  "organization",
  "organisation",
]);
/** Field names holding an address line or a message text. */
const PERSONAL_TEXT_KEY = /^(address_(line_\d|city|state|postal_code)|company|organi[sz]ation|body|message|text|subject)$/i;

function isPersonalText(key: string): boolean {
  const words = keyTokens(key);
  return PERSONAL_TEXT_KEY.test(key) || (words.includes("name") && words.some((word) => NAME_OWNERS.has(word)));
}

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
    if (typeof value === "number") {
      const phone = hasWord(key, PHONE_WORDS) && Math.abs(value) >= 100000; // not a flag or a count
      return ACCOUNT_ID_KEY.test(key) || phone ? this.#placeholder("number", value) : value;
    }
    if (typeof value !== "string" || value === "" || this.#publicValues.has(value)) return value;
    if (hasWord(key, SECRET_WORDS)) return this.#placeholder("secret", value);
    // An id under an e-mail field (a list's Email-to-SMS address) names the account's address.
    if (ACCOUNT_ID_KEY.test(key) || (hasWord(key, EMAIL_WORDS) && !value.includes("@"))) return this.#placeholder("account", value);
    if (hasWord(key, PHONE_WORDS) && /^\+?\d{6,}$/.test(value)) return this.#placeholder("phone", value);
    if (isPersonalText(key)) return this.#placeholder("text", value);
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
