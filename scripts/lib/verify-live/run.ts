/**
 * The live check: calls every operation that is free and safe through the project's own client,
 * with reply validation on, and says per call OK, drift or skipped (and why). Every request goes
 * through ./guard.ts twice: when the plan picks an input, and in the fetch the client uses.
 *
 * Order: reads without path parameters first, then reads whose ids earlier replies revealed (in
 * rounds, until no more can be made), then free POSTs (price calls), then sends to documented
 * test recipients, then the documented failures of the public test credentials. This module is
 * that plan; ./call.ts makes and judges each call.
 */
import { createLiveCaller, type LiveCheckOptions, type Outcome } from "./call.js";
import { checkRequest } from "./guard.js";
import { bodyExamples, parameterInput } from "./inputs.js";
import type { CheckedOperation, TestCredential } from "./spec-facts.js";

export type { LiveCheckOptions, Outcome } from "./call.js";

/** Operations the checker leaves alone even though the guard would allow them, and why. */
const PLAN_SKIPS: Record<string, Record<string, string>> = {
  clicksend: {},
  smsend: {
    "auth/login": "the client's own login (checked by logging in; its reply is a secret)",
    "auth/get-token": "would issue a new access token, which may replace the one the account uses",
    "user/get-dashboard": "its reply is a sign-in link to the account (a secret)",
  },
};

/** Calls the public test credentials make, each expecting a reply the spec documents. */
const TEST_CREDENTIAL_CALLS = ["account/get", "sms/send"];

export async function checkLive(options: LiveCheckOptions): Promise<Outcome[]> {
  const { facts } = options;
  const { makeClient, call, found } = await createLiveCaller(options);

  const outcomes = new Map<string, Outcome>();
  const pending = facts.operations.filter((op) => {
    const reason = PLAN_SKIPS[facts.provider]?.[op.operationId];
    if (reason) outcomes.set(op.operationId, { operationId: op.operationId, kind: "skipped", reason });
    return !reason;
  });

  // Reads, in rounds: each round may reveal the ids the next one needs.
  let reads = pending.filter((op) => op.method === "get");
  for (let progress = true; progress; ) {
    progress = false;
    for (const op of reads) {
      const verdict = checkRequest(facts, { method: op.method, path: op.path });
      if (!verdict.allowed)
        outcomes.set(op.operationId, { operationId: op.operationId, kind: "skipped", reason: `refused by the guard: ${verdict.reason}` });
      const params = verdict.allowed ? parameterInput(facts.document, op, found) : undefined;
      if (params && "input" in params) {
        outcomes.set(op.operationId, await call(op, params.input));
        progress = true;
      }
    }
    reads = reads.filter((op) => !outcomes.has(op.operationId));
  }
  for (const op of reads) {
    const params = parameterInput(facts.document, op, found);
    outcomes.set(op.operationId, {
      operationId: op.operationId,
      kind: "skipped",
      reason: `no ${"missing" in params ? params.missing : "id"} found in the replies read so far`,
    });
  }

  // Everything else: the first body example the guard allows, or the guard's reason for the first.
  const sends: { op: CheckedOperation; input: Record<string, unknown> }[] = [];
  for (const op of pending.filter((o) => o.method !== "get")) {
    const examples = bodyExamples(facts.document, op);
    const verdicts = (examples.length > 0 ? examples : [undefined]).map((body) => ({
      body,
      verdict: checkRequest(facts, { method: op.method, path: op.path, body }),
    }));
    const chosen = verdicts.find((v) => v.verdict.allowed);
    if (!chosen) {
      const first = verdicts[0]!.verdict;
      outcomes.set(op.operationId, {
        operationId: op.operationId,
        kind: "skipped",
        reason: first.allowed ? "no usable example" : `refused by the guard: ${first.reason}`,
      });
      continue;
    }
    const params = parameterInput(facts.document, op, found);
    if ("missing" in params) {
      outcomes.set(op.operationId, {
        operationId: op.operationId,
        kind: "skipped",
        reason: `no ${params.missing} found in the replies read so far`,
      });
      continue;
    }
    const input = { ...params.input, ...(chosen.body === undefined ? {} : { body: chosen.body }) };
    sends.push({ op, input });
    outcomes.set(op.operationId, await call(op, input));
  }

  // The documented failures of the public test credentials.
  const extra: Outcome[] = [];
  for (const credential of facts.testCredentials) extra.push(...(await testCredentialCalls(credential)));

  async function testCredentialCalls(credential: TestCredential): Promise<Outcome[]> {
    const testClient = await makeClient(credential.username, credential.apiKey);
    const results: Outcome[] = [];
    for (const operationId of TEST_CREDENTIAL_CALLS) {
      const op = facts.operations.find((o) => o.operationId === operationId);
      const input = op?.method === "get" ? {} : sends.find((s) => s.op === op)?.input;
      if (op && input) results.push(await call(op, input, testClient, `test credentials ${credential.username}`));
    }
    return results;
  }

  return [...facts.operations.map((op) => outcomes.get(op.operationId)!), ...extra];
}
