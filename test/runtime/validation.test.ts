/** Optional reply validation reports drift from the spec without breaking the call. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { repoRoot } from "../../generator/providers.js";
import { createResponseValidator, type ResponseMismatch } from "../../runtime/validation.js";
import { envelope, useFaultServer } from "../support/fault-server.js";

const document = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "clicksend", "openapi.json"), "utf8")) as object;
const server = useFaultServer();

const country = { code: "AU", value: "Australia" };

describe("reply validation", () => {
  it("reports a reply that drifted from the spec, and still returns it", async () => {
    const mismatches: ResponseMismatch[] = [];
    // The spec says countries/list replies with a list of {code, value}; this one sends numbers.
    server.queue({ status: 200, body: envelope([1, 2]) });
    const cs = createClickSendClient({
      username: "u",
      apiKey: "k-123456",
      baseUrl: server.url,
      validateResponses: createResponseValidator(document, (m) => mismatches.push(m)),
    });
    const reply = await cs.countries.list();
    expect(reply.data).toEqual([1, 2]);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]!.operationId).toBe("countries/list");
    expect(mismatches[0]!.errors.map((e) => e.path)).toContain("/data/0");
  });

  it("reports nothing for a reply that matches", async () => {
    const mismatches: ResponseMismatch[] = [];
    server.queue({ status: 200, body: envelope([country]) });
    const cs = createClickSendClient({
      username: "u",
      apiKey: "k-123456",
      baseUrl: server.url,
      validateResponses: createResponseValidator(document, (m) => mismatches.push(m)),
    });
    await cs.countries.list();
    expect(mismatches).toEqual([]);
  });

  it("is off by default: a drifted reply is returned as it came", async () => {
    server.queue({ status: 200, body: envelope([1, 2]) });
    const cs = createClickSendClient({ username: "u", apiKey: "k-123456", baseUrl: server.url });
    expect((await cs.countries.list()).data).toEqual([1, 2]);
  });

  it("checks a reply documented by a shared response component ($ref), as every error reply is", () => {
    const mismatches: ResponseMismatch[] = [];
    const validate = createResponseValidator(document, (m) => mismatches.push(m));
    const spec = { method: "get", path: "/account" } as Parameters<typeof validate>[0]["spec"];
    const notFound = { http_code: 404, response_code: "NOT_FOUND", response_msg: "Not found.", data: null };
    validate({ operationId: "account/get", spec, status: 404, contentType: "application/json", body: notFound });
    expect(mismatches).toEqual([]);
    validate({ operationId: "account/get", spec, status: 404, contentType: "application/json", body: { ...notFound, http_code: "404" } });
    expect(mismatches.map((m) => m.errors.map((e) => e.path))).toEqual([["/http_code"]]);
  });
});
