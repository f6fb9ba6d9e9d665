/**
 * The check of one docs' sample against its operation's schema. One function: the walk for
 * undeclared fields and the Ajv errors report through the same closure (field name, the words a
 * record must name, the samples' errata), so they read best together.
 */
import { isDeepStrictEqual } from "node:util";
import { escapePointer, pointerTokens } from "../../../runtime/pointer.js";
import type { Endpoint } from "../docs-coverage.js";
import { isTemplate, typedPlaceholder, type DocSample, type Json } from "../docs-samples.js";
import { covers, deref, obj, view } from "../schema-diff.js";
import { fileOf, type Context } from "./context.js";
import { fieldRecords, recordFor } from "./records.js";
import { docsType, fieldName, jsonType, locate, valueAt, type SpecOp } from "./spec.js";
import type { Category } from "./types.js";

/** One sample: validated by Ajv (required, type, enum, other values), walked for undeclared fields. */
export function checkSample(ctx: Context, op: SpecOp, endpoint: Endpoint, sample: DocSample): void {
  const { document } = ctx;
  const where = `${fileOf(endpoint)}:${sample.line}`;
  const prefix = sample.kind === "request" ? "body" : "reply";
  const located = locate(document, sample.kind === "request" ? `${op.pointer}/requestBody` : `${op.pointer}/responses/${sample.status}`);
  if (sample.kind === "response" && located.node === undefined) {
    if (!obj(op.node.responses).default)
      ctx.add(
        op,
        {
          category: "status",
          field: `status ${sample.status}`,
          detail: `a reply sample has status ${sample.status}, which the spec does not declare`,
          where,
        },
        [sample.status!],
      );
    return;
  }
  const type = Object.keys(obj(obj(deref(document, located.node)).content)).find((t) => /json/.test(t));
  if (!type) return; // a JSON sample of a non-JSON body says nothing about its fields
  const schemaPointer = `${located.pointer}/content/${escapePointer(type)}/schema`;
  const root = locate(document, schemaPointer).node;
  const errata = ctx.recordedSamples.filter(
    (s) =>
      s.erratum && s.operationId === op.id && s.kind === sample.kind && (s.kind === "request" || String(s.status ?? 200) === sample.status),
  );
  const erratumAt = (pointer: string) =>
    errata.find((s) =>
      s.erratum!.invalidAt.some(
        (p) => (pointer === p || pointer.startsWith(`${p}/`)) && isDeepStrictEqual(valueAt(s.body, p), valueAt(sample.body, p)),
      ),
    )?.erratum!.reason;
  /** `shown`: the value the docs show, which a record of the contradiction must name too. */
  const report = (category: Category, pointer: string, detail: string, shown?: string) => {
    const field = fieldName(prefix, pointer);
    const word =
      field
        .split(/[.[\]]+/)
        .filter(Boolean)
        .at(-1) ?? prefix;
    const words = shown === undefined ? [word] : [word, shown];
    ctx.add(
      op,
      { category, field, detail, where },
      words,
      erratumAt(pointer) ?? recordFor([...ctx.records(op), ...fieldRecords(document, root, pointerTokens(pointer))], words),
    );
  };
  // Fields the schema does not declare (Ajv accepts them on open objects), and typed outlines.
  const walk = (schema: unknown, value: Json, pointer: string, depth: number): void => {
    if (depth > 24 || schema === undefined) return;
    const v = view(document, schema);
    const declared = typedPlaceholder(value);
    if (declared !== undefined) {
      const t = docsType(declared);
      if (t && v.types && !covers(v.types, new Set([t])))
        report("type", pointer, `the docs outline ${declared}, the spec says ${[...v.types].join("|")}`, declared);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(v.items, item, `${pointer}/${i}`, depth + 1));
    else if (value !== null && typeof value === "object") {
      if (v.types && !v.types.has("object")) return; // Ajv reports the type
      for (const [key, item] of Object.entries(value)) {
        const at = `${pointer}/${escapePointer(key)}`;
        if (v.props.has(key)) walk(v.props.get(key), item, at, depth + 1);
        else if (v.additional !== undefined && v.additional !== false)
          walk(obj(v.additional).type || obj(v.additional).$ref ? v.additional : undefined, item, at, depth + 1);
        else if (v.additional === undefined && (v.props.size > 0 || v.types?.has("object")))
          report("lacks", at, `the docs show ${fieldName(prefix, at)}; the spec does not declare it`);
      }
    }
  };
  walk(root, sample.body, "", 0);
  const validate = ctx.schemaAt(schemaPointer);
  if (!validate || validate(sample.body)) return;
  for (const error of validate.errors ?? []) {
    if (["anyOf", "oneOf", "if", "not"].includes(error.keyword)) continue;
    const pointer =
      error.keyword === "required" ? `${error.instancePath}/${escapePointer(String(error.params.missingProperty))}` : error.instancePath;
    const value = valueAt(sample.body, error.instancePath);
    if (error.keyword !== "required" && (isTemplate(value) || typedPlaceholder(value) !== undefined)) continue;
    if (error.keyword === "additionalProperties") {
      const at = `${error.instancePath}/${escapePointer(String(error.params.additionalProperty))}`;
      report("lacks", at, `the docs show ${fieldName(prefix, at)}; the spec does not allow it`);
    } else if (error.keyword === "required")
      report("omitted", pointer, `the spec requires ${fieldName(prefix, pointer)}; the docs' sample omits it`);
    else if (error.keyword === "type")
      report(
        "type",
        pointer,
        `the docs' sample has ${jsonType(value)} ${JSON.stringify(value)}, the spec says ${String(error.params.type)}`,
        jsonType(value),
      );
    else if (error.keyword === "enum" || error.keyword === "const")
      report("enum", pointer, `the docs' sample has ${JSON.stringify(value)}, not one of the spec's values`, String(value));
    else report("value", pointer, `the docs' sample has ${JSON.stringify(value)}: ${error.message ?? error.keyword}`, String(value));
  }
}
