/**
 * The contract suite both providers share: every operation of the bundled document is called
 * through the generated client against Prism (which rejects any request the spec does not
 * allow), its reply is checked against the spec, every documented error status is provoked with
 * `Prefer: code=…` (once per distinct error reply), and a last test fails if any operation was never exercised.
 */
import { describe, expect, it } from "vitest";
import { HttpError, type CallEvent } from "../../runtime/index.js";
import { distinctErrorCases, escapePointer, exampleInput, loadSpec, operationPointer } from "./openapi.js";
import { camelCase } from "../../runtime/bind.js";

/** Any generated client; methods are looked up by name, so its static type does not matter here. */
type AnyClient = object;
type Method = (input?: unknown, options?: { headers?: Record<string, string>; retry?: false }) => Promise<unknown>;

export interface ContractOptions {
  providerId: string;
  /** Makes a client whose calls report to `onCall`. */
  makeClient: (onCall: (event: CallEvent) => void) => Promise<AnyClient> | AnyClient;
  /** Checks a provider-specific detail of an error reply, e.g. ClickSend's response_code. */
  checkError?: (error: HttpError, example: unknown) => void;
}

export function methodOf(client: AnyClient, operationId: string): Method {
  const [namespace, action] = operationId.split("/") as [string, string];
  const group = (client as Record<string, Record<string, Method> | undefined>)[camelCase(namespace)];
  const method = group?.[camelCase(action)];
  if (typeof method !== "function") throw new Error(`the client has no method for ${operationId}`);
  return method;
}

export function describeContract(options: ContractOptions): void {
  const spec = loadSpec(options.providerId);
  const operations = spec.model.operations;
  const exercised = new Set<string>();
  const record = (event: CallEvent) => {
    if (event.status !== undefined && event.status >= 200 && event.status < 300) exercised.add(event.operationId);
  };

  describe(`${options.providerId} contract against Prism`, () => {
    it.each(operations.map((op) => [op.operationId, op] as const))("%s succeeds with the spec's examples", async (_, op) => {
      const client = await options.makeClient(record);
      const reply = await methodOf(client, op.operationId)(exampleInput(spec, op));
      // A Blob (file download) or nothing (204) has no JSON value to check against a schema.
      if (op.parseAs === "blob") expect(reply).toBeInstanceOf(Blob);
      if (op.parseAs === "none") expect(reply).toBeUndefined();
      if (op.parseAs === "json" || op.parseAs === "text") {
        const pointer = `${operationPointer(op)}/responses/${op.success.status}/content/${escapePointer(op.success.contentType!)}/schema`;
        const validate = spec.validator(pointer);
        expect(validate(reply), JSON.stringify(validate.errors)).toBe(true);
      }
    });

    const errorCases = distinctErrorCases(spec).map(({ op, error }) => [error.status, error.reply.slice(0, 60), op.operationId, op, error] as const);
    it.each(errorCases)("a documented %i (%s) is a typed error, through %s", async (status, _reply, _id, op, error) => {
      const client = await options.makeClient(() => {});
      // One attempt: this checks how each documented error is reported, not the retry policy.
      const call = methodOf(client, op.operationId)(exampleInput(spec, op), { headers: { Prefer: `code=${status}` }, retry: false });
      const thrown = await call.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(thrown).toBeInstanceOf(HttpError);
      expect((thrown as HttpError).status).toBe(status);
      expect((thrown as HttpError).operationId).toBe(op.operationId);
      options.checkError?.(thrown as HttpError, error.example);
    });

    it("exercised every operation of the bundled document", () => {
      const never = operations.map((op) => op.operationId).filter((id) => !exercised.has(id));
      expect(never, "operations never called successfully through the generated client").toEqual([]);
      expect(exercised.size).toBe(operations.length);
    });
  });
}
