/**
 * The one gate every request of the live checker passes, both when the plan is made and inside the
 * fetch the clients use (so a request that slips past the plan still cannot leave the machine).
 *
 * Allowed, and nothing else:
 * - reads (GET, HEAD), except those the spec marks `x-changes-state`;
 * - the POSTs listed in FREE_POSTS (price calls and other free reads done with POST), which the
 *   spec must mark `x-billable: false`;
 * - billable POSTs with a recipient rule (./recipients.ts) whose every recipient is a test
 *   recipient the provider's docs publish (`x-test-recipients`).
 * PUT, PATCH and DELETE are never allowed: the checker does not change the account's data.
 */
import { RECIPIENT_RULES, spelledTestRecipients } from "./recipients.js";
import type { SpecFacts } from "./spec-facts.js";

/** POSTs that only read: they price or parse what they are given and store nothing. */
export const FREE_POSTS: Record<string, readonly string[]> = {
  clicksend: [
    "sms/price",
    "mms/price",
    "voice/price",
    "fax/price",
    "transactional-email/price",
    "post-letters/price",
    "postcards/price",
    "sms-campaigns/price",
    "mms-campaigns/price",
    "email-campaigns/price",
    "post-direct-mail/price-campaign",
    "post-letters/detect-address",
  ],
  smsend: [],
};

export interface GuardRequest {
  method: string;
  /** Path relative to the server URL, e.g. `/sms/send` (no query string). */
  path: string;
  /** The parsed JSON body, if any. */
  body?: unknown;
}

export type Verdict = { allowed: true; operationId: string } | { allowed: false; operationId: string | undefined; reason: string };

export function checkRequest(facts: SpecFacts, request: GuardRequest): Verdict {
  const method = request.method.toLowerCase();
  const operation = findOperation(facts.operations, method, request.path);
  if (!operation)
    return { allowed: false, operationId: undefined, reason: `${method.toUpperCase()} ${request.path} is no operation of the spec` };
  const refuse = (reason: string): Verdict => ({ allowed: false, operationId: operation.operationId, reason });
  if (method === "get" || method === "head") {
    return operation.changesState
      ? refuse("a read that changes the account's state (x-changes-state)")
      : { allowed: true, operationId: operation.operationId };
  }
  if (method !== "post") return refuse(`${method.toUpperCase()} changes the account's data`);
  if (operation.billable === undefined) return refuse("the spec does not say whether it costs money (x-billable)");
  if (!operation.billable) {
    return FREE_POSTS[facts.provider]?.includes(operation.operationId)
      ? { allowed: true, operationId: operation.operationId }
      : refuse("a POST that stores or changes something");
  }
  if (Object.keys(facts.testRecipients).length === 0) return refuse("billable, and the provider's docs publish no test recipients");
  const rule = RECIPIENT_RULES[facts.provider]?.[operation.operationId];
  if (!rule) return refuse("billable, and the checker cannot tell whom it reaches");
  const documented = facts.testRecipients[rule.channel] ?? [];
  if (documented.length === 0) return refuse(`billable, and the docs publish no ${rule.channel} test recipients`);
  const allowed = spelledTestRecipients(rule.channel, documented);
  const others = rule.read(request.body).filter((recipient) => !allowed.has(recipient));
  if (others.length > 0) return refuse(`billable, and ${others.length} recipient(s) are not documented test recipients`);
  return { allowed: true, operationId: operation.operationId };
}

/**
 * The operation a method (lower case) and path belong to; paths with fewer parameters win
 * (`/sms/cancel-all` over `/sms/{id}/cancel`). Also how the tests map requests to operations.
 */
export function findOperation<Op extends { method: string; path: string }>(
  operations: readonly Op[],
  method: string,
  path: string,
): Op | undefined {
  const parameters = (op: Op) => op.path.split("{").length - 1;
  const candidates = operations.filter((op) => op.method === method && templateMatches(op.path, path));
  return candidates.sort((a, b) => parameters(a) - parameters(b))[0];
}

function templateMatches(template: string, path: string): boolean {
  const want = template.split("/");
  const got = path.split("/");
  return want.length === got.length && want.every((part, i) => (/^\{[^}]+\}$/.test(part) ? got[i] !== "" : part === got[i]));
}

export class GuardRefusal extends Error {
  constructor(readonly verdict: Extract<Verdict, { allowed: false }>) {
    super(`refused by the live checker's guard: ${verdict.reason}`);
    this.name = "GuardRefusal";
  }
}

/**
 * A fetch for the clients that asks the guard about every request before sending it, and throws
 * GuardRefusal instead of sending a refused one. `refusals` lists what was stopped.
 */
export function guardedFetch(facts: SpecFacts, baseUrl: string, inner: (request: Request) => Promise<Response>) {
  const base = new URL(baseUrl.replace(/\/+$/, ""));
  const refusals: Extract<Verdict, { allowed: false }>[] = [];
  async function fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const basePath = base.pathname.replace(/\/+$/, "");
    if (url.origin !== base.origin || !url.pathname.startsWith(basePath)) {
      return refused({
        allowed: false,
        operationId: undefined,
        reason: `${url.origin}${url.pathname} is outside the server being checked`,
      });
    }
    const text = request.body ? await request.clone().text() : "";
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text; // not JSON: a billable call with it is refused, since no rule can read it
    }
    const verdict = checkRequest(facts, { method: request.method, path: url.pathname.slice(basePath.length) || "/", body });
    if (!verdict.allowed) return refused(verdict);
    return inner(request);
  }
  function refused(verdict: Extract<Verdict, { allowed: false }>): never {
    refusals.push(verdict);
    throw new GuardRefusal(verdict);
  }
  return { fetch, refusals };
}
