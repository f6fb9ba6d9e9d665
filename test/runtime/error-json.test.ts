/**
 * What each error's `toJSON()` holds (what a logger writing `JSON.stringify(error)` prints): name,
 * message, the call's context and every property of its class, in that order; ClickSendError
 * leaves out responseMsg, which the body already holds.
 */
import { describe, expect, it } from "vitest";
import { ClickSendError } from "../../runtime/clicksend-error.js";
import {
  AbortError,
  ApiError,
  HttpError,
  NetworkError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UnparseableResponseError,
} from "../../runtime/errors.js";
import { SmSendError } from "../../runtime/smsend-error.js";

const context = { operationId: "sms/send", method: "POST", url: "https://x.test/sms/send" };
const where = "(sms/send: POST https://x.test/sms/send)";
const reply = { status: 400, body: { response_code: "BAD", response_msg: "No." }, headers: { "x-request-id": "r1" } };

describe("toJSON", () => {
  it.each([
    [new ApiError("failed", context), { name: "ApiError", message: `failed ${where}`, ...context }],
    [
      new HttpError("refused", context, reply),
      {
        name: "HttpError",
        message: `refused [request id r1] ${where}`,
        ...context,
        status: 400,
        requestId: "r1",
        headers: reply.headers,
        body: reply.body,
      },
    ],
    [
      new ClickSendError(context, reply),
      {
        name: "ClickSendError",
        message: `ClickSend replied 400 BAD: No. [request id r1] ${where}`,
        ...context,
        status: 400,
        requestId: "r1",
        headers: reply.headers,
        body: reply.body,
        responseCode: "BAD",
      },
    ],
    [
      new SmSendError(context, { status: 401, body: "no", headers: {} }),
      {
        name: "SmSendError",
        message: `smSend replied 401: no ${where}`,
        ...context,
        status: 401,
        requestId: undefined,
        headers: {},
        body: "no",
      },
    ],
    [
      new UnparseableResponseError(context, 200, "<html>", "an HTML page"),
      {
        name: "UnparseableResponseError",
        message: `unparseable reply with status 200: an HTML page ${where}`,
        ...context,
        status: 200,
        bodyText: "<html>",
      },
    ],
    [
      new ResponseTooLargeError(context, 200, 10),
      {
        name: "ResponseTooLargeError",
        message: `reply with status 200 is larger than maxResponseBytes (10); not read further ${where}`,
        ...context,
        status: 200,
        maxResponseBytes: 10,
      },
    ],
    [
      new RedirectError(context, 302, "https://y.test/", "to another origin"),
      {
        name: "RedirectError",
        message: `redirect 302 not followed: to another origin ${where}`,
        ...context,
        status: 302,
        location: "https://y.test/",
      },
    ],
    [new TimeoutError(context, 5), { name: "TimeoutError", message: `no reply within 5 ms ${where}`, ...context, timeoutMs: 5 }],
    [
      new AbortError(context, "stop", new Error("stop")),
      { name: "AbortError", message: `aborted by the caller: stop ${where}`, ...context },
    ],
    [
      new NetworkError(context, "refused", "ECONNREFUSED"),
      { name: "NetworkError", message: `network failure: refused ${where}`, ...context, code: "ECONNREFUSED" },
    ],
  ])("%s", (error, expected) => {
    const json = error.toJSON();
    expect(json).toStrictEqual(expected);
    expect(Object.keys(json)).toEqual(Object.keys(expected));
    expect(error.name).toBe(expected.name);
  });
});
