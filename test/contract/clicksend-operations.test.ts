/**
 * The tree-shakable operation functions (generated/clicksend/operations.ts) under the same
 * contract as the namespaced client: every operation is called through its own function against
 * Prism with request validation, replies and every documented error checked, none left out.
 * An adapter gives the functions the client's shape, so the shared suite can drive them.
 */
import { inject } from "vitest";
import { ClickSendError } from "../../generated/clicksend/index.js";
import * as operations from "../../generated/clicksend/operations.js";
import { functionName } from "../../generator/emit/operations.js";
import { camelCase } from "../../runtime/bind.js";
import { describeContract } from "../support/contract.js";
import { loadSpec } from "../support/openapi.js";

const baseUrl = inject("prism").clicksend!;
type OperationFunction = (client: operations.ClickSendBase, input?: unknown, options?: unknown) => Promise<unknown>;

describeContract({
  providerId: "clicksend",
  makeClient: (fetch) => {
    const base = operations.createClickSendBase({ username: "api-user", apiKey: "D83DED51-9E35-4D42-9BB9-0E34B7CA85AE", baseUrl, fetch });
    const client: Record<string, Record<string, unknown>> = {};
    for (const op of loadSpec("clicksend").model.operations) {
      const fn = (operations as unknown as Record<string, OperationFunction | undefined>)[functionName(op.operationId)];
      if (!fn) throw new Error(`operations.ts has no function for ${op.operationId}`);
      (client[camelCase(op.namespace)] ??= {})[camelCase(op.action)] = (input?: unknown, options?: unknown) => fn(base, input, options);
    }
    return client;
  },
  checkError: (error, example) => {
    if (!(error instanceof ClickSendError)) throw new Error(`expected a ClickSendError, got ${String(error)}`);
    const expected = (example as { response_code?: string } | undefined)?.response_code;
    if (error.responseCode !== expected) throw new Error(`response_code ${error.responseCode}, expected ${expected}`);
  },
});
