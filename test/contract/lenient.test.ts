/**
 * The lenient inputs of specs/README.md against the mock servers (request validation on): what
 * real clients send, and the docs' own calls, are accepted.
 */
import { expect, inject, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";

const prism = inject("prism");
const basic = `Basic ${Buffer.from("api-user:D83DED51-9E35-4D42-9BB9-0E34B7CA85AE").toString("base64")}`;
const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { authorization: basic, "content-type": "application/json" }, body: JSON.stringify(body) });

it("ClickSend: a list page of 10, as the docs' own samples ask", async () => {
  const cs = createClickSendClient({
    username: "api-user",
    apiKey: "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE",
    baseUrl: prism.clicksend!,
    retry: false,
  });
  const page = await cs.contactLists.list({ limit: 10 });
  expect(page.response_code).toBe("SUCCESS");
});

it("ClickSend: a message with schedule null, as ClickSend's n8n node sends it", async () => {
  const response = await post(`${prism.clicksend}/sms/send`, {
    messages: [{ from: "", to: "+61411111111", body: "Hi", source: "n8n", custom_string: "", schedule: null }],
  });
  expect(response.status).toBe(200);
  const refused = await post(`${prism.clicksend}/sms/send`, { messages: [{ to: "+61411111111", body: "Hi", schedule: "tomorrow" }] });
  expect(refused.status).toBe(400);
});

it("smSend: a contact with the documented empty gender and birthdate", async () => {
  const sm = await createSmSendClient({ baseUrl: prism.smsend!, userKey: "USERKEY1", accessToken: "ACCESSTOKEN1", retry: false });
  // Refused, this call throws an HttpError (400): the mock validates the body.
  await sm.contacts.create({ body: { phoneNumber: "+393471234567", gender: "", birthdate: "" } });
  await expect(sm.contacts.create({ body: { phoneNumber: "+393471234567", gender: "x" as "m" } })).rejects.toMatchObject({ status: 400 });
});
