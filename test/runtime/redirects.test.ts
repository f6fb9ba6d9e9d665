/**
 * Credentials go only to the configured origin. A hostile server (or a proxy in front of it)
 * answers with redirects to another origin, which records every request it gets: it must get
 * none, whatever the status, the method, the client, or whose fetch sends the request. Redirects
 * within the origin are followed, the way the status asks, with a hop limit.
 */
import { describe, expect, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { RedirectError } from "../../runtime/index.js";
import { envelope, useFaultServer } from "../support/fault-server.js";

const server = useFaultServer();
/** Another origin (another port), standing for an attacker's host. */
const thief = useFaultServer();

const state = { recipient_number: 1, result: "OK", recipients: [] };
const sent = { result: "OK", order_id: "A1", total_sent: 1, internal_order_id: "I1" };
const smsBody = { message_type: "N" as const, message: "Hi", recipient: ["+393471234567"] };
const csSend = { messages: [{ to: "+61411111111", body: "Hi", source: "test" }] };

/** Both of Node's fetch paths: the global one, and a user's own fetch that hands the Request on. */
const fetches = { "global fetch": undefined, "custom fetch": (request: Request) => fetch(request) };

type Call = { name: string; run: (customFetch: ((r: Request) => Promise<Response>) | undefined) => Promise<unknown> };
const calls: Call[] = [
  {
    name: "smSend GET sms/{order_id}",
    run: async (f) =>
      (
        await createSmSendClient({
          userKey: "UK-secret-1",
          sessionKey: "SK-secret-1",
          baseUrl: server.url,
          retry: false,
          ...(f ? { fetch: f } : {}),
        })
      ).sms.getState({ order_id: "1" }),
  },
  {
    name: "smSend POST sms (access token)",
    run: async (f) =>
      (
        await createSmSendClient({
          userKey: "UK-secret-1",
          accessToken: "AT-secret-1",
          baseUrl: server.url,
          retry: false,
          ...(f ? { fetch: f } : {}),
        })
      ).sms.send({ body: smsBody }),
  },
  {
    name: "ClickSend GET account",
    run: (f) =>
      createClickSendClient({
        username: "u",
        apiKey: "API-secret-1",
        baseUrl: server.url,
        retry: false,
        ...(f ? { fetch: f } : {}),
      }).account.get(),
  },
  {
    name: "ClickSend POST sms/send",
    run: (f) =>
      createClickSendClient({
        username: "u",
        apiKey: "API-secret-1",
        baseUrl: server.url,
        retry: false,
        ...(f ? { fetch: f } : {}),
      }).sms.send({ body: csSend }),
  },
];

describe("a redirect to another origin is refused, and that origin receives nothing", () => {
  const cases = calls.flatMap((call) =>
    Object.entries(fetches).flatMap(([via, f]) => [301, 302, 303, 307, 308].map((status) => [call.name, via, status, call, f] as const)),
  );
  it.each(cases)("%s, %s, %i", async (_, __, status, call, customFetch) => {
    thief.fallback = () => ({ status: 200, body: state });
    server.queue({ status, headers: { location: `${thief.url}/collect?from=redirect` } });
    const error = await call.run(customFetch).catch((e: unknown) => e);
    expect(thief.received).toEqual([]);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as RedirectError).status).toBe(status);
    expect((error as RedirectError).message).toContain(`another origin (${thief.url})`);
    expect(server.received).toHaveLength(1);
  });

  it("refuses for the typed escape hatch `raw` too (smSend)", async () => {
    thief.fallback = () => ({ status: 200, body: state });
    server.queue({ status: 307, headers: { location: `${thief.url}/collect` } });
    const sm = await createSmSendClient({ userKey: "UK-secret-1", sessionKey: "SK-secret-1", baseUrl: server.url });
    const error = await sm.raw.GET("/sms/{order_id}", { params: { path: { order_id: "1" } } }).catch((e: unknown) => e);
    expect(thief.received).toEqual([]);
    expect(error).toBeInstanceOf(RedirectError);
    expect(server.received[0]!.headers.user_key).toBe("UK-secret-1");
  });

  it("refuses for `raw` too (ClickSend), and follows a same-origin redirect there", async () => {
    server.queue(
      { status: 308, headers: { location: "/account-moved" } },
      { status: 200, body: envelope({ user_id: 7 }) },
      { status: 302, headers: { location: `${thief.url}/collect` } },
    );
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url });
    const { data } = await cs.raw.GET("/account");
    expect(data?.data.user_id).toBe(7);
    await expect(cs.raw.GET("/account")).rejects.toBeInstanceOf(RedirectError);
    expect(thief.received).toEqual([]);
    expect(server.received.map((r) => [r.url, r.headers.authorization?.slice(0, 6)])).toEqual([
      ["/account", "Basic "],
      ["/account-moved", "Basic "],
      ["/account", "Basic "],
    ]);
  });

  it("refuses a browser's opaque redirect, whose target scripts cannot see", async () => {
    // What a browser's fetch returns for `redirect: "manual"`: status 0, type "opaqueredirect".
    const opaque = async () => Object.defineProperties(new Response(null), { type: { value: "opaqueredirect" }, status: { value: 0 } });
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url, fetch: opaque, retry: false });
    const error = await cs.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(/target hidden/);
  });

  it("refuses the reply of a custom fetch that followed a redirect to another origin on its own", async () => {
    // Such a fetch ignores `redirect: "manual"`; the request has left, but its reply is not used.
    thief.fallback = () => ({ status: 200, body: envelope({ user_id: 1 }) });
    server.queue({ status: 302, headers: { location: `${thief.url}/account` } });
    const following = (request: Request) => fetch(request.url, { method: request.method, headers: request.headers });
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url, fetch: following, retry: false });
    await expect(cs.account.get()).rejects.toBeInstanceOf(RedirectError);
  });
});

