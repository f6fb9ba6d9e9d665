/**
 * No credential ever shows up where people look: an error's message, `String()`, stack,
 * `JSON.stringify`, `util.inspect` (what console.log prints, with `cause`, body and headers), or a
 * call event. Property-based: random secrets of every character class (letters, digits, ASCII
 * punctuation, space, Latin-1, other BMP, astral), on every error path, against a server (or a
 * custom fetch) that echoes the whole request (URL, headers, body) back in eight forms.
 *
 * Every (client, path, form) gets the same secrets (the tricky examples, then six random ones);
 * a reply carries all eight forms at once where the error keeps it whole (a body), one form per
 * call where it travels in headers or only in a message. Echo paths share one server; context
 * paths, which give up on requests, get a server per property run.
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
import {
  AbortError,
  ApiError,
  HttpError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UnparseableResponseError,
  type CallEvent,
  type CallOptions,
} from "../../runtime/index.js";
import { startFaultServer, useFaultServer, type FaultServer, type Received, type Reply } from "../support/fault-server.js";

/** The server of the running property run (see `provoke`). */
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
/** The forms a secret must not show in: all but "as sent", the same text as "decoded" (the secret itself). */
const secretForms = Object.entries(forms).filter(([name]) => name !== "as sent");

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
/**
 * The request echoed in the forms named (all eight, unless the path takes one per call), one
 * per entry: one failing call checks each. Joined, they are put one per line; no
 * secret holds a line break, so no match of the Redactor can run from one form into the next.
 */
const echoes = (received: Received, names: string[]) => names.map((form) => echoOf(seenBy(received), form));
const isHeaderSafe = (text: string) => /^[\x20-\x7e]*$/.test(text);
const seenBy = (received: Received): Seen => ({
  url: received.url,
  headers: Object.fromEntries(Object.entries(received.headers).map(([n, v]) => [n, String(v)])),
  body: received.body,
});

type ErrorClass = abstract new (...args: never[]) => ApiError;
interface Arrangement {
  /** The error the path ends in: checked, so that a path that is no longer reached cannot pass. */
  error: ErrorClass;
  /** Client options this path needs (a custom fetch echoing the forms named, bounds). */
  client?: (scenario: Scenario, names: string[]) => Record<string, unknown>;
  /** Options of the failing call (not of the login before it). */
  call?: () => CallOptions;
  /** Sets the server's reply (after any login), echoing the request in the forms named. */
  serve?: (names: string[]) => void;
  /**
   * One form per call, where all eight would not fit: in headers (Node's HTTP parser refuses a
   * reply whose headers pass 16 KiB, which eight forms of a long secret's echo come near), or in
   * a message alone (a message keeps only its first 300 characters of detail).
   */
  oneFormPerCall?: true;
}
const echoPaths: Record<string, Arrangement> = {
  "HTTP error, JSON envelope": {
    error: HttpError,
    serve: (names) =>
      (server.fallback = (r) => {
        const all = echoes(r, names);
        // In a message, in a nested value, and as keys (PHP servers echo arrays keyed by input).
        const data = { echo: all, ...Object.fromEntries(all.map((echo) => [echo, true])) };
        return { status: 400, body: { http_code: 400, response_code: "BAD_REQUEST", response_msg: all.join("\n"), data } };
      }),
  },
  "HTML error page": {
    error: HttpError,
    serve: (names) => (server.fallback = (r) => ({ status: 500, body: `<html><body>${echoes(r, names).join("<br>\n")}</body></html>` })),
  },
  "unparseable 2xx": {
    error: UnparseableResponseError,
    serve: (names) => (server.fallback = (r) => ({ status: 200, body: `<p>${echoes(r, names).join("\n")}</p>` })),
  },
  "error reply headers": {
    error: HttpError,
    oneFormPerCall: true,
    serve: ([name]) =>
      (server.fallback = (r) => {
        const echo = echoOf(seenBy(r), name!);
        return {
          status: 503,
          body: "",
          headers: {
            "x-echo": isHeaderSafe(echo) ? echo : encodeURIComponent(echo),
            // Also the request id, which the error's message quotes.
            "x-request-id": encodeURIComponent(echo).slice(0, 4000),
          },
        };
      }),
  },
  "redirect to another origin": {
    error: RedirectError,
    oneFormPerCall: true,
    serve: ([name]) =>
      (server.fallback = (r) => ({
        status: 302,
        headers: { location: `http://thief.invalid/?echo=${encodeURIComponent(echoOf(seenBy(r), name!))}` },
      })),
  },
};
/** A custom fetch that fails with the request in its message (a proxy library might); it lets a
 * login through when the scenario needs one to reach the failing call. */
