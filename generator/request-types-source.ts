/**
 * For the request-type check (./request-types.ts): which schema of the bundled document is
 * responsible for a position of an operation's input (`body.messages[]`, `query.filter`), past
 * every `$ref`, so the finding names the spec file and line to fix.
 */
import { atPointer, escapePointer } from "../runtime/pointer.js";
import type { OpenApiDocument } from "./bundle.js";
import { resolveRef, type Json } from "./document.js";
import type { OperationModel } from "./model.js";

/** Where the schema at `pointer` really is, past any `$ref`s: the file to blame. */
function followRefs(document: OpenApiDocument, pointer: string): string {
  let at = pointer;
  for (let depth = 0; depth < 20; depth++) {
    const schema = atPointer(document, at) as Json | undefined;
    if (!schema || typeof schema.$ref !== "string") break;
    at = schema.$ref.slice(1);
  }
  return at;
}

/** The bundled pointer of the subschema at `token` below the schema at `pointer`, if any. */
function descend(document: OpenApiDocument, pointer: string, token: string): string | undefined {
  const at = followRefs(document, pointer);
  const schema = atPointer(document, at) as Json | undefined;
  if (!schema || typeof schema !== "object") return undefined;
  const direct =
    token === "[]"
      ? schema.items !== undefined
        ? "items"
        : undefined
      : token === "[key]"
        ? schema.additionalProperties !== undefined
          ? "additionalProperties"
          : undefined
        : (schema.properties as Json | undefined)?.[token] !== undefined
          ? `properties/${escapePointer(token)}`
          : undefined;
  if (direct) return `${at}/${direct}`;
  for (const combiner of ["allOf", "anyOf", "oneOf"]) {
    const branches = (schema[combiner] ?? []) as unknown[];
    for (let i = 0; i < branches.length; i++) {
      const found = descend(document, `${at}/${combiner}/${i}`, token);
      if (found) return found;
    }
  }
  return undefined;
}

/** The schema pointer responsible for an unknown position of an operation's input. */
export function schemaPointer(document: OpenApiDocument, op: OperationModel, position: string[]): string {
  const escapedPath = escapePointer(op.path);
  const operationAt = `/paths/${escapedPath}/${op.method}`;
  const [first, ...rest] = position;
  let pointer: string | undefined;
  if (first === "body") {
    const operation = resolveRef<Json>(document, document.paths?.[op.path])[op.method] as Json;
    let bodyAt = `${operationAt}/requestBody`;
    const body = operation.requestBody as Json;
    if (typeof body.$ref === "string") bodyAt = body.$ref.slice(1);
    const content = (resolveRef<Json>(document, body).content ?? {}) as Json;
    const media = Object.keys(content)[0] ?? "";
    pointer = `${bodyAt}/content/${escapePointer(media)}/schema`;
  } else {
    const item = resolveRef<Json>(document, document.paths?.[op.path]);
    const candidates = [
      ...(((item[op.method] as Json).parameters as unknown[]) ?? []).map((p, i) => [p, `${operationAt}/parameters/${i}`] as const),
      ...((item.parameters ?? []) as unknown[]).map((p, i) => [p, `/paths/${escapedPath}/parameters/${i}`] as const),
    ];
    const match = candidates.find(([p]) => resolveRef<Json>(document, p).name === first);
    if (match) {
      const [raw, at] = match;
      const target = typeof (raw as Json).$ref === "string" ? String((raw as Json).$ref).slice(1) : at;
      pointer = `${target}/schema`;
    }
  }
  if (!pointer) return operationAt;
  for (const token of rest) {
    const next = descend(document, pointer, token);
    if (!next) break;
    pointer = next;
  }
  return followRefs(document, pointer);
}
