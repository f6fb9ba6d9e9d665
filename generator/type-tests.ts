/**
 * Type tests generated from a bundled document, for every operation with a request body:
 * - negatives, each under `@ts-expect-error` (so each fails the compile if it stops being an
 *   error): a misspelt property, a wrong primitive type in a required field, a missing required
 *   field, a missing "at least one of" field set, and a body of the wrong shape;
 * - positives: every request example of the spec, as the input of its method.
 * Each call is written on one line: `@ts-expect-error` covers the next line only.
 *
 * About 150 lines: the negative cases and the file that holds them are one concern, read together.
 */
import type { OpenApiDocument } from "./bundle.js";
import { camelCase } from "../runtime/bind.js";
import { resolveRef, type Json } from "./document.js";
import { parameterInput, requestExamples } from "./examples.js";
import type { ApiModel, OperationModel } from "./model.js";

export interface TypeTests {
  source: string;
  negatives: number;
  positives: number;
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === "object" && !Array.isArray(value);

/** The properties and required names of an object schema, through `$ref`s and `allOf` parts. */
function shape(
  document: OpenApiDocument,
  raw: unknown,
): { properties: Record<string, Json>; required: string[]; oneOfRequired: string[]; map: boolean } {
  const schema = resolveRef<Json>(document, raw);
  // A typed map (`additionalProperties: {schema}`) takes any name: no name is misspelt there.
  const map = isObject(schema.additionalProperties) || schema.additionalProperties === true;
  const properties: Record<string, Json> = {};
  for (const [name, value] of Object.entries((schema.properties ?? {}) as Json)) properties[name] = resolveRef<Json>(document, value);
  const required = [...((schema.required ?? []) as string[])];
  // "At least one of" branches: every name some branch requires.
  const oneOfRequired: string[] = [];
  for (const part of (schema.allOf ?? []) as unknown[]) {
    const inner = shape(document, part);
    for (const [name, value] of Object.entries(inner.properties)) properties[name] ??= value;
    required.push(...inner.required);
    oneOfRequired.push(...inner.oneOfRequired);
    for (const branch of (resolveRef<Json>(document, part).anyOf ?? []) as unknown[])
      oneOfRequired.push(...shape(document, branch).required);
  }
  return { properties, required: [...new Set(required)], oneOfRequired: [...new Set(oneOfRequired)], map };
}

const PRIMITIVES: Record<string, unknown> = { string: 12345, integer: "12345", number: "12345", boolean: "yes" };

/** A value of another primitive type than the schema's, or undefined if it is not one primitive type. */
function wrongPrimitive(schema: Json): unknown {
  return typeof schema.type === "string" ? PRIMITIVES[schema.type] : undefined;
}

/** A name close to `name` that the schema does not have: `schedule` → `schedeul`. */
function misspell(name: string, taken: Record<string, unknown>): string {
  const swapped = name.length > 2 ? `${name.slice(0, -2)}${name.at(-1)}${name.at(-2)}` : `${name}x`;
  return swapped in taken || swapped === name ? `${name}_` : swapped;
}

interface Case {
  label: string;
  input: Json;
}

/** A copy of `value` with `change` applied to the object at `path`. */
function edit(value: Json, path: (string | number)[], change: (parent: Json) => void): Json {
  const copy = structuredClone(value);
  let parent: Json = copy;
  for (const key of path) parent = (parent as unknown as Record<string | number, Json>)[key]!;
  change(parent);
  return copy;
}

/** The negative cases for a body: at the top level, or in the first object that has what is needed. */
function negatives(document: OpenApiDocument, schemaRef: unknown, body: Json): { label: string; body: Json }[] {
  const found: { label: string; body: Json }[] = [];
  const visit = (raw: unknown, value: Json, path: (string | number)[], where: string, depth: number) => {
    const { properties, required, oneOfRequired, map } = shape(document, raw);
    const present = Object.keys(value);
    // A misspelt property at every level: beside the field it was meant to be, so nothing else is wrong.
    if (!map) {
      const name = present.find((key) => !required.includes(key)) ?? present[0] ?? Object.keys(properties)[0] ?? "field";
      const typo = misspell(name, properties);
      found.push({
        label: `misspelt property ${where}${typo} (for ${name})`,
        body: edit(body, path, (parent) => (parent[typo] = parent[name] ?? "x")),
      });
    }
    const typed = required.find((name) => name in value && wrongPrimitive(properties[name] ?? {}) !== undefined);
    if (typed && !found.some((c) => c.label.startsWith("wrong type"))) {
      const wrong = wrongPrimitive(properties[typed]!);
      found.push({
        label: `wrong type in required ${where}${typed}: ${JSON.stringify(wrong)}`,
        body: edit(body, path, (parent) => (parent[typed] = wrong)),
      });
    }
    const missing = required.find((name) => name in value);
    if (missing && !found.some((c) => c.label.startsWith("missing required"))) {
      found.push({ label: `missing required ${where}${missing}`, body: edit(body, path, (parent) => delete parent[missing]) });
    }
    const alternatives = oneOfRequired.filter((name) => name in value);
    if (alternatives.length > 0 && !found.some((c) => c.label.startsWith("none of"))) {
      found.push({
        label: `none of ${oneOfRequired.map((n) => where + n).join(", ")}`,
        body: edit(body, path, (parent) => alternatives.forEach((n) => delete parent[n])),
      });
    }
    if (depth > 3) return;
    // Go on into required nested objects (and the first item of arrays of objects).
    for (const name of required) {
      const child = value[name];
      const childSchema = properties[name] ?? {};
      if (isObject(child)) visit(childSchema, child, [...path, name], `${where}${name}.`, depth + 1);
      else if (Array.isArray(child) && isObject(child[0]) && childSchema.items)
        visit(childSchema.items, child[0], [...path, name, 0], `${where}${name}[0].`, depth + 1);
    }
  };
  visit(schemaRef, body, [], "body.", 0);
  return found;
}

function casesOf(document: OpenApiDocument, op: OperationModel): { positives: Case[]; negatives: Case[] } {
  const { media, examples } = requestExamples(document, op);
  const params = parameterInput(document, op);
  const positives = examples.map(([name, value]) => ({ label: `example ${name}`, input: { ...params, body: value } as Json }));
  const first = examples[0]?.[1];
  const negativeCases: Case[] = [];
  if (isObject(first)) {
    for (const { label, body } of negatives(document, media!.schema, first)) negativeCases.push({ label, input: { ...params, body } });
    negativeCases.push({ label: "a body of the wrong shape: 12345", input: { ...params, body: 12345 } });
  }
  return { positives, negatives: negativeCases };
}

/** The type-test module for one client, importing it from `clientModule`. */
export default function typeTests(document: OpenApiDocument, model: ApiModel, clientModule: string, clientType: string): TypeTests {
  const lines = [
    `// Generated by generator/type-tests.ts from the bundled document: type tests of every request body.`,
    `import type { ${clientType} } from ${JSON.stringify(clientModule)};`,
    `declare const client: ${clientType};`,
  ];
  let negativeCount = 0;
  let positiveCount = 0;
  for (const op of model.operations.filter((o) => o.body !== "none")) {
    const { positives, negatives: wrong } = casesOf(document, op);
    const method = `client.${camelCase(op.namespace)}.${camelCase(op.action)}`;
    lines.push("");
    for (const c of positives) lines.push(`// ${op.operationId}: ${c.label}`, `void ${method}(${JSON.stringify(c.input)});`);
    for (const c of wrong)
      lines.push(`// ${op.operationId}: ${c.label}`, "// @ts-expect-error", `void ${method}(${JSON.stringify(c.input)});`);
    positiveCount += positives.length;
    negativeCount += wrong.length;
  }
  return { source: `${lines.join("\n")}\n`, negatives: negativeCount, positives: positiveCount };
}
