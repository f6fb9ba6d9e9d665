/**
 * The runtime against a loopback server that misbehaves on purpose: slow replies, dropped
 * connections, HTML and empty bodies, 429 with Retry-After, 503 then success, and a send that
 * must not be repeated.
 */
import { describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ClickSendError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
  UnparseableResponseError,
  createClickSendClient,
  type CallEvent,
} from "../../generated/clicksend/index.js";
import { refusedRecipients } from "../../runtime/index.js";
import { envelope, useFaultServer } from "../support/fault-server.js";

// A server per test: a request given up on in one test cannot take the next test's reply.
const server = useFaultServer("test");

const fast = { baseDelayMs: 10, maxDelayMs: 20 };
function client(extra: Parameters<typeof createClickSendClient>[0] extends infer O ? Partial<O> : never = {}) {
  return createClickSendClient({ username: "u", apiKey: "SECRET-API-KEY-123", baseUrl: server.url, retry: fast, ...extra });
}
const sendBody = { messages: [{ to: "+61411111111", body: "Hi", source: "test" }] };
const sendReply = envelope({ total_price: 0.07, total_count: 1, queued_count: 1, messages: [], _currency: {} });
const account = envelope({ user_id: 1 });

describe("timeouts", () => {
  // The server holds every reply, so a timeout always fires, however loaded the machine is; the
  // attempts are counted by the client's own events (a request may time out before it arrives).
  it("throws TimeoutError when no reply comes within the timeout, and retries a GET", async () => {
    server.fallback = () => ({ hold: true });
    const events: CallEvent[] = [];
    const error = await client({ timeoutMs: 50, retry: { ...fast, maxRetries: 1 }, onCall: (e) => events.push(e) })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(50);
    expect(events.map((e) => [e.attempt, e.error?.name])).toEqual([
      [1, "TimeoutError"],
      [2, "TimeoutError"],
    ]);
  });

  it("takes a per-call timeout over the client's", async () => {
    server.queue({ hold: true });
    const call = client({ timeoutMs: 50, retry: false }).account.get(undefined, { timeoutMs: 60_000 });
    await server.waitForRequests(1);
    // Timers run in the order they expire: once this 100 ms one has run, the client's 50 ms one
    // (started earlier) would have too. The call must still be waiting.
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.release();
    await expect(call).rejects.toBeInstanceOf(NetworkError);
  });

  it("turns the caller's abort into AbortError, with the context and the caller's reason as cause", async () => {
    server.queue({ hold: true });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const call = client()
      .account.get(undefined, { signal: controller.signal })
      .catch((e: unknown) => e);
    await server.waitForRequests(1);
    controller.abort(reason);
    const error = (await call) as AbortError;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.name, error.operationId, error.method, error.url, error.cause]).toEqual([
      "AbortError",
      "account/get",
      "GET",
      `${server.url}/account`,
      reason,
    ]);
    expect(error.message).toContain("caller gave up");
  });

  it("turns an abort while waiting to retry into AbortError too, without another attempt", async () => {
    server.queue({ status: 503, body: envelope([], "INTERNAL_SERVER_ERROR", 503) });
    const controller = new AbortController();
    // Aborts right after the first attempt is reported, i.e. during the 5 s wait before the retry.
    const cs = client({ retry: { baseDelayMs: 5_000, maxDelayMs: 5_000 }, onCall: () => controller.abort() });
    const error = await cs.account.get(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).operationId).toBe("account/get");
    expect(server.received).toHaveLength(1);
  });

  it("turns an already aborted signal into AbortError", async () => {
    const error = await client()
      .account.get(undefined, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBeInstanceOf(DOMException);
  });

  it("reports the caller's AbortSignal.timeout as TimeoutError, not retried", async () => {
    server.fallback = () => ({ hold: true });
    const error = await client()
      .account.get(undefined, { signal: AbortSignal.timeout(50) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).operationId).toBe("account/get");
    expect(((error as TimeoutError).cause as DOMException).name).toBe("TimeoutError");
    expect(server.received.length).toBeLessThanOrEqual(1);
  });
});

