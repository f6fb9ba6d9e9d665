/**
 * No credential ever shows up where people look: an error's message, `String()`, stack,
 * `JSON.stringify`, `util.inspect` (what console.log prints), or a call event. Every error path
 * is provoked by a server that echoes the request (URL and headers) back in its body.
 */
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { basicAuthorization, type CallEvent } from "../../runtime/index.js";
import { startFaultServer, type FaultServer, type Reply } from "../support/fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => server.reset());

/** Replies that echo what the client sent, so a leak would carry the secrets back. */
const echo = (status: number, html = false) => (request: { url: string; headers: Record<string, unknown> }): Reply => {
  const dump = JSON.stringify({ url: request.url, headers: request.headers });
  return html ? { status, body: `<html>${dump}</html>` } : { status, body: { http_code: status, response_code: "BAD_REQUEST", response_msg: dump, data: { echo: dump } } };
};

const faults: [string, (server: FaultServer) => void, number][] = [
  ["HTTP error echoing the request", (s) => (s.fallback = (r) => echo(400)(r)), 0],
  ["HTML error page echoing the request", (s) => (s.fallback = (r) => echo(500, true)(r)), 0],
  ["unparseable 200 echoing the request", (s) => (s.fallback = (r) => ({ status: 200, body: `<p>${JSON.stringify(r.headers)}</p>` })), 0],
  ["timeout", (s) => (s.fallback = () => ({ status: 200, body: "{}", delayMs: 300 })), 50],
  ["dropped connection", (s) => (s.fallback = () => ({ reset: true })), 0],
];

function everythingShown(error: unknown, events: CallEvent[]): string {
  const e = error as Error;
  return [String(e), e.message, e.stack, JSON.stringify(e), inspect(e, { depth: 10 }), JSON.stringify(events), inspect(events, { depth: 10 })].join("\n");
}

describe("ClickSend client never shows its API key", () => {
  const apiKey = "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE";
  const secrets = [apiKey, basicAuthorization("api-user", apiKey).slice(6)];

  it.each(faults)("%s", async (_, arrange, timeoutMs) => {
    arrange(server);
    const events: CallEvent[] = [];
    const cs = createClickSendClient({ username: "api-user", apiKey, baseUrl: server.url, retry: false, timeoutMs: timeoutMs || 5000, onCall: (e) => events.push(e) });
    const error = await cs.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(server.received.length).toBeGreaterThan(0);
    const shown = everythingShown(error, events);
    for (const secret of secrets) expect(shown).not.toContain(secret);
  });
});

describe("smSend client never shows its password or keys", () => {
  const password = "Pa55word-never-shown";
  const userKey = "USERKEY-7f3a";
  const sessionKey = "SESSIONKEY-9b1c";
  const accessToken = "ACCESSTOKEN-4d2e";

  it.each(faults)("%s, with a session from login", async (_, arrange, timeoutMs) => {
    server.queue({ status: 200, body: `${userKey};${sessionKey}`, headers: { "content-type": "text/plain" } });
    arrange(server);
    const events: CallEvent[] = [];
    const sm = await createSmSendClient({ username: "alice", password, baseUrl: server.url, retry: false, timeoutMs: timeoutMs || 5000, onCall: (e) => events.push(e) });
    const error = await sm.sms.getState({ order_id: "123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(server.received[1]!.headers.session_key).toBe(sessionKey);
    const shown = everythingShown(error, events);
    for (const secret of [password, userKey, sessionKey]) expect(shown).not.toContain(secret);
  });

  it.each(faults)("%s, with an access token given", async (_, arrange, timeoutMs) => {
    arrange(server);
    const events: CallEvent[] = [];
    const sm = await createSmSendClient({ userKey, accessToken, baseUrl: server.url, retry: false, timeoutMs: timeoutMs || 5000, onCall: (e) => events.push(e) });
    const error = await sm.sms.getState({ order_id: "123" }).catch((e: unknown) => e);
    expect(server.received[0]!.headers.access_token).toBe(accessToken);
    const shown = everythingShown(error, events);
    for (const secret of [userKey, accessToken]) expect(shown).not.toContain(secret);
  });

  it("a failed login (404) with HTTP Basic, the default, shows neither the password nor its Basic form", async () => {
    // Refused with Basic, then (the fallback) in the query string: neither attempt shows them.
    server.queue({ status: 404, body: "" }, { status: 404, body: "" });
    const events: CallEvent[] = [];
    const error = await createSmSendClient({ username: "alice", password, baseUrl: server.url, onCall: (e) => events.push(e) }).catch((e: unknown) => e);
    const basic = Buffer.from(`alice:${password}`).toString("base64");
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${basic}`);
    expect((error as Error).message).toMatch(/404/);
    const shown = everythingShown(error, events);
    for (const secret of [password, basic]) expect(shown).not.toContain(secret);
  });

  it("a failed login (404) in the query-string form shows neither the password in the URL nor anything else", async () => {
    server.queue({ status: 404, body: "" });
    const events: CallEvent[] = [];
    const error = await createSmSendClient({ username: "alice", password, loginCredentials: "query", baseUrl: server.url, onCall: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(server.received[0]!.url).toContain(encodeURIComponent(password));
    expect((error as Error).message).toMatch(/404/);
    expect((error as Error).message).toContain("password=[REDACTED]");
    expect(everythingShown(error, events)).not.toContain(password);
  });
});
