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
  /** How the success reply is read: JSON, or plain text (smSend's login replies). */
  readonly parseAs: "json" | "text";
  /** False for operations the spec marks `security: []` (no credentials are sent). */
  readonly authenticated: boolean;
}

export type OperationTable = Readonly<Record<string, OperationSpec>>;

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

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call when the caller's signal aborts. */
  signal?: AbortSignal;
  /** Extra request headers (never logged). */
  headers?: Record<string, string>;
}

/** What a client reports about each call to `onCall` (URL already redacted). */
export interface CallEvent {
  operationId: string;
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  error?: Error;
}

export type CallHandler = (operationId: string, input: unknown, options: CallOptions | undefined) => Promise<unknown>;

/** `contact-lists` → `contactLists`. */
export function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Builds `{ namespace: { action(input, options) } }` from the table; each method calls `call`. */
export function bindOperations(table: OperationTable, call: CallHandler): Record<string, Record<string, unknown>> {
  const client: Record<string, Record<string, unknown>> = {};
  for (const operationId of Object.keys(table)) {
    const [namespace, action] = operationId.split("/") as [string, string];
    const group = (client[camelCase(namespace)] ??= {});
    group[camelCase(action)] = (input?: unknown, options?: CallOptions) => call(operationId, input, options);
  }
  return client;
}

/** Splits a method's single input object into openapi-fetch's params and body. */
export function splitInput(operationId: string, spec: OperationSpec, input: unknown) {
  const given = (input ?? {}) as Record<string, unknown>;
  const pick = (names: readonly string[]) => {
    const picked: Record<string, unknown> = {};
    for (const name of names) if (given[name] !== undefined) picked[name] = given[name];
    return picked;
  };
  const known = new Set([...spec.pathParams, ...spec.queryParams, ...spec.headerParams, "body"]);
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
