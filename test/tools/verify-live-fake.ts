/**
 * A fake provider for the live checker's tests: serves, for every operation of a bundled document,
 * the first example of its first success reply (a documented error for ClickSend's public test
 * credentials), lets a test make chosen replies drift, and records every request it receives.
 * Loopback only; no network.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { OpenApiDocument } from "../../generator/bundle.js";
import { resolveRef } from "../../generator/document.js";

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
  const status = (wantError ? statuses.find((s) => s === "401") ?? statuses.find((s) => /^4/.test(s)) : undefined) ?? statuses.find((s) => /^2/.test(s))!;
  const content = (resolveRef<Json>(document, responses[status]).content ?? {}) as Record<string, Json>;
  const [contentType, media] = Object.entries(content)[0] ?? [];
  return { status: Number(status), contentType, body: media ? firstExample(document, media) : undefined };
}

function findOperation(document: OpenApiDocument, method: string, path: string): Json | undefined {
  const matches = Object.entries(document.paths ?? {}).filter(([template, item]) => {
    const want = template.split("/");
    const got = path.split("/");
    return item[method] && want.length === got.length && want.every((part, i) => part.startsWith("{") || part === got[i]);
  });
  // A literal segment beats a parameter: /sms/cancel-all over /sms/{message_id}.
  matches.sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  return matches[0]?.[1][method] as Json | undefined;
}

export async function startFakeProvider(document: OpenApiDocument, drift: Record<string, Drifter> = {}): Promise<FakeProvider> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://fake.invalid");
      const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
      const username = basic ? Buffer.from(basic, "base64").toString("utf8").split(":")[0] : undefined;
      const method = (request.method ?? "GET").toLowerCase();
      received.push({ method: method.toUpperCase(), path: url.pathname, query: url.search, username, body: Buffer.concat(chunks).toString("utf8") });
      const operation = findOperation(document, method, url.pathname);
      if (!operation) {
        response.writeHead(404, { "content-type": "text/plain" }).end("no such operation");
        return;
      }
      let reply = documentedReply(document, operation, username !== undefined && TEST_USERNAMES.has(username));
      const drifter = drift[String(operation.operationId)];
      if (drifter) reply = drifter(structuredClone(reply));
      const text = reply.body === undefined ? "" : typeof reply.body === "string" && !/json/.test(reply.contentType ?? "") ? reply.body : JSON.stringify(reply.body);
      response.writeHead(reply.status, reply.contentType ? { "content-type": reply.contentType } : {}).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
