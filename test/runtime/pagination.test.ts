/** `.all()` walks every page, stops where it should, and refuses to loop forever. */
import { describe, expect, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { PaginationError } from "../../runtime/index.js";
import { paginate } from "../../runtime/paginate.js";
import { collect } from "../support/collect.js";
import { envelope, useFaultServer } from "../support/fault-server.js";

const server = useFaultServer();

function page(items: unknown[], current: number, last: number, total: number) {
  return envelope({
    total,
    per_page: 15,
    current_page: current,
    last_page: last,
    next_page_url: null,
    prev_page_url: null,
    from: null,
    to: null,
    data: items,
  });
}
const contact = (id: number) => ({ contact_id: id, list_id: 428 });
const cs = () => createClickSendClient({ username: "u", apiKey: "k-123456", baseUrl: server.url, retry: false });

describe("ClickSend page-numbered lists", () => {
  it("yields every item of every page and stops on the last page", async () => {
    server.queue(
      { status: 200, body: page([contact(1), contact(2)], 1, 3, 5) },
      { status: 200, body: page([contact(3), contact(4)], 2, 3, 5) },
      { status: 200, body: page([contact(5)], 3, 3, 5) },
    );
    const ids: number[] = [];
    for await (const item of cs().contacts.list.all({ list_id: 428 })) ids.push(item.contact_id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(server.received.map((r) => new URL(r.url, server.url).searchParams.get("page"))).toEqual(["1", "2", "3"]);
    expect(server.received.every((r) => r.url.startsWith("/lists/428/contacts"))).toBe(true);
  });

  it("stops on an empty page even when the reply claims more", async () => {
    server.queue({ status: 200, body: page([contact(1)], 1, 9, 99) }, { status: 200, body: page([], 2, 9, 99) });
    const items = await collect(cs().contacts.list.all({ list_id: 428 }));
    expect(items).toHaveLength(1);
    expect(server.received).toHaveLength(2);
  });

  it("starts from the page asked for and keeps the other parameters", async () => {
    server.queue({ status: 200, body: page([contact(7)], 4, 4, 46) });
    const items = await collect(cs().contacts.list.all({ list_id: 428, page: 4, limit: 15, q: "first_name:john" }));
    expect(items).toHaveLength(1);
    const query = new URL(server.received[0]!.url, server.url).searchParams;
    expect([query.get("page"), query.get("limit"), query.get("q")]).toEqual(["4", "15", "first_name:john"]);
  });

  it("fetches lazily: breaking out of the loop fetches no further page", async () => {
    server.queue({ status: 200, body: page([contact(1), contact(2)], 1, 5, 10) });
    for await (const item of cs().contacts.list.all({ list_id: 428 })) {
      expect(item.contact_id).toBe(1);
      break;
    }
    expect(server.received).toHaveLength(1);
  });

  it("throws PaginationError against a server that never ends", async () => {
    server.fallback = (r) => ({
      status: 200,
      body: page([contact(Number(new URL(r.url, server.url).searchParams.get("page")))], 1, 1_000_000, 10_000_000),
    });
    const walk = collect(cs().contacts.list.all({ list_id: 428 }, { maxPages: 25 }));
    await expect(walk).rejects.toBeInstanceOf(PaginationError);
    expect(server.received).toHaveLength(25);
  });

  it("passes an error of any page through", async () => {
    server.queue({ status: 200, body: page([contact(1)], 1, 2, 2) }, { status: 500, body: envelope([], "INTERNAL_SERVER_ERROR", 500) });
    await expect(collect(cs().contacts.list.all({ list_id: 428 }))).rejects.toThrow(/500/);
  });
});

describe("ClickSend cursor-paged lists (own numbers)", () => {
  const ownNumbers = (ids: string[], next: string | null) => ({
    _metadata: { pagination: { next } },
    own_numbers: ids.map((id) => ({ id })),
  });

  it("follows the cursor of each next link, even one with an unescaped #, and stops without one", async () => {
    server.queue(
      { status: 200, body: ownNumbers(["n1", "n2"], "https://rest.clicksend.com/v3/own-numbers?offset=abc#1&page_size=2") },
      { status: 200, body: ownNumbers(["n3"], "/v3/own-numbers?offset=def%3D&page_size=2") },
      { status: 200, body: ownNumbers(["n4"], null) },
    );
    const ids: string[] = [];
    for await (const item of cs().ownNumbers.list.all({ page_size: 2 })) ids.push(item.id);
    expect(ids).toEqual(["n1", "n2", "n3", "n4"]);
    const offsets = server.received.map((r) => new URL(r.url, server.url).searchParams.get("offset"));
    expect(offsets).toEqual([null, "abc#1", "def="]);
  });

  it("throws when the server sends the same cursor again", async () => {
    server.fallback = () => ({ status: 200, body: ownNumbers(["n1"], "/v3/own-numbers?offset=same") });
    await expect(collect(cs().ownNumbers.list.all())).rejects.toBeInstanceOf(PaginationError);
    // The first page (no cursor) and the page for "same", whose next link says "same" again.
    expect(server.received).toHaveLength(2);
  });
});

describe("paginate() styles", () => {
  const pages = (all: number[], size: number) => (input: Record<string, unknown>) => {
    const offset = Number(input.offset ?? (Number(input.pageNumber ?? 1) - 1) * size);
    return Promise.resolve({ items: all.slice(offset, offset + size), total: String(all.length) });
  };

  it("walks offsets until the total (sent as a string) is reached", async () => {
    const got = await collect(
      paginate(pages([1, 2, 3, 4, 5], 2), { offset: "offset", size: "per_page", items: "/items", total: "/total" }, {}, undefined),
    );
    expect(got).toEqual([1, 2, 3, 4, 5]);
  });

  it("walks page numbers with a short last page", async () => {
    const got = await collect(
      paginate(pages([1, 2, 3], 2), { page: "pageNumber", size: "pageSize", items: "/items" }, { pageSize: 2 }, undefined),
    );
    expect(got).toEqual([1, 2, 3]);
  });

  it("rejects a reply whose items are not an array", async () => {
    const walk = collect(
      paginate(() => Promise.resolve({ items: "nope" }), { page: "page", size: "limit", items: "/items" }, {}, undefined),
    );
    await expect(walk).rejects.toBeInstanceOf(PaginationError);
  });
});
