/**
 * Field-level drift between a capture of a provider's docs and the bundled spec: each sample is
 * validated against its operation's schema (Ajv, as reply validation does), each field and
 * parameter table and status list compared with the operation, and every finding marked new or
 * recorded. Pure functions; scripts/docs-coverage.ts reads the files.
 *
 * Categories: a field the docs show that the spec lacks (in a sample, or a table row); a field the
 * spec requires that a sample omits; a type or enum disagreement (samples and tables); another
 * value the schema refuses (format, pattern, range); a status code the docs name that the spec
 * does not declare; an endpoint the docs document that the spec lacks, or one the spec took from
 * these docs that a capture covering its section no longer mentions.
 *
 * Recorded means: an `x-discrepancies` entry names the field (as a whole word), status code or
 * method, and for a type, enum or value disagreement also the value the docs show ("Int", "GP"),
 * so that the record of one contradiction does not hide the next. Entries count when they are on
 * the operation or its path item, on a parameter component (wherever it is used), or on the
 * schema holding the field or the field's own schema. Or: a sample of the same operation in
 * test/fixtures/samples/ carries an `erratum` at the same pointer with the same value there. A placeholder value (`{NAME}`) stands for any value and is not
 * compared; an outline's `(int)` is compared by its type only.
 */
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { OpenApiDocument } from "../../generator/bundle.js";
import { operationsOf } from "../../generator/document.js";
import { escapePointer, pointerTokens } from "../../runtime/pointer.js";
import { createSchemaLookup } from "../../runtime/schemas.js";
import {
  coverage as compareEndpoints,
  extractEndpoints,
  normalisePath,
  specOperations as endpointsOf,
  type Coverage,
  type Endpoint,
  type ProviderId,
} from "./docs-coverage.js";
import { extractSections, isTemplate, typedPlaceholder, type DocSample, type DocSection, type Json, type Unread } from "./docs-samples.js";
import { covers, deref, list, obj, view } from "./schema-diff.js";

export type Category = "lacks" | "omitted" | "type" | "enum" | "value" | "status" | "endpoint";
export interface Finding {
  /** operationId, or "METHOD /path" for an endpoint the spec lacks. */
  operation: string;
  category: Category;
  /** "body.sender", "reply.data.user_id", "query.page", "status 404", "GET /group/{}". */
  field: string;
  detail: string;
  where: string;
  /** What records it: the discrepancy's topic, or the erratum's reason. Absent: new. */
  recorded?: string;
}
/** A sample of test/fixtures/samples/ (only those with an erratum matter here). */
export interface RecordedSample {
  operationId: string;
  kind: "request" | "response";
  status?: number;
  body: unknown;
  erratum?: { invalidAt: string[]; reason: string };
}

type Doc = Record<string, unknown>;
interface SpecOp {
  id: string;
  method: string;
  path: string;
  node: Doc;
  pointer: string;
  namespace: string;
  fromDocs: boolean;
}

const valueAt = (body: unknown, pointer: string): unknown =>
  pointerTokens(pointer).reduce<unknown>(
    (at, key) => (at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined),
    body,
  );
/** `/data/3/name` → `data[].name`: one finding per field, not per array element. */
const fieldName = (prefix: string, pointer: string) =>
  [prefix, ...pointerTokens(pointer).map((t) => (/^\d+$/.test(t) ? "[]" : t))].join(".").replace(/\.\[\]/g, "[]");

