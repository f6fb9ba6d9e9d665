/**
 * Tables for how a reply is read and followed: readBody's charset and size cap (runtime/reply.ts),
 * the redirect decisions (runtime/redirects.ts), and smSend's login reply and brand hosts
 * (runtime/smsend.ts, runtime/brands.ts).
 */
import { describe, expect, test } from "vitest";
import { RedirectError, ResponseTooLargeError, UnparseableResponseError } from "../../../runtime/errors.js";
import { brandBaseUrl, loginSecrets } from "../../../runtime/brands.js";
import { camelCase } from "../../../runtime/bind.js";
import { Redactor } from "../../../runtime/redact.js";
import { followRedirects, isRedirect, MAX_REDIRECTS, originOf } from "../../../runtime/redirects.js";
import { readBody } from "../../../runtime/reply.js";
import { parseLoginReply } from "../../../runtime/smsend.js";

const context = () => ({ operationId: "things/get", method: "GET", url: "https://api.test/things" });

/** A body as a stream, so no Content-Length is known and readBody reads it chunk by chunk. */
function streamed(...chunks: Uint8Array<ArrayBuffer>[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({ pull: (controller) => void (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()) });
}

describe("readBody decodes with the declared charset", () => {
  const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9]); // "café" in ISO-8859-1
  const utf8 = new TextEncoder().encode("café");
  test.each<[string, { given: { bytes: Uint8Array<ArrayBuffer>; contentType?: string; length: boolean }; want: string }]>([
    ["no charset: UTF-8", { given: { bytes: utf8, contentType: "text/plain", length: true }, want: "café" }],
    ["charset=utf-8", { given: { bytes: utf8, contentType: "application/json; charset=utf-8", length: true }, want: "café" }],
    ["ISO-8859-1 with a length", { given: { bytes: latin1, contentType: "text/plain; charset=ISO-8859-1", length: true }, want: "café" }],
    ["ISO-8859-1 streamed", { given: { bytes: latin1, contentType: "text/plain; charset=iso-8859-1", length: false }, want: "café" }],
    [
      "a quoted charset, any case of the parameter",
      { given: { bytes: latin1, contentType: 'text/plain; Charset="latin1"', length: true }, want: "café" },
    ],
    ["the label utf8, upper case", { given: { bytes: utf8, contentType: "text/plain; charset=UTF8", length: false }, want: "café" }],
    [
      "an unknown charset: UTF-8, as Response.text() does",
      { given: { bytes: utf8, contentType: "text/plain; charset=x-nonsense", length: true }, want: "café" },
    ],
    ["no Content-Type", { given: { bytes: utf8, length: false }, want: "café" }],
  ])("%s", async (_, { given, want }) => {
    const headers: Record<string, string> = {
      ...(given.contentType ? { "content-type": given.contentType } : {}),
      ...(given.length ? { "content-length": String(given.bytes.byteLength) } : {}),
    };
    const response = new Response(given.length ? given.bytes : streamed(given.bytes), { headers });
    expect(await readBody(response, false, 1024, context)).toBe(want);
  });
});

describe("readBody stops at maxResponseBytes", () => {
  const bytes = (n: number) => new Uint8Array(n).fill(0x61);
  test.each<[string, { given: { headers: Record<string, string>; chunks: number[]; max: number }; want: number | "too large" }]>([
    ["a declared length within the cap", { given: { headers: { "content-length": "10" }, chunks: [10], max: 10 }, want: 10 }],
    [
      "a declared length over the cap, refused before reading",
      { given: { headers: { "content-length": "11" }, chunks: [11], max: 10 }, want: "too large" },
    ],
    ["streamed, within the cap in several chunks", { given: { headers: {}, chunks: [4, 4, 2], max: 10 }, want: 10 }],
    ["streamed, past the cap", { given: { headers: {}, chunks: [4, 4, 4], max: 10 }, want: "too large" }],
    [
      "a small declared length that does not count under Content-Encoding",
      { given: { headers: { "content-length": "3", "content-encoding": "identity" }, chunks: [6, 6], max: 10 }, want: "too large" },
    ],
    ["an empty body", { given: { headers: {}, chunks: [], max: 0 }, want: 0 }],
  ])("%s", async (_, { given, want }) => {
    const body =
      given.headers["content-length"] && !given.headers["content-encoding"]
        ? bytes(given.chunks[0]!)
        : streamed(...given.chunks.map(bytes));
    const read = (async () => readBody(new Response(body, { headers: given.headers }), false, given.max, context))();
    if (want === "too large") await expect(read).rejects.toBeInstanceOf(ResponseTooLargeError);
    else expect(((await read) as string).length).toBe(want);
  });

  test("a Blob keeps the content type", async () => {
    const blob = (await readBody(
      new Response(streamed(bytes(3)), { headers: { "content-type": "application/pdf" } }),
      true,
      10,
      context,
    )) as Blob;
    expect([blob.type, blob.size]).toEqual(["application/pdf", 3]);
  });
});