describe("bounds", () => {
  it("refuses a reply whose declared length is over maxResponseBytes, without reading it", async () => {
    const body = JSON.stringify(envelope({ pad: "x".repeat(2_000) }));
    server.queue({ status: 200, body, headers: { "content-type": "application/json", "content-length": String(body.length) } });
    const error = await client({ maxResponseBytes: 1_000, retry: false })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxResponseBytes).toBe(1_000);
  });

  it("stops reading an endless body past maxResponseBytes and drops the connection", async () => {
    server.queue({ status: 200, stream: { chunk: "x".repeat(64 * 1024), everyMs: 0 }, headers: { "content-type": "application/json" } });
    const error = await client({ maxResponseBytes: 1024 * 1024, retry: false })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    await vi.waitFor(() => expect(server.streamsCut()).toBe(1));
  });

  it("cuts a trickling body with bodyTimeoutMs even when timeoutMs is 0", async () => {
    server.queue({ status: 200, stream: { chunk: " ", everyMs: 5 }, headers: { "content-type": "application/json" } });
    // The body never ends, so any bound is reached however loaded the machine is: a short one.
    const error = await client({ timeoutMs: 0, bodyTimeoutMs: 20, retry: false })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
    expect((error as TimeoutError).message).toMatch(/reply body/);
    await vi.waitFor(() => expect(server.streamsCut()).toBe(1));
  });

  it("caps the message of a huge error reply, and keeps the whole body on the error", async () => {
    const huge = "E".repeat(1024 * 1024);
    server.queue({ status: 400, body: { http_code: 400, response_code: "BAD_REQUEST", response_msg: huge, data: [] } });
    const error = (await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e)) as ClickSendError;
    expect(error.message.length).toBeLessThan(1_000);
    expect(error.responseMsg).toBe(huge);
    expect((error.body as { response_msg: string }).response_msg).toBe(huge);
    expect(JSON.stringify(error).length).toBeLessThan(2.5 * huge.length);
  });

  it("decodes the charset the reply declares (iso-8859-1), read whole (Content-Length)", async () => {
    const latin1 = Buffer.from(JSON.stringify(envelope({ city: "Forlì" })), "latin1");
    server.queue({
      status: 200,
      body: latin1,
      headers: { "content-type": "application/json; charset=iso-8859-1", "content-length": String(latin1.length) },
    });
    const reply = (await client().account.get()) as unknown as { data: { city: string } };
    expect(reply.data.city).toBe("Forlì");
  });

  it("decodes the charset of an error reply too, streamed (no Content-Length)", async () => {
    const latin1 = Buffer.from("Città non valida", "latin1");
    server.queue({
      status: 400,
      body: latin1,
      headers: { "content-type": "text/plain; charset=ISO-8859-1", "transfer-encoding": "chunked" },
    });
    const error = (await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e)) as ClickSendError;
    expect(error.body).toBe("Città non valida");
  });
});

describe("broken replies", () => {
  it('keeps the underlying reason of a network failure (undici\'s "bad port")', async () => {
    const cs = createClickSendClient({ username: "u", apiKey: "SECRET-API-KEY-123", baseUrl: "http://127.0.0.1:6000", retry: false });
    const error = await cs.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/bad port/);
  });

  it("keeps the error reply's headers (redacted) and the request id", async () => {
    server.queue({
      status: 500,
      body: envelope([], "INTERNAL_SERVER_ERROR", 500),
      headers: { "x-request-id": "req-42", "set-cookie": "session=abc123456", "x-echo": "SECRET-API-KEY-123" },
    });
    const error = (await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e)) as ClickSendError;
    expect(error.requestId).toBe("req-42");
    expect(error.headers["x-request-id"]).toBe("req-42");
    expect(error.headers["set-cookie"]).toBe("[REDACTED]");
    expect(error.headers["x-echo"]).toBe("[REDACTED]");
    expect(error.message).toContain("req-42");
  });

  it("reports a dropped connection as NetworkError", async () => {
    server.queue({ reset: true });
    const error = await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).operationId).toBe("account/get");
  });

  it("reports an HTML page with status 200 as UnparseableResponseError, keeping its start", async () => {
    server.queue({ status: 200, body: "<html><body>Gateway maintenance</body></html>", headers: { "content-type": "text/html" } });
    const error = await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e);
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
    const error = (await client({ retry: false })
      .account.get()
      .catch((e: unknown) => e)) as ClickSendError;
    expect(error).toBeInstanceOf(ClickSendError);
    expect(error.status).toBe(502);
    expect(error.responseCode).toBeUndefined();
    expect(error.body).toBe("<html>Bad gateway</html>");
  });

  it("reads the envelope of an error reply", async () => {
    server.queue({ status: 400, body: envelope([], "INSUFFICIENT_CREDIT", 400) });
    const error = (await client()
      .sms.send({ body: sendBody })
      .catch((e: unknown) => e)) as ClickSendError;
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
    server.queue(
      { status: 429, body: envelope([], "TOO_MANY_REQUESTS", 429), headers: { "retry-after": "1" } },
      { status: 200, body: account },
    );
    await client().account.get();
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("gives up at once when Retry-After is longer than the cap", async () => {
    server.queue({ status: 429, body: envelope([], "TOO_MANY_REQUESTS", 429), headers: { "retry-after": "3600" } });
    const error = (await client()
      .account.get()
      .catch((e: unknown) => e)) as ClickSendError;
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
    server.fallback = () => ({ hold: true });
    const events: CallEvent[] = [];
    await expect(client({ timeoutMs: 50, onCall: (e) => events.push(e) }).sms.send({ body: sendBody })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    expect(events).toHaveLength(1);
    expect(server.received.length).toBeLessThanOrEqual(1);
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
      body: envelope({
        total_price: 0.07,
        total_count: 2,
        queued_count: 1,
        messages: [message("+61411111111", "SUCCESS"), message("+6100", "INVALID_RECIPIENT")],
        _currency: {},
      }),
    });
    const sent = await client().sms.send({ body: sendBody });
    expect(sent.response_code).toBe("SUCCESS");
    expect(sent.data.messages.map((m) => m.status)).toEqual(["SUCCESS", "INVALID_RECIPIENT"]);
    expect(refusedRecipients(sent).map((m) => m.to)).toEqual(["+6100"]);
  });
});
