import { describe, expect, inject, it } from "vitest";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { describeContract } from "../support/contract.js";

const baseUrl = inject("prism").smsend!;

describeContract({
  providerId: "smsend",
  makeClient: (fetch) => createSmSendClient({ baseUrl, userKey: "USERKEY1", accessToken: "ACCESSTOKEN1", fetch }),
});

describe("smSend login flows against Prism", () => {
  it("logs in with a session key and sends user_key + Session_key afterwards", async () => {
    const sm = await createSmSendClient({ baseUrl, username: "alice", password: "s3cret-pass" });
    const keys = sm.currentKeys();
    expect(keys?.kind).toBe("Session_key");
    expect(keys?.userKey).toMatch(/^[^;]+$/);
    // Prism rejects the call with 401 unless both security headers are present.
    const sent = await sm.sms.send({ body: { message_type: "N", message: "Hello", recipient: ["+393471234567"] } });
    expect(sent.result).toBe("OK");
  });

  it("logs in with an access token and sends user_key + Access_token afterwards", async () => {
    const sm = await createSmSendClient({ baseUrl, username: "alice", password: "s3cret-pass", auth: "token" });
    expect(sm.currentKeys()?.kind).toBe("Access_token");
    const state = await sm.sms.getState({ order_id: "123456789" });
    expect(Array.isArray(state.recipients)).toBe(true);
  });

  it("never shows the password or keys when serialized", async () => {
    const sm = await createSmSendClient({ baseUrl, username: "alice", password: "s3cret-pass" });
    const key = sm.currentKeys()!.key;
    const text = JSON.stringify(sm);
    expect(text).not.toContain("s3cret-pass");
    expect(text).not.toContain(key);
  });
});
