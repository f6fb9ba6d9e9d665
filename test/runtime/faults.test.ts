/**
 * The runtime against a loopback server that misbehaves on purpose: slow replies, dropped
 * connections, HTML and empty bodies, 429 with Retry-After, 503 then success, and a send that
 * must not be repeated.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ClickSendError,
  NetworkError,
  TimeoutError,
  UnparseableResponseError,
  createClickSendClient,
  type CallEvent,
} from "../../generated/clicksend/index.js";
import { refusedRecipients } from "../../runtime/index.js";
import { envelope, startFaultServer, type FaultServer } from "../support/fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
afterEach(() => server.reset());

const fast = { baseDelayMs: 10, maxDelayMs: 20 };
function client(extra: Parameters<typeof createClickSendClient>[0] extends infer O ? Partial<O> : never = {}) {
  return createClickSendClient({ username: "u", apiKey: "SECRET-API-KEY-123", baseUrl: server.url, retry: fast, ...extra });
}
const sendBody = { messages: [{ to: "+61411111111", body: "Hi", source: "test" }] };
const sendReply = envelope({ total_price: 0.07, total_count: 1, queued_count: 1, messages: [], _currency: {} });
const account = envelope({ user_id: 1 });

describe("timeouts", () => {
  it("throws TimeoutError when a reply is slower than the timeout, and retries a GET", async () => {
    server.queue({ status: 200, body: account, delayMs: 500 }, { status: 200, body: account, delayMs: 500 });
    const error = await client({ timeoutMs: 50, retry: { ...fast, maxRetries: 1 } }).account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(server.received).toHaveLength(2);
  });

  it("takes a per-call timeout over the client's", async () => {
    server.queue({ status: 200, body: account, delayMs: 200 });
    const reply = await client({ timeoutMs: 50, retry: false }).account.get(undefined, { timeoutMs: 2000 });
    expect(reply.response_code).toBe("SUCCESS");
  });

  it("passes the caller's abort through, also while waiting to retry", async () => {
    server.queue({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) });
    const controller = new AbortController();
    const call = client({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 } }).account.get(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("caller gave up")), 50);
    await expect(call).rejects.toThrow("caller gave up");
    expect(server.received).toHaveLength(1);
  });
});

describe("broken replies", () => {
  it("reports a dropped connection as NetworkError", async () => {
    server.queue({ reset: true });
    const error = await client({ retry: false }).account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).operationId).toBe("account/get");
  });

  it("reports an HTML page with status 200 as UnparseableResponseError, keeping its start", async () => {
    server.queue({ status: 200, body: "<html><body>Gateway maintenance</body></html>", headers: { "content-type": "text/html" } });
    const error = await client({ retry: false }).account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnparseableResponseError);
    expect((error as UnparseableResponseError).message).toMatch(/HTML page/);
    expect((error as UnparseableResponseError).bodyText).toContain("Gateway maintenance");
  });

  it("reports an empty 200 body as UnparseableResponseError", async () => {
    server.queue({ status: 200, body: "" });
    await expect(client({ retry: false }).account.get()).rejects.toThrow(/empty body/);
  });

  it("reports an HTML error page with a 502 as ClickSendError without a response code", async () => {
    server.queue({ status: 502, body: "<html>Bad gateway</html>" });
    const error = (await client({ retry: false }).account.get().catch((e: unknown) => e)) as ClickSendError;
    expect(error).toBeInstanceOf(ClickSendError);
    expect(error.status).toBe(502);
    expect(error.responseCode).toBeUndefined();
    expect(error.body).toBe("<html>Bad gateway</html>");
  });

  it("reads the envelope of an error reply", async () => {
    server.queue({ status: 400, body: envelope([], "INSUFFICIENT_CREDIT", 400) });
    const error = (await client().sms.send({ body: sendBody }).catch((e: unknown) => e)) as ClickSendError;
    expect(error.responseCode).toBe("INSUFFICIENT_CREDIT");
    expect(error.responseMsg).toBe("It failed.");
    expect(error.message).toContain("sms/send: POST");
  });
});

describe("retries", () => {
  it("retries a GET after 503 and returns the later success", async () => {
    const events: CallEvent[] = [];
    server.queue({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) }, { status: 200, body: account });
    const reply = await client({ onCall: (e) => events.push(e) }).account.get();
    expect(reply.response_code).toBe("SUCCESS");
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });

  it("waits as long as Retry-After asks on a 429", async () => {
    server.queue({ status: 429, body: envelope([], "TOO_MANY_REQUESTS", 429), headers: { "retry-after": "1" } }, { status: 200, body: account });
    await client().account.get();
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("gives up at once when Retry-After is longer than the cap", async () => {
    server.queue({ status: 429, body: envelope([], "TOO_MANY_REQUESTS", 429), headers: { "retry-after": "3600" } });
    const error = (await client().account.get().catch((e: unknown) => e)) as ClickSendError;
    expect(error.status).toBe(429);
    expect(server.received).toHaveLength(1);
  });

  it("stops after maxRetries", async () => {
    server.fallback = () => ({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) });
    await expect(client({ retry: { ...fast, maxRetries: 3 } }).account.get()).rejects.toBeInstanceOf(ClickSendError);
    expect(server.received).toHaveLength(4);
  });

  it("never repeats a send on its own: a 503 on POST /sms/send is thrown after one request", async () => {
    server.queue({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) }, { status: 200, body: sendReply });
    await expect(client().sms.send({ body: sendBody })).rejects.toBeInstanceOf(ClickSendError);
    expect(server.received).toHaveLength(1);
  });

  it("never repeats a send after a timeout either", async () => {
    server.queue({ status: 200, body: sendReply, delayMs: 300 }, { status: 200, body: sendReply });
    await expect(client({ timeoutMs: 50 }).sms.send({ body: sendBody })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.received).toHaveLength(1);
  });

  it("repeats a send when the caller opts in for that call", async () => {
    server.queue({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) }, { status: 200, body: sendReply });
    const reply = await client().sms.send({ body: sendBody }, { retry: { repeatNonIdempotent: true } });
    expect(reply.response_code).toBe("SUCCESS");
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.body).toBe(server.received[0]!.body);
  });

  it("does not retry when retries are off for the client or the call", async () => {
    server.queue({ status: 503, body: "x" }, { status: 503, body: "x" });
    await expect(client({ retry: false }).account.get()).rejects.toBeInstanceOf(ClickSendError);
    await expect(client().account.get(undefined, { retry: false })).rejects.toBeInstanceOf(ClickSendError);
    expect(server.received).toHaveLength(2);
  });
});

describe("partial success", () => {
  it("keeps each recipient's status typed and reachable when a send succeeds overall", async () => {
    const message = (to: string, status: string) => ({ to, body: "Hi", status, message_id: to, message_price: "0.07" });
    server.queue({
      status: 200,
      body: envelope({ total_price: 0.07, total_count: 2, queued_count: 1, messages: [message("+61411111111", "SUCCESS"), message("+6100", "INVALID_RECIPIENT")], _currency: {} }),
    });
    const sent = await client().sms.send({ body: sendBody });
    expect(sent.response_code).toBe("SUCCESS");
    expect(sent.data.messages.map((m) => m.status)).toEqual(["SUCCESS", "INVALID_RECIPIENT"]);
    expect(refusedRecipients(sent).map((m) => m.to)).toEqual(["+6100"]);
  });
});