/** The spec's operations; `fromDocs`: its x-provenance names the docs (or it has none: smSend's spec comes from its docs only). */
function specOperations(document: Doc): SpecOp[] {
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

type Record_ = { topic: string; text: string };
const entries = (node: unknown): Record_[] =>
  list(obj(node)["x-discrepancies"]).map((e) => ({ topic: String(obj(e).topic ?? ""), text: JSON.stringify(e) }));
/** The operation's own records: on it and its path item, written inline (schemas they reference count per field, below). */
function inlineRecords(node: unknown, seen = new Set<unknown>()): Record_[] {
  if (node === null || typeof node !== "object" || seen.has(node) || "$ref" in (node as Doc)) return [];
  seen.add(node);
  const nested = Object.entries(node as Doc).filter(([k]) => !["x-discrepancies", "examples", "example", "schema"].includes(k));
  return [...entries(node), ...nested.flatMap(([, v]) => inlineRecords(v, seen))];
}
/** A schema's own records, through `$ref`s and allOf/anyOf/oneOf parts, not its properties'. */
function schemaRecords(document: Doc, schema: unknown, depth = 0): Record_[] {
  if (schema === undefined || depth > 12) return [];
  const refs: Record_[] = [];
  let node = obj(schema);
  for (let hop = 0; typeof node.$ref === "string" && hop < 12; hop++) {
    refs.push(...entries(node));
    node = obj(deref(document, { $ref: node.$ref }));
  }
  const parts = [...list(node.allOf), ...list(node.anyOf), ...list(node.oneOf)];
  return [...refs, ...entries(node), ...parts.flatMap((p) => schemaRecords(document, p, depth + 1))];
}
/** The schemas met along a body path (`[]` steps into items), from the root; ends early where the spec has nothing. */
function schemaChain(document: Doc, root: unknown, segments: string[]): unknown[] {
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
/** What the schemas around a field record: the object holding it and the field's own schema. */
const fieldRecords = (document: Doc, root: unknown, segments: string[]): Record_[] => {
  const chain = schemaChain(document, root, segments);
  const around = chain.length > segments.length ? chain.slice(-2) : chain.slice(-1);
  return around.flatMap((s) => schemaRecords(document, s));
};
/**
 * The record that names every one of `words` (the field, and for a disagreement the value the
 * docs show, so a record of one contradiction does not cover the next): one whose topic names
 * the first word, else any.
 */
const recordFor = (list: Record_[], words: string[]): string | undefined =>
  (
    list.find((r) => names(r.topic, words[0]!) && words.every((w) => names(r.text, w))) ??
    list.find((r) => words.every((w) => names(r.text, w)))
  )?.topic;
const names = (text: string, word: string) =>
  new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_-])`).test(text);

/** Follows `$ref`s along a pointer, so validators are found under referenced responses and bodies. */
function locate(document: Doc, pointer: string): { pointer: string; node: unknown } {
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
function bodyPath(rows: { name: string; type: string }[], row: { name: string }, depth = 0): string[] {
  const dot = row.name.indexOf(".");
  if (dot < 0 || depth > 8) return [row.name];
  const [type, field] = [row.name.slice(0, dot), row.name.slice(dot + 1)];
  const holder = rows.find((r) => new RegExp(`^(List|Array)\\(${type}\\)$|^${type}\\[\\]$`, "i").test(r.type.trim()));
  return holder ? [...bodyPath(rows, holder, depth + 1), "[]", field] : [row.name];
}
/** The schema at a body path (`[]` steps into items); `open` when an undeclared field would be allowed there. */
function schemaAlong(document: Doc, schema: unknown, segments: string[]): { schema?: unknown; open: boolean } {
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
function docsType(word: string): string | undefined {
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
const jsonType = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;

export interface DriftInput {
  document: unknown;
  coverage: Coverage;
  sections: DocSection[];
  unread: Unread[];
  recordedSamples: RecordedSample[];
}
export interface Drift {
  findings: Finding[];
  unread: Unread[];
  checked: { samples: number; fields: number; statuses: number };
}

/** The bundled document with the lookups every check needs, and the findings so far. */
function context(raw: unknown, recordedSamples: RecordedSample[]) {
  const document = obj(raw);
  const ops = specOperations(document);
  const byKey = new Map(ops.map((o) => [`${o.method} ${normalisePath(o.path)}`, o]));
  const findings: Finding[] = [];
  const records = (op: SpecOp) => [...inlineRecords(op.node), ...entries(obj(document.paths)[op.path])];
  const paramsOf = (op: SpecOp) => [...list(obj(obj(document.paths)[op.path]).parameters), ...list(op.node.parameters)];
  return {
    document,
    ops,
    findings,
    recordedSamples,
    schemaAt: createSchemaLookup(document as OpenApiDocument),
    opOf: (e: Endpoint) => byKey.get(`${e.method.toUpperCase()} ${normalisePath(e.path)}`),
    records,
    paramsOf,
    /** A parameter defined once in components: what any operation using it records about it. */
    sharedRecords: (raw: unknown): Record_[] => {
      const ref = obj(raw).$ref;
      if (typeof ref !== "string") return [];
      const users = ops.filter((o) => paramsOf(o).some((p) => obj(p).$ref === ref));
      return [...entries(deref(document, raw)), ...users.flatMap(records)];
    },
    /** Records a finding; `recorded` when given, else what the operation records naming `words`. */
    add: (op: SpecOp, finding: Omit<Finding, "operation" | "recorded">, words: string[], recorded?: string) => {
      const record = recorded ?? recordFor(records(op), words);
      findings.push({ operation: op.id, ...finding, ...(record !== undefined ? { recorded: record } : {}) });
    },
  };
}
type Context = ReturnType<typeof context>;
const fileOf = (e: Endpoint) => e.where.split(":")[0];

/** One sample: validated by Ajv (required, type, enum, other values), walked for undeclared fields. */
function checkSample(ctx: Context, op: SpecOp, endpoint: Endpoint, sample: DocSample): void {
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

/** One section's field and parameter tables: rows the spec lacks, and types it does not allow. */
function checkTables(ctx: Context, op: SpecOp, section: DocSection): void {
  const { document } = ctx;
  const checkType = (schema: unknown, docs: string, field: string, where: string, word: string, around: Record_[]) => {
    const wanted = docs
      .split(/\s+or\s+/i)
      .map(docsType)
      .filter((t): t is string => t !== undefined);
    const types = view(document, schema).types;
    if (wanted.length === 0 || !types || wanted.some((t) => covers(types, new Set([t])))) return;
    const words = [word, docs.split(/[\s(]/)[0]!];
    ctx.add(
      op,
      { category: "type", field, detail: `the docs' table says ${docs}, the spec says ${[...types].join("|")}`, where },
      words,
      recordFor([...ctx.records(op), ...around], words),
    );
  };
  const bodyType = Object.keys(obj(obj(deref(document, locate(document, `${op.pointer}/requestBody`).node)).content)).find((t) =>
    /json/.test(t),
  );
  const bodySchema = bodyType ? locate(document, `${op.pointer}/requestBody/content/${escapePointer(bodyType)}/schema`).node : undefined;
  const params = ctx.paramsOf(op);
  const bodyRows = section.fields.filter((r) => r.in === "body");
  for (const row of section.fields) {
    const where = `${fileOf(section.endpoint)}:${row.line}`;
    if (row.in === "body") {
      const segments = bodyPath(bodyRows, row);
      const name = segments.at(-1)!;
      const field = ["body", ...segments].join(".").replace(/\.\[\]/g, "[]");
      const found = bodySchema === undefined ? { open: false } : schemaAlong(document, bodySchema, segments);
      const around = bodySchema === undefined ? [] : fieldRecords(document, bodySchema, segments);
      if (found.schema !== undefined) checkType(found.schema, row.type, field, where, name, around);
      else if (!found.open)
        ctx.add(
          op,
          { category: "lacks", field, detail: `the docs' table lists ${field} (${row.type}); the spec does not declare it`, where },
          [name],
          recordFor([...ctx.records(op), ...around], [name]),
        );
      continue;
    }
    const raw =
      params.find((p) => deref(document, p).name === row.name && deref(document, p).in === row.in) ??
      params.find((p) => deref(document, p).name === row.name);
    const param = raw === undefined ? undefined : deref(document, raw);
    const field = `${param ? String(param.in) : row.in}.${row.name}`;
    if (!param)
      ctx.add(
        op,
        {
          category: "lacks",
          field,
          detail: `the docs' table lists parameter ${row.name} (${row.type}); the spec does not declare it`,
          where,
        },
        [row.name],
      );
    else checkType(param.schema, row.type, field, where, row.name, ctx.sharedRecords(raw));
  }
}

