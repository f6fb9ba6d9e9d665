/**
 * Brands and logins against Prism mocks with request validation on: a Skebby client (brand
 * "skebby", Skebby's own bundled document) sends GP and is refused N; the logins of smSend's
 * document accept HTTP Basic (what the client sends by default) and the query string, and refuse
 * a login with neither.
 */
import { describe, expect, inject, it } from "vitest";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { HttpError } from "../../runtime/index.js";

const prism = inject("prism");
const keys = { userKey: "USERKEY1", accessToken: "ACCESSTOKEN1", retry: false } as const;
const recipient = ["+393471234567"];

/** A fetch that keeps the requests it sent. */
function recording() {
  const sent: Request[] = [];
  return { sent, fetch: (request: Request) => (sent.push(request.clone()), fetch(request)) };
}

describe("a Skebby client against Skebby's mock", () => {
  it("sends GP, TI and SI", async () => {
    const sk = await createSmSendClient({ ...keys, brand: "skebby", baseUrl: prism["smsend-skebby"]! });
    for (const code of ["GP", "TI", "SI"] as const) {
      const sent = await sk.sms.send({ body: { message_type: code, message: "Ciao", recipient } });
      expect(sent.result).toBe("OK");
    }
  });

  it("is refused smSend's N (a cast gets past the types, not past the mock)", async () => {
    const sk = await createSmSendClient({ ...keys, brand: "skebby", baseUrl: prism["smsend-skebby"]! });
    const error = await sk.sms.send({ body: { message_type: "N" as "GP", message: "Ciao", recipient } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
  });

  it("without baseUrl, points at Skebby's host", async () => {
    const calls = recording();
    const sk = await createSmSendClient({
      ...keys,
      brand: "skebby",
      fetch: async (request) => (calls.sent.push(request), new Response("{}", { status: 500 })),
    });
    await sk.sms.send({ body: { message_type: "GP", message: "Ciao", recipient } }).catch(() => undefined);
    expect(new URL(calls.sent[0]!.url).origin).toBe("https://api.skebby.it");
  });
});

describe("logins with HTTP Basic against smSend's mock", () => {
  it.each([
    ["session", "/login"],
    ["token", "/token"],
  ] as const)("auth %s: Basic by default, no credentials in the URL", async (auth, path) => {
    const calls = recording();
    const sm = await createSmSendClient({ baseUrl: prism.smsend!, username: "alice", password: "s3cret-pass", auth, fetch: calls.fetch });
    const login = calls.sent[0]!;
    expect(new URL(login.url).pathname).toBe(path);
    expect(new URL(login.url).search).toBe("");
    expect(login.headers.get("authorization")).toMatch(/^Basic /);
    expect(sm.currentKeys()?.kind).toBe(auth === "session" ? "Session_key" : "Access_token");
    const sent = await sm.sms.send({ body: { message_type: "N", message: "Hello", recipient } });
    expect(sent.result).toBe("OK");
  });

  it("the query-string form still works", async () => {
    const sm = await createSmSendClient({
      baseUrl: prism.smsend!,
      username: "alice",
      password: "s3cret-pass",
      auth: "token",
      loginCredentials: "query",
    });
    expect(sm.currentKeys()?.kind).toBe("Access_token");
  });

  it.each(["/login", "/token"])("%s with neither Basic nor the query credentials is refused", async (path) => {
    const response = await fetch(`${prism.smsend}${path}`);
    expect(response.status).toBe(401);
  });

  it.each(["/login", "/token"])("%s with only a username in the query is refused", async (path) => {
    const response = await fetch(`${prism.smsend}${path}?username=alice`);
    expect(response.status).toBe(401);
  });
});
