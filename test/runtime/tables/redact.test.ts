/**
 * Tables for the Redactor (runtime/redact.ts): every form of a secret it promises to find, and
 * every secret name it masks whatever its case.
 */
import { describe, expect, test } from "vitest";
import { REDACTED, Redactor } from "../../../runtime/redact.js";

// A secret with the characters servers escape differently: @, space, /, ", &, < and a non-ASCII é.
const secret = 'p@ss w/rd"&<é';
const basic = Buffer.from(`alice:${secret}`).toString("base64");
const redactor = new Redactor([secret, basic]);

describe("Redactor.text finds a secret in every form it is echoed in", () => {
  test.each<[string, { given: string; want: string }]>([
    ["raw", { given: `key=${secret}!`, want: `key=${REDACTED}!` }],
    ["percent-encoded, upper-case hex", { given: "q=p%40ss%20w%2Frd%22%26%3C%C3%A9", want: `q=${REDACTED}` }],
    ["percent-encoded, lower-case hex", { given: "q=p%40ss%20w%2frd%22%26%3c%c3%a9", want: `q=${REDACTED}` }],
    ["percent-encoded, hex of mixed case", { given: "q=p%40ss%20w%2Frd%22%26%3c%C3%a9", want: `q=${REDACTED}` }],
    ["percent-encoded twice", { given: "q=p%2540ss%2520w%252Frd%2522%2526%253C%25C3%25A9", want: `q=${REDACTED}` }],
    ["form-encoded (space as +)", { given: "q=p%40ss+w%2Frd%22%26%3C%C3%A9&x=1", want: `q=${REDACTED}&x=1` }],
    [
      "form-encoded, then percent-encoded again (+ as %2B)",
      { given: "q=p%2540ss%2Bw%252Frd%2522%2526%253C%25C3%25A9", want: `q=${REDACTED}` },
    ],
    ["JSON-escaped", { given: JSON.stringify({ echo: secret }), want: `{"echo":"${REDACTED}"}` }],
    ["JSON-escaped with PHP's \\/", { given: '{"echo":"p@ss w\\/rd\\"&<é"}', want: `{"echo":"${REDACTED}"}` }],
    ["JSON \\u escapes, either case", { given: '"p\\u0040ss\\u0020w\\u002frd\\u0022\\u0026\\u003C\\u00E9"', want: `"${REDACTED}"` }],
    ["HTML named entities", { given: "<p>p&commat;ss&nbsp;w&sol;rd&quot;&amp;&lt;é</p>", want: `<p>${REDACTED}</p>` }],
    ["HTML decimal references, leading zeros", { given: "p&#64;ss&#32;w&#047;rd&#34;&#38;&#60;&#233;", want: REDACTED }],
    ["HTML hex references, either case", { given: "p&#x40;ss&#X20;w&#x2f;rd&#x22;&#x26;&#x3C;&#xe9;", want: REDACTED }],
    ["HTML-escaped, then percent-encoded (a Location echo)", { given: "p%26%2364%3Bss w/rd&quot;&amp;&lt;é", want: REDACTED }],
    ["the Basic credentials' base64", { given: `Authorization: Basic ${basic}`, want: `Authorization: Basic ${REDACTED}` }],
    ["several echoes in one string", { given: `${secret} and ${encodeURIComponent(secret)}`, want: `${REDACTED} and ${REDACTED}` }],
    ["a near miss is left alone", { given: "p@ss w/rd", want: "p@ss w/rd" }],
  ])("%s", (_, { given, want }) => {
    expect(redactor.text(given)).toBe(want);
  });
});

describe("Redactor.text: which values count as secrets", () => {
  test.each<[string, { given: { secrets: (string | undefined)[]; text: string }; want: string }]>([
    ["values shorter than 4 characters are ignored", { given: { secrets: ["abc"], text: "abc" }, want: "abc" }],
    ["4 characters are enough", { given: { secrets: ["abcd"], text: "xabcdx" }, want: `x${REDACTED}x` }],
    ["undefined is ignored", { given: { secrets: [undefined, "s3cret"], text: "s3cret" }, want: REDACTED }],
    ["a secret containing another is replaced whole", { given: { secrets: ["key1", "key1-long"], text: "key1-long" }, want: REDACTED }],
    ["regular-expression characters are literal", { given: { secrets: ["a.b*c"], text: "aXbbbc a.b*c" }, want: `aXbbbc ${REDACTED}` }],
    ["no secrets: the text as is", { given: { secrets: [], text: "anything" }, want: "anything" }],
  ])("%s", (_, { given, want }) => {
    expect(new Redactor(given.secrets).text(given.text)).toBe(want);
  });
});

