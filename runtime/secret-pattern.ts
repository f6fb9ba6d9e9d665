/**
 * The regular expression that finds a secret however a server or a proxy echoes it (raw,
 * percent-encoded, HTML- or JSON-escaped, and mixes of these); ./redact.ts replaces what it finds.
 * Separate from the Redactor because it is a table of encodings, read and tested on its own terms.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
/** A hex number matching either case: `2f` → `2[fF]`. */
const hexAnyCase = (n: number, width: number) =>
  n
    .toString(16)
    .padStart(width, "0")
    .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
const utf8 = new TextEncoder();

/**
 * Named HTML entities a server may use for the characters worth escaping, each written as its name
 * then its character (names are letters, characters are not): `amp&` is `&amp;` for `&`.
 */
const HTML_NAMES =
  "amp&lt<gt>quot\"apos'sol/excl!num#dollar$percnt%lpar(rpar)ast*plus+comma,period.colon:semi;equals=quest?commat@" +
  "lsqb[lbrack[bsol\\rsqb]rbrack]Hat^lowbar_grave`lcub{lbrace{verbar|vert|rcub}rbrace}tilde~nbsp ";
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
  const names = [...HTML_NAMES.matchAll(/([a-z]+)(.)/gis)].filter((m) => m[2] === char).map((m) => `${AMP}${m[1]}${SEMI}`);
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
export function secretPattern(secret: string): string {
  return [...secret].map(charPattern).join("");
}