describe("a redirect within the origin is followed as its status asks", () => {
  it("307 on POST sms: same method, body and keys (the server did not act on the first request)", async () => {
    server.queue({ status: 307, headers: { location: "/v2/sms" } }, { status: 200, body: sent });
    const sm = await createSmSendClient({ userKey: "UK-secret-1", accessToken: "AT-secret-1", baseUrl: server.url });
    expect((await sm.sms.send({ body: smsBody })).order_id).toBe("A1");
    const [first, second] = server.received;
    expect([second!.method, second!.url, second!.body, second!.headers.access_token]).toEqual([
      "POST",
      "/v2/sms",
      first!.body,
      "AT-secret-1",
    ]);
  });

  it("303 on POST becomes a GET without the body", async () => {
    server.queue({ status: 303, headers: { location: `${server.url}/result/7` } }, { status: 200, body: envelope({ total_count: 1 }) });
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url });
    await cs.sms.send({ body: csSend });
    expect(server.received.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", "/sms/send", JSON.stringify(csSend)],
      ["GET", "/result/7", ""],
    ]);
  });

  it("302 on GET is followed; 302 on POST is refused (it would turn the send into a GET)", async () => {
    server.queue({ status: 302, headers: { location: "/account2" } }, { status: 200, body: envelope({ user_id: 1 }) });
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url, retry: false });
    expect((await cs.account.get()).data.user_id).toBe(1);
    server.reset();
    server.queue({ status: 302, headers: { location: "/sms/send2" } });
    await expect(cs.sms.send({ body: csSend })).rejects.toBeInstanceOf(RedirectError);
    expect(server.received).toHaveLength(1);
  });

  it("stops after 5 hops", async () => {
    server.fallback = () => ({ status: 307, headers: { location: "/again" } });
    const cs = createClickSendClient({ username: "u", apiKey: "API-secret-1", baseUrl: server.url, retry: false });
    const error = await cs.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect((error as Error).message).toMatch(/more than 5 redirects/);
    expect(server.received).toHaveLength(6);
  });
});