describe("redirects", () => {
  const origin = "https://api.test";
  const start = "https://api.test/v3/things";
  type Sent = { method: string; url: string; body?: string; contentType?: string | null };
  const reply = (status: number, location?: string) => new Response(null, { status, headers: location ? { location } : {} });

  /** Follows `first` with a send that answers each hop from `then` (a 200 once they run out). */
  async function follow(method: string, first: Response, then: Response[] = []) {
    const sent: Sent[] = [];
    const send = async (url: string, init: RequestInit) => {
      sent.push({
        method: init.method ?? "GET",
        url,
        ...(init.body ? { body: String(init.body) } : {}),
        contentType: new Headers(init.headers).get("content-type"),
      });
      return then.shift() ?? new Response("ok");
    };
    const init: RequestInit = {
      method,
      body: method === "GET" ? undefined : "{}",
      headers: { "content-type": "application/json" },
      redirect: "manual",
    };
    const result = await followRedirects(send, first, start, init, origin, context, new Redactor()).then(
      (response) => ({ status: response.status, sent }),
      // The reason alone: the message around it names the status and the call.
      (error: unknown) => ({
        refused: (error as RedirectError).message.replace(/^redirect \d+ not followed: (.*) \(things\/get: .*\)$/s, "$1"),
        sent,
      }),
    );
    return result;
  }

  test.each<[string, { given: { method: string; status: number; location?: string }; want: unknown }]>([
    [
      "a same-origin 302 of a GET is followed",
      {
        given: { method: "GET", status: 302, location: "/v3/moved" },
        want: { status: 200, sent: [{ method: "GET", url: "https://api.test/v3/moved", contentType: "application/json" }] },
      },
    ],
    [
      "a relative Location resolves against the request",
      {
        given: { method: "GET", status: 301, location: "moved" },
        want: { status: 200, sent: [{ method: "GET", url: "https://api.test/v3/moved", contentType: "application/json" }] },
      },
    ],
    [
      "307 repeats a POST with its body",
      {
        given: { method: "POST", status: 307, location: "/v3/other" },
        want: { status: 200, sent: [{ method: "POST", url: "https://api.test/v3/other", body: "{}", contentType: "application/json" }] },
      },
    ],
    [
      "308 repeats a PUT with its body",
      {
        given: { method: "PUT", status: 308, location: "/v3/other" },
        want: { status: 200, sent: [{ method: "PUT", url: "https://api.test/v3/other", body: "{}", contentType: "application/json" }] },
      },
    ],
    [
      "303 after a POST fetches the result with GET, no body",
      {
        given: { method: "POST", status: 303, location: "/v3/result" },
        want: { status: 200, sent: [{ method: "GET", url: "https://api.test/v3/result", contentType: null }] },
      },
    ],
    [
      "a 302 of a POST is refused (it would become a GET)",
      { given: { method: "POST", status: 302, location: "/v3/other" }, want: { refused: "a 302 would turn POST into GET", sent: [] } },
    ],
    [
      "another host is refused before anything is sent",
      {
        given: { method: "GET", status: 302, location: "https://thief.test/x" },
        want: { refused: "to another origin (https://thief.test); credentials are sent only to https://api.test", sent: [] },
      },
    ],
    [
      "another scheme is another origin",
      {
        given: { method: "GET", status: 307, location: "http://api.test/v3/x" },
        want: { refused: "to another origin (http://api.test); credentials are sent only to https://api.test", sent: [] },
      },
    ],
    [
      "another port is another origin",
      {
        given: { method: "GET", status: 307, location: "https://api.test:8443/v3/x" },
        want: { refused: "to another origin (https://api.test:8443); credentials are sent only to https://api.test", sent: [] },
      },
    ],
    [
      "an invalid Location is refused",
      { given: { method: "GET", status: 302, location: "http://[::1" }, want: { refused: "invalid Location", sent: [] } },
    ],
    ["a 3xx without Location is the reply itself", { given: { method: "GET", status: 302 }, want: { status: 302, sent: [] } }],
    ["304 is not a redirect to follow", { given: { method: "GET", status: 304, location: "/v3/x" }, want: { status: 304, sent: [] } }],
  ])("%s", async (_, { given, want }) => {
    const result = await follow(given.method, reply(given.status, given.location));
    expect(result).toMatchObject(want as object);
  });

  test(`at most ${MAX_REDIRECTS} hops`, async () => {
    const loop = () => reply(302, "/v3/again");
    const result = await follow("GET", loop(), Array.from({ length: 10 }, loop));
    expect(result.sent).toHaveLength(MAX_REDIRECTS);
    expect("refused" in result && result.refused).toContain(`more than ${MAX_REDIRECTS} redirects`);
  });

  test.each<[string, { given: Response; want: boolean }]>([
    ["200", { given: new Response("x"), want: false }],
    ["302", { given: reply(302, "/x"), want: true }],
    ["304", { given: reply(304), want: true }],
    ["399", { given: new Response(null, { status: 399 }), want: true }],
    ["400", { given: new Response(null, { status: 400 }), want: false }],
  ])("isRedirect: %s", (_, { given, want }) => {
    expect(isRedirect(given)).toBe(want);
  });

  test.each<[string, { given: string; want: string }]>([
    ["scheme, host and port", { given: "https://api.test:8443/v3/", want: "https://api.test:8443" }],
    ["the default port is dropped", { given: "https://api.test:443/v3", want: "https://api.test" }],
    ["the host is lower-cased", { given: "https://API.Test/v3", want: "https://api.test" }],
  ])("originOf: %s", (_, { given, want }) => {
    expect(originOf(given)).toBe(want);
  });
});

