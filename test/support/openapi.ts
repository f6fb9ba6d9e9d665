/**
 * Test helpers over the bundled documents in generated/: load one, build its operation model,
 * make example inputs from the spec's own examples, and validate values against its schemas.
 */
import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "../../generator/bundle.js";
import { resolveRef } from "../../generator/document.js";
import buildModel, { type ApiModel, type OperationModel } from "../../generator/model.js";
import { repoRoot } from "../../generator/providers.js";
import { escapePointer } from "../../runtime/pointer.js";
import { createSchemaLookup } from "../../runtime/schemas.js";

type Json = Record<string, unknown>;

export interface LoadedSpec {
  document: OpenApiDocument;
  model: ApiModel;
  /** Validator for the schema at a JSON pointer into the document. */
  validator(pointer: string): ValidateFunction;
}

const cache = new Map<string, LoadedSpec>();

/** A provider's bundled document, or with `brand` that brand's (generated/<provider>/<brand>.openapi.json). */
export function loadSpec(providerId: string, brand?: string): LoadedSpec {
  const key = brand ? `${providerId}/${brand}` : providerId;
  const cached = cache.get(key);
  if (cached) return cached;
  const file = path.join(repoRoot, "generated", providerId, brand ? `${brand}.openapi.json` : "openapi.json");
  const document = JSON.parse(fs.readFileSync(file, "utf8")) as OpenApiDocument;
  const schemaAt = createSchemaLookup(document);
  const loaded: LoadedSpec = {
    document,
    model: buildModel(document),
    validator(pointer) {
      const validate = schemaAt(pointer);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      return validate;
    },
  };
  cache.set(key, loaded);
  return loaded;
}

export { escapePointer };

export function operationPointer(op: OperationModel): string {
  return `/paths/${escapePointer(op.path)}/${op.method}`;
}

function firstExample(document: OpenApiDocument, media: Json | undefined): unknown {
  if (!media) return undefined;
  if ("example" in media) return media.example;
  const examples = media.examples as Record<string, unknown> | undefined;
  const first = examples ? Object.values(examples)[0] : undefined;
  if (first) return resolveRef<Json>(document, first).value;
  const schema = media.schema as Json | undefined;
  return Array.isArray(schema?.examples) ? schema.examples[0] : undefined;
}

/** A call input built from the spec's examples: every parameter's example, the first body example. */
export function exampleInput(spec: LoadedSpec, op: OperationModel): Record<string, unknown> {
  const { document } = spec;
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const operation = item[op.method] as Json;
  const input: Record<string, unknown> = {};
  const parameters = [...((item.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])];
  for (const raw of parameters) {
    const parameter = resolveRef<Json>(document, raw);
    const schema = (parameter.schema ?? {}) as Json;
    const example = parameter.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
    if (example === undefined) throw new Error(`${op.operationId}: parameter ${String(parameter.name)} has no example`);
    input[String(parameter.name)] = example;
  }
  if (operation.requestBody) {
    const body = resolveRef<Json>(document, operation.requestBody);
    const content = (body.content ?? {}) as Record<string, Json>;
    input.body = firstExample(document, Object.values(content)[0]);
  }
  return input;
}

export interface ErrorResponse {
  status: number;
  /** The example body Prism sends for this status. */
  example: unknown;
  /** What the reply is: its `$ref` (a shared component), or the inline response itself. */
  reply: string;
}

/** Documented error statuses of an operation, with the example body Prism will send for each. */
export function errorResponses(spec: LoadedSpec, op: OperationModel): ErrorResponse[] {
  const { document } = spec;
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const responses = ((item[op.method] as Json).responses ?? {}) as Record<string, unknown>;
  return Object.entries(responses)
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .map(([status, raw]) => {
      const response = resolveRef<Json>(document, raw);
      const content = (response.content ?? {}) as Record<string, Json>;
      const ref = (raw as Json).$ref;
      return {
        status: Number(status),
        example: firstExample(document, Object.values(content)[0]),
        reply: typeof ref === "string" ? ref : JSON.stringify(raw),
      };
    });
}

/**
 * One error case per distinct reply: the same status and reply component read the same way
 * (JSON, text, bytes or nothing on success). The client turns every non-2xx reply into an error
 * by the same code whatever the operation, so calling each of the 1,645 operation × status pairs
 * would check the same seven replies again and again; each distinct one is checked once, through
 * the first operation (by operationId) that declares it.
 */
export function distinctErrorCases(spec: LoadedSpec): { op: OperationModel; error: ErrorResponse }[] {
  const seen = new Map<string, { op: OperationModel; error: ErrorResponse }>();
  for (const op of spec.model.operations) {
    for (const error of errorResponses(spec, op)) {
      const key = `${error.status} ${error.reply} ${op.parseAs}`;
      if (!seen.has(key)) seen.set(key, { op, error });
    }
  }
  return [...seen.values()];
}

/** What an operation's success reply is, read as `distinctErrorCases` reads an error reply. */
function successReply(spec: LoadedSpec, op: OperationModel): string {
  const { document } = spec;
  const item = resolveRef<Json>(document, document.paths?.[op.path]);
  const raw = (((item[op.method] as Json).responses ?? {}) as Record<string, Json>)[String(op.success.status)];
  if (typeof raw?.$ref === "string") return raw.$ref;
  const media = ((raw?.content ?? {}) as Record<string, Json>)[op.success.contentType ?? ""];
  const schema = media?.schema as Json | undefined;
  return typeof schema?.$ref === "string" ? schema.$ref : JSON.stringify(schema ?? null);
}

/**
 * One operation per distinct success reply: the same status, content type, reading (JSON, text,
 * bytes or nothing) and schema (its `$ref`, or the inline schema itself), through the first
 * operation that declares it. The client reads and validates a reply by the same code whatever
 * the operation, so what varies from one case to the next is the schema Prism makes replies from.
 */
export function distinctSuccessCases(spec: LoadedSpec): OperationModel[] {
  const seen = new Map<string, OperationModel>();
  for (const op of spec.model.operations) {
    const key = `${op.success.status} ${op.success.contentType} ${op.parseAs} ${successReply(spec, op)}`;
    if (!seen.has(key)) seen.set(key, op);
  }
  return [...seen.values()];
}
