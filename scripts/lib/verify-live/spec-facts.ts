/**
 * What the live checker reads from a bundled document: every operation with the marks that decide
 * whether it may be called (`x-billable`, `x-changes-state`), and the provider's documented test
 * recipients and test credentials (`info.x-test-recipients`, `info.x-test-credentials`).
 */
import fs from "node:fs";
import path from "node:path";
import type { OpenApiDocument } from "../../../generator/bundle.js";
import buildModel, { type OperationModel } from "../../../generator/model.js";
import { repoRoot } from "../../../generator/providers.js";

export type ProviderId = "clicksend" | "smsend";

export interface CheckedOperation extends OperationModel {
  /** `x-billable`: true, false, or undefined when nobody decided (the lint forbids that). */
  billable: boolean | undefined;
  /** `x-changes-state: true`: a read that changes something (e.g. moves a read position). */
  changesState: boolean;
}

export interface TestCredential {
  username: string;
  apiKey: string;
  outcome: string;
}

export interface SpecFacts {
  provider: ProviderId;
  document: OpenApiDocument;
  operations: CheckedOperation[];
  /** Channel (`sms`, `fax`, `email`, `letter`, …) → the recipients the docs say are never charged. */
  testRecipients: Record<string, readonly string[]>;
  testCredentials: TestCredential[];
}

type Json = Record<string, unknown>;

function factsOf(provider: ProviderId, document: OpenApiDocument): SpecFacts {
  const model = buildModel(document);
  const operations = model.operations.map((op): CheckedOperation => {
    const raw = ((document.paths?.[op.path] ?? {}) as Json)[op.method] as Json;
    return {
      ...op,
      billable: typeof raw["x-billable"] === "boolean" ? raw["x-billable"] : undefined,
      changesState: raw["x-changes-state"] === true,
    };
  });
  const info = (document.info ?? {}) as Json;
  const testRecipients: Record<string, string[]> = {};
  for (const [channel, list] of Object.entries((info["x-test-recipients"] ?? {}) as Json)) {
    if (Array.isArray(list)) testRecipients[channel] = list.map(String);
  }
  const accounts = ((info["x-test-credentials"] as Json | undefined)?.accounts ?? []) as TestCredential[];
  return { provider, document, operations, testRecipients, testCredentials: accounts };
}

export function loadFacts(provider: ProviderId): SpecFacts {
  const file = path.join(repoRoot, "generated", provider, "openapi.json");
  return factsOf(provider, JSON.parse(fs.readFileSync(file, "utf8")) as OpenApiDocument);
}
