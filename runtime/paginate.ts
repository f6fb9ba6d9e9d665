/**
 * Walks every page of a paginated list and yields its items, for every style the providers use:
 * page numbers (ClickSend `page`/`limit`, smSend `pageNumber`/`pageSize`), offsets, and cursors
 * read from a next link (ClickSend's newer resources). It stops at an empty page, at the last page
 * or total the reply announces, at a short page, or when there is no next link; and it throws
 * rather than loop forever when a server keeps sending pages (`maxPages`) or repeats a cursor.
 */
import type { PaginationSpec } from "./operation-table.js";
import { PaginationError } from "./pagination-error.js";
import { atPointer } from "./pointer.js";

/** The type at a property path, e.g. `AtPath<Reply, ["data", "data"]>`. */
export type AtPath<T, P extends readonly string[]> = P extends readonly [infer Head extends string, ...infer Rest extends string[]]
  ? AtPath<NonNullable<T> extends Record<Head, infer V> ? V : NonNullable<T> extends Partial<Record<Head, infer V>> ? V : never, Rest>
  : T;

/** The item type of the array at a property path of a paginated reply (the type `.all()` yields). */
export type PageItem<T, P extends readonly string[]> = NonNullable<AtPath<T, P>> extends readonly (infer Item)[] ? Item : never;

export interface PageOptions {
  /** Stop with an error after this many pages (default 1000): a guard against a server that never ends. */
  maxPages?: number;
}

/**
 * The query parameters of a next link. Parsed by hand: ClickSend's links can carry an unescaped
 * `#` inside a value, which a URL parser would take for the start of a fragment.
 */
export function linkParameters(link: string): Record<string, string> {
  const query = link.includes("?") ? link.slice(link.indexOf("?") + 1) : "";
  const out: Record<string, string> = {};
  for (const pair of query.split("&")) {
    if (!pair) continue;
    const [name, value = ""] = pair.split(/=(.*)/s) as [string, string?];
    const decode = (text: string) => {
      try {
        return decodeURIComponent(text.replace(/\+/g, " "));
      } catch {
        return text;
      }
    };
    out[decode(name)] = decode(value);
  }
  return out;
}

function asCount(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}

export async function* paginate(
  fetchPage: (input: Record<string, unknown>) => Promise<unknown>,
  pagination: PaginationSpec,
  input: unknown,
  options: PageOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const maxPages = options?.maxPages ?? 1000;
  const base = { ...((input ?? {}) as Record<string, unknown>) };
  const requestedSize = asCount(base[pagination.size]);
  let page = asCount(pagination.page ? base[pagination.page] : undefined) ?? 1;
  let offset = asCount(pagination.offset ? base[pagination.offset] : undefined) ?? 0;
  // Items before the first page fetched: known for offsets, and for page numbers from page 1.
  const skipped = pagination.offset ? offset : page === 1 ? 0 : undefined;
  let seen = 0;
  let fromLink: Record<string, string> = {};

  for (let fetched = 0; ; fetched++) {
    if (fetched >= maxPages)
      throw new PaginationError(`stopped after ${maxPages} pages: the server keeps sending more (raise maxPages if that is real)`);
    const position = pagination.page ? { [pagination.page]: page } : pagination.offset ? { [pagination.offset]: offset } : fromLink;
    const reply = await fetchPage({ ...base, ...position });
    const items = atPointer(reply, pagination.items);
    if (items === undefined || items === null) return;
    if (!Array.isArray(items)) throw new PaginationError(`expected an array of items at ${pagination.items}`);
    yield* items;
    seen += items.length;

    if (items.length === 0) return;
    if (pagination.cursor) {
      const link = pagination.next ? atPointer(reply, pagination.next) : undefined;
      if (typeof link !== "string" || link === "") return;
      const parameters = linkParameters(link);
      const next = Object.fromEntries(
        (pagination.fromNext ?? []).filter((name) => name in parameters).map((name) => [name, parameters[name]!]),
      );
      if (next[pagination.cursor] === undefined) return;
      if (next[pagination.cursor] === fromLink[pagination.cursor])
        throw new PaginationError(`the server sent the same ${pagination.cursor} twice`);
      fromLink = next;
      continue;
    }
    const lastPage = pagination.lastPage ? asCount(atPointer(reply, pagination.lastPage)) : undefined;
    if (lastPage !== undefined && pagination.page && page >= lastPage) return;
    const total = pagination.total ? asCount(atPointer(reply, pagination.total)) : undefined;
    if (total !== undefined && skipped !== undefined && skipped + seen >= total) return;
    if (requestedSize !== undefined && items.length < requestedSize) return;
    page += 1;
    offset += items.length;
  }
}
