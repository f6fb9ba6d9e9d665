/**
 * A fake provider for the live checker's tests: serves, for every operation of a bundled document,
 * the first example of its first success reply (a documented error for ClickSend's public test
 * credentials), lets a test make chosen replies drift, and records every request it receives.
 * The test suite's fault server (test/support/fault-server.ts) with a route handler as its
 * fallback; requests are matched to operations by test/support/routes.ts. Loopback only.
 */
import type { OpenApiDocument } from "../../generator/bundle.js";
import { resolveRef } from "../../generator/document.js";
import { startFaultServer, type Received, type Reply } from "../support/fault-server.js";
import { documentOperations, operationAt } from "../support/routes.js";

type Json = Record<string, unknown>;

export interface FakeReply {
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: string;
  /** The Basic username, when the request carried one. */
  username: string | undefined;
  body: string;
}

export interface FakeProvider {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A change to one operation's reply, e.g. `(reply) => ({ ...reply, status: 418 })`. */
export type Drifter = (reply: FakeReply) => FakeReply;

const TEST_USERNAMES = new Set(["nocredit", "notactive", "banned"]);

function firstExample(document: OpenApiDocument, media: Json): unknown {
  if ("example" in media) return media.example;
  const first = Object.values((media.examples ?? {}) as Json)[0];
  return first === undefined ? undefined : resolveRef<Json>(document, first).value;
}

function documentedReply(document: OpenApiDocument, operation: Json, wantError: boolean): FakeReply {
  const responses = (operation.responses ?? {}) as Json;
  const statuses = Object.keys(responses).sort();
  const status =
    (wantError ? (statuses.find((s) => s === "401") ?? statuses.find((s) => /^4/.test(s))) : undefined) ??
    statuses.find((s) => /^2/.test(s))!;
  const content = (resolveRef<Json>(document, responses[status]).content ?? {}) as Record<string, Json>;
  const [contentType, media] = Object.entries(content)[0] ?? [];
  return { status: Number(status), contentType, body: media ? firstExample(document, media) : undefined };
}

/** What the checker's tests read of a request: the Basic username, not the whole header. */
function asReceived(request: Received): ReceivedRequest {
  const url = new URL(request.url, "http://fake.invalid");
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  const username = basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : undefined;
  return { method: request.method, path: url.pathname, query: url.search, username, body: request.body };
}

export async function startFakeProvider(document: OpenApiDocument, drift: Record<string, Drifter> = {}): Promise<FakeProvider> {
  const operations = documentOperations(document);
  const server = await startFaultServer();
  server.fallback = (request): Reply => {
    const { method, path, username } = asReceived(request);
    const found = operationAt(operations, method, path);
    if (!found) return { status: 404, body: "no such operation", headers: { "content-type": "text/plain" } };
    let reply = documentedReply(document, found.operation, username !== undefined && TEST_USERNAMES.has(username));
    const drifter = drift[found.operationId];
    if (drifter) reply = drifter(structuredClone(reply));
    const text =
      reply.body === undefined
        ? ""
        : typeof reply.body === "string" && !/json/.test(reply.contentType ?? "")
          ? reply.body
          : JSON.stringify(reply.body);
    return { status: reply.status, body: text, headers: reply.contentType ? { "content-type": reply.contentType } : {} };
  };
  return {
    url: server.url,
    get received() {
      return server.received.map(asReceived);
    },
    close: () => server.close(),
  };
}
