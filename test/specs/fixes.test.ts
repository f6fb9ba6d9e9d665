/**
 * The spec fixes of "accept what the API accepts" and "public vocabulary", each checked on the
 * bundled documents (what the mock, the types and every other generator read), and each failing
 * on the spec as it was before the fix.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { createResponseValidator, type ResponseMismatch } from "../../runtime/validation.js";
import { escapePointer, loadSpec, operationPointer } from "../support/openapi.js";

type Json = Record<string, unknown>;
const smsend = loadSpec("smsend");
const clicksend = loadSpec("clicksend");

function operation(spec: ReturnType<typeof loadSpec>, operationId: string) {
  const op = spec.model.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  return op;
}
const requestSchema = (spec: ReturnType<typeof loadSpec>, operationId: string) =>
  spec.validator(`${operationPointer(operation(spec, operationId))}/requestBody/content/${escapePointer("application/json")}/schema`);

/** Every string of a document with the JSON path it sits at (keys of maps included). */
function* strings(node: unknown, at = ""): Generator<[string, string]> {
  if (typeof node === "string") yield [at, node];
  else if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* strings(item, `${at}/${i}`);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      yield [`${at}/${key}`, key];
      yield* strings(value, `${at}/${key}`);
    }
  }
}

describe("smSend: what the API accepts", () => {
  it.each([
    "sms/send",
    "sms/send-parametric",
    "sms/send-to-groups",
    "email-campaigns/send-issue",
    "email-campaigns/create-issue-from-template",
  ])("%s: a 200 reply is as valid as a 201", (operationId) => {
    const op = operation(smsend, operationId);
    const mismatches: ResponseMismatch[] = [];
    const validate = createResponseValidator(smsend.document, (m) => mismatches.push(m));
    const reply201 = (((smsend.document.paths![op.path] as Json)[op.method] as Json).responses as Json)["201"] as Json;
    const [contentType, media] = Object.entries(reply201.content as Json)[0]!;
    const example = Object.values((media as Json).examples as Json)[0] as Json;
    validate({ operationId, spec: { path: op.path, method: op.method } as never, status: 200, contentType, body: example.value });
    expect(mismatches).toEqual([]);
  });

  it("a contact takes the documented empty defaults of gender and birthdate", () => {
    const validate = requestSchema(smsend, "contacts/create");
    expect(validate({ phoneNumber: "+393471234567", gender: "", birthdate: "" }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ phoneNumber: "+393471234567", gender: "x" })).toBe(false);
    expect(validate({ phoneNumber: "+393471234567", birthdate: "yesterday" })).toBe(false);
  });
});

describe("ClickSend: what the API accepts and returns", () => {
  it("an account reply may carry trial_expiry as Unix seconds", () => {
    const op = operation(clicksend, "account/get");
    const validate = clicksend.validator(`${operationPointer(op)}/responses/200/content/application~1json/schema`);
    const media = (((clicksend.document.paths![op.path] as Json).get as Json).responses as Json)["200"] as Json;
    const example = structuredClone(Object.values(((media.content as Json)["application/json"] as Json).examples as Json)[0] as Json)
      .value as Json;
    (example.data as Json).trial_expiry = 1767225600;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it("limit takes the docs' own 10, and still stops at 100", () => {
    const limit = (clicksend.document.components as Json).parameters as Json;
    const schema = (limit.limit as Json).schema as Json;
    expect(schema.minimum).toBeLessThanOrEqual(10);
    expect(schema.maximum).toBe(100);
  });

  it("an inbound SMS rule whose action is URL needs webhook_type", () => {
    const validate = requestSchema(clicksend, "inbound-sms-rules/create");
    const rule = {
      dedicated_number: "*",
      rule_name: "r",
      message_search_type: 0,
      message_search_term: null,
      action_address: "https://example.com/in",
      enabled: 1,
    };
    expect(validate({ ...rule, action: "URL" })).toBe(false);
    expect(validate({ ...rule, action: "URL", webhook_type: "json" }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...rule, action: "POLL", action_address: "" }), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("public vocabulary in everything published", () => {
  const published = fs
    .readdirSync(path.join(repoRoot, "generated"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .map((name) => path.join("generated", name));

  it.each(published)("%s speaks of the providers' docs, not of this project's inputs", (file) => {
    const document = JSON.parse(fs.readFileSync(path.join(repoRoot, file), "utf8"));
    const internal = [...strings(document)]
      .filter(([, text]) => /\bseeds?\b|\bv6\b|APIs\.guru keeps/i.test(text))
      .map(([at, text]) => `${at}: ${text.slice(0, 80)}`);
    expect(internal).toEqual([]);
  });

  it.each(published)("%s: no description holds a template-literal placeholder", (file) => {
    // openapi-zod-client pastes descriptions into template literals: `${name}` throws on import.
    const document = JSON.parse(fs.readFileSync(path.join(repoRoot, file), "utf8"));
    const found = [...strings(document)]
      .filter(([at, text]) => /\/(description|summary|title)$/.test(at) && text.includes("${"))
      .map(([at]) => at);
    expect(found).toEqual([]);
  });

  it("the docs pages say no 'seed 0…' either", () => {
    const dir = path.join(repoRoot, "dist", "docs");
    const pages = fs.readdirSync(dir).filter((name) => /\.(html|json|yaml)$/.test(name));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((name) => /seed 0/i.test(fs.readFileSync(path.join(dir, name), "utf8")))).toEqual([]);
  });

  it("no operation's discrepancies cite ClickSend's 2026 description where it lacks the operation", () => {
    const cited: string[] = [];
    for (const [route, item] of Object.entries(clicksend.document.paths ?? {})) {
      for (const [method, op] of Object.entries(item as Json)) {
        const sources = (((op as Json)["x-provenance"] as Json | undefined)?.sources ?? []) as string[];
        for (const entry of ((op as Json)["x-discrepancies"] ?? []) as Json[]) {
          for (const [source, text] of Object.entries((entry.sources ?? {}) as Record<string, string>)) {
            // Fax rules are absent from the 2026 description: what it "says" about them was made up.
            if (source === "openapi-2026" && !sources.includes(source) && !/absent/i.test(text))
              cited.push(`${method.toUpperCase()} ${route} ${String(entry.topic)}: ${source}`);
          }
        }
      }
    }
    expect(cited).toEqual([]);
  });
});
