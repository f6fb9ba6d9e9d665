/** The endpoint check: what the docs document that the spec lacks, and the reverse. */
import { normalisePath, type Coverage } from "../docs-coverage.js";
import type { Context } from "./context.js";
import { names } from "./records.js";

/** Endpoints documented but not in the spec, and ones the spec took from these docs that a capture covering their section drops. */
export function checkEndpoints(ctx: Context, coverage: Coverage): void {
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
