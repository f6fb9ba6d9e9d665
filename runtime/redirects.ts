/**
 * Redirects, handled here rather than by fetch: fetch follows a redirect to any origin and drops
 * only `Authorization`, so smSend's `user_key`, `Session_key` and `Access_token` headers (and a
 * login URL's password) would reach whatever host a server or a proxy points to. Every request is
 * sent with `redirect: "manual"`; a redirect is followed only within the client's origin (scheme,
 * host and port), at most MAX_REDIRECTS times, and anything else is a RedirectError before any
 * byte leaves for the other origin.
 *
 * Under "manual", Node's fetch (undici), Deno and Bun return the 3xx with its Location; a browser
 * returns an opaque redirect (type "opaqueredirect", status 0) whose target scripts cannot read,
 * so there it is refused.
 */
import { RedirectError, type CallContext } from "./errors.js";
import type { Redactor } from "./redact.js";

export const MAX_REDIRECTS = 5;

export type Send = (url: string, init: RequestInit) => Promise<Response>;

const isRedirectStatus = (status: number) => [301, 302, 303, 307, 308].includes(status);

/** Whether a reply needs `followRedirects`: a cheap test, made on every reply. */
export function isRedirect(response: Response): boolean {
  return (response.status >= 300 && response.status < 400) || response.type === "opaqueredirect" || response.redirected;
}

/**
 * Follows same-origin redirects from `response`, the reply to `url` and `init`. `init.redirect`
 * must be "manual" and `init.body` (if any) reusable (a string or bytes): a 307/308 sends it again.
 */
export async function followRedirects(
  send: Send,
  response: Response,
  url: string,
  init: RequestInit,
  origin: string,
  context: () => CallContext,
  redactor: Redactor,
): Promise<Response> {
  // The reason names the target's origin, which a hostile server may have filled with an echo.
  const refuse = (location: string | undefined, reason: string, status = response.status) => {
    void response.body?.cancel().catch(() => {});
    return new RedirectError(context(), status, location === undefined ? undefined : redactor.url(location), redactor.text(reason));
  };
  for (let hops = 0; response.type === "opaqueredirect" || isRedirectStatus(response.status); hops++) {
    if (response.type === "opaqueredirect")
      throw refuse(undefined, "target hidden by the browser, so it cannot be checked to be on the same origin");
    const location = response.headers.get("location");
    if (location === null) return response; // not a usable redirect: reported as the provider's HTTP error
    let target: URL;
    try {
      target = new URL(location, response.url || url);
    } catch {
      throw refuse(location, "invalid Location");
    }
    if (target.origin !== origin) throw refuse(target.href, `to another origin (${target.origin}); credentials are sent only to ${origin}`);
    if (hops === MAX_REDIRECTS) throw refuse(target.href, `more than ${MAX_REDIRECTS} redirects`);
    const method = (init.method ?? "GET").toUpperCase();
    let next: RequestInit = init;
    if (response.status === 303 && method !== "HEAD") {
      // "See other": the server acted and points to the result; fetch it with GET.
      const { body: _, ...rest } = init;
      next = { ...rest, method: "GET", headers: withoutContentType(init.headers) };
    } else if ((response.status === 301 || response.status === 302) && method !== "GET" && method !== "HEAD") {
      // Clients turn a 301/302 of a POST into a GET, which would not carry out the call (and may
      // return something else with a 200); repeating the POST is what 307/308 are for.
      throw refuse(target.href, `a ${response.status} would turn ${method} into GET`);
    }
    // A 307/308 repeats the same method and body. For a send this is not a resend: the status is
    // the server's answer that it did not carry out the request, only pointed elsewhere on the
    // same origin, which is where the request was meant to go anyway.
    void response.body?.cancel().catch(() => {});
    url = target.href;
    init = next;
    response = await send(url, init);
  }
  // A custom fetch may ignore `redirect: "manual"` and follow on its own: the request has left, but
  // a reply from another origin is not used.
  const landed = response.redirected && response.url ? new URL(response.url).origin : origin;
  if (landed !== origin) throw refuse(response.url, `the fetch in use followed a redirect to another origin (${landed}) itself`, 0);
  return response;
}

function withoutContentType(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new Headers(headers).entries()) if (name !== "content-type") out[name] = value;
  return out;
}

/** The origin (scheme, host, port) of a base URL; a relative one is resolved against the page in a browser. */
export function originOf(baseUrl: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  return new URL(baseUrl, page).origin;
}
