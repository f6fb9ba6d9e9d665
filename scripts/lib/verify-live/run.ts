/**
 * The live check: calls every operation that is free and safe through the project's own client,
 * with reply validation on, and says per call OK, drift or skipped (and why). Every request goes
 * through ./guard.ts twice: when the plan picks an input, and in the fetch the client uses.
 *
 * Order: reads without path parameters first, then reads whose ids earlier replies revealed (in
 * rounds, until no more can be made), then free POSTs (price calls), then sends to documented
 * test recipients, then the documented failures of the public test credentials.
 */
import { createClickSendClient } from "../../../generated/clicksend/index.js";
import { createSmSendClient } from "../../../generated/smsend/index.js";
import { camelCase } from "../../../runtime/bind.js";
import { HttpError, UnparseableResponseError } from "../../../runtime/index.js";
import type { OperationSpec } from "../../../runtime/operation-table.js";
import type { ResponseMismatch } from "../../../runtime/validation.js";
import type { ReplyToValidate } from "../../../runtime/validation-types.js";
import { driftsOf, type Drift } from "./drift.js";
import { checkRequest, guardedFetch } from "./guard.js";
import { bodyExamples, Discoveries, parameterInput } from "./inputs.js";
import type { Recorder } from "./record.js";
import { createReplyValidator } from "./validate.js";
import type { CheckedOperation, SpecFacts, TestCredential } from "./spec-facts.js";

export type Outcome = { operationId: string; label?: string } & (
  | { kind: "ok"; status?: number; note?: string }
  | { kind: "drift"; status: number; drifts: Drift[] }
  | { kind: "skipped"; reason: string }
  | { kind: "error"; reason: string }
);

export interface LiveCheckOptions {
  facts: SpecFacts;
  baseUrl: string;
  username: string;
  /** ClickSend API key or smSend password. */
  secret: string;
  /** The transport under the guard (default: the global fetch). */
  fetch?: (request: Request) => Promise<Response>;
  recorder?: Recorder;
  /** Called once the client knows its session keys, so the recorder can hide them too. */
  onSecrets?: (secrets: string[]) => void;
}

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

type Client = Record<string, Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>>;

export async function checkLive(options: LiveCheckOptions): Promise<Outcome[]> {
  const { facts, recorder } = options;
  const guard = guardedFetch(facts, options.baseUrl, options.fetch ?? ((request) => fetch(request)));
  const found = new Discoveries();
  let mismatches: ResponseMismatch[] = [];
  let reply: ReplyToValidate | undefined;
  const validate = createReplyValidator(facts, (mismatch) => mismatches.push(mismatch));
  const common = {
    baseUrl: options.baseUrl,
    fetch: guard.fetch,
    retry: false as const,
    validateResponses: (r: ReplyToValidate) => ((reply = r), validate(r)),
  };

  const makeClient = async (username: string, secret: string): Promise<Client> =>
    (facts.provider === "clicksend"
      ? createClickSendClient({ ...common, username, apiKey: secret })
      : await createSmSendClient({ ...common, username, password: secret })) as unknown as Client;
  const client = await makeClient(options.username, options.secret);
  const keys = (client as unknown as { currentKeys?: () => { userKey: string; key: string } | undefined }).currentKeys?.();
  if (keys) options.onSecrets?.([keys.userKey, keys.key]);

  async function call(op: CheckedOperation, input: unknown, on: Client = client, label?: string): Promise<Outcome> {
    const base = { operationId: op.operationId, ...(label ? { label } : {}) };
    mismatches = [];
    reply = undefined;
    const refusedBefore = guard.refusals.length;
    try {
      await on[camelCase(op.namespace)]![camelCase(op.action)]!(input);
      const got = reply as ReplyToValidate | undefined;
      if (!got) return { ...base, kind: "ok", note: `${op.parseAs} reply, status only` };
      recorder?.add({ operationId: op.operationId, status: got.status, contentType: got.contentType, body: got.body }, label);
      if (on === client) found.learn(op.namespace, got.body);
      return judged(base, op, got.status, got.body);
    } catch (error) {
      const refusal = guard.refusals[refusedBefore];
      if (refusal) return { ...base, kind: "skipped", reason: `refused by the guard: ${refusal.reason}` };
      if (error instanceof HttpError) {
        const spec = { method: op.method, path: op.path } as OperationSpec;
        validate({ operationId: op.operationId, spec, status: error.status, contentType: undefined, body: error.body });
        recorder?.add({ operationId: op.operationId, status: error.status, contentType: undefined, body: error.body }, label);
        return judged(base, op, error.status, error.body);
      }
      if (error instanceof UnparseableResponseError) {
        return {
          ...base,
          kind: "drift",
          status: error.status,
          drifts: [{ pointer: "", expected: `a ${op.parseAs.toUpperCase()} reply`, observed: "an unparseable reply" }],
        };
      }
      return { ...base, kind: "error", reason: error instanceof Error ? error.message : String(error) };
    }
  }

  function judged(base: { operationId: string }, op: CheckedOperation, status: number, body: unknown): Outcome {
    const statuses = documentedStatuses(facts, op);
    const drifts = mismatches.flatMap((mismatch) => driftsOf(mismatch, body, statuses));
    if (drifts.length > 0) return { ...base, kind: "drift", status, drifts };
    const code = body !== null && typeof body === "object" ? (body as Record<string, unknown>).response_code : undefined;
    return {
      ...base,
      kind: "ok",
      status,
      ...(status >= 300 ? { note: `documented failure${typeof code === "string" ? ` ${code}` : ""}` } : {}),
    };
  }

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

function documentedStatuses(facts: SpecFacts, op: CheckedOperation): string[] {
  const operation = (facts.document.paths?.[op.path] as Record<string, { responses?: object }>)[op.method];
  return Object.keys(operation?.responses ?? {});
}
