/**
 * The corpus of real traffic (test/fixtures/traffic/): request and reply shapes taken from public
 * third-party clients and from the providers' own integrations, each with its repository, path
 * and commit. Every entry is checked against the bundled document of its brand:
 * - a request or reply validates against the operation's schema, unless the entry says the
 *   client is wrong (`invalid`), and then it must fail exactly at the pointers given;
 * - a login names how the credentials travel, and the operation's security must allow that way.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { escapePointer, loadSpec, operationPointer } from "../support/openapi.js";

export interface TrafficEntry {
  source: { repository: string; path: string; commit: string; package?: string };
  /** The brand whose document applies (smSend's own when absent or "smsend"). */
  brand?: string;
  operationId: string;
  kind: "request" | "response" | "login";
  status?: number;
  credentials?: "basic" | "query";
  note: string;
  body?: unknown;
  invalid?: { at: string[]; reason: string };
}

type Json = Record<string, unknown>;

export function corpus(providerId: string): TrafficEntry[] {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "fixtures", "traffic", `${providerId}.json`), "utf8")) as TrafficEntry[];
}

function specFor(providerId: string, entry: TrafficEntry) {
  return loadSpec(providerId, entry.brand && entry.brand !== providerId ? entry.brand : undefined);
}

/** Where an ajv error points (the property a `required` or `additionalProperties` names). */
function pointerOf(error: { instancePath: string; keyword: string; params: Record<string, unknown> }): string {
  if (error.keyword === "required") return `${error.instancePath}/${String(error.params.missingProperty)}`;
  if (error.keyword === "additionalProperties") return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  return error.instancePath;
}

/** The ways an operation's security lets a login send credentials. */
function credentialForms(document: Json, operation: Json): Set<string> {
  const schemes = ((document.components as Json).securitySchemes ?? {}) as Record<string, Json>;
  const forms = new Set<string>();
  for (const requirement of (operation.security ?? document.security ?? []) as Json[]) {
    const used = Object.keys(requirement).map((name) => schemes[name] ?? {});
    if (used.length === 1 && used[0]!.type === "http" && used[0]!.scheme === "basic") forms.add("basic");
    const query = new Set(used.filter((s) => s.type === "apiKey" && s.in === "query").map((s) => s.name));
    if (query.has("username") && query.has("password")) forms.add("query");
  }
  return forms;
}

for (const providerId of ["smsend", "clicksend"]) {
  const entries = corpus(providerId);

  describe(`${providerId} traffic of real clients`, () => {
    it.each(
      entries.map(
        (e) =>
          [
            `${e.operationId} ${e.kind}${e.credentials ? ` (${e.credentials})` : ""} from ${e.source.repository}${e.brand ? ` [${e.brand}]` : ""}${e.invalid ? ": refused" : ""}`,
            e,
          ] as const,
      ),
    )("%s", (_, entry) => {
      const spec = specFor(providerId, entry);
      const op = spec.model.operations.find((o) => o.operationId === entry.operationId);
      expect(op, `operation ${entry.operationId}`).toBeDefined();
      expect(entry.source.commit).toMatch(/^[0-9a-f]{40}$/);
      if (entry.kind === "login") {
        const operation = (spec.document.paths![op!.path] as Json)[op!.method] as Json;
        expect([...credentialForms(spec.document, operation)]).toContain(entry.credentials);
        return;
      }
      const where = entry.kind === "request" ? "requestBody" : `responses/${entry.status ?? 200}`;
      const validate = spec.validator(`${operationPointer(op!)}/${where}/content/${escapePointer("application/json")}/schema`);
      const valid = validate(entry.body);
      if (!entry.invalid) {
        expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
        return;
      }
      expect(valid, `the client was recorded as wrong but the spec accepts it: ${entry.invalid.reason}`).toBe(false);
      const located = new Set((validate.errors ?? []).filter((e) => !["anyOf", "oneOf", "if", "not"].includes(e.keyword)).map(pointerOf));
      expect([...located].sort()).toEqual([...entry.invalid.at].sort());
    });
  });
}
