/**
 * The operation model (IR): read once from a bundled document, handed to every emitter. It holds
 * what the generated code needs and nothing else: names, method and path, parameters by location,
 * body presence, success reply, and whether credentials are sent.
 */
import { escapePointer, pointerTokens } from "../runtime/pointer.js";
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
  parseAs: ParseAs;
  authenticated: boolean;
  /** Safe to repeat on its own: GET/HEAD, or `x-idempotent: true` in the spec. */
  idempotent: boolean;
  /** The spec's `x-pagination`, checked against the operation's parameters. */
  pagination: PaginationModel | undefined;
}

/** How a success reply is read: JSON, text, raw bytes, or nothing (204 and other empty replies). */
export type ParseAs = "json" | "text" | "blob" | "none";

function parseAsOf(contentType: string | undefined): ParseAs {
  if (!contentType) return "none";
  if (/json/.test(contentType)) return "json";
  return contentType.startsWith("text/") ? "text" : "blob";
}

export interface PaginationModel {
  page?: string;
  offset?: string;
  cursor?: string;
  size: string;
  items: string;
  total?: string;
  lastPage?: string;
  next?: string;
  fromNext?: string[];
}

/** Reads and checks `x-pagination`; a mistake there is a build error, not a runtime surprise. */
function paginationOf(raw: unknown, queryParams: string[], where: OperationAt): PaginationModel | undefined {
  // `false`: the operation takes page parameters but its replies do not say where the end is.
  if (raw === undefined || raw === false) return undefined;
  const value = raw as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : undefined);
  const model: PaginationModel = { size: text("size") ?? "", items: text("items") ?? "" };
  for (const key of ["page", "offset", "cursor", "total", "lastPage", "next"] as const) {
    const found = text(key);
    if (found !== undefined) model[key] = found;
  }
  if (Array.isArray(value.fromNext)) model.fromNext = value.fromNext.map(String);
  const problems: string[] = [];
  if ([model.page, model.offset, model.cursor].filter(Boolean).length !== 1) problems.push("needs exactly one of `page`, `offset` and `cursor`");
  if (model.cursor && (!model.next || !model.fromNext?.length)) problems.push("a `cursor` needs `next` (where the next link is) and `fromNext` (the parameters to take from it)");
  for (const param of [model.page, model.offset, model.cursor, model.size, ...(model.fromNext ?? [])]) {
    if (param !== undefined && !queryParams.includes(param)) problems.push(`names query parameter "${param}", which the operation does not have`);
  }
  for (const pointer of [model.items, model.total, model.lastPage, model.next]) {
    if (pointer !== undefined && !pointer.startsWith("/")) problems.push(`"${pointer}" is not a JSON pointer`);
  }
  const unknown = Object.keys(value).filter((key) => !["page", "offset", "cursor", "size", "items", "total", "lastPage", "next", "fromNext"].includes(key));
  if (unknown.length > 0) problems.push(`unknown field(s) ${unknown.join(", ")}`);
  if (problems.length > 0) throw new OperationError(where, "x-pagination", `x-pagination ${problems.join("; ")}`);
  return model;
}

/** Which operation a model error is about, and where it is in the bundled document. */
interface OperationAt {
  operationId: string;
  pointer: string;
}

/** One operation breaks a rule of the model; the build reports it at the operation's line in the spec. */
export class OperationError extends Error {
  readonly operationId: string;
  /** JSON pointer, into the bundled document, of the operation's operationId. */
  readonly pointer: string;

  constructor(
    at: OperationAt,
    readonly rule: string,
    message: string,
  ) {
    super(`${at.operationId}: ${message}`);
    this.operationId = at.operationId;
    this.pointer = at.pointer;
    this.name = "OperationError";
  }
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

type Json = Record<string, unknown>;

/** Follows a local `#/components/...` reference inside the bundled document. */
export function resolveRef<T = Json>(document: OpenApiDocument, value: unknown): T {
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

function successOf(document: OpenApiDocument, responses: Json, at: OperationAt) {
  const status = Object.keys(responses).sort().find((code) => /^2\d\d$/.test(code));
  if (!status) throw new OperationError(at, "success-reply", "has no 2xx response (the client types its reply from it)");
  const response = resolveRef<Json>(document, responses[status]);
  const content = (response.content ?? {}) as Json;
  const contentType = Object.keys(content)[0];
  return { status, contentType };
}

export default function buildModel(document: OpenApiDocument): ApiModel {
  const info = (document.info ?? {}) as Json;
  const rootSecurity = (document.security ?? []) as Json[];
  // The schemes every call authenticates with (the root `security`). An operation whose own
  // requirements name none of them (smSend's logins, which take a username and password) gets
  // no keys from the client, and a 401 from it never triggers a new login.
  const clientSchemes = new Set(rootSecurity.flatMap((requirement) => Object.keys(requirement)));
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
      const at = { operationId, pointer: `/paths/${escapePointer(path)}/${method}/operationId` };
      const success = successOf(document, (operation.responses ?? {}) as Json, at);
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
        parseAs: parseAsOf(success.contentType),
        authenticated: security.some((requirement) => Object.keys(requirement).some((scheme) => clientSchemes.has(scheme))),
        idempotent: method === "get" || method === "head" || operation["x-idempotent"] === true,
        pagination: paginationOf(operation["x-pagination"], named("query"), at),
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
    webhooks: Object.keys((document.webhooks ?? {}) as Json).sort(),
  };
}
