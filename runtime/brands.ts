/**
 * What differs between the gateways of smSend's REST v1.0 family (Skebby, Aruba SMS, Mobyt, …)
 * as far as the client is concerned: the default host and the `message_type` codes, both from
 * the generated brand table (generated/smsend/brands.ts), and how the login sends credentials.
 */
import { basicAuthorization } from "./clicksend.js";
import type { CallOptions } from "./operations.js";

/**
 * `T` with every value of the union `From` (the spec's own codes) replaced by `To` (a brand's),
 * through objects and arrays: how a brand's client types its requests and replies from the
 * types generated for smSend.
 */
export type Rebrand<T, From, To> = T extends From
  ? To
  : T extends object
    ? { [K in keyof T]: Rebrand<T[K], From, To> }
    : T;

/** The default base URL of `brand` (the table's first entry when none is given). */
export function brandBaseUrl(table: Readonly<Record<string, { readonly baseUrl: string }>>, brand: string | undefined): string {
  const id = brand ?? Object.keys(table)[0]!;
  const entry = table[id];
  if (!entry) throw new TypeError(`unknown brand ${JSON.stringify(id)}; one of ${Object.keys(table).join(", ")}`);
  return entry.baseUrl;
}

/**
 * How `GET /login` and `GET /token` carry the username and password: `"basic"` (the default)
 * sends them as HTTP Basic, which keeps them out of URLs, proxy logs and server logs; `"query"`
 * sends them as `username` and `password` query parameters, as smSend's docs show, for a
 * gateway that turns Basic down.
 */
export type LoginCredentials = "basic" | "query";

/** The input and call options of a login call, and the values an error or log must never show. */
export function loginRequest(username: string, password: string, how: LoginCredentials = "basic"): { input: Record<string, string>; options: CallOptions | undefined; secrets: string[] } {
  if (how === "query") return { input: { username, password }, options: undefined, secrets: [password] };
  const authorization = basicAuthorization(username, password);
  return { input: {}, options: { headers: { Authorization: authorization } }, secrets: [password, authorization.slice("Basic ".length)] };
}
