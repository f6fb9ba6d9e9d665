/**
 * `client.raw`, the typed escape hatch: openapi-fetch's client, authenticated, for anything the
 * methods do not cover. It has no retries or error mapping of its own, but the same redirect rule.
 *
 * openapi-fetch is loaded with a dynamic import on raw's first request, not imported statically:
 * most applications never touch `raw`, and a static import (even one used only in a getter) puts
 * openapi-fetch in every bundle of the namespaced clients. A bundler that splits code (Vite, Rollup,
 * webpack, esbuild with `splitting`) puts it in a chunk of its own, fetched on that first request.
 * The object itself is built with the client and has openapi-fetch's Client type.
 */
import type { Client, Middleware } from "openapi-fetch";
import type { CommonClientOptions } from "./options.js";
import type { Redactor } from "./redact.js";
import { followRedirects, isRedirect, type Send } from "./redirects.js";

/** Client's request methods: each returns a promise, so each can wait for openapi-fetch to load. */
const REQUEST_METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export interface RawClientSettings {
  options: CommonClientOptions;
  baseUrl: string;
  origin: string;
  redactor: Redactor;
  /** Headers sent with every request (ClickSend's Authorization). */
  headers?: Record<string, string>;
  /** Middleware registered before any other (smSend's keys, read at request time). */
  middleware?: Middleware[];
}

export function lazyRawClient<Paths extends {}>(settings: RawClientSettings): Client<Paths> {
  let middleware = [...(settings.middleware ?? [])];
  let built: Client<Paths> | undefined;
  let loading: Promise<Client<Paths>> | undefined;
  const load = () =>
    (loading ??= import("openapi-fetch").then(
      ({ default: createClient }) => {
        const { options, baseUrl, origin, redactor, headers } = settings;
        const fetchRequest = options.fetch ?? ((request: Request) => fetch(request));
        built = createClient<Paths>({ baseUrl, fetch: rawFetch(fetchRequest, origin, redactor), redirect: "manual", headers });
        // What was registered while it loaded, in order.
        built.use(...middleware);
        return built;
      },
      (error: unknown) => {
        loading = undefined; // a failed load (e.g. a chunk the network dropped) is tried again
        throw error;
      },
    ));
  const raw: Record<string, unknown> = {
    use: (...added: Middleware[]) => (built ? built.use(...added) : void middleware.push(...added)),
    eject: (...removed: Middleware[]) =>
      built ? built.eject(...removed) : void (middleware = middleware.filter((m) => !removed.includes(m))),
  };
  for (const name of REQUEST_METHODS) {
    raw[name] = async (...args: unknown[]) => {
      const client = built ?? (await load());
      return (client[name] as (...args: unknown[]) => unknown)(...args);
    };
  }
  return raw as unknown as Client<Paths>;
}

/**
 * A fetch for openapi-fetch, taking a Request as openapi-fetch does, with the same redirect rule
 * as the typed methods (./redirects.ts).
 */
function rawFetch(
  fetchRequest: (request: Request) => Promise<Response>,
  origin: string,
  redactor: Redactor,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.body ? await request.arrayBuffer() : undefined;
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      signal: request.signal,
      redirect: "manual",
      ...(body ? { body } : {}),
    };
    const context = () => ({ operationId: "raw", method: request.method, url: redactor.url(request.url) });
    const send: Send = (url, next) => fetchRequest(new Request(url, next));
    const response = await send(request.url, init);
    return isRedirect(response) ? followRedirects(send, response, request.url, init, origin, context, redactor) : response;
  };
}
