/**
 * Redaction: every string that leaves the client in an error, a log event or a JSON form passes
 * through a Redactor first. Two layers, because either alone can miss:
 * - by name: query parameters and headers whose names are known secrets;
 * - by value: the exact secrets this client holds (API key, password, session key, token,
 *   user key, the Basic credentials), wherever they appear, e.g. echoed back by a server, in any
 *   of the encodings a server or a proxy may echo them in (see `secretPattern`).
 */

/** Header and query-parameter names whose values are secrets (compared case-insensitively). */
export const SECRET_NAMES: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "user_key",
  "session_key",
  "access_token",
  "password",
  "api_key",
  "apikey",
];

export const REDACTED = "[REDACTED]";

function isSecretName(name: string): boolean {
  return SECRET_NAMES.includes(name.toLowerCase());
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
/** A hex number matching either case: `2f` → `2[fF]`. */
const hexAnyCase = (n: number, width: number) =>
  n
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
const utf8 = new TextEncoder();

/** Named HTML entities a server may use for the characters worth escaping. */
const HTML_NAMES: Record<string, readonly string[]> = {
  "&": ["amp"],
  "<": ["lt"],
  ">": ["gt"],
  '"': ["quot"],
  "'": ["apos"],
  "/": ["sol"],
  "!": ["excl"],
  "#": ["num"],
  $: ["dollar"],
  "%": ["percnt"],
  "(": ["lpar"],
  ")": ["rpar"],
  "*": ["ast"],
  "+": ["plus"],
  ",": ["comma"],
  ".": ["period"],
  ":": ["colon"],
  ";": ["semi"],
  "=": ["equals"],
  "?": ["quest"],
  "@": ["commat"],
  "[": ["lsqb", "lbrack"],
  "\\": ["bsol"],
  "]": ["rsqb", "rbrack"],
  "^": ["Hat"],
  _: ["lowbar"],
  "`": ["grave"],
  "{": ["lcub", "lbrace"],
  "|": ["verbar", "vert"],
  "}": ["rcub", "rbrace"],
  "~": ["tilde"],
  " ": ["nbsp"],
};
/** JSON's short escapes; `/` is escaped by PHP's json_encode and others. */
const JSON_SHORT: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", "\n": "n", "\r": "r", "\t": "t", "\b": "b", "\f": "f" };

/**
 * A character as is or percent-encoded: each UTF-8 byte as %XX in either case, also twice encoded
 * (%25XX), and a space also as `+` (form encoding). Used for the secret's characters and for the
 * `&`, `#`, `;` and `\` of the HTML and JSON escapes, so that those escapes are matched when a
 * Location or a query string echoes them percent-encoded again.
 */
function percentPattern(char: string): string {
  const bytes = [...utf8.encode(char)].map((b) => `%(?:25)?${hexAnyCase(b, 2)}`).join("");
  // The form-encoded space `+`, percent-encoded again, is %2B.
  const space = char === " " ? "|\\+|%(?:25)?2[bB]" : "";
  // Encoded forms first: a secret's `%2` must not stop at the `%` of an encoded `%252`.
  return `(?:${bytes}${space}|${escapeRegExp(char)})`;
}
const [AMP, HASH, SEMI, BACKSLASH] = ["&", "#", ";", "\\"].map(percentPattern) as [string, string, string, string];

/** A character in HTML: itself, a decimal or hex reference (any case, leading zeros) or its name. */
function htmlPattern(char: string): string {
  const code = char.codePointAt(0)!;
  const names = (HTML_NAMES[char] ?? []).map((name) => `${AMP}${name}${SEMI}`);
  return `(?:${[`${AMP}${HASH}0*${code}${SEMI}`, `${AMP}${HASH}[xX]0*${hexAnyCase(code, 1)}${SEMI}`, ...names, percentPattern(char)].join("|")})`;
}

/**
 * A character of a secret in any of the forms it is echoed in: raw or percent-encoded, HTML-escaped,
 * or JSON-escaped (a short escape such as `\"` or `\/`, whose character may itself be in HTML, or
 * `\uXXXX` per UTF-16 unit, either case).
 */
function charPattern(char: string): string {
  const units = [...Array(char.length).keys()].map((i) => `${BACKSLASH}[uU]${hexAnyCase(char.charCodeAt(i), 4)}`).join("");
  const escape = JSON_SHORT[char];
  const short = escape === undefined ? [] : [`${BACKSLASH}${escape === char ? htmlPattern(char) : escape}`];
  return `(?:${[units, ...short, htmlPattern(char)].join("|")})`;
}

/**
 * A regular expression source matching a secret in any mix of the forms above: raw,
 * encodeURIComponent, form encoding, lower-case hex, twice encoded, JSON-escaped (PHP's `\/` and
 * `\uXXXX` included), HTML-escaped, and those escapes percent-encoded again.
 */
function secretPattern(secret: string): string {
  return [...secret].map(charPattern).join("");
}

export class Redactor {
  readonly #secrets = new Set<string>();
  #pattern: RegExp | undefined;

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers a secret value (e.g. a session key obtained after login). Short values are
   * ignored: replacing "1" everywhere would garble messages without protecting anything. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4 && !this.#secrets.has(secret)) {
      this.#secrets.add(secret);
      this.#pattern = undefined;
    }
  }

  /** Replaces every known secret value, in any of its echoed forms, in a string. */
  text(value: string): string {
    if (this.#secrets.size === 0) return value;
    // Longest first, so a secret that contains another is replaced whole.
    this.#pattern ??= new RegExp(
      [...this.#secrets]
        .sort((a, b) => b.length - a.length)
        .map(secretPattern)
        .join("|"),
      "g",
    );
    return value.replace(this.#pattern, REDACTED);
  }

  /** A URL with secret query parameters and userinfo masked, then known values replaced. */
  url(value: string): string {
    try {
      const url = new URL(value);
      if (url.username || url.password) {
        url.username = REDACTED;
        url.password = "";
      }
      for (const name of [...url.searchParams.keys()]) {
        if (isSecretName(name)) url.searchParams.set(name, REDACTED);
      }
      return this.text(url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED));
    } catch {
      return this.text(value);
    }
  }

  /** A copy of headers with secret ones masked (the Authorization scheme is kept). */
  headers(headers: Headers | Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    for (const [name, value] of entries) {
      if (!isSecretName(name)) out[name] = this.text(value);
      else if (name.toLowerCase() === "authorization") out[name] = `${value.split(" ")[0]} ${REDACTED}`;
      else out[name] = REDACTED;
    }
    return out;
  }

  /** A deep copy of a parsed body with known secret values replaced (in keys too) and secret-named keys masked. */
  value(value: unknown): unknown {
    if (typeof value === "string") return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[this.text(key)] = isSecretName(key) && typeof item === "string" ? REDACTED : this.value(item);
      }
      return out;
    }
    return value;
  }
}
