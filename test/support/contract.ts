/**
 * The contract suite both providers share: every operation of the bundled document is called
 * through the generated client against Prism (which rejects any request the spec does not
 * allow), its reply is checked against the spec, every documented error status is provoked with
 * `Prefer: code=…` (once per distinct error reply), and a last test fails unless every operationId
 * of the document got a 2xx from the mock.
 *
 * That last test does not trust the list the tests are made from: the success tests' clients send
 * through a recording fetch (test/support/routes.ts) that maps each request's method and path to
 * an operationId through the document's own paths, and the result is compared with the
 * document's operationIds. Leave out an operation's test, or let a client send one operation's
 * request to another's path, and it fails. The recording lives in this file's worker, so vitest's
 * parallel workers do not matter; the check runs last because vitest runs a file's tests in the
 * order they are declared (this project turns on neither shuffling nor concurrent tests).
 */
import { describe, expect, it } from "vitest";
import { HttpError } from "../../runtime/index.js";
import { distinctErrorCases, escapePointer, exampleInput, loadSpec, operationPointer } from "./openapi.js";
import { camelCase } from "../../runtime/bind.js";
import { operationRecorder } from "./routes.js";

/** Any generated client; methods are looked up by name, so its static type does not matter here. */
type AnyClient = object;
type Method = (input?: unknown, options?: { headers?: Record<string, string>; retry?: false }) => Promise<unknown>;

export interface ContractOptions {
  providerId: string;
  /** Makes a client that sends its requests through `fetch`. */
  makeClient: (fetch: (request: Request) => Promise<Response>) => Promise<AnyClient> | AnyClient;
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

/** Every distinct documented error reply (see distinctErrorCases), provoked through the client with `Prefer: code=…`. */
export function describeErrorContract(options: ContractOptions): void {
  const spec = loadSpec(options.providerId);
  const errorCases = distinctErrorCases(spec).map(
    ({ op, error }) => [error.status, error.reply.slice(0, 60), op.operationId, op, error] as const,
  );
  it.each(errorCases)("a documented %i (%s) is a typed error, through %s", async (status, _reply, _id, op, error) => {
    // Not recorded: an error reply proves nothing about coverage.
    const client = await options.makeClient((request) => fetch(request));
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
}

export function describeContract(options: ContractOptions): void {
  const spec = loadSpec(options.providerId);
  const operations = spec.model.operations;
  const recorder = operationRecorder(spec.document);

  describe(`${options.providerId} contract against Prism`, () => {
    it.each(operations.map((op) => [op.operationId, op] as const))("%s succeeds with the spec's examples", async (_, op) => {
      const client = await options.makeClient(recorder.fetch);
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

    describeErrorContract(options);

    it("every operationId of the bundled document got a 2xx from the mock", () => {
      const never = recorder.operationIds.filter((id) => !recorder.succeeded.has(id));
      expect(never, "operations of the document no request reached successfully").toEqual([]);
      expect(recorder.unknown, "requests that reached no operation of the document").toEqual([]);
    });
  });
}
