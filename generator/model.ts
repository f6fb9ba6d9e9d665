/**
 * The operation model (IR): read once from a bundled document, handed to every emitter. Each
 * operation is the contract's OperationSpec (runtime/operation-table.ts: what the runtime calls)
 * plus what the emitters need besides: names, summary, the success reply and whether any input
 * is required. The pagination rule is in model/pagination.ts, the parse rule in the contract.
 */
import { idempotentByDefault, parseAsOf, type OperationSpec, type PaginationSpec } from "../runtime/operation-table.js";
import { operationsOf, resolveRef, successReply, type Json } from "./document.js";
import { OperationError } from "./model/operation-error.js";
import { paginationOf } from "./model/pagination.js";

// build.ts reports model errors by this class; it is part of what the model module offers.
export { OperationError };

export interface OperationModel extends OperationSpec {
  operationId: string;
  /** Before the `/`: the tag and the client's method group. */
  namespace: string;
  /** After the `/`: the method name. */
  action: string;
  summary: string;
  deprecated: boolean;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** True when some path parameter, required query parameter or required body must be given. */
  inputRequired: boolean;
  success: { status: string; contentType: string | undefined };
  /** The spec's `x-pagination`, checked against the operation's parameters. */
  pagination: PaginationSpec | undefined;
}

export interface ApiModel {
  title: string;
  version: string;
  defaultServer: string;
  /** Tag name → what the tag's `x-displayName` and `description` say. */
  tags: Record<string, { displayName: string; description: string }>;
  operations: OperationModel[];
  /** Names of the document's `webhooks`, sorted. */
  webhooks: string[];
}

export default function buildModel(document: object): ApiModel {
  const root = document as Json;
  const info = (root.info ?? {}) as Json;
  const rootSecurity = (root.security ?? []) as Json[];
  // The schemes every call authenticates with (the root `security`). An operation whose own
  // requirements name none of them (smSend's logins, which take a username and password) gets
  // no keys from the client, and a 401 from it never triggers a new login.
  const clientSchemes = new Set(rootSecurity.flatMap((requirement) => Object.keys(requirement)));
  const operations = operationsOf(document).map(({ path, method, item, operation, pointer }): OperationModel => {
    const operationId = String(operation.operationId);
    const [namespace, action] = operationId.split("/");
    if (!namespace || !action) throw new Error(`${method.toUpperCase()} ${path}: operationId "${operationId}" is not namespace/action`);
    const params = [...((item.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])].map((p) =>
      resolveRef<Json>(document, p),
    );
    const named = (where: string) => params.filter((p) => p.in === where).map((p) => String(p.name));
    const requestBody = operation.requestBody ? resolveRef<Json>(document, operation.requestBody) : undefined;
    const body = !requestBody ? "none" : requestBody.required ? "required" : "optional";
    const at = { operationId, pointer: `${pointer}/operationId` };
    const reply = successReply(document, operation);
    if (!reply) throw new OperationError(at, "success-reply", "has no 2xx response (the client types its reply from it)");
    const success = { status: reply.status, contentType: Object.keys((reply.response.content ?? {}) as Json)[0] };
    const security = (operation.security ?? rootSecurity) as Json[];
    return {
      operationId,
      namespace,
      action,
      method,
      path,
      summary: String(operation.summary ?? ""),
      deprecated: operation.deprecated === true,
      pathParams: named("path"),
      queryParams: named("query"),
      headerParams: named("header"),
      inputRequired: body === "required" || params.some((p) => p.required === true),
      body,
      success,
      parseAs: parseAsOf(success.contentType),
      authenticated: security.some((requirement) => Object.keys(requirement).some((scheme) => clientSchemes.has(scheme))),
      idempotent: operation["x-idempotent"] === true || idempotentByDefault(method),
      pagination: paginationOf(operation["x-pagination"], named("query"), at),
    };
  });
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  operations.sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
  const servers = (root.servers ?? []) as { url: string }[];
  const tags: ApiModel["tags"] = {};
  for (const tag of (root.tags ?? []) as Json[]) {
    const name = String(tag.name);
    tags[name] = { displayName: String(tag["x-displayName"] ?? name), description: String(tag.description ?? "").trim() };
  }
  return {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    defaultServer: servers[0]?.url ?? "",
    tags,
    operations,
    webhooks: Object.keys((root.webhooks ?? {}) as Json).sort(),
  };
}
