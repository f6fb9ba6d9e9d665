/**
 * The operation-table contract round-trips: for every operation of both real bundled documents,
 * the entry the generator writes (`entry`), expanded as the runtime expands it (`expand`), is the
 * operation the model read from the spec, in every field the runtime uses.
 */
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import buildModel, { type OperationModel } from "../../generator/model.js";
import { providers, repoRoot } from "../../generator/providers.js";
import { entry, expand, type OperationSpec } from "../../runtime/operation-table.js";

/** The fields of OperationSpec, as the model holds them (pagination left out when absent, as `expand` does). */
function asSpec(op: OperationModel): OperationSpec {
  const { method, path, pathParams, queryParams, headerParams, body, parseAs, authenticated, idempotent, pagination } = op;
  return {
    method,
    path,
    pathParams,
    queryParams,
    headerParams,
    body,
    parseAs,
    authenticated,
    idempotent,
    ...(pagination ? { pagination } : {}),
  };
}

describe.each(providers.map((p) => [p.id] as const))("%s: expand(entry(op)) is the model's operation", (id) => {
  const document: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", id, "openapi.json"), "utf8"));
  const operations = buildModel(document as object).operations;

  it("for every operation", () => {
    const differing = operations.filter((op) => !isDeepStrictEqual(expand(entry(op)), asSpec(op)));
    expect(differing.map((op) => ({ id: op.operationId, model: asSpec(op), roundTrip: expand(entry(op)) }))).toEqual([]);
  });

  it("and the document exercises every default and every extra of the entry format", () => {
    // Without these the round trip above would hold vacuously for a field.
    const entries = operations.map((op) => entry(op)[1] ?? {});
    const seen = new Set(entries.flatMap((extras) => Object.keys(extras)));
    const wanted =
      id === "clicksend"
        ? ["query", "body", "parseAs", "public", "idempotent", "pagination"]
        : ["query", "body", "parseAs", "public", "pagination"];
    expect([...seen].filter((key) => wanted.includes(key)).sort()).toEqual([...wanted].sort());
    expect(entries.some((extras) => Object.keys(extras).length === 0)).toBe(true);
  });
});
