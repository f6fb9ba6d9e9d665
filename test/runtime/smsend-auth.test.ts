/** smSend's key handling: which headers go where, and the one re-login after an expired session. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSmSendClient, SmSendError, UnparseableResponseError } from "../../generated/smsend/index.js";
import { startFaultServer, type FaultServer } from "../support/fault-server.js";

// A server per test: a request given up on in one test cannot take the next test's reply.
let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const text = (body: string) => ({ status: 200, body, headers: { "content-type": "text/plain" } });
const state = { status: 200, body: { recipient_number: 1, result: "OK", recipients: [] } };

describe("smSend keys", () => {
  it("sends no keys to the login itself, and both keys to every later call", async () => {
    server.queue(text("U1;S1"), state);
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    await sm.sms.getState({ order_id: "42" });
    expect(server.received[0]!.url).toBe("/login?username=alice&password=pw-12345");
    expect(server.received[0]!.headers.user_key).toBeUndefined();
    expect([server.received[1]!.headers.user_key, server.received[1]!.headers.session_key]).toEqual(["U1", "S1"]);
  });

  it("logs in again once when the session expired (401) and repeats the call", async () => {
    server.queue(text("U1;S1"), { status: 401, body: "" }, text("U1;S2"), state);
    const sm = await createSmSendClient({ username: "alice", password: "pw-12345", baseUrl: server.url });
    const reply = await sm.sms.getState({ order_id: "42" });
    expect(reply.result).toBe("OK");
    expect(server.received.map((r) => r.url.split("?")[0])).toEqual(["/login", "/sms/42", "/login", "/sms/42"]);
    expect(server.received[3]!.headers.session_key).toBe("S2");
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
    const error = (await sm.sms.send({ body: { message_type: "N", message: "Hi", recipient: ["+393471234567"] } }).catch((e: unknown) => e)) as SmSendError;
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Session_key or Access_token missing, invalid or expired/);
    expect(server.received).toHaveLength(1);
  });

  it("refuses a login reply that is not user_key;key", async () => {
    server.queue(text("<html>login page</html>"));
    await expect(createSmSendClient({ username: "a", password: "pw-12345", baseUrl: server.url })).rejects.toBeInstanceOf(UnparseableResponseError);
  });

  it("reports wrong credentials (404 at login) as SmSendError", async () => {
    server.queue({ status: 404, body: "" });
    const error = (await createSmSendClient({ username: "a", password: "pw-12345", baseUrl: server.url }).catch((e: unknown) => e)) as SmSendError;
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/wrong username or password/);
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
