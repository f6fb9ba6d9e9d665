/**
 * Which operation of a bundled document a request reaches, read straight from the document's
 * paths (not through the generator's model, so a test can check the model and the clients against
 * it): the contract suite maps what reached the mock to operationIds, and the live checker's fake
 * provider picks the reply to send.
 */
import type { OpenApiDocument } from "../../generator/bundle.js";
import { resolveRef } from "../../generator/document.js";
import { findOperation } from "../../scripts/lib/verify-live/guard.js";

type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export interface DocumentOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/lists/{list_id}`. */
  path: string;
  operation: Json;
}

export function documentOperations(document: OpenApiDocument): DocumentOperation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, raw]) => {
    const item = resolveRef<Json>(document, raw);
    return METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as Json;
      return { operationId: String(operation.operationId), method, path, operation };
    });
  });
}

/** The operation `method` and `pathname` reach, matched as the live checker's guard does. */
export function operationAt(operations: readonly DocumentOperation[], method: string, pathname: string): DocumentOperation | undefined {
  return findOperation(operations, method.toLowerCase(), pathname);
}

/**
 * A fetch (the clients' `fetch` option) that records which operations of `document` got a 2xx
 * reply, and the requests that reached no operation. It records at the wire, after the client's
 * own table: a client that sent one operation's request to another's path is caught here.
 */
export function operationRecorder(document: OpenApiDocument) {
  const operations = documentOperations(document);
  const succeeded = new Set<string>();
  const unknown: string[] = [];
  const fetchAndRecord = async (request: Request): Promise<Response> => {
    const method = request.method;
    const { pathname } = new URL(request.url);
    const response = await fetch(request);
    const operation = operationAt(operations, method, pathname);
    if (!operation) unknown.push(`${method} ${pathname}`);
    else if (response.ok) succeeded.add(operation.operationId);
    return response;
  };
  return { fetch: fetchAndRecord, succeeded, unknown, operationIds: operations.map((op) => op.operationId) };
}
