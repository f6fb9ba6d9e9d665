/**
 * Turns the operation table into the client's `client.namespace.action(...)` methods, each a
 * call through the provider's CallHandler, plus `.all()` on paginated ones.
 */
import type { CallHandler, CallOptions } from "./call-options.js";
import type { OperationTable, PaginationSpec } from "./operation-table.js";
import type { PageOptions } from "./paginate.js";

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
        all: (input?: unknown, options?: CallOptions & PageOptions) =>
          allItems((pageInput) => call(operationId, pageInput, options), pagination, input, options),
      });
    }
    group[camelCase(action)] = method;
  }
  return client;
}

/**
 * `.all()`: ./paginate.ts is loaded with a dynamic import on the first walk, so that a bundler that
 * splits code keeps it out of what an application loads to make its calls (most never walk pages).
 */
async function* allItems(
  fetchPage: (input: Record<string, unknown>) => Promise<unknown>,
  pagination: PaginationSpec,
  input: unknown,
  options: PageOptions | undefined,
): AsyncGenerator<unknown, void, undefined> {
  const { paginate } = await import("./paginate.js");
  yield* paginate(fetchPage, pagination, input, options);
}
