/**
 * The spec side of the docs' drift check: the bundled document's operations, and the lookups that
 * find a sample's or a table row's place in it (pointers through `$ref`s, body paths, the docs'
 * type words). No findings here; the checks beside this module make them.
 */
import { operationsOf } from "../../../generator/document.js";
import { escapePointer, pointerTokens } from "../../../runtime/pointer.js";
import { deref, list, obj, view } from "../schema-diff.js";

export type Doc = Record<string, unknown>;
export interface SpecOp {
  id: string;
  method: string;
  path: string;
  node: Doc;
  pointer: string;
  namespace: string;
  fromDocs: boolean;
}

export const valueAt = (body: unknown, pointer: string): unknown =>
  pointerTokens(pointer).reduce<unknown>(
    (at, key) => (at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined),
    body,
  );
/** `/data/3/name` → `data[].name`: one finding per field, not per array element. */
export const fieldName = (prefix: string, pointer: string) =>
  [prefix, ...pointerTokens(pointer).map((t) => (/^\d+$/.test(t) ? "[]" : t))].join(".").replace(/\.\[\]/g, "[]");

/** The spec's operations; `fromDocs`: its x-provenance names the docs (or it has none: smSend's spec comes from its docs only). */
export function specOperations(document: Doc): SpecOp[] {
  return operationsOf(document).map(({ path, method, operation: node, pointer }) => {
    const provenance = obj(node["x-provenance"]);
    const id = typeof node.operationId === "string" ? node.operationId : `${method} ${path}`;
    return {
      id,
      method: method.toUpperCase(),
      path,
      node,
      namespace: id.split("/")[0]!,
      pointer,
      fromDocs: !("x-provenance" in node) || list(provenance.sources).includes("docs"),
    };
  });
}

/** The schemas met along a body path (`[]` steps into items), from the root; ends early where the spec has nothing. */
export function schemaChain(document: Doc, root: unknown, segments: string[]): unknown[] {
  const chain = [root];
  for (const segment of segments) {
    const v = view(document, chain.at(-1));
    const next =
      segment === "[]" || /^\d+$/.test(segment)
        ? v.items
        : v.props.has(segment)
          ? v.props.get(segment)
          : obj(v.additional).type || obj(v.additional).$ref
            ? v.additional
            : undefined;
    if (next === undefined) break;
    chain.push(next);
  }
  return chain;
}

/** Follows `$ref`s along a pointer, so validators are found under referenced responses and bodies. */
export function locate(document: Doc, pointer: string): { pointer: string; node: unknown } {
  let at = "";
  let node: unknown = document;
  for (const token of pointerTokens(pointer)) {
    const ref = obj(node).$ref;
    if (typeof ref === "string" && ref.startsWith("#/")) {
      at = ref.slice(1);
      node = deref(document, node);
    }
    node = obj(node)[token];
    at = `${at}/${escapePointer(token)}`;
  }
  return { pointer: at, node };
}

/**
 * A body-table row's place in the body: smSend tables list the fields of list items as
 * `Type.field` rows under a `list List(Type)` row, so `Credit.amount` is `credits[].amount`.
 */
export function bodyPath(rows: { name: string; type: string }[], row: { name: string }, depth = 0): string[] {
  const dot = row.name.indexOf(".");
  if (dot < 0 || depth > 8) return [row.name];
  const [type, field] = [row.name.slice(0, dot), row.name.slice(dot + 1)];
  const holder = rows.find((r) => new RegExp(`^(List|Array)\\(${type}\\)$|^${type}\\[\\]$`, "i").test(r.type.trim()));
  return holder ? [...bodyPath(rows, holder, depth + 1), "[]", field] : [row.name];
}
/** The schema at a body path (`[]` steps into items); `open` when an undeclared field would be allowed there. */
export function schemaAlong(document: Doc, schema: unknown, segments: string[]): { schema?: unknown; open: boolean } {
  let at = schema;
  for (const segment of segments) {
    const v = view(document, at);
    if (segment === "[]") at = v.items;
    else if (v.props.has(segment)) at = v.props.get(segment);
    else return { open: v.additional !== undefined && v.additional !== false };
    if (at === undefined) return { open: false };
  }
  return { schema: at, open: false };
}

/** Docs' type words → JSON Schema types; undefined when the word says nothing checkable. */
export function docsType(word: string): string | undefined {
  const w = word.trim().toLowerCase();
  if (/\[\]$/.test(w)) return "array";
  if (/^(int|integer|long)/.test(w)) return "integer";
  if (/^(number|float|double|decimal)/.test(w)) return "number";
  if (/^bool/.test(w)) return "boolean";
  if (/^(list|array|\[)/.test(w)) return "array";
  if (/^(string|date|timestamp|text)/.test(w)) return "string";
  if (/^(object|json|map)/.test(w)) return "object";
  return undefined;
}
export const jsonType = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
