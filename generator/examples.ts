/**
 * An operation's example inputs, taken from the spec: each parameter's example, the request
 * body's examples, and the primary input made of both. The docs' code samples (./samples.ts)
 * and the generated type tests (./type-tests.ts) are written from them.
 */
import type { OpenApiDocument } from "./bundle.js";
import { resolveRef, type Json } from "./document.js";
import type { OperationModel } from "./model.js";

/** Path, query and header parameters by name, each from its example (in the spec or its schema). */
export function parameterInput(document: OpenApiDocument, op: OperationModel): Json {
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const operation = item[op.method] as Json;
  const input: Json = {};
  for (const raw of [...((item.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])]) {
    const parameter = resolveRef<Json>(document, raw);
    const schema = resolveRef<Json>(document, parameter.schema ?? {});
    const example = parameter.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : schema.example);
    if (example !== undefined) input[String(parameter.name)] = example;
  }
  return input;
}

/** The request body's media type object and its examples by name, in the spec's order. */
export function requestExamples(
  document: OpenApiDocument,
  op: OperationModel,
): { media: Json | undefined; examples: (readonly [string, unknown])[] } {
  const operation = resolveRef<Json>(document, document.paths?.[op.path])[op.method] as Json;
  const content = (resolveRef<Json>(document, operation.requestBody).content ?? {}) as Record<string, Json>;
  const [, media] = Object.entries(content)[0] ?? [];
  const examples = Object.entries((media?.examples ?? {}) as Json).map(
    ([name, raw]) => [name, resolveRef<Json>(document, raw).value] as const,
  );
  if (media && "example" in media) examples.push(["example", media.example]);
  return { media, examples };
}

/** The primary example input of an operation: its parameters' examples and its first request example. */
export function exampleInput(document: OpenApiDocument, op: OperationModel): Json {
  const input = parameterInput(document, op);
  if (op.body !== "none") {
    const [first] = requestExamples(document, op).examples;
    if (first) input.body = first[1];
  }
  return input;
}
