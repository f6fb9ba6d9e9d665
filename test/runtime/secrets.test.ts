/**
 * No credential ever shows up where people look: an error's message, `String()`, stack,
 * `JSON.stringify`, `util.inspect` (what console.log prints, with `cause`, body and headers), or a
 * call event. Property-based: random secrets of every character class (letters, digits, ASCII
 * punctuation, space, Latin-1, other BMP, astral), on every error path, against a server (or a
 * custom fetch) that echoes the whole request (URL, headers, body) back in one of eight forms.
 *
 * Paths where the reply can carry an echo: HTTP error (JSON envelope), HTML error page, unparseable
 * 2xx, error reply headers, a redirect's Location, a custom fetch that throws the request back.
 * Paths with nothing to echo, where the URL and context must still be clean: our timeout, the
 * caller's abort, the caller's AbortSignal.timeout, a dropped connection, a reply over the size
 * cap, a body that never ends within bodyTimeoutMs.
 */
import fc from "fast-check";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { basicAuthorization } from "../../runtime/clicksend-base.js";
import { ApiError, type CallEvent, type CallOptions } from "../../runtime/index.js";
import { startFaultServer, type FaultServer, type Reply } from "../support/fault-server.js";

/** A server per property run (see `provoke`): a request given up on in one run cannot take the next run's reply. */
let server: FaultServer;

// --- The eight forms a server may echo a string in ---------------------------------------------

const utf8Hex = (c: string, upper: boolean) =>
  [...new TextEncoder().encode(c)]
    .map((b) => `%${b.toString(16).padStart(2, "0")}`)
    .map((h) => (upper ? h.toUpperCase() : h))
    .join("");
const alnum = /^[A-Za-z0-9]$/;
export const forms: Record<string, (text: string) => string> = {
  /** Only for the request dump: as it went over the wire (form-encoded query, Basic base64). */
  "as sent": (text) => text,
  decoded: (text) => text,
  encodeURIComponent: encodeURIComponent,
  "form encoding": (text) => new URLSearchParams({ e: text }).toString().slice(2),
  "percent, lower-case hex": (text) => [...text].map((c) => (alnum.test(c) ? c : utf8Hex(c, false))).join(""),
  "JSON, PHP-style (\\/, \\uXXXX)": (text) =>
    JSON.stringify(text)
      .slice(1, -1)
      .replace(/\//g, "\\/")
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  "HTML, named": (text) =>
    text.replace(/[&<>"'/]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#039;", "/": "&#x2F;" })[c]!),
  "HTML, numeric": (text) => [...text].map((c) => (alnum.test(c) ? c : `&#${c.codePointAt(0)};`)).join(""),
};
const secretForms = Object.entries(forms).filter(([name]) => name !== "as sent" && name !== "decoded");

// --- Random secrets of every character class ----------------------------------------------------

