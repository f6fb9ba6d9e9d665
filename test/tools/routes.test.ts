/** Which operation of a bundled document a request reaches (test/support/routes.ts), as the contract coverage reads it. */
import { describe, expect, test } from "vitest";
import { loadSpec } from "../support/openapi.js";
import { documentOperations, operationAt } from "../support/routes.js";

const operations = documentOperations(loadSpec("clicksend").document);

describe("operationAt", () => {
  test.each<[string, { given: [method: string, path: string]; want: string | undefined }]>([
    ["a literal path", { given: ["GET", "/account"], want: "account/get" }],
    ["a parameter", { given: ["GET", "/reseller/acme"], want: "reseller/get-by-subdomain" }],
    ["a literal segment beats a parameter", { given: ["GET", "/reseller/accounts"], want: "reseller/list-accounts" }],
    ["the method decides among a path's operations", { given: ["POST", "/reseller/accounts"], want: "reseller/create-account" }],
    ["the method may be in any case", { given: ["get", "/account"], want: "account/get" }],
    ["a method the path does not have", { given: ["DELETE", "/account"], want: undefined }],
    ["an empty parameter segment", { given: ["GET", "/reseller/"], want: undefined }],
    ["one segment too many", { given: ["GET", "/account/extra"], want: undefined }],
    ["no such path", { given: ["GET", "/nothing-here"], want: undefined }],
  ])("%s", (_, { given, want }) => {
    expect(operationAt(operations, ...given)?.operationId).toBe(want);
  });

  test("every operationId of the document once, none undefined", () => {
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain("undefined");
    expect(ids).toContain("sms/send");
  });
});
