/**
 * Inputs for the checker's calls: ids discovered in earlier replies (ids are never made up), the
 * spec's parameter examples for everything else, and request bodies from the spec's examples.
 */
import type { OpenApiDocument } from "../../../generator/bundle.js";
import { resolveRef } from "../../../generator/document.js";
import type { CheckedOperation } from "./spec-facts.js";

type Json = Record<string, unknown>;

/** Parameter names that hold an id: their values must come from the account's own replies. */
function isIdName(name: string): boolean {
  return /(^id$|_id$|^id_|Id$|uuid|guid|token|key)/i.test(name);
}

/** Scalar values seen in replies, by field name, with the namespace of the operation that returned them. */
export class Discoveries {
  readonly #seen = new Map<string, { namespace: string; value: string | number }[]>();

  /** Remembers the first value of each field name in each reply (e.g. the first list's `list_id`). */
  learn(namespace: string, reply: unknown): void {
    const firstHere = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value === null || typeof value !== "object") return;
      for (const [key, item] of Object.entries(value)) {
        if ((typeof item === "string" && item !== "") || typeof item === "number") {
          if (firstHere.has(key)) continue;
          firstHere.add(key);
          const list = this.#seen.get(key) ?? [];
          list.push({ namespace, value: item });
          this.#seen.set(key, list);
        } else walk(item);
      }
    };
    walk(reply);
  }

  /** A value for a parameter: one found by an operation of the same namespace first. */
  valueFor(name: string, namespace: string): string | number | undefined {
    const list = this.#seen.get(name) ?? [];
    return (list.find((entry) => entry.namespace === namespace) ?? list[0])?.value;
  }
}

function parametersOf(document: OpenApiDocument, op: CheckedOperation): Json[] {
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const operation = item[op.method] as Json;
  return [...((item.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])].map((p) =>
    resolveRef<Json>(document, p),
  );
}

function exampleOf(parameter: Json): unknown {
  if ("example" in parameter) return parameter.example;
  const examples = parameter.examples as Record<string, Json> | undefined;
  const first = examples ? Object.values(examples)[0] : undefined;
  if (first && "value" in first) return first.value;
  const schema = (parameter.schema ?? {}) as Json;
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.examples)) return schema.examples[0];
  if ("default" in schema) return schema.default;
  return Array.isArray(schema.enum) ? schema.enum[0] : undefined;
}

/**
 * The path and required query parameters of a call, or the name of the first one no value was
 * found for. Ids come only from discoveries; other parameters fall back to the spec's example.
 */
export function parameterInput(document: OpenApiDocument, op: CheckedOperation, found: Discoveries): { input: Json } | { missing: string } {
  const input: Json = {};
  for (const parameter of parametersOf(document, op)) {
    const name = String(parameter.name);
    const needed = parameter.in === "path" || (parameter.in === "query" && parameter.required === true);
    if (!needed) continue;
    const value = found.valueFor(name, op.namespace) ?? (isIdName(name) ? undefined : exampleOf(parameter));
    if (value === undefined) return { missing: name };
    input[name] = value;
  }
  return { input };
}

/** The request body examples of an operation, in the spec's order. */
export function bodyExamples(document: OpenApiDocument, op: CheckedOperation): unknown[] {
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const requestBody = (item[op.method] as Json).requestBody;
  if (!requestBody) return [];
  const content = (resolveRef<Json>(document, requestBody).content ?? {}) as Record<string, Json>;
  const media = content["application/json"];
  if (!media) return [];
  if ("example" in media) return [media.example];
  return Object.values((media.examples ?? {}) as Record<string, unknown>).map((example) => resolveRef<Json>(document, example).value);
}
