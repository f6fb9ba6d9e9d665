/**
 * The operation model (IR): read once from a bundled document, handed to every emitter. It holds
 * what the generated code needs and nothing else: names, method and path, parameters by location,
 * body presence, success reply, and whether credentials are sent.
 */
import type { OpenApiDocument } from "./bundle.js";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationModel {
  operationId: string;
  /** Before the `/`: the tag and the client's method group. */
  namespace: string;
  /** After the `/`: the method name. */
  action: string;
  method: HttpMethod;
  path: string;
  summary: string;
  deprecated: boolean;
  pathParams: string[];
  queryParams: string[];
  headerParams: string[];
  /** True when some path parameter, required query parameter or required body must be given. */
  inputRequired: boolean;
  body: "none" | "optional" | "required";
  success: { status: string; contentType: string | undefined };
  parseAs: "json" | "text";
  authenticated: boolean;
}

export interface ApiModel {
  title: string;
  version: string;
  defaultServer: string;
  /** Tag name → what the tag's `x-displayName` and `description` say. */
  tags: Record<string, { displayName: string; description: string }>;
  operations: OperationModel[];
}

type Json = Record<string, unknown>;

/** Follows a local `#/components/...` reference inside the bundled document. */
export function resolveRef<T = Json>(document: OpenApiDocument, value: unknown): T {
  let current = value as Json;
  for (let depth = 0; current && typeof current.$ref === "string"; depth++) {
    if (depth > 20) throw new Error(`reference cycle at ${String(current.$ref)}`);
    const pointer = current.$ref as string;
    if (!pointer.startsWith("#/")) throw new Error(`external reference left after bundling: ${pointer}`);
    current = pointer
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json>((node, key) => node?.[key] as Json, document as Json);
    if (current === undefined) throw new Error(`unresolved reference ${pointer}`);
  }
  return current as T;
}

function successOf(document: OpenApiDocument, responses: Json, operationId: string) {
  const status = Object.keys(responses).sort().find((code) => /^2\d\d$/.test(code));
  if (!status) throw new Error(`${operationId} has no 2xx response`);
  const response = resolveRef<Json>(document, responses[status]);
  const content = (response.content ?? {}) as Json;
  const contentType = Object.keys(content)[0];
  return { status, contentType };
}

export default function buildModel(document: OpenApiDocument): ApiModel {
  const info = (document.info ?? {}) as Json;
  const rootSecurity = (document.security ?? []) as unknown[];
  const operations: OperationModel[] = [];
  for (const [path, rawItem] of Object.entries(document.paths ?? {})) {
    const item = resolveRef<Json>(document, rawItem);
    const shared = (item.parameters ?? []) as unknown[];
    for (const method of HTTP_METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const operationId = String(operation.operationId);
      const [namespace, action] = operationId.split("/");
      if (!namespace || !action) throw new Error(`${method.toUpperCase()} ${path}: operationId "${operationId}" is not namespace/action`);
      const params = [...shared, ...((operation.parameters ?? []) as unknown[])].map((p) => resolveRef<Json>(document, p));
      const named = (where: string) => params.filter((p) => p.in === where).map((p) => String(p.name));
      const requestBody = operation.requestBody ? resolveRef<Json>(document, operation.requestBody) : undefined;
      const body = !requestBody ? "none" : requestBody.required ? "required" : "optional";
      const success = successOf(document, (operation.responses ?? {}) as Json, operationId);
      const security = (operation.security ?? rootSecurity) as Json[];
      operations.push({
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
        parseAs: success.contentType && !/json/.test(success.contentType) ? "text" : "json",
        authenticated: security.some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  // Code-unit order, not localeCompare: the output must not depend on the machine's locale.
  operations.sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
  const servers = (document.servers ?? []) as { url: string }[];
  const tags: ApiModel["tags"] = {};
  for (const tag of (document.tags ?? []) as Json[]) {
    const name = String(tag.name);
    tags[name] = { displayName: String(tag["x-displayName"] ?? name), description: String(tag.description ?? "").trim() };
  }
  return {
    title: String(info.title ?? ""),
    version: String(info.version ?? ""),
    defaultServer: servers[0]?.url ?? "",
    tags,
    operations,
  };
}