describe("Redactor.url masks secret query parameters and userinfo, by name in any case", () => {
  const none = new Redactor();
  test.each<[string, { given: string; want: string }]>([
    ["user_key", { given: "https://api.test/x?user_key=U1&page=2", want: `https://api.test/x?user_key=${REDACTED}&page=2` }],
    ["Session_key, mixed case", { given: "https://api.test/x?Session_Key=S1", want: `https://api.test/x?Session_Key=${REDACTED}` }],
    ["ACCESS_TOKEN, upper case", { given: "https://api.test/x?ACCESS_TOKEN=T1", want: `https://api.test/x?ACCESS_TOKEN=${REDACTED}` }],
    [
      "password",
      { given: "https://api.test/login?username=al&password=pw", want: `https://api.test/login?username=al&password=${REDACTED}` },
    ],
    [
      "api_key and apikey",
      { given: "https://api.test/x?api_key=a&ApiKey=b", want: `https://api.test/x?api_key=${REDACTED}&ApiKey=${REDACTED}` },
    ],
    ["userinfo", { given: "https://alice:pw@api.test/x", want: `https://${REDACTED}@api.test/x` }],
    ["other parameters stay", { given: "https://api.test/x?page=2&limit=15", want: "https://api.test/x?page=2&limit=15" }],
    ["not a URL: only known values are replaced", { given: "not a url user_key=U1", want: "not a url user_key=U1" }],
  ])("%s", (_, { given, want }) => {
    expect(none.url(given)).toBe(want);
  });

  test("a known value in another parameter is replaced too", () => {
    expect(redactor.url(`https://api.test/x?echo=${encodeURIComponent(secret)}`)).toBe(`https://api.test/x?echo=${REDACTED}`);
  });
});

describe("Redactor.headers masks secret headers by name in any case", () => {
  test.each<[string, { given: Record<string, string>; want: Record<string, string> }]>([
    ["Authorization keeps its scheme", { given: { Authorization: `Basic ${basic}` }, want: { Authorization: `Basic ${REDACTED}` } }],
    ["authorization, lower case", { given: { authorization: "Bearer t0ken" }, want: { authorization: `Bearer ${REDACTED}` } }],
    [
      "smSend's key headers, any case",
      {
        given: { user_key: "U1", SESSION_KEY: "S1", Access_Token: "T1" },
        want: { user_key: REDACTED, SESSION_KEY: REDACTED, Access_Token: REDACTED },
      },
    ],
    ["cookies", { given: { Cookie: "a=b", "Set-Cookie": "c=d" }, want: { Cookie: REDACTED, "Set-Cookie": REDACTED } }],
    ["Proxy-Authorization", { given: { "Proxy-Authorization": "Basic eA==" }, want: { "Proxy-Authorization": REDACTED } }],
    ["a known value in another header", { given: { "X-Echo": `was ${secret}` }, want: { "X-Echo": `was ${REDACTED}` } }],
    ["other headers stay", { given: { "Content-Type": "application/json" }, want: { "Content-Type": "application/json" } }],
  ])("%s", (_, { given, want }) => {
    expect(redactor.headers(given)).toEqual(want);
  });

  test("a Headers object (names come lower-cased)", () => {
    expect(redactor.headers(new Headers({ User_Key: "U1", "X-Request-Id": "r1" }))).toEqual({ user_key: REDACTED, "x-request-id": "r1" });
  });
});

describe("Redactor.value masks parsed bodies", () => {
  test.each<[string, { given: unknown; want: unknown }]>([
    [
      "secret-named keys, any case",
      { given: { Password: "pw12", USER_KEY: "U1", page: 1 }, want: { Password: REDACTED, USER_KEY: REDACTED, page: 1 } },
    ],
    ["known values, nested in arrays", { given: { data: [{ note: `is ${secret}` }] }, want: { data: [{ note: `is ${REDACTED}` }] } }],
    ["known values in keys", { given: { [secret]: 1 }, want: { [REDACTED]: 1 } }],
    [
      "a secret-named key holding an object is walked, not masked",
      { given: { password: { hint: "none" } }, want: { password: { hint: "none" } } },
    ],
    ["numbers, booleans and null stay", { given: [1, true, null], want: [1, true, null] }],
  ])("%s", (_, { given, want }) => {
    expect(redactor.value(given)).toEqual(want);
  });
});
