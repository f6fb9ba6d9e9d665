import { paginate, type PageOptions } from "./paginate.js";
import type { CallRetryOptions } from "./retry.js";

/**
 * The operation table the generator emits (one entry per operationId, as data), the input and
 * reply types derived from openapi-typescript's `operations`, and the binder that turns the table
 * into `client.namespace.action(...)` methods.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace";

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Path template relative to the server URL, e.g. `/lists/{list_id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  readonly body: "none" | "optional" | "required";
  /** How the success reply is read: JSON, plain text (smSend's login), raw bytes as a Blob
   * (file downloads), or not at all (204 and other replies documented without a body). */
  readonly parseAs: "json" | "text" | "blob" | "none";
  /** False for operations the spec marks `security: []` (no credentials are sent). */
  readonly authenticated: boolean;
  /** Safe to repeat on its own: GET/HEAD, or marked `x-idempotent: true` in the spec. */
  readonly idempotent: boolean;
  /** How to walk the pages of a paginated list (the spec's `x-pagination`). */
  readonly pagination?: PaginationSpec;
}

/**
 * A paginated list, as its `x-pagination` extension describes it. Pointers are JSON pointers into
 * the reply body.
 */
export interface PaginationSpec {
  /** Query parameter holding the 1-based page number (page style). */
  readonly page?: string;
  /** Query parameter holding the number of items to skip (offset style). */
  readonly offset?: string;
  /** Query parameter holding an opaque cursor, read from each reply's next link (cursor style). */
  readonly cursor?: string;
  /** Where the next page's link is (cursor style); absent, null or empty on the last page. */
  readonly next?: string;
  /** The query parameters to copy from the next link into the next call (cursor style). */
  readonly fromNext?: readonly string[];
  /** Query parameter holding the page size. */
  readonly size: string;
  /** Where the page's items are. */
  readonly items: string;
  /** Where the total number of items is, when the reply says. */
  readonly total?: string;
  /** Where the number of the last page is, when the reply says. */
  readonly lastPage?: string;
}

export type OperationTable = Readonly<Record<string, OperationSpec>>;

/**
 * An operation as the generator writes it, Octokit-style: `"METHOD /path"`, then only what
 * differs from the defaults (no query or header parameters, no body, a JSON reply, credentials
 * sent, safe to repeat only for GET and HEAD). Path parameters come from the path template.
 * Kept this terse because every client bundle carries the whole table.
 */
export type OperationEntry = readonly [route: string, extras?: OperationExtras];
export interface OperationExtras {
  readonly query?: readonly string[];
  readonly header?: readonly string[];
  readonly body?: "optional" | "required";
  readonly parseAs?: "text" | "blob" | "none";
  /** The operation takes no credentials (`security: []`). */
  readonly public?: true;
  /** Differs from the method's default (true for GET and HEAD). */
  readonly idempotent?: boolean;
  readonly pagination?: PaginationSpec;
}
export type OperationEntries = Readonly<Record<string, OperationEntry>>;

/** The full table the caller works from, expanded from the generator's terse entries. */
export function expandOperations(entries: OperationEntries): OperationTable {
  const table: Record<string, OperationSpec> = {};
  for (const [operationId, [route, extras = {}]] of Object.entries(entries)) {
    const [verb = "", path = ""] = route.split(" ");
    const method = verb.toLowerCase() as HttpMethod;
    table[operationId] = {
      method,
      path,
      pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
      queryParams: extras.query ?? [],
      headerParams: extras.header ?? [],
      body: extras.body ?? "none",
      parseAs: extras.parseAs ?? "json",
      authenticated: extras.public !== true,
      idempotent: extras.idempotent ?? (method === "get" || method === "head"),
      ...(extras.pagination ? { pagination: extras.pagination } : {}),
    };
  }
  return table;
}

type Part<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
type MediaOf<B> = B extends { content: infer C } ? C[keyof C] : never;
type BodyPart<Op> = Op extends { requestBody: infer B }
  ? { body: MediaOf<B> }
  : Op extends { requestBody?: infer B }
    ? [NonNullable<B>] extends [never]
      ? {}
      : { body?: MediaOf<NonNullable<B>> }
    : {};

