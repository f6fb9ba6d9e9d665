/**
 * Compares two JSON Schemas from two OpenAPI documents (before, after) and lists the
 * differences as classified changes: the rule table is in spec-diff.ts. Local `$ref`s are
 * resolved in each schema's own document, `allOf` is merged and `anyOf`/`oneOf` combined, so a
 * schema moved into components or split into parts compares equal to its inline form.
 */
import { resolveRef, type Json } from "../../generator/document.js";

export type { Json };
export type Level = "major" | "minor" | "patch";
export interface Change {
  level: Level;
  text: string;
}
/** `request`: parameters and request bodies, which may widen; otherwise a reply, which may narrow. */
export interface Ctx {
  before: Json;
  after: Json;
  request: boolean;
  out: Change[];
  stack: Set<string>;
}
/** One schema, merged: `additional` is its additionalProperties (or patternProperties), if any. */
export interface View {
  types: Set<string> | null;
  props: Map<string, unknown>;
  required: Set<string>;
  values: Set<string> | null;
  items: unknown;
  additional?: unknown;
}

export const obj = (v: unknown): Json => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const union = <T>(a: Iterable<T>, b: Iterable<T>): T[] => [...new Set([...a, ...b])];

/** resolveRef (generator/document.ts) as a plain object: `{}` for an absent node. */
export const deref = (doc: Json, node: unknown): Json => obj(resolveRef(doc, node));

function typeSet(node: Json): Set<string> | null {
  const implied = node.properties ? ["object"] : node.items ? ["array"] : null;
  const types = typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type.map(String) : implied;
  return types && new Set(node.nullable === true ? [...types, "null"] : types);
}
/** Whether every type in `inner` is allowed by `outer` (null: any type); integers are numbers. */
export const covers = (outer: Set<string> | null, inner: Set<string> | null): boolean =>
  outer === null || (inner !== null && [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number"))));
const show = (types: Set<string> | null) => (types ? [...types].sort().join("|") : "any");

const meet = (a: Set<string> | null, b: Set<string> | null) =>
  a && b ? new Set(union(a, b).filter((t) => covers(a, new Set([t])) && covers(b, new Set([t])))) : (a ?? b);
const join = (a: Set<string> | null, b: Set<string> | null) => (a && b ? new Set(union(a, b)) : null);
/** Both must hold. A property both define must satisfy both: ClickSend's envelope narrows `data` this way. */
function allOf(x: View, y: View): View {
  const props = new Map(x.props);
  for (const [k, v] of y.props) props.set(k, props.has(k) ? { allOf: [props.get(k), v] } : v);
  const required = new Set(union(x.required, y.required));
  return {
    types: meet(x.types, y.types),
    props,
    required,
    values: meet(x.values, y.values),
    items: x.items ?? y.items,
    additional: x.additional ?? y.additional,
  };
}
/** Either may hold: a property is only required when every alternative requires it. */
function anyOf(x: View, y: View): View {
  const required = new Set([...x.required].filter((r) => y.required.has(r)));
  return {
    types: join(x.types, y.types),
    props: new Map([...y.props, ...x.props]),
    required,
    values: join(x.values, y.values),
    items: x.items ?? y.items,
    additional: x.additional ?? y.additional,
  };
}

/** One schema's types, enum and properties, with allOf merged and anyOf/oneOf combined. */
export function view(doc: Json, schema: unknown, seen: ReadonlySet<string> = new Set()): View {
  const ref = obj(schema).$ref;
  // An allOf that contains itself adds nothing the first time round did not.
  if (typeof ref === "string" && seen.has(ref))
    return { types: null, props: new Map(), required: new Set(), values: null, items: undefined };
  const inner = typeof ref === "string" ? new Set([...seen, ref]) : seen;
  const node = deref(doc, schema);
  const values = Array.isArray(node.enum) ? node.enum : "const" in node ? [node.const] : null;
  let out: View = {
    types: typeSet(node),
    props: new Map(Object.entries(obj(node.properties))),
    required: new Set(list(node.required).map(String)),
    values: values && new Set(values.map((v) => JSON.stringify(v))),
    items: node.items,
    additional: node.additionalProperties ?? node.patternProperties,
  };
  for (const part of list(node.allOf)) out = allOf(out, view(doc, part, inner));
  const alternatives = [...list(node.anyOf), ...list(node.oneOf)].map((part) => view(doc, part, inner));
  if (alternatives.length > 0) out = allOf(out, alternatives.reduce(anyOf));
  return out;
}

/** Compares two schemas at `where`; requests may widen and replies may narrow without breaking. */
export function compare(ctx: Ctx, a: unknown, b: unknown, where: string, depth = 0): void {
  const key = `${String(obj(a).$ref ?? "")}|${String(obj(b).$ref ?? "")}`;
  // The same pair of refs already open on this branch is a cycle; the depth cap is a backstop.
  if ((key !== "|" && ctx.stack.has(key)) || depth > 16) return;
  if (key !== "|") ctx.stack.add(key);
  const [x, y] = [view(ctx.before, a), view(ctx.after, b)];
  const widen: Level = ctx.request ? "minor" : "major";
  const narrow: Level = ctx.request ? "major" : "patch";
  const push = (level: Level, text: string) => ctx.out.push({ level, text });
  if (show(x.types) !== show(y.types)) {
    const [wider, narrower] = [covers(y.types, x.types), covers(x.types, y.types)];
    const how = wider ? "widened" : narrower ? "narrowed" : "changed";
    push(wider ? widen : narrower ? narrow : "major", `type ${how}: ${where} ${show(x.types)} → ${show(y.types)}`);
  }
  if (x.values && y.values) {
    for (const v of x.values) if (!y.values.has(v)) push(narrow, `enum value removed: ${where} ${v}`);
    for (const v of y.values) if (!x.values.has(v)) push(widen, `enum value added: ${where} ${v}`);
  } else if (x.values) push(widen, `enum dropped (any value now): ${where}`);
  else if (y.values) push(narrow, `enum imposed: ${where} ${[...y.values].join(", ")}`);
  for (const name of union(x.props.keys(), y.props.keys())) {
    const [pa, pb, at] = [x.props.get(name), y.props.get(name), `${where}.${name}`];
    const [wasRequired, isRequired] = [x.required.has(name), y.required.has(name)];
    if (pb === undefined) push("major", `property removed: ${at}`);
    else if (pa === undefined)
      push(ctx.request && isRequired ? "major" : "minor", `property added${isRequired ? " as required" : ""}: ${at}`);
    else {
      if (wasRequired !== isRequired) push(isRequired ? narrow : widen, `became ${isRequired ? "required" : "optional"}: ${at}`);
      compare(ctx, pa, pb, at, depth + 1);
    }
  }
  if (x.items !== undefined && y.items !== undefined) compare(ctx, x.items, y.items, `${where}[]`, depth + 1);
  ctx.stack.delete(key);
}
