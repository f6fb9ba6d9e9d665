/**
 * Redaction: every string that leaves the client in an error, a log event or a JSON form passes
 * through a Redactor first. Two layers, because either alone can miss:
 * - by name: query parameters and headers whose names are known secrets;
 * - by value: the exact secrets this client holds (API key, password, session key, token,
 *   user key, the Basic credentials), wherever they appear, e.g. echoed back by a server, in any
 *   of the encodings a server or a proxy may echo them in (see ./secret-pattern.ts).
 */
import { secretPattern } from "./secret-pattern.js";

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
