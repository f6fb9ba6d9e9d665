/** smSend's key handling: which headers go where, and the one re-login after an expired session. */
import { describe, expect, it } from "vitest";
import { createSmSendClient, SmSendError, UnparseableResponseError } from "../../generated/smsend/index.js";
import { useFaultServer } from "../support/fault-server.js";

// A server per test: a request given up on in one test cannot take the next test's reply.
const server = useFaultServer("test");

const text = (body: string) => ({ status: 200, body, headers: { "content-type": "text/plain" } });
const state = { status: 200, body: { recipient_number: 1, result: "OK", recipients: [] } };

describe("smSend keys", () => {
  it("sends no keys to the login itself, and both keys to every later call", async () => {
    server.queue(text("U1;S1"), state);
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    await sm.sms.getState({ order_id: "42" });
    // HTTP Basic by default: the password stays out of the URL (and of every log that prints URLs).
    expect(server.received[0]!.url).toBe("/login");
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from("alice:pw-12345").toString("base64")}`);
    expect(server.received[0]!.headers.user_key).toBeUndefined();
    expect([server.received[1]!.headers.user_key, server.received[1]!.headers.session_key]).toEqual(["U1", "S1"]);
    expect(server.received[1]!.headers.authorization).toBeUndefined();
  });

  it("sends the credentials in the query string, as the docs show, with loginCredentials: query", async () => {
    server.queue(text("U1;T1"));
    await createSmSendClient({ username: "alice", password: "pw-12345", auth: "token", loginCredentials: "query", baseUrl: server.url });
    expect(server.received[0]!.url).toBe("/token?username=alice&password=pw-12345");
    expect(server.received[0]!.headers.authorization).toBeUndefined();
  });

  it("logs in again once when the session expired (401) and repeats the call", async () => {
    server.queue(text("U1;S1"), { status: 401, body: "" }, text("U1;S2"), state);
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    const reply = await sm.sms.getState({ order_id: "42" });
    expect(reply.result).toBe("OK");
    expect(server.received.map((r) => r.url.split("?")[0])).toEqual(["/login", "/sms/42", "/login", "/sms/42"]);
    expect(server.received[3]!.headers.session_key).toBe("S2");
    // The new login is sent without the expired keys (the logins take no client keys).
    expect(server.received[2]!.headers.session_key).toBeUndefined();
    expect(sm.currentKeys()?.key).toBe("S2");
  });

  it("does not loop: a second 401 after the new login is thrown", async () => {
    server.queue(text("U1;S1"), { status: 401, body: "" }, text("U1;S2"), { status: 401, body: "" });
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    const error = await sm.sms.getState({ order_id: "42" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmSendError);
    expect((error as SmSendError).status).toBe(401);
    expect(server.received).toHaveLength(4);
  });

  it("without a password, a 401 is a clear error and nothing is repeated", async () => {
    server.queue({ status: 401, body: "" });
    const sm = await createSmSendClient({ userKey: "U1", accessToken: "T1", baseUrl: server.url });
    const error = (await sm.sms
      .send({ body: { message_type: "N", message: "Hi", recipient: ["+393471234567"] } })
      .catch((e: unknown) => e)) as SmSendError;
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Session_key or Access_token missing, invalid or expired/);
    expect(server.received).toHaveLength(1);
  });

  it("refuses a login reply that is not user_key;key", async () => {
    server.queue(text("<html>login page</html>"));
    await expect(createSmSendClient({ username: "a", password: "pw-12345", baseUrl: server.url })).rejects.toBeInstanceOf(
      UnparseableResponseError,
    );
  });

  it("reports wrong credentials (404 at login, both ways) as SmSendError", async () => {
    server.queue({ status: 404, body: "" }, { status: 404, body: "" });
    const error = (await createSmSendClient({ username: "a", password: "pw-12345", baseUrl: server.url }).catch(
      (e: unknown) => e,
    )) as SmSendError;
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/wrong username or password/);
    expect(server.received.map((r) => [r.url, r.headers.authorization !== undefined])).toEqual([
      ["/login", true],
      ["/login?username=a&password=pw-12345", false],
    ]);
  });

  it("falls back once to the query string when a gateway refuses Basic, and keeps the keys", async () => {
    server.queue({ status: 400, body: "" }, text("U1;S1"), state);
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    expect(server.received.map((r) => r.url)).toEqual(["/login", "/login?username=alice&password=pw-12345"]);
    expect(sm.currentKeys()?.key).toBe("S1");
  });

  it("never falls back with loginCredentials: basic", async () => {
    server.queue({ status: 400, body: "" });
    const error = (await createSmSendClient({
      username: "alice",
      password: "pw-12345",
      loginCredentials: "basic",
      baseUrl: server.url,
    }).catch((e: unknown) => e)) as SmSendError;
    expect(error.status).toBe(400);
    expect(server.received).toHaveLength(1);
  });

  it("says 'wrong username or password' only for a 404 at login, not for any other 404", async () => {
    server.queue(text("U1;S1"), { status: 404, body: "" });
    const sm = await createSmSendClient({ username: "a", password: "pw-12345", baseUrl: server.url });
    const error = (await sm.sms.getState({ order_id: "42" }).catch((e: unknown) => e)) as SmSendError;
    expect(error.status).toBe(404);
    expect(error.message).not.toMatch(/password/);
  });

  it("logs in once for twenty calls that meet a 401 together, then repeats each call once", async () => {
    const CALLS = 20;
    server.queue(text("U1;S1"));
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    // Every call with the old session is refused, all twenty at the same moment (held until all
    // have arrived); the login hands out S2, which is accepted.
    server.fallback = (request) => {
      if (request.url.startsWith("/login")) return text("U1;S2");
      return request.headers.session_key === "S2" ? state : { hold: true, then: { status: 401, body: "" } };
    };
    const replies = Promise.all(Array.from({ length: CALLS }, (_, i) => sm.sms.getState({ order_id: String(i) })));
    await server.waitForRequests(1 + CALLS);
    server.release();
    const results = await replies;
    expect(results.every((r) => r.result === "OK")).toBe(true);
    const urls = server.received.map((r) => r.url.split("?")[0]);
    expect(urls.filter((u) => u === "/login")).toHaveLength(2);
    expect(urls.filter((u) => u !== "/login")).toHaveLength(2 * CALLS);
  });
});
