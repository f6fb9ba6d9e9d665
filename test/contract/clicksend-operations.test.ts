/**
 * The tree-shakable operation functions (generated/clicksend/operations.ts) keep their own copy of
 * each operation's table entry, so each must behave exactly as the namespaced client's method:
 * for every operation, the function and the method, given the spec's example input, send the same
 * request (method, URL, headers, body), read the same reply into the same result and report the
 * same call event (operationId included). The method's
 * requests and replies are checked against Prism, with request validation, by the contract suite
 * (test/contract/clicksend.test.ts); here both run in-process against one canned reply, so no
 * function can differ from it unseen. Each distinct documented error is still provoked through
 * the functions against Prism, and none may be missing.
 */
import { describe, expect, inject, it } from "vitest";
import { ClickSendError, createClickSendClient } from "../../generated/clicksend/index.js";
import * as operations from "../../generated/clicksend/operations.js";
import { functionName } from "../../generator/emit/operations.js";
import type { OperationModel } from "../../generator/model.js";
import { camelCase } from "../../runtime/bind.js";
import type { CallEvent } from "../../runtime/index.js";
import { describeErrorContract, methodOf } from "../support/contract.js";
import { exampleInput, loadSpec } from "../support/openapi.js";

const baseUrl = inject("prism").clicksend!;
const credentials = { username: "api-user", apiKey: "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE" };
type OperationFunction = (client: operations.ClickSendBase, input?: unknown, options?: unknown) => Promise<unknown>;
const spec = loadSpec("clicksend");

function functionOf(op: OperationModel): OperationFunction {
  const fn = (operations as unknown as Record<string, OperationFunction | undefined>)[functionName(op.operationId)];
  if (!fn) throw new Error(`operations.ts has no function for ${op.operationId}`);
  return fn;
}

/** The functions in the client's shape (namespace.action), so the shared suite can drive them. */
function functionsAsClient(settings: Pick<operations.ClickSendOptions, "fetch" | "onCall">) {
  const base = operations.createClickSendBase({ ...credentials, baseUrl, ...settings });
  const client: Record<string, Record<string, unknown>> = {};
  for (const op of spec.model.operations) {
    const fn = functionOf(op);
    (client[camelCase(op.namespace)] ??= {})[camelCase(op.action)] = (input?: unknown, options?: unknown) => fn(base, input, options);
  }
  return client;
}

/** A reply of the operation's documented status and content type; its body only has to be readable as such. */
function cannedReply(op: OperationModel): Response {
  const status = Number(op.success.status);
  const headers = op.success.contentType ? { "content-type": op.success.contentType } : undefined;
  if (status === 204) return new Response(null, { status });
  const body =
    op.parseAs === "json" ? JSON.stringify({ operationId: op.operationId, data: [1, "two", null] }) : `reply of ${op.operationId}`;
  return new Response(body, { status, headers });
}

/** A call event without its duration, which differs from call to call. */
const withoutDuration = ({ durationMs: _, ...event }: CallEvent) => event;

/** Everything a request carries, in a form `toEqual` compares. */
async function sent(request: Request) {
  return { method: request.method, url: request.url, headers: [...request.headers].sort(), body: await request.text() };
}

/** A result in a form `toEqual` compares (a Blob by its type and bytes). */
async function comparable(result: unknown) {
  return result instanceof Blob ? { blob: result.type, bytes: [...new Uint8Array(await result.arrayBuffer())] } : result;
}

/** What the running test's calls sent and reported, and the reply they get (both clients are made once). */
const calls = { requests: [] as Awaited<ReturnType<typeof sent>>[], events: [] as CallEvent[], reply: (): Response => new Response() };
const recording = {
  fetch: async (request: Request) => (calls.requests.push(await sent(request)), calls.reply()),
  onCall: (event: CallEvent) => void calls.events.push(event),
};
const viaClient = createClickSendClient({ ...credentials, baseUrl, ...recording });
const viaFunctions = functionsAsClient(recording);

describe("clicksend operation functions", () => {
  it.each(spec.model.operations.map((op) => [op.operationId, op] as const))(
    "%s sends what the client's method sends and reads the reply the same way",
    async (_, op) => {
      Object.assign(calls, { requests: [], events: [], reply: () => cannedReply(op) });
      const fromMethod = await methodOf(viaClient, op.operationId)(exampleInput(spec, op));
      const fromFunction = await methodOf(viaFunctions, op.operationId)(exampleInput(spec, op));
      const { requests, events } = calls;
      expect(requests).toHaveLength(2);
      expect(requests[1]).toEqual(requests[0]);
      expect(events.map(withoutDuration)).toEqual([withoutDuration(events[0]!), withoutDuration(events[0]!)]);
      expect(events[0]!.operationId).toBe(op.operationId);
      expect(await comparable(fromFunction)).toEqual(await comparable(fromMethod));
    },
  );

  describeErrorContract({
    providerId: "clicksend",
    makeClient: (fetch) => functionsAsClient({ fetch }),
    checkError: (error, example) => {
      expect(error).toBeInstanceOf(ClickSendError);
      expect((error as ClickSendError).responseCode).toBe((example as { response_code?: string } | undefined)?.response_code);
    },
  });
});
