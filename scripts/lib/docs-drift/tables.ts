/** The checks of one docs' section's field and parameter tables and its status-code list. */
import { escapePointer } from "../../../runtime/pointer.js";
import type { DocSection } from "../docs-samples.js";
import { covers, deref, obj, view } from "../schema-diff.js";
import { fileOf, type Context } from "./context.js";
import { fieldRecords, recordFor, type Record_ } from "./records.js";
import { bodyPath, docsType, locate, schemaAlong, type SpecOp } from "./spec.js";

/** One section's field and parameter tables: rows the spec lacks, and types it does not allow. */
export function checkTables(ctx: Context, op: SpecOp, section: DocSection): void {
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
export function checkStatuses(ctx: Context, op: SpecOp, section: DocSection): void {
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