/** Status codes a section names that the operation does not declare. */
function checkStatuses(ctx: Context, op: SpecOp, section: DocSection): void {
  const declared = Object.keys(obj(op.node.responses));
  for (const { code, line } of section.statuses) {
    if (declared.includes(code) || declared.includes(`${code[0]}XX`) || declared.includes("default")) continue;
    ctx.add(
      op,
      {
        category: "status",
        field: `status ${code}`,
        detail: `the docs name status ${code}; the spec does not declare it`,
        where: `${fileOf(section.endpoint)}:${line}`,
      },
      [code],
    );
  }
}

/** Endpoints documented but not in the spec, and ones the spec took from these docs that a capture covering their section drops. */
function checkEndpoints(ctx: Context, coverage: Coverage): void {
  for (const e of coverage.missing) {
    // Recorded on an operation of the same path, by a record about the method that names this one.
    const samePath = ctx.ops.filter((o) => normalisePath(o.path) === normalisePath(e.path));
    const record = samePath.flatMap(ctx.records).find((r) => names(r.text, e.method.toUpperCase()) && names(r.text, "method"))?.topic;
    const hint = e.otherMethods.length > 0 ? `; the spec has ${e.otherMethods.join(", ")} on this path` : "";
    ctx.findings.push({
      operation: `${e.method} ${e.path}`,
      category: "endpoint",
      field: `${e.method} ${normalisePath(e.path)}`,
      detail: `documented, not in the spec${hint}`,
      where: e.where,
      ...(record ? { recorded: record } : {}),
    });
  }
  const covered = new Set(
    coverage.documented
      .map(ctx.opOf)
      .filter((o) => o !== undefined)
      .map((o) => o.namespace),
  );
  const unmentioned = new Set(coverage.unmentioned.map((o) => o.id));
  for (const op of ctx.ops.filter((o) => o.fromDocs && covered.has(o.namespace) && unmentioned.has(o.id))) {
    ctx.add(
      op,
      {
        category: "endpoint",
        field: `${op.method} ${op.path}`,
        detail: `the spec has it from the docs; the capture documents other ${op.namespace} endpoints but not this one`,
        where: "",
      },
      [op.method],
    );
  }
}

