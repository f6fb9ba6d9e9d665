/**
 * Reading a bundled OpenAPI document, for the generator and the scripts alike: following local
 * `$ref`s, walking every operation (paths × methods), and finding an operation's success reply.
 */
import { HTTP_METHODS, type HttpMethod } from "../runtime/operation-table.js";
import { escapePointer, pointerTokens } from "../runtime/pointer.js";

export type Json = Record<string, unknown>;

/** Follows a local `#/components/...` reference inside the bundled document. */
export function resolveRef<T = Json>(document: object, value: unknown): T {
  let current = value as Json;
  for (let depth = 0; current && typeof current.$ref === "string"; depth++) {
    if (depth > 20) throw new Error(`reference cycle at ${String(current.$ref)}`);
    const pointer = current.$ref as string;
    if (!pointer.startsWith("#/")) throw new Error(`external reference left after bundling: ${pointer}`);
    current = pointerTokens(pointer.slice(1)).reduce<Json>((node, key) => node?.[key] as Json, document as Json);
    if (current === undefined) throw new Error(`unresolved reference ${pointer}`);
  }
  return current as T;
}

export interface DocumentOperation {
  path: string;
  method: HttpMethod;
  /** The path item, its `$ref` followed (its `parameters` apply to every method). */
  item: Json;
  operation: Json;
  /** JSON pointer of the operation, e.g. `/paths/~1sms~1send/post`. */
  pointer: string;
}

/** Every operation of the document, in document order and HTTP_METHODS order within a path. */
export function operationsOf(document: object): DocumentOperation[] {
  const paths = ((document as Json).paths ?? {}) as Json;
  return Object.entries(paths).flatMap(([path, raw]) => {
    const item = resolveRef<Json>(document, raw) ?? {};
    return HTTP_METHODS.filter((method) => item[method] !== undefined && item[method] !== null).map((method) => ({
      path,
      method,
      item,
      operation: item[method] as Json,
      pointer: `/paths/${escapePointer(path)}/${method}`,
    }));
  });
}

/** The operation's success reply: its lowest 2xx status and that response, `$ref` followed. */
export function successReply(document: object, operation: Json): { status: string; response: Json } | undefined {
  const responses = (operation.responses ?? {}) as Json;
  const status = Object.keys(responses)
    .sort()
    .find((code) => /^2\d\d$/.test(code));
  return status === undefined ? undefined : { status, response: resolveRef<Json>(document, responses[status]) ?? {} };
}
