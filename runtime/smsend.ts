/**
 * smSend's side of the runtime: the login flows and the key headers.
 *
 * smSend authenticates every call with `user_key` plus either `Session_key` (from GET /login; it
 * expires after about five idle minutes) or `Access_token` (from GET /token). Both logins reply
 * with plain text `user_key;key`. A client created with a password logs in itself and, when a
 * call is refused with 401, logs in again once and repeats that call: a 401 means the request was
 * not carried out, so repeating it cannot send a message twice.
 *
 * About 150 lines: the option types and the one runtime factory whose state (the current keys, the
 * login in flight) the login flows share; splitting it would pass that state between files.
 */
import { HttpError, UnparseableResponseError, type CallContext } from "./errors.js";
import { SmSendError } from "./smsend-error.js";
import { bindOperations } from "./bind.js";
import type { CallHandler } from "./call-options.js";
import { expandOperations, type OperationEntries } from "./operation-table.js";
import { baseUrlOf, createProviderCaller, type CommonClientOptions as CommonOptions } from "./options.js";
import { lazyRawClient } from "./raw.js";
import { Redactor } from "./redact.js";
import { logIn, loginSecrets, type LoginCredentials } from "./brands.js";

/** Log in with a username and password: `auth: "session"` (default) or `"token"`. */
export interface SmSendLoginOptions extends CommonOptions {
  username: string;
  password: string;
  auth?: "session" | "token";
  /** How the login sends the username and password (see LoginCredentials); default HTTP Basic,
   * then the query string if the gateway refuses Basic. */
  loginCredentials?: LoginCredentials;
}
/** Use keys obtained earlier. */
export interface SmSendSessionOptions extends CommonOptions {
  userKey: string;
  sessionKey: string;
}
export interface SmSendTokenOptions extends CommonOptions {
  userKey: string;
  accessToken: string;
}
export type SmSendOptions = SmSendLoginOptions | SmSendSessionOptions | SmSendTokenOptions;

export interface SmSendKeys {
  userKey: string;
  /** Header name the second key travels in. */
  kind: "Session_key" | "Access_token";
  key: string;
}

const LOGIN_OPERATION = { session: "auth/login", token: "auth/get-token" } as const;

/** Reads `user_key;key`; anything else is an unparseable reply. */
export function parseLoginReply(text: string, context: CallContext): { userKey: string; key: string } {
  const match = /^\s*([^;\s]+);([^;\s]+)\s*$/.exec(text);
  if (!match) throw new UnparseableResponseError(context, 200, "[login reply withheld]", "expected `user_key;key`");
  return { userKey: match[1]!, key: match[2]! };
}

const LOGIN_OPERATIONS: readonly string[] = Object.values(LOGIN_OPERATION);

function explain(status: number, operationId: string): string | undefined {
  if (status === 401) return "user_key, Session_key or Access_token missing, invalid or expired";
  if (status === 404 && LOGIN_OPERATIONS.includes(operationId)) return "wrong username or password";
  return undefined;
}

export async function createSmSendRuntime<Paths extends {}>(options: SmSendOptions, entries: OperationEntries, defaultBaseUrl: string) {
  const table = expandOperations(entries);
  const { baseUrl, origin } = baseUrlOf(options, defaultBaseUrl);
  const redactor = new Redactor();
  let keys: SmSendKeys | undefined;
  const useKeys = (next: SmSendKeys) => {
    redactor.add(next.userKey);
    redactor.add(next.key);
    keys = next;
  };
  const send = createProviderCaller(options, {
    baseUrl,
    origin,
    table,
    redactor,
    credentials: (): Record<string, string> => (keys ? { user_key: keys.userKey, [keys.kind]: keys.key } : {}),
    httpError: (context, reply) => new SmSendError(context, reply, explain(reply.status, context.operationId)),
  });

  let login: (() => Promise<void>) | undefined;
  if ("password" in options) {
    if (!options.username || !options.password) throw new TypeError("createSmSendClient needs a username and a password");
    for (const secret of loginSecrets(options.username, options.password)) redactor.add(secret);
    const flow = options.auth ?? "session";
    const operationId = LOGIN_OPERATION[flow];
    login = async () => {
      const reply = await logIn(
        (input, callOptions) => send(operationId, input, callOptions),
        options.username,
        options.password,
        options.loginCredentials,
      );
      const text = String(reply);
      const context = { operationId, method: "GET", url: redactor.url(`${baseUrl}${table[operationId]?.path ?? ""}`) };
      const { userKey, key } = parseLoginReply(text, context);
      useKeys({ userKey, key, kind: flow === "session" ? "Session_key" : "Access_token" });
    };
    await login();
  } else if ("sessionKey" in options) {
    useKeys({ userKey: options.userKey, key: options.sessionKey, kind: "Session_key" });
  } else if ("accessToken" in options) {
    useKeys({ userKey: options.userKey, key: options.accessToken, kind: "Access_token" });
  } else {
    throw new TypeError("createSmSendClient needs username + password, userKey + sessionKey, or userKey + accessToken");
  }

  // Single-flight: calls that meet a 401 together share one login. A call whose keys were
  // already replaced by another call's login just repeats with the new ones.
  let loggingIn: Promise<void> | undefined;
  const call: CallHandler = async (operationId, input, callOptions) => {
    const used = keys;
    try {
      return await send(operationId, input, callOptions);
    } catch (error) {
      const expired = error instanceof HttpError && error.status === 401 && table[operationId]?.authenticated;
      if (!expired || !login) throw error;
      if (keys === used) await (loggingIn ??= login().finally(() => (loggingIn = undefined)));
      else await loggingIn;
      return send(operationId, input, callOptions);
    }
  };

  return {
    ...bindOperations(table, call),
    // The key headers are read at request time, so a new login is picked up.
    raw: lazyRawClient<Paths>({
      options,
      baseUrl,
      origin,
      redactor,
      middleware: [
        {
          onRequest: ({ request }) => {
            if (keys && !request.headers.has("user_key")) {
              request.headers.set("user_key", keys.userKey);
              request.headers.set(keys.kind, keys.key);
            }
            return request;
          },
        },
      ],
    }),
    /** The keys in use (e.g. to store an access token and skip the next login). A method, not
     * a property, so that logging or serializing the client never prints them. */
    currentKeys(): SmSendKeys | undefined {
      return keys ? { ...keys } : undefined;
    },
  };
}
