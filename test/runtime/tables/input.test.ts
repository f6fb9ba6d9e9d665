/**
 * Tables for how a call's input is read: splitInput (runtime/input.ts), the next-link parser
 * and page walk of runtime/paginate.ts, and JSON pointers (runtime/pointer.ts).
 */
import { describe, expect, test } from "vitest";
import { splitInput } from "../../../runtime/input.js";
import { expandOperations, type PaginationSpec } from "../../../runtime/operation-table.js";
import { linkParameters, paginate, type PageOptions } from "../../../runtime/paginate.js";
import { atPointer, escapePointer, pointerTokens } from "../../../runtime/pointer.js";

const table = expandOperations({
  "lists/update": ["PUT /lists/{list_id}", { query: ["page"], header: ["X-Trace"], body: "required" }],
  "lists/get": ["GET /lists/{list_id}", { query: ["page", "limit"], body: "optional" }],
  "account/get": ["GET /account"],
});

describe("splitInput", () => {
  test.each<[string, { given: { id: string; input: unknown }; want: unknown }]>([
    [
      "path, query, header and body",
      {
        given: { id: "lists/update", input: { list_id: 7, page: 2, "X-Trace": "t", body: { a: 1 } } },
        want: { params: { path: { list_id: 7 }, query: { page: 2 }, header: { "X-Trace": "t" } }, body: { a: 1 } },
      },
    ],
    [
      "undefined values are left out",
      {
        given: { id: "lists/get", input: { list_id: 7, page: undefined } },
        want: { params: { path: { list_id: 7 }, query: {}, header: {} }, body: undefined },
      },
    ],
    [
      "null and 0 are kept",
      {
        given: { id: "lists/get", input: { list_id: 0, page: null } },
        want: { params: { path: { list_id: 0 }, query: { page: null }, header: {} }, body: undefined },
      },
    ],
    [
      "no input for an operation without parameters",
      { given: { id: "account/get", input: undefined }, want: { params: { path: {}, query: {}, header: {} }, body: undefined } },
    ],
    [
      "an optional body may be left out",
      {
        given: { id: "lists/get", input: { list_id: "a" } },
        want: { params: { path: { list_id: "a" }, query: {}, header: {} }, body: undefined },
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(splitInput(given.id, table[given.id]!, given.input)).toEqual(want);
  });

  test.each<[string, { given: { id: string; input: unknown }; want: string }]>([
    ["an unknown field", { given: { id: "lists/get", input: { list_id: 7, pages: 2 } }, want: "lists/get: unknown input field(s) pages" }],
    [
      "a parameter of the wrong place's casing",
      {
        given: { id: "lists/update", input: { list_id: 7, "x-trace": "t", body: {} } },
        want: "lists/update: unknown input field(s) x-trace",
      },
    ],
    ["a missing path parameter", { given: { id: "lists/get", input: {} }, want: "lists/get: missing path parameter(s) list_id" }],
    [
      "an empty path parameter",
      { given: { id: "lists/get", input: { list_id: "" } }, want: "lists/get: missing path parameter(s) list_id" },
    ],
    ["a missing required body", { given: { id: "lists/update", input: { list_id: 7 } }, want: "lists/update: a request body is required" }],
  ])("refuses %s", (_, { given, want }) => {
    expect(() => splitInput(given.id, table[given.id]!, given.input)).toThrow(new TypeError(want));
  });
});

describe("linkParameters", () => {
  test.each<[string, { given: string; want: Record<string, string> }]>([
    ["the query of an absolute link", { given: "https://api.test/v3/x?page=2&limit=15", want: { page: "2", limit: "15" } }],
    ["a relative link", { given: "/x?cursor=abc", want: { cursor: "abc" } }],
    ["percent-decoding and + as space", { given: "?q=a%20b+c&n%61me=1", want: { q: "a b c", name: "1" } }],
    ["an unescaped # stays in the value", { given: "/x?cursor=a#b&limit=5", want: { cursor: "a#b", limit: "5" } }],
    ["an = inside a value", { given: "?token=a=b=", want: { token: "a=b=" } }],
    ["a name without a value", { given: "?flag&x=1", want: { flag: "", x: "1" } }],
    ["broken percent-encoding is kept as is", { given: "?q=100%", want: { q: "100%" } }],
    ["empty pairs are skipped", { given: "?&&a=1&", want: { a: "1" } }],
    ["no query", { given: "https://api.test/x", want: {} }],
  ])("%s", (_, { given, want }) => {
    expect(linkParameters(given)).toEqual(want);
  });
});

/** Walks `pages` (replies by position) with `pagination`; returns the items, the inputs of each fetch and what it threw. */
async function walk(pagination: PaginationSpec, pages: unknown[], input: Record<string, unknown> = {}, options?: PageOptions) {
  const asked: Record<string, unknown>[] = [];
  const items: unknown[] = [];
  try {
    for await (const item of paginate(
      async (pageInput) => (asked.push(pageInput), pages[asked.length - 1] ?? { data: [] }),
      pagination,
      input,
      options,
    ))
      items.push(item);
  } catch (error) {
    return { items, asked, thrown: (error as Error).message };
  }
  return { items, asked, thrown: undefined };
}

const pages: PaginationSpec = { page: "page", size: "limit", items: "/data", lastPage: "/last_page", total: "/total" };
const offsets: PaginationSpec = { offset: "offset", size: "limit", items: "/data", total: "/total" };
const cursor: PaginationSpec = { cursor: "cursor", next: "/next", fromNext: ["cursor", "limit"], size: "limit", items: "/data" };

describe("paginate: where a walk stops", () => {
  test.each<
    [
      string,
      {
        given: { pagination: PaginationSpec; pages: unknown[]; input?: Record<string, unknown> };
        want: { items: unknown[]; fetches: number };
      },
    ]
  >([
    [
      "at the last page the reply announces",
      {
        given: { pagination: pages, pages: [{ data: [1], last_page: 2 }, { data: [2], last_page: 2 }, { data: [3] }] },
        want: { items: [1, 2], fetches: 2 },
      },
    ],
    ["at an empty page", { given: { pagination: pages, pages: [{ data: [1] }, { data: [] }] }, want: { items: [1], fetches: 2 } }],
    ["when the items are missing", { given: { pagination: pages, pages: [{ data: [1] }, {}] }, want: { items: [1], fetches: 2 } }],
    [
      "at a short page",
      {
        given: { pagination: pages, pages: [{ data: [1, 2] }, { data: [3] }], input: { limit: 2 } },
        want: { items: [1, 2, 3], fetches: 2 },
      },
    ],
    [
      "at the total (a string)",
      {
        given: {
          pagination: offsets,
          pages: [
            { data: [1, 2], total: "3" },
            { data: [3], total: "3" },
          ],
        },
        want: { items: [1, 2, 3], fetches: 2 },
      },
    ],
    [
      "when there is no next link",
      {
        given: {
          pagination: cursor,
          pages: [
            { data: [1], next: "?cursor=b" },
            { data: [2], next: null },
          ],
        },
        want: { items: [1, 2], fetches: 2 },
      },
    ],
    [
      "when the next link has no cursor",
      { given: { pagination: cursor, pages: [{ data: [1], next: "?limit=5" }] }, want: { items: [1], fetches: 1 } },
    ],
  ])("%s", async (_, { given, want }) => {
    const { items, asked } = await walk(given.pagination, given.pages, given.input);
    expect({ items, fetches: asked.length }).toEqual(want);
  });

  test.each<
    [string, { given: { pagination: PaginationSpec; input: Record<string, unknown>; pages: unknown[] }; want: Record<string, unknown>[] }]
  >([
    [
      "page numbers count up from the one asked for",
      {
        given: { pagination: pages, input: { page: 3, limit: 1, q: "x" }, pages: [{ data: [1] }, { data: [] }] },
        want: [
          { page: 3, limit: 1, q: "x" },
          { page: 4, limit: 1, q: "x" },
        ],
      },
    ],
    [
      "offsets advance by the items received",
      { given: { pagination: offsets, input: {}, pages: [{ data: [1, 2] }, { data: [] }] }, want: [{ offset: 0 }, { offset: 2 }] },
    ],
    [
      "a cursor and the listed parameters come from the next link",
      {
        given: { pagination: cursor, input: { limit: 9 }, pages: [{ data: [1], next: "/x?cursor=c2&limit=5&other=1" }, { data: [] }] },
        want: [{ limit: 9 }, { limit: "5", cursor: "c2" }],
      },
    ],
  ])("%s", async (_, { given, want }) => {
    expect((await walk(given.pagination, given.pages, given.input)).asked).toEqual(want);
  });

  const endless = Array.from({ length: 10 }, (_, i) => ({ data: [i] }));
  test.each<
    [string, { given: { pagination: PaginationSpec; pages: unknown[]; options?: PageOptions }; want: { thrown: string; fetches: number } }]
  >([
    [
      "a page whose items are not an array",
      { given: { pagination: pages, pages: [{ data: "x" }] }, want: { thrown: "expected an array of items at /data", fetches: 1 } },
    ],
    [
      "the same cursor twice",
      {
        given: {
          pagination: cursor,
          pages: [
            { data: [1], next: "?cursor=a" },
            { data: [2], next: "?cursor=a" },
          ],
        },
        want: { thrown: "the server sent the same cursor twice", fetches: 2 },
      },
    ],
    [
      "more pages than maxPages",
      {
        given: { pagination: pages, pages: endless, options: { maxPages: 2 } },
        want: { thrown: "stopped after 2 pages: the server keeps sending more (raise maxPages if that is real)", fetches: 2 },
      },
    ],
  ])("throws on %s", async (_, { given, want }) => {
    const { thrown, asked } = await walk(given.pagination, given.pages, {}, given.options);
    expect({ thrown, fetches: asked.length }).toEqual(want);
  });
});

describe("JSON pointers", () => {
  const value = { data: { "a/b": [10, 20], "m~n": true, "": "empty key" } };
  test.each<[string, { given: string; want: unknown }]>([
    ["a nested field", { given: "/data/a~1b/1", want: 20 }],
    ["~0 is a tilde", { given: "/data/m~0n", want: true }],
    ["the empty key", { given: "/data/", want: "empty key" }],
    ["a path that leads nowhere", { given: "/data/none/deeper", want: undefined }],
    ["through a primitive", { given: "/data/m~0n/x", want: undefined }],
    ["the whole value", { given: "", want: value }],
    ["`/` is the whole value too, as atPointer defines it", { given: "/", want: value }],
  ])("%s", (_, { given, want }) => {
    expect(atPointer(value, given)).toEqual(want);
  });

  test.each<[string, { given: string; want: string[] }]>([
    ["tokens are unescaped ~1 before ~0", { given: "/a~01/b~1c", want: ["a~1", "b/c"] }],
    ["no tokens in the empty pointer", { given: "", want: [] }],
  ])("%s", (_, { given, want }) => {
    expect(pointerTokens(given)).toEqual(want);
  });

  test("escapePointer undoes pointerTokens", () => {
    for (const part of ["a/b", "m~n", "~1", "/~0/"]) expect(pointerTokens(`/${escapePointer(part)}`)).toEqual([part]);
  });
});
