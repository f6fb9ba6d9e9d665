/**
 * Webhook validators, compiled at build time: Ajv's standalone code for the schema of every
 * webhook payload (one function per webhook and content type), so that `parseWebhook` checks
 * payloads without the bundled document or a JSON Schema compiler at run time.
 *
 * The schemas are compiled from the bundled document with its annotations (descriptions,
 * examples, `x-` records) removed: Ajv embeds the schemas it compiles in the code, and those
 * keys validate nothing.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import addFormats from "ajv-formats";
import type { OpenApiDocument } from "./bundle.js";
import { escapePointer } from "../runtime/pointer.js";

type Json = Record<string, unknown>;

/** A copy without the keys that only annotate: text (never a property's schema, an object) and examples. */
function withoutAnnotations(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === "description" || key === "title" || key === "summary") && typeof value === "string") continue;
    if ((key === "examples" && Array.isArray(value)) || key === "example" || key.startsWith("x-")) continue;
    out[key] = withoutAnnotations(value);
  }
  return out;
}

/** The module source: the standalone validators and `webhookValidators`, webhook → content type → function. */
export default function webhookValidators(document: OpenApiDocument, header: string): string {
  // The same settings as the reply validator (runtime/schemas.ts): draft 2020-12, every error.
  const ajv = new Ajv2020({ strict: false, allErrors: true, code: { source: true, esm: true, lines: false } });
  addFormats.default(ajv);
  ajv.addSchema(withoutAnnotations(document) as Json, "openapi");
  const exports: Record<string, string> = {};
  const table: string[] = [];
  Object.entries((document.webhooks ?? {}) as Record<string, { post?: { requestBody?: { content?: Json } } }>).forEach(([name, hook]) => {
    const types = Object.keys(hook.post?.requestBody?.content ?? {});
    const entries = types.map((type) => {
      const exportName = `validate${Object.keys(exports).length}`;
      exports[exportName] = `openapi#/webhooks/${escapePointer(name)}/post/requestBody/content/${escapePointer(type)}/schema`;
      return `${JSON.stringify(type)}: ${exportName}`;
    });
    table.push(`  ${JSON.stringify(name)}: { ${entries.join(", ")} },`);
  });
  const code = standaloneCode.default(ajv, exports);
  // The package must not need Ajv at run time: standalone code that requires a helper would.
  if (/\brequire\(/.test(code))
    throw new Error(
      "webhook validators: Ajv's standalone code requires a runtime helper; keep the webhook schemas to keywords that need none",
    );
  return [
    header,
    "// @ts-nocheck -- Ajv's standalone code (generator/webhook-validators.ts), typed by the export below.",
    'import type { WebhookValidators } from "../../runtime/webhooks.js";',
    code.replace(/^"use strict";/, ""),
    "/** The validator of each webhook's payload, by webhook name and content type. */",
    `export const webhookValidators: WebhookValidators = {\n${table.join("\n")}\n};`,
    "",
  ].join("\n");
}
