/**
 * Request bodies are closed (specs/README.md): a misspelt field is refused by the compiler and,
 * sent anyway, by the mock server with request validation on, instead of being dropped while the
 * message goes out (a misspelt `schedule` would send it at once). Each refusal has a control:
 * the same call spelt right succeeds. Prism answers an invalid request with the operation's
 * documented 400 reply and names what it refused in its `sl-violations` header.
 */
import { describe, expect, inject, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { HttpError } from "../../runtime/index.js";

const prism = inject("prism");
const noRetry = { retry: false } as const;

/** A fetch that remembers what Prism said it refused. */
function recordingFetch() {
  const seen = { violations: "" };
  const fetchAndRecord = async (request: Request) => {
    const response = await fetch(request);
    seen.violations = response.headers.get("sl-violations") ?? "";
    return response;
  };
  return { seen, fetch: fetchAndRecord };
}

async function refusal(call: Promise<unknown>): Promise<HttpError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("a misspelt field in a send", () => {
  const recorder = recordingFetch();
  const cs = createClickSendClient({
    username: "api-user",
    apiKey: "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE",
    baseUrl: prism.clicksend!,
    fetch: recorder.fetch,
  });
  const message = { to: "+61411111111", body: "Opening at 9am tomorrow", schedule: 1436874701 };

  it("ClickSend: spelt right, the scheduled message is accepted", async () => {
    const sent = await cs.sms.send({ body: { messages: [message] } }, noRetry);
    expect(sent.response_code).toBe("SUCCESS");
    expect(recorder.seen.violations).toBe("");
  });

  it("ClickSend: `shedule` does not compile, and Prism refuses it", async () => {
    const { schedule, ...rest } = message;
    // @ts-expect-error `shedule` is not a field of SmsMessage.
    const error = await refusal(cs.sms.send({ body: { messages: [{ ...rest, shedule: schedule }] } }, noRetry));
    expect(error.status).toBe(400);
    expect(recorder.seen.violations).toContain("must NOT have additional properties; found 'shedule'");
  });

  const smRecorder = recordingFetch();
  const smsend = () =>
    createSmSendClient({ baseUrl: prism.smsend!, userKey: "USERKEY1", accessToken: "ACCESSTOKEN1", fetch: smRecorder.fetch });
  const send = { message_type: "N" as const, message: "Hello", recipient: ["+393471234567"] };

  it("smSend: spelt right, the message is accepted", async () => {
    const sent = await (await smsend()).sms.send({ body: send }, noRetry);
    expect(sent.result).toBe("OK");
    expect(smRecorder.seen.violations).toBe("");
  });

  it("smSend: `mesage` does not compile, and Prism refuses it", async () => {
    const { message: text, ...rest } = send;
    // @ts-expect-error `mesage` is not a field of SendSmsRequest.
    const error = await refusal((await smsend()).sms.send({ body: { ...rest, message: text, mesage: text } }, noRetry));
    expect(error.status).toBe(400);
    // A composed body is closed by `propertyNames`, whose violation does not name the field.
    expect(smRecorder.seen.violations).toContain('"code":"propertyNames"');
  });
});