/**
 * One object holding the path, query and header parameters by name, and the request body under
 * `body`. Parameter names never collide with `body` in either API.
 */
export type OperationInput<Op extends { parameters: unknown }> = Op extends { parameters: infer P }
  ? (P extends { path?: infer X } ? Part<X> : {}) &
      (P extends { query?: infer X } ? Part<X> : {}) &
      (P extends { header?: infer X } ? Part<X> : {}) &
      BodyPart<Op>
  : never;

/** The type at a property path, e.g. `AtPath<Reply, ["data", "data"]>`. */
export type AtPath<T, P extends readonly string[]> = P extends readonly [infer Head extends string, ...infer Rest extends string[]]
  ? AtPath<NonNullable<T> extends Record<Head, infer V> ? V : NonNullable<T> extends Partial<Record<Head, infer V>> ? V : never, Rest>
  : T;

/** The item type of the array at a property path of a paginated reply. */
export type PageItem<T, P extends readonly string[]> = NonNullable<AtPath<T, P>> extends readonly (infer Item)[] ? Item : never;

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (and any wait between attempts) when the caller's signal aborts. */
  signal?: AbortSignal;
  /** Timeout of each attempt in milliseconds, instead of the client's; 0 for none. */
  timeoutMs?: number;
  /** Retry settings for this call, or `false` for a single attempt. */
  retry?: CallRetryOptions | false;
  /** Extra request headers (never logged). */
  headers?: Record<string, string>;
}

/** What a client reports about each call to `onCall` (URL already redacted). */
export interface CallEvent {
  operationId: string;
  method: string;
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  status?: number;
  durationMs: number;
  error?: Error;
}

export type CallHandler = (operationId: string, input: unknown, options: CallOptions | undefined) => Promise<unknown>;

/** `contact-lists` → `contactLists`. */
export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Builds `{ namespace: { action(input, options) } }` from the table; each method calls `call`.
 * A paginated operation's method also has `.all(input, options)`: an async iterator over every
 * item of every page.
 */
export function bindOperations(table: OperationTable, call: CallHandler): Record<string, Record<string, unknown>> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [operationId, spec] of Object.entries(table)) {
    const [namespace, action] = operationId.split("/") as [string, string];
    const group = (client[camelCase(namespace)] ??= {});
    const method = (input?: unknown, options?: CallOptions) => call(operationId, input, options);
    const pagination = spec.pagination;
    if (pagination) {
      Object.assign(method, {
        all: (input?: unknown, options?: CallOptions & PageOptions) => paginate((pageInput) => call(operationId, pageInput, options), pagination, input, options),
      });
    }
    group[camelCase(action)] = method;
  }
  return client;
}

/** Input names each operation takes, computed once per operation: this runs on every call. */
const knownInputs = new WeakMap<OperationSpec, Set<string>>();

/** Splits a method's single input object into path, query and header parameters and the body. */
export function splitInput(operationId: string, spec: OperationSpec, input: unknown) {
  const given = (input ?? {}) as Record<string, unknown>;
  const pick = (names: readonly string[]) => {
    const picked: Record<string, unknown> = {};
    for (const name of names) if (given[name] !== undefined) picked[name] = given[name];
    return picked;
  };
  let known = knownInputs.get(spec);
  if (!known) knownInputs.set(spec, (known = new Set([...spec.pathParams, ...spec.queryParams, ...spec.headerParams, "body"])));
  const unknown = Object.keys(given).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new TypeError(`${operationId}: unknown input field(s) ${unknown.join(", ")}`);
  }
  const missing = spec.pathParams.filter((name) => given[name] === undefined || given[name] === "");
  if (missing.length > 0) {
    throw new TypeError(`${operationId}: missing path parameter(s) ${missing.join(", ")}`);
  }
  if (spec.body === "required" && given.body === undefined) {
    throw new TypeError(`${operationId}: a request body is required`);
  }
  return {
    params: { path: pick(spec.pathParams), query: pick(spec.queryParams), header: pick(spec.headerParams) },
    body: given.body,
  };
}