const classes = {
  letter: [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"],
  digit: [..."0123456789"],
  punctuation: [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"],
  space: [" "],
  latin1: [..."éìßñ×ÿ¡"],
  bmp: [..."€中ж—"],
  astral: ["😀", "𝄞"],
};
const secret = (chars: string[], extra: (s: string) => boolean = () => true) =>
  fc
    .array(fc.constantFrom(...chars), { minLength: 8, maxLength: 20 })
    .map((a) => a.join(""))
    // Enough variety that the secret cannot be a run of spaces that inspect's indentation shows anyway.
    .filter((s) => new Set(s).size >= 4 && extra(s));
const anyClass = Object.values(classes).flat();
/** A password or API key: anything. */
const anySecret = secret(anyClass);
/** A key that travels in a header: Latin-1, no leading or trailing space. */
const headerSecret = secret(
  anyClass.filter((c) => c.codePointAt(0)! <= 0xff),
  (s) => s === s.trim(),
);
/** A key from smSend's login reply `user_key;key`: no `;` and no whitespace. */
const loginKey = secret(anyClass.filter((c) => c.codePointAt(0)! <= 0xff && c !== ";" && c !== " "));
/** Known tricky ones, tried first: the password, and a key with every escape-worthy character. */
const tricky = ["Summer2024!", "a/b\\\"c<d>&e'f g+h%2", "ключ/€😀 x!"];

// --- What the server sees, and its echo ---------------------------------------------------------

interface Seen {
  url: string;
  headers: Record<string, string>;
  body: string;
}
/** The request as sent, and as a server would decode it (query values, Basic credentials). */
function dump(seen: Seen, decode: boolean): string {
  const lines = [seen.url, ...Object.entries(seen.headers).map(([n, v]) => `${n}: ${v}`), seen.body];
  if (!decode) return lines.join("\n");
  const query = new URLSearchParams(seen.url.split("?")[1] ?? "");
  const basic = /^Basic (.+)$/i.exec(seen.headers.authorization ?? "")?.[1];
  const credentials = basic ? new TextDecoder().decode(Uint8Array.from(atob(basic), (c) => c.charCodeAt(0))) : "";
  return [...lines, ...[...query].map(([n, v]) => `${n}=${v}`), credentials].join("\n");
}
const echoOf = (seen: Seen, form: string) => forms[form]!(dump(seen, form !== "as sent"));
const isHeaderSafe = (text: string) => /^[\x20-\x7e]*$/.test(text);
const seenBy = (received: { url: string; headers: Record<string, string | string[] | undefined>; body: string }): Seen => ({
  url: received.url,
  headers: Object.fromEntries(Object.entries(received.headers).map(([n, v]) => [n, String(v)])),
  body: received.body,
});

interface Arrangement {
  /** Client options this path needs (a custom fetch, bounds). */
  client?: Record<string, unknown>;
  /** Options of the failing call (not of the login before it). */
  call?: () => CallOptions;
  /** Sets the server's reply (after any login). */
  serve?: (form: string) => void;
}
const echoPaths: Record<string, Arrangement> = {
  "HTTP error, JSON envelope": {
    serve: (form) =>
      (server.fallback = (r) => {
        const echo = echoOf(seenBy(r), form);
        // In a message, in a nested value, and as a key (PHP servers echo arrays keyed by input).
        return { status: 400, body: { http_code: 400, response_code: "BAD_REQUEST", response_msg: echo, data: { echo, [echo]: true } } };
      }),
  },
  "HTML error page": {
    serve: (form) => (server.fallback = (r) => ({ status: 500, body: `<html><body>${echoOf(seenBy(r), form)}</body></html>` })),
  },
  "unparseable 2xx": { serve: (form) => (server.fallback = (r) => ({ status: 200, body: `<p>${echoOf(seenBy(r), form)}</p>` })) },
  "error reply headers": {
    serve: (form) =>
      (server.fallback = (r) => {
        const echo = echoOf(seenBy(r), form);
        return {
          status: 503,
          body: "",
          headers: {
            "x-echo": isHeaderSafe(echo) ? echo : encodeURIComponent(echo),
            "x-request-id": encodeURIComponent(echo).slice(0, 4000),
          },
        };
      }),
  },
  "redirect to another origin": {
    serve: (form) =>
      (server.fallback = (r) => ({
        status: 302,
        headers: { location: `http://thief.invalid/?echo=${encodeURIComponent(echoOf(seenBy(r), form))}` },
      })),
  },
};
/** A custom fetch that fails with the request in its message (a proxy library might); it lets a
 * login through when the scenario needs one to reach the failing call. */
const throwingFetch = (form: string, passLogin: boolean) => async (request: Request) => {
  if (passLogin && new URL(request.url).pathname === "/login") return fetch(request);
  const seen = {
    url: request.url.replace(/^https?:\/\/[^/]+/, ""),
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
  throw new Error(`proxy refused: ${echoOf(seen, form)}`);
};

const contextPaths: Record<string, Arrangement> = {
  "our timeout": { client: { timeoutMs: 30 }, serve: () => (server.fallback = () => ({ hold: true })) },
  "caller's abort": {
    call: () => ({ signal: AbortSignal.abort(new Error("stop")) }),
    serve: () => (server.fallback = () => ({ hold: true })),
  },
  "caller's AbortSignal.timeout": {
    call: () => ({ signal: AbortSignal.timeout(30) }),
    serve: () => (server.fallback = () => ({ hold: true })),
  },
  "dropped connection": { serve: () => (server.fallback = () => ({ reset: true })) },
  "reply over maxResponseBytes": {
    client: { maxResponseBytes: 64 * 1024 },
    serve: () => (server.fallback = () => ({ status: 200, stream: { chunk: "x".repeat(16 * 1024), everyMs: 0 } })),
  },
  "body never ends (bodyTimeoutMs)": {
    client: { timeoutMs: 0, bodyTimeoutMs: 300 },
    serve: () => (server.fallback = () => ({ status: 200, stream: { chunk: " ", everyMs: 10 } })),
  },
};

// --- The clients, each with the secrets it holds ------------------------------------------------

interface Scenario {
  secrets: fc.Arbitrary<string[]>;
  /** Tried before the random ones. */
  examples: string[][];
  /** The failing call comes after a successful login. */
  loginFirst?: true;
  /** The failure is the login's own: per-call options (a signal) cannot reach it. */
  loginFails?: true;
  /** Provokes the failure; returns what the client threw. */
  run: (secrets: string[], options: Record<string, unknown>, call: CallOptions | undefined) => Promise<unknown>;
  /** Strings that must never show, beyond the secrets' forms. */
  also?: (secrets: string[]) => string[];
}
const text = (body: string): Reply => ({ status: 200, body, headers: { "content-type": "text/plain" } });
const scenarios: Record<string, Scenario> = {
  "ClickSend (API key)": {
    secrets: anySecret.map((k) => [k]),
    examples: tricky.map((t) => [t]),
    run: ([apiKey], options, call) =>
      createClickSendClient({ username: "api-user", apiKey: apiKey!, baseUrl: server.url, retry: false, ...options }).account.get(
        undefined,
        call,
      ),
    also: ([apiKey]) => [basicAuthorization("api-user", apiKey!).slice("Basic ".length)],
  },
  "smSend, failing login (password)": {
    secrets: anySecret.map((p) => [p]),
    examples: tricky.map((t) => [t]),
    loginFails: true,
    // HTTP Basic first (the default), then the query string if the gateway refuses Basic.
    run: ([password], options) =>
      createSmSendClient({ username: "alice", password: password!, baseUrl: server.url, retry: false, ...options }),
    also: ([password]) => [basicAuthorization("alice", password!).slice("Basic ".length)],
  },
  "smSend, failing login in the query string (password)": {
    secrets: anySecret.map((p) => [p]),
    examples: tricky.map((t) => [t]),
    loginFails: true,
    run: ([password], options) =>
      createSmSendClient({
        username: "alice",
        password: password!,
        loginCredentials: "query",
        baseUrl: server.url,
        retry: false,
        ...options,
      }),
  },
  "smSend, call after login (password, user_key, Session_key)": {
    secrets: fc.tuple(anySecret, loginKey, loginKey).map((s) => [...s]),
    examples: [["Summer2024!", "UK/\\\"<&'x", "SK+%2F!é="]],
    loginFirst: true,
    run: async ([password, userKey, sessionKey], options, call) => {
      server.queue(text(`${userKey};${sessionKey}`));
      // A timeout is the failing call's, not the login's.
      const { timeoutMs, ...rest } = options;
      const sm = await createSmSendClient({ username: "alice", password: password!, baseUrl: server.url, retry: false, ...rest });
      return sm.sms.getState({ order_id: "123" }, { ...(timeoutMs === undefined ? {} : { timeoutMs: timeoutMs as number }), ...call });
    },
    also: ([password]) => [basicAuthorization("alice", password!).slice("Basic ".length)],
  },
  "smSend, keys given (user_key, Access_token)": {
    secrets: fc.tuple(headerSecret, headerSecret).map((s) => [...s]),
    examples: [["UK/\\\"<&' x", "AT+%2F! é="]],
    run: async ([userKey, accessToken], options, call) =>
      (
        await createSmSendClient({ userKey: userKey!, accessToken: accessToken!, baseUrl: server.url, retry: false, ...options })
      ).sms.getState({ order_id: "123" }, call),
  },
};

function everythingShown(error: unknown, events: CallEvent[]): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: 10 }),
    JSON.stringify(events),
    inspect(events, { depth: 10 }),
  ].join("\n");
}

