/** The state every drift check shares, made once per run of drift() (scripts/lib/docs-drift.ts). */
import type { OpenApiDocument } from "../../../generator/bundle.js";
import { createSchemaLookup } from "../../../runtime/schemas.js";
import { normalisePath, type Endpoint } from "../docs-coverage.js";
import { deref, list, obj } from "../schema-diff.js";
import { entries, inlineRecords, recordFor, type Record_ } from "./records.js";
import { specOperations, type SpecOp } from "./spec.js";
import type { Finding, RecordedSample } from "./types.js";

/** The bundled document with the lookups every check needs, and the findings so far. */
export function context(raw: unknown, recordedSamples: RecordedSample[]) {
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
export type Context = ReturnType<typeof context>;
export const fileOf = (e: Endpoint) => e.where.split(":")[0];
