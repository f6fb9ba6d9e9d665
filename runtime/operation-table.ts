/**
 * The operation-table contract, in one place: what an operation is to the runtime
 * (OperationSpec), the terse entry the generator writes for it (OperationEntry, `entry()`), and
 * the expansion back (`expand()`). The generator (generator/model/, generator/emit/), the runtime
 * and `npm run diff` all read it from here, so the three cannot drift apart; a round-trip test
 * (test/generator/operation-table.test.ts) holds `expand(entry(op))` to the model for every
 * operation of both specs. No Node-only imports: generated clients load this module.
 */

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Safe to repeat on its own unless the spec says otherwise (`x-idempotent`): GET and HEAD only. */
export function idempotentByDefault(method: HttpMethod): boolean {
  return method === "get" || method === "head";
}

/** How a success reply is read: JSON, plain text (smSend's login), raw bytes as a Blob (file
 * downloads), or not at all (204 and other replies documented without a body). */
export type ParseAs = "json" | "text" | "blob" | "none";

/** The parse rule: from the success reply's media type (undefined: no body). */
export function parseAsOf(contentType: string | undefined): ParseAs {
  if (!contentType) return "none";
  if (/json/.test(contentType)) return "json";
  return contentType.startsWith("text/") ? "text" : "blob";
}

/**
 * A paginated list, as its `x-pagination` extension describes it. Pointers are JSON pointers into
 * the reply body. The generator checks it (generator/model/pagination.ts); runtime/paginate.ts walks it.
 */
export interface PaginationSpec {
  /** Query parameter holding the 1-based page number (page style). */
  readonly page?: string;
  /** Query parameter holding the number of items to skip (offset style). */
  readonly offset?: string;
  /** Query parameter holding an opaque cursor, read from each reply's next link (cursor style). */
  readonly cursor?: string;
  /** Query parameter holding the page size. */
  readonly size: string;
  /** Where the page's items are. */
  readonly items: string;
  /** Where the total number of items is, when the reply says. */
  readonly total?: string;
  /** Where the number of the last page is, when the reply says. */
  readonly lastPage?: string;
  /** Where the next page's link is (cursor style); absent, null or empty on the last page. */
  readonly next?: string;
  /** The query parameters to copy from the next link into the next call (cursor style). */
  readonly fromNext?: readonly string[];
}

/** One operation as the runtime calls it. */
export interface OperationSpec {
  readonly method: HttpMethod;
  /** Path template relative to the server URL, e.g. `/lists/{list_id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  readonly body: "none" | "optional" | "required";
  readonly parseAs: ParseAs;
  /** False for operations the spec marks `security: []` (no credentials are sent). */
  readonly authenticated: boolean;
  /** Safe to repeat on its own: idempotentByDefault, or `x-idempotent` in the spec. */
  readonly idempotent: boolean;
  /** How to walk the pages of a paginated list (the spec's `x-pagination`). */
  readonly pagination?: PaginationSpec | undefined;
}

export type OperationTable = Readonly<Record<string, OperationSpec>>;

/**
 * An operation as the generator writes it, Octokit-style: `"METHOD /path"`, then only what
 * differs from the defaults (no query or header parameters, no body, a JSON reply, credentials
 * sent, idempotentByDefault). Path parameters come from the path template.
 * Kept this terse because every client bundle carries the whole table.
 */
export type OperationEntry = readonly [route: string, extras?: OperationExtras];
export interface OperationExtras {
  readonly query?: readonly string[];
  readonly header?: readonly string[];
  readonly body?: "optional" | "required";
  readonly parseAs?: Exclude<ParseAs, "json">;
  /** The operation takes no credentials (`security: []`). */
  readonly public?: true;
  /** Differs from idempotentByDefault. */
  readonly idempotent?: boolean;
  readonly pagination?: PaginationSpec;
}
export type OperationEntries = Readonly<Record<string, OperationEntry>>;

/** The entry the generator writes for an operation: its route, then what differs from the defaults. */
export function entry(op: OperationSpec): OperationEntry {
  const extras: { -readonly [K in keyof OperationExtras]: OperationExtras[K] } = {};
  if (op.queryParams.length > 0) extras.query = op.queryParams;
  if (op.headerParams.length > 0) extras.header = op.headerParams;
  if (op.body !== "none") extras.body = op.body;
  if (op.parseAs !== "json") extras.parseAs = op.parseAs;
  if (!op.authenticated) extras.public = true;
  if (op.idempotent !== idempotentByDefault(op.method)) extras.idempotent = op.idempotent;
  if (op.pagination) extras.pagination = op.pagination;
  const route = `${op.method.toUpperCase()} ${op.path}`;
  return Object.keys(extras).length > 0 ? [route, extras] : [route];
}

/** The operation an entry stands for: the inverse of `entry()`. */
export function expand([route, extras = {}]: OperationEntry): OperationSpec {
  const [verb = "", path = ""] = route.split(" ");
  const method = verb.toLowerCase() as HttpMethod;
  return {
    method,
    path,
    pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!),
    queryParams: extras.query ?? [],
    headerParams: extras.header ?? [],
    body: extras.body ?? "none",
    parseAs: extras.parseAs ?? "json",
    authenticated: extras.public !== true,
    idempotent: extras.idempotent ?? idempotentByDefault(method),
    ...(extras.pagination ? { pagination: extras.pagination } : {}),
  };
}

/** The full table the caller works from, expanded from the generator's terse entries. */
export function expandOperations(entries: OperationEntries): OperationTable {
  const table: Record<string, OperationSpec> = {};
  for (const [operationId, operationEntry] of Object.entries(entries)) table[operationId] = expand(operationEntry);
  return table;
}
