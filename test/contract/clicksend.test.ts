import { describe, expect, inject, it } from "vitest";
import { ClickSendError, createClickSendClient, type ReplyData } from "../../generated/clicksend/index.js";
import { describeContract } from "../support/contract.js";

const baseUrl = inject("prism").clicksend!;
const credentials = { username: "api-user", apiKey: "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE" };

describeContract({
  providerId: "clicksend",
  makeClient: (fetch) => createClickSendClient({ ...credentials, baseUrl, fetch }),
  checkError: (error, example) => {
    expect(error).toBeInstanceOf(ClickSendError);
    const expected = (example as { response_code?: string } | undefined)?.response_code;
    expect((error as ClickSendError).responseCode).toBe(expected);
  },
});

describe("ClickSend client, typed calls against Prism", () => {
  const cs = createClickSendClient({ ...credentials, baseUrl });

  it("sends an SMS and exposes every recipient's status", async () => {
    const sent = await cs.sms.send({
      body: { messages: [{ to: "+61411111111", body: "Hello from the test suite", source: "sdk" }] },
    });
    expect(sent.response_code).toBe("SUCCESS");
    const data: ReplyData<"sms/send"> = sent.data;
    expect(data.messages.length).toBeGreaterThan(0);
    expect(typeof data.messages[0]!.status).toBe("string");
  });

  it("reads a page of contacts with typed page fields", async () => {
    const page = await cs.contacts.list({ list_id: 428, page: 1, limit: 15 });
    expect(page.data.current_page).toBe(1);
    expect(Array.isArray(page.data.data)).toBe(true);
  });

  it("is refused by Prism without credentials, and the error names no secret", async () => {
    const anonymous = createClickSendClient({
      username: "x",
      apiKey: "wrong-key-value",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("Authorization");
        return fetch(request);
      },
    });
    const error = await anonymous.account.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClickSendError);
    expect((error as ClickSendError).status).toBe(401);
    const shown = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(shown).not.toContain("wrong-key-value");
  });
});
