/**
 * What differs between the gateways of smSend's REST v1.0 family (Skebby, Aruba SMS, Mobyt, …)
 * as far as the client is concerned: the default host and the `message_type` codes, both from
 * the generated brand table (generated/smsend/brands.ts), and how the login sends credentials.
 */
import { basicAuthorization } from "./clicksend-base.js";
import { HttpError } from "./errors.js";
import type { CallOptions } from "./call-options.js";

/**
 * `T` with every value of the union `From` (the spec's own codes) replaced by `To` (a brand's),
 * through objects and arrays: how a brand's client types its requests and replies from the
 * types generated for smSend.
 */
export type Rebrand<T, From, To> = T extends From ? To : T extends object ? { [K in keyof T]: Rebrand<T[K], From, To> } : T;

/** The default base URL of `brand` (the table's first entry when none is given). */
export function brandBaseUrl(table: Readonly<Record<string, { readonly baseUrl: string }>>, brand: string | undefined): string {
  const id = brand ?? Object.keys(table)[0]!;
  const entry = table[id];
  if (!entry) throw new TypeError(`unknown brand ${JSON.stringify(id)}; one of ${Object.keys(table).join(", ")}`);
  return entry.baseUrl;
}

/**
 * How `GET /login` and `GET /token` carry the username and password: `"basic"` sends them as
 * HTTP Basic only, which keeps them out of URLs, proxy logs and server logs; `"query"` sends them
 * as `username` and `password` query parameters only, as smSend's docs show. Left out: HTTP Basic,
 * and once more in the query string if the gateway refuses Basic (Basic logins are shown for
 * several brands of the platform, not for every host).
 */
export type LoginCredentials = "basic" | "query";

/** What a login may show and an error or log must not: the password and its Basic form. */
export function loginSecrets(username: string, password: string): string[] {
  return [password, basicAuthorization(username, password).slice("Basic ".length)];
}

/** Calls a login operation through `send` (its caller) with the credentials sent as `how` says. */
export async function logIn(
  send: (input: Record<string, string>, options: CallOptions | undefined) => Promise<unknown>,
  username: string,
  password: string,
  how?: LoginCredentials,
): Promise<unknown> {
  const inQuery = () => send({ username, password }, undefined);
  if (how === "query") return inQuery();
  try {
    return await send({}, { headers: { Authorization: basicAuthorization(username, password) } });
  } catch (error) {
    // 400/401/404 is how a gateway that reads only the query string answers a login without it.
    const refused = error instanceof HttpError && [400, 401, 404].includes(error.status);
    if (how === "basic" || !refused) throw error;
    // A wrong password is refused both ways: report the first refusal, not a second one.
    return inQuery().catch((second: unknown) => {
      throw second instanceof HttpError && second.status < 500 ? error : second;
    });
  }
}