export function drift({ document, coverage, sections, unread, recordedSamples }: DriftInput): Drift {
  const ctx = context(document, recordedSamples);
  const checked = { samples: 0, fields: 0, statuses: 0 };
  for (const section of sections) {
    const op = ctx.opOf(section.endpoint);
    if (!op) continue; // the endpoint itself is reported missing
    for (const sample of section.samples) checkSample(ctx, op, section.endpoint, sample);
    checkTables(ctx, op, section);
    checkStatuses(ctx, op, section);
    checked.samples += section.samples.length;
    checked.fields += section.fields.length;
    checked.statuses += section.statuses.length;
  }
  checkEndpoints(ctx, coverage);
  // Several samples of one operation (curl and JSON, two languages) show the same drift once.
  const seen = new Set<string>();
  const findings = ctx.findings.filter((f) => {
    const key = `${f.operation}|${f.category}|${f.field}|${f.detail}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { findings, unread, checked };
}

const LABEL: Record<Category, string> = {
  lacks: "not in the spec",
  omitted: "required, omitted",
  type: "type differs",
  enum: "enum differs",
  value: "value refused",
  status: "status undeclared",
  endpoint: "endpoint",
};

export function formatDrift(d: Drift): string[] {
  const fresh = d.findings.filter((f) => !f.recorded);
  const recorded = d.findings.filter((f) => f.recorded);
  const group = (list: Finding[], show: (f: Finding) => string) => {
    const byOp = new Map<string, Finding[]>();
    for (const f of list) byOp.set(f.operation, [...(byOp.get(f.operation) ?? []), f]);
    return [...byOp].flatMap(([op, fs]) => [`  ${op}`, ...fs.map((f) => `    ${LABEL[f.category].padEnd(18)} ${show(f)}`)]);
  };
  const lines = [
    `checked ${d.checked.samples} samples, ${d.checked.fields} table rows, ${d.checked.statuses} status codes`,
    "",
    `new drift (${fresh.length}):`,
    ...group(fresh, (f) => `${f.field}: ${f.detail}${f.where ? ` (${f.where})` : ""}`),
    "",
    `recorded in the spec or the samples' errata (${recorded.length}):`,
    ...group(recorded, (f) => `${f.field}: ${f.detail} [recorded: ${f.recorded!.replace(/\s+/g, " ").slice(0, 90)}]`),
  ];
  if (d.unread.length > 0)
    lines.push(
      "",
      `samples that could not be read (${d.unread.length}):`,
      ...d.unread.map((u) => `  ${u.endpoint ? `${u.endpoint.method} ${u.endpoint.path} ` : ""}line ${u.line}: ${u.text.slice(0, 60)}`),
    );
  return lines;
}

/** The whole check of some captures (name and text) of one provider against a bundled document. */
export function checkCaptures(
  provider: ProviderId,
  captures: { name: string; text: string }[],
  document: unknown,
  recordedSamples: RecordedSample[],
): { coverage: Coverage; drift: Drift } {
  const read = captures.map(({ name, text }) => {
    const found = extractEndpoints(provider, text, name);
    const anchors = found.documented.map((e) => ({ ...e, line: Number(e.where.split(":").at(-1)) - 1 }));
    return { found, ...extractSections(provider, text, anchors) };
  });
  const coverage = compareEndpoints(
    read.flatMap((r) => r.found.documented),
    read.flatMap((r) => r.found.unresolved),
    endpointsOf(document),
  );
  const sections = read.flatMap((r) => r.sections);
  const unread = read.flatMap((r) => r.unread);
  return { coverage, drift: drift({ document, coverage, sections, unread, recordedSamples }) };
}

/** The samples recorded in test/fixtures/samples/<provider>/ (their errata record the docs' known mistakes). */
export function loadRecordedSamples(root: string, provider: ProviderId): RecordedSample[] {
  const dir = path.join(root, "test", "fixtures", "samples", provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as RecordedSample[]);
}