describe("smSend's login reply and brands", () => {
  test.each<[string, { given: string; want: { userKey: string; key: string } | "unparseable" }]>([
    ["user_key;key", { given: "USERKEY1;SESSION1", want: { userKey: "USERKEY1", key: "SESSION1" } }],
    ["surrounding whitespace and a final newline", { given: "  U1;K1\n", want: { userKey: "U1", key: "K1" } }],
    ["a third part", { given: "U1;K1;X", want: "unparseable" }],
    ["no separator", { given: "U1K1", want: "unparseable" }],
    ["an empty key", { given: "U1;", want: "unparseable" }],
    ["a space inside", { given: "U 1;K1", want: "unparseable" }],
    ["a JSON error page", { given: '{"error":"x"}', want: "unparseable" }],
    ["empty", { given: "", want: "unparseable" }],
  ])("parseLoginReply: %s", (_, { given, want }) => {
    const parse = () => parseLoginReply(given, context());
    if (want === "unparseable") expect(parse).toThrow(UnparseableResponseError);
    else expect(parse()).toEqual(want);
  });

  test("an unparseable login reply is not repeated in the error (it may hold the keys)", () => {
    const error = (() => {
      try {
        parseLoginReply("USERKEY1;SESSION1;extra", context());
      } catch (e) {
        return e as UnparseableResponseError;
      }
    })();
    expect(JSON.stringify(error)).not.toContain("SESSION1");
  });

  const table = { smsend: { baseUrl: "https://api.smsend.test/REST" }, skebby: { baseUrl: "https://api.skebby.test/REST" } };
  test.each<[string, { given: string | undefined; want: string }]>([
    ["the first brand when none is given", { given: undefined, want: "https://api.smsend.test/REST" }],
    ["a named brand", { given: "skebby", want: "https://api.skebby.test/REST" }],
    ["an unknown brand", { given: "nope", want: 'unknown brand "nope"; one of smsend, skebby' }],
    ["brand ids are case-sensitive", { given: "Skebby", want: 'unknown brand "Skebby"; one of smsend, skebby' }],
  ])("brandBaseUrl: %s", (_, { given, want }) => {
    const result = (() => {
      try {
        return brandBaseUrl(table, given);
      } catch (e) {
        return (e as TypeError).message;
      }
    })();
    expect(result).toBe(want);
  });

  test("loginSecrets: the password and its Basic form", () => {
    expect(loginSecrets("alice", "pw-1")).toEqual(["pw-1", Buffer.from("alice:pw-1").toString("base64")]);
  });

  test.each<[string, { given: string; want: string }]>([
    ["contact-lists", { given: "contact-lists", want: "contactLists" }],
    ["a digit after a dash", { given: "post-3d", want: "post3d" }],
    ["no dash", { given: "sms", want: "sms" }],
  ])("camelCase: %s", (_, { given, want }) => {
    expect(camelCase(given)).toBe(want);
  });
});
