/**
 * Prism's dynamic mode: random replies that are valid under the spec. Each distinct success reply
 * (see distinctSuccessCases) is asked for several times through the generated client, with reply
 * validation on; every reply must parse, and the validator must find nothing (it checks the same
 * schemas the types come from). Every operation's own call is checked by the contract suite
 * (test/support/contract.ts); what random replies add is the variety of each reply schema.
 *
 * Each provider has its own Prism server, so the two providers' suites run at the same time, and
 * a case's calls are made at once: Prism draws one random reply while this worker checks another.
 * The cases of one provider run in turn (`it.sequential`): they share its client's mismatch list.
 */
import { describe, expect, inject, it } from "vitest";
import { createClickSendClient } from "../../generated/clicksend/index.js";
import { createSmSendClient } from "../../generated/smsend/index.js";
import { createResponseValidator, type ResponseMismatch } from "../../runtime/validation.js";
import { methodOf } from "../support/contract.js";
import { distinctSuccessCases, exampleInput, loadSpec } from "../support/openapi.js";

const CALLS_PER_REPLY = 5;
const urls = inject("prism");

const makers: Record<string, (validate: ReturnType<typeof createResponseValidator>) => Promise<object> | object> = {
  clicksend: (validateResponses) =>
    createClickSendClient({ username: "u", apiKey: "k-123456", baseUrl: urls.clicksend!, validateResponses, retry: false }),
  smsend: (validateResponses) =>
    createSmSendClient({ userKey: "U1234", accessToken: "T1234", baseUrl: urls.smsend!, validateResponses, retry: false }),
};

for (const [providerId, make] of Object.entries(makers)) {
  const spec = loadSpec(providerId);
  // One validator and one client per provider: building the validator compiles the whole
  // document, which per test cost more than the calls. Each test collects its own mismatches.
  let mismatches: ResponseMismatch[] = [];
  const client = make(createResponseValidator(spec.document, (m) => mismatches.push(m)));
  describe.concurrent(`${providerId} replies in Prism's dynamic mode`, () => {
    it.sequential.each(distinctSuccessCases(spec).map((op) => [op.operationId, op] as const))(
      "%s: random valid replies parse and validate",
      async (_, op) => {
        mismatches = [];
        const call = methodOf(await client, op.operationId);
        const input = exampleInput(spec, op);
        // All settled before the verdict, so that no call of this case reports into the next one's list.
        const calls = await Promise.allSettled(
          Array.from({ length: CALLS_PER_REPLY }, () => call(input, { headers: { Prefer: "dynamic=true" } })),
        );
        for (const settled of calls) if (settled.status === "rejected") throw settled.reason;
        expect(mismatches).toEqual([]);
      },
    );
  });
}
