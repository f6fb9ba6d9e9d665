/** How an operation's input becomes the URL and body fetch sends (OpenAPI's default styles). */
import { describe, expect, it } from "vitest";
import { expandOperations } from "../../runtime/operation-table.js";
import { buildInit, buildUrl } from "../../runtime/request.js";

const table = expandOperations({
  "things/list": ["GET /lists/{list_id}/things", { query: ["page", "ids", "filter", "q"] }],
  "things/create": ["POST /things", { body: "required", header: ["X-Trace"] }],
});
const none = { path: {}, query: {}, header: {} };

describe("requests", () => {
  it.each([
    ["path parameters are percent-encoded", { ...none, path: { list_id: "a/b c" } }, "https://api.test/v3/lists/a%2Fb%20c/things"],
    [
      "arrays repeat the name (form, explode)",
      { ...none, path: { list_id: 1 }, query: { ids: [1, 2] } },
      "https://api.test/v3/lists/1/things?ids=1&ids=2",
    ],
    [
      "objects use deepObject",
      { ...none, path: { list_id: 1 }, query: { filter: { product_type: "SMS" } } },
      "https://api.test/v3/lists/1/things?filter%5Bproduct_type%5D=SMS",
    ],
    [
      "undefined and null are left out",
      { ...none, path: { list_id: 1 }, query: { page: undefined, q: null } },
      "https://api.test/v3/lists/1/things",
    ],
  ])("%s", (_, params, want) => {
    expect(buildUrl("https://api.test/v3", table["things/list"]!, params)).toBe(want);
  });

  it("sends a JSON body with its content type, header parameters and the signal", () => {
    const signal = new AbortController().signal;
    const init = buildInit(table["things/create"]!, { ...none, header: { "X-Trace": 7 } }, { a: 1 }, { Authorization: "Basic x" }, signal);
    expect(init).toEqual({
      method: "POST",
      headers: { Authorization: "Basic x", "X-Trace": "7", "Content-Type": "application/json" },
      body: '{"a":1}',
      redirect: "manual",
      signal,
    });
  });

  it("expands the terse table: path parameters from the template, defaults filled in", () => {
    expect(table["things/list"]).toEqual({
      method: "get",
      path: "/lists/{list_id}/things",
      pathParams: ["list_id"],
      queryParams: ["page", "ids", "filter", "q"],
      headerParams: [],
      body: "none",
      parseAs: "json",
      authenticated: true,
      idempotent: true,
    });
    expect(table["things/create"]?.idempotent).toBe(false);
  });
});
