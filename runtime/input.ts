/**
 * A method's single input object: its type, derived from openapi-typescript's `operations`
 * (OperationInput), and its split at run time into path, query and header parameters and the body.
 */
import type { OperationSpec } from "./operation-table.js";

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
