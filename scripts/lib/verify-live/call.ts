/**
 * One checked call of the live check: the project's own client behind ./guard.ts, with reply
 * validation on, judged OK, drift, skipped (the guard refused it) or error. ./run.ts decides which
 * calls to make and in what order.
 */
import { createClickSendClient } from "../../../generated/clicksend/index.js";
import { createSmSendClient } from "../../../generated/smsend/index.js";
import { camelCase } from "../../../runtime/bind.js";
import { HttpError, UnparseableResponseError } from "../../../runtime/index.js";
import type { OperationSpec } from "../../../runtime/operation-table.js";
import type { ResponseMismatch } from "../../../runtime/validation.js";
import type { ReplyToValidate } from "../../../runtime/validation-types.js";
import { driftsOf, type Drift } from "./drift.js";
import { guardedFetch } from "./guard.js";
import { Discoveries } from "./inputs.js";
import type { Recorder } from "./record.js";
import { createReplyValidator } from "./validate.js";
import type { CheckedOperation, SpecFacts } from "./spec-facts.js";

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

type Client = Record<string, Record<string, (input?: unknown, options?: unknown) => Promise<unknown>>>;

/** The check's client (and a maker for more, e.g. for the test credentials), its `call`, and the ids replies revealed. */
export async function createLiveCaller(options: LiveCheckOptions) {
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

  return { makeClient, call, found };
}

function documentedStatuses(facts: SpecFacts, op: CheckedOperation): string[] {
  const operation = (facts.document.paths?.[op.path] as Record<string, { responses?: object }>)[op.method];
  return Object.keys(operation?.responses ?? {});
}
