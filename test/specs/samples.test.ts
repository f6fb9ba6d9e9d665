/**
 * Every request and reply sample the providers document (copied into test/fixtures/samples/)
 * validates against the bundled document. A sample the docs themselves get wrong carries an
 * `erratum` naming the exact JSON pointers that are wrong: the test then checks that it fails
 * there and nowhere else, so an erratum cannot hide a real mismatch or outlive its cause.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../generator/providers.js";
import { escapePointer, loadSpec, operationPointer } from "../support/openapi.js";

interface Sample {
  operationId: string;
  kind: "request" | "response";
  status?: number;
  contentType?: string;
  source: string;
  body: unknown;
  erratum?: { invalidAt: string[]; reason: string };
}

function samplesOf(providerId: string): Sample[] {
  const dir = path.join(repoRoot, "test", "fixtures", "samples", providerId);
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as Sample[]);
}

/** The pointer an ajv error is about (the failing value, the object missing a property, or the
 * property a closed object does not allow). */
function errorPointer(error: { instancePath: string; keyword: string; params: Record<string, unknown>; propertyName?: string }): string {
  if (error.keyword === "required") return `${error.instancePath}/${String(error.params.missingProperty)}`;
  if (error.keyword === "additionalProperties") return `${error.instancePath}/${String(error.params.additionalProperty)}`;
  const name = error.propertyName ?? (error.keyword === "propertyNames" ? String(error.params.propertyName) : undefined);
  return name === undefined ? error.instancePath : `${error.instancePath}/${name}`;
}

for (const providerId of ["clicksend", "smsend"]) {
  const spec = loadSpec(providerId);
  const samples = samplesOf(providerId);

  describe(`${providerId} documented samples`, () => {
    it("has samples recorded", () => {
      expect(samples.length).toBeGreaterThan(0);
    });

    it.each(samples.map((s) => [`${s.operationId} ${s.kind}${s.status ? ` ${s.status}` : ""} (${s.source})`, s] as const))(
      "%s",
      (_, sample) => {
        const op = spec.model.operations.find((o) => o.operationId === sample.operationId);
        expect(op, `operation ${sample.operationId} is not in the bundled document`).toBeDefined();
        const contentType = escapePointer(sample.contentType ?? "application/json");
        const where = sample.kind === "request" ? "requestBody" : `responses/${sample.status ?? 200}`;
        const validate = spec.validator(`${operationPointer(op!)}/${where}/content/${contentType}/schema`);
        const valid = validate(sample.body);
        if (!sample.erratum) {
          expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
          return;
        }
        expect(valid, `erratum on a sample that validates: remove it (${sample.erratum.reason})`).toBe(false);
        // anyOf/oneOf report at the parent as well as at the failing value; the latter locates it.
        const located = (validate.errors ?? []).filter((e) => !["anyOf", "oneOf", "if", "not"].includes(e.keyword));
        const failing = new Set(located.map(errorPointer));
        const expected = new Set(sample.erratum.invalidAt);
        const unexpected = [...failing].filter((p) => ![...expected].some((e) => p === e || p.startsWith(`${e}/`)));
        expect(unexpected, "failures outside the erratum's pointers").toEqual([]);
        for (const pointer of expected) {
          expect(
            [...failing].some((p) => p === pointer || p.startsWith(`${pointer}/`)),
            `no failure at ${pointer}`,
          ).toBe(true);
        }
      },
    );
  });
}