const throwingFetch = (passLogin: boolean, form: string) => async (request: Request) => {
  if (passLogin && new URL(request.url).pathname === "/login") return fetch(request);
  const seen = {
    url: request.url.replace(/^https?:\/\/[^/]+/, ""),
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
  throw new Error(`proxy refused: ${echoOf(seen, form)}`);
};
echoPaths["custom fetch throws the request back"] = {
  error: NetworkError,
  oneFormPerCall: true,
  client: (scenario, [form]) => ({ fetch: throwingFetch(scenario.loginFirst === true, form!) }),
};

/** Paths with nothing to echo. Each gives up on a request (or the server drops it), so each
 * property run gets a server of its own: see test/support/fault-server.ts. */
const contextPaths: Record<string, Arrangement> = {
  "our timeout": { error: TimeoutError, client: () => ({ timeoutMs: 30 }), serve: () => (server.fallback = () => ({ hold: true })) },
  "caller's abort": {
    error: AbortError,
    call: () => ({ signal: AbortSignal.abort(new Error("stop")) }),
    serve: () => (server.fallback = () => ({ hold: true })),
  },
  "caller's AbortSignal.timeout": {
    error: TimeoutError,
    call: () => ({ signal: AbortSignal.timeout(30) }),
    serve: () => (server.fallback = () => ({ hold: true })),
  },
  "dropped connection": { error: NetworkError, serve: () => (server.fallback = () => ({ reset: true })) },
  "reply over maxResponseBytes": {
    error: ResponseTooLargeError,
    client: () => ({ maxResponseBytes: 64 * 1024 }),
    serve: () => (server.fallback = () => ({ status: 200, stream: { chunk: "x".repeat(16 * 1024), everyMs: 0 } })),
  },
  "body never ends (bodyTimeoutMs)": {
    error: TimeoutError,
    // The body never ends, so any bound is reached, however loaded the machine: a short one.
    client: () => ({ timeoutMs: 0, bodyTimeoutMs: 20 }),
    serve: () => (server.fallback = () => ({ status: 200, stream: { chunk: " ", everyMs: 5 } })),
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

/** Echo paths share the file's server: each is answered in full, so no request of one run is left to take the next run's reply. */
const shared = useFaultServer("file");

async function provoke(scenario: Scenario, secrets: string[], path: Arrangement, ownServer: boolean): Promise<void> {
  const names = Object.keys(forms);
  if (!ownServer) {
    server = shared;
    for (const group of path.oneFormPerCall ? names.map((name) => [name]) : [names]) {
      server.reset();
      await check(scenario, secrets, path, group);
    }
    return;
  }
  server = await startFaultServer();
  try {
    await check(scenario, secrets, path, names);
  } finally {
    await server.close();
  }
}

async function check(scenario: Scenario, secrets: string[], path: Arrangement, names: string[]): Promise<void> {
  const events: CallEvent[] = [];
  const options: Record<string, unknown> = { onCall: (e: CallEvent) => events.push(e), ...path.client?.(scenario, names) };
  // A login (when there is one) is served first, from the queue; the path's reply comes after.
  path.serve?.(names);
  const error = await scenario.run(secrets, options, path.call?.()).then(
    () => new Error("the call succeeded"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(path.error);
  const shown = everythingShown(error, events);
  for (const value of secrets) for (const [name, encode] of secretForms) expect(shown, `${name} of a secret`).not.toContain(encode(value));
  for (const value of scenario.also?.(secrets) ?? []) expect(shown).not.toContain(value);
}

const echoCases = Object.keys(scenarios).flatMap((s) => Object.keys(echoPaths).map((p) => [s, p] as const));
const contextCases = Object.entries(scenarios).flatMap(([s, scenario]) =>
  Object.entries(contextPaths)
    .filter(([, path]) => !(scenario.loginFails && path.call))
    .map(([p]) => [s, p] as const),
);

describe(`no secret shows: ${echoCases.length} echo cases (client × path, every reply in all ${Object.keys(forms).length} forms) and ${contextCases.length} context cases (client × path)`, () => {
  it.each(echoCases)("%s · %s · echoed in every form", async (scenarioName, pathName) => {
    const scenario = scenarios[scenarioName]!;
    await fc.assert(
      fc.asyncProperty(scenario.secrets, (secrets) => provoke(scenario, secrets, echoPaths[pathName]!, false)),
      { numRuns: 6, endOnFailure: true, examples: scenario.examples.map((e) => [e] as [string[]]) },
    );
  });

  it.each(contextCases)("%s · %s", async (scenarioName, pathName) => {
    const scenario = scenarios[scenarioName]!;
    await fc.assert(
      fc.asyncProperty(scenario.secrets, (secrets) => provoke(scenario, secrets, contextPaths[pathName]!, true)),
      { numRuns: 3, endOnFailure: true },
    );
  });
});