async function provoke(scenario: Scenario, secrets: string[], path: Arrangement, form: string | undefined): Promise<void> {
  server = await startFaultServer();
  try {
    await check(scenario, secrets, path, form);
  } finally {
    await server.close();
  }
}

async function check(scenario: Scenario, secrets: string[], path: Arrangement, form: string | undefined): Promise<void> {
  const events: CallEvent[] = [];
  const options: Record<string, unknown> = { onCall: (e: CallEvent) => events.push(e), ...path.client };
  if (form && !path.serve) options.fetch = throwingFetch(form, scenario.loginFirst === true);
  // A login (when there is one) is served first, from the queue; the path's reply comes after.
  path.serve?.(form ?? "");
  const error = await scenario.run(secrets, options, path.call?.()).then(
    () => new Error("the call succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  const shown = everythingShown(error, events);
  for (const value of secrets) for (const [name, encode] of secretForms) expect(shown, `${name} of a secret`).not.toContain(encode(value));
  for (const value of scenario.also?.(secrets) ?? []) expect(shown).not.toContain(value);
}

const allEchoPaths: Record<string, Arrangement> = { ...echoPaths, "custom fetch throws the request back": {} };
const echoCases = Object.keys(scenarios).flatMap((s) =>
  Object.keys(allEchoPaths).flatMap((p) => Object.keys(forms).map((f) => [s, p, f] as const)),
);
const contextCases = Object.entries(scenarios).flatMap(([s, scenario]) =>
  Object.entries(contextPaths)
    .filter(([, path]) => !(scenario.loginFails && path.call))
    .map(([p]) => [s, p] as const),
);

describe(`no secret shows: ${echoCases.length} echo cases (client × path × form) and ${contextCases.length} context cases (client × path)`, () => {
  it.each(echoCases)("%s · %s · echoed %s", async (scenarioName, pathName, form) => {
    const scenario = scenarios[scenarioName]!;
    await fc.assert(
      fc.asyncProperty(scenario.secrets, (secrets) => provoke(scenario, secrets, allEchoPaths[pathName]!, form)),
      { numRuns: 6, endOnFailure: true, examples: scenario.examples.map((e) => [e] as [string[]]) },
    );
  });

  it.each(contextCases)("%s · %s", async (scenarioName, pathName) => {
    const scenario = scenarios[scenarioName]!;
    await fc.assert(
      fc.asyncProperty(scenario.secrets, (secrets) => provoke(scenario, secrets, contextPaths[pathName]!, undefined)),
      { numRuns: 3, endOnFailure: true },
    );
  });
});
