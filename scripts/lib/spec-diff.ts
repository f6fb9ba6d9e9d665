/**
 * What changed between two bundled OpenAPI documents of one provider, and in the client surface
 * generated from them (computed from each document with the generator's own model, so it is the
 * surface users call), each change classified by the semver bump it calls for.
 * Pure functions over parsed documents; scripts/diff.ts does the git and file reading.
 *
 * Rules. "Request" is parameters and request body, "reply" the success reply's body. A change
 * that can break a caller's code or calls is major; one that only lets callers send or get more
 * is minor; one that is safe but gives nothing new (a reply getting stricter) is patch.
 *
 *   change                                   in a request         in a reply
 *   operation added / removed                minor / major (its client method appears / goes)
 *   operation deprecated                     minor
 *   method or path changed                   major
 *   success status changed                   major
 *   reply gains or loses the envelope        major
 *   security alternative added / removed     minor / major (patch if anonymous access remains)
 *   parameter or body added, optional        minor
 *   parameter or body added, required        major
 *   parameter or body removed                major
 *   reply body added / removed                                    minor / major
 *   property added                           minor, major if      minor
 *                                            required
 *   property removed                         major                major
 *   became required                          major                patch
 *   became optional                          minor                major
 *   type widened (integer→number, +null)     minor                major
 *   type narrowed                            major                patch
 *   type changed otherwise                   major                major
 *   enum value added, or enum dropped        minor                major
 *   enum value removed, or enum imposed      major                patch
 *   client `.all()` added / removed          minor / major
 *   client automatic retries on / off        patch
 *
 * The proposed version: from 1.0.0 on, breaking → major, additions → minor, else patch. While the
 * version is 0.x, everything moves down one place, as npm's caret ranges treat 0.x (`^0.3.1`
 * accepts 0.3.x only): breaking → minor, additions and compatible changes → patch.
 *
 * Over 150 lines on purpose: a sixth of it is this header's rules table, and the code that applies
 * it (diffOperation, diffProvider, proposeBump) is read against the table row by row, so both stay in one file.
 */
import { operationsOf, successReply } from "../../generator/document.js";
import buildModel from "../../generator/model.js";
import { camelCase } from "../../runtime/bind.js";
import { entry, expand } from "../../runtime/operation-table.js";
import { compare, deref, list, obj, union, type Change, type Ctx, type Json, type Level } from "./schema-diff.js";

export type { Change, Level };
export interface OperationDiff {
  id: string;
  kind: "added" | "removed" | "changed";
  method: string;
  path: string;
  changes: Change[];
}
/** One side of the comparison: a parsed bundled document, absent when the provider did not exist. */
export interface Side {
  document?: unknown;
}
interface Operation {
  method: string;
  path: string;
  op: Json;
  params: Map<string, Json>;
}

const change = (level: Level, text: string): Change => ({ level, text });

function operations(doc: Json): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const { path, method, item, operation: op } of operationsOf(doc)) {
    // Operation-level parameters override path-level ones of the same name and location.
    const params = new Map<string, Json>();
    for (const p of [...list(item.parameters), ...list(op.parameters)].map((p) => deref(doc, p)))
      params.set(`${String(p.in)}.${String(p.name)}`, p);
    out.set(typeof op.operationId === "string" ? op.operationId : `${method} ${path}`, { method, path, op, params });
  }
  return out;
}

const bodySchema = (holder: Json): unknown => {
  const content = obj(holder.content);
  const media = content["application/json"] ?? Object.values(content)[0];
  return media === undefined ? undefined : obj(media).schema;
};
function success(doc: Json, op: Json): { status: string; schema: unknown } {
  const reply = successReply(doc, op);
  return { status: reply?.status ?? "none", schema: reply && bodySchema(reply.response) };
}
function hasEnvelope(doc: Json, schema: unknown, seen = new Set<string>()): boolean {
  const ref = obj(schema).$ref;
  if (typeof ref === "string") return ref.endsWith("/Envelope") || (!seen.has(ref) && hasEnvelope(doc, deref(doc, schema), seen.add(ref)));
  return list(obj(schema).allOf).some((part) => hasEnvelope(doc, part, seen));
}
/** Each alternative as "schemeA + schemeB"; an empty requirement or list means anonymous access. */
function security(doc: Json, op: Json): string[] {
  const alternatives = list(op.security ?? doc.security).map((r) => Object.keys(obj(r)).sort().join(" + ") || "anonymous");
  return alternatives.length > 0 ? alternatives : ["anonymous"];
}

function diffOperation(before: Json, after: Json, a: Operation, b: Operation): Change[] {
  const out: Change[] = [];
  const ctx = (request: boolean): Ctx => ({ before, after, request, out, stack: new Set() });
  if (a.op.deprecated !== true && b.op.deprecated === true) out.push(change("minor", "operation deprecated"));
  if (a.method !== b.method) out.push(change("major", `method changed: ${a.method.toUpperCase()} → ${b.method.toUpperCase()}`));
  if (a.path !== b.path) out.push(change("major", `path changed: ${a.path} → ${b.path}`));
  const [secA, secB] = [security(before, a.op), security(after, b.op)];
  for (const s of secA)
    if (!secB.includes(s)) out.push(change(secB.includes("anonymous") ? "patch" : "major", `security alternative removed: ${s}`));
  for (const s of secB) if (!secA.includes(s)) out.push(change("minor", `security alternative added: ${s}`));
  for (const name of union(a.params.keys(), b.params.keys())) {
    const [pa, pb] = [a.params.get(name), b.params.get(name)];
    if (!pb) out.push(change("major", `parameter removed: ${name}`));
    else if (!pa)
      out.push(
        pb.required === true ? change("major", `parameter added as required: ${name}`) : change("minor", `parameter added: ${name}`),
      );
    else {
      if (Boolean(pa.required) !== Boolean(pb.required)) {
        out.push(
          pb.required ? change("major", `parameter became required: ${name}`) : change("minor", `parameter became optional: ${name}`),
        );
      }
      compare(ctx(true), pa.schema, pb.schema, name);
    }
  }
  const [ba, bb] = [deref(before, a.op.requestBody), deref(after, b.op.requestBody)];
  const [hadBody, hasBody] = [a.op.requestBody !== undefined, b.op.requestBody !== undefined];
  if (hadBody && !hasBody) out.push(change("major", "request body removed"));
  else if (!hadBody && hasBody)
    out.push(bb.required === true ? change("major", "request body added as required") : change("minor", "request body added"));
  else if (hadBody) {
    if (Boolean(ba.required) !== Boolean(bb.required)) {
      out.push(bb.required ? change("major", "request body became required") : change("minor", "request body became optional"));
    }
    compare(ctx(true), bodySchema(ba), bodySchema(bb), "body");
  }
  const [ra, rb] = [success(before, a.op), success(after, b.op)];
  if (ra.status !== rb.status) out.push(change("major", `success status changed: ${ra.status} → ${rb.status}`));
  const [envA, envB] = [hasEnvelope(before, ra.schema), hasEnvelope(after, rb.schema)];
  if (envA !== envB) out.push(change("major", envB ? "reply now wrapped in the envelope" : "reply without the envelope"));
  if (ra.schema !== undefined && rb.schema === undefined) out.push(change("major", "reply body removed"));
  else if (ra.schema === undefined && rb.schema !== undefined) out.push(change("minor", "reply body added"));
  else if (ra.schema !== undefined) compare(ctx(false), ra.schema, rb.schema, "reply");
  return out;
}

/**
 * What the generated client makes of each operation: whether it pages (`.all()`) and is retried
 * on its own. Read through the operation-table contract, from the entry the generator would write
 * (runtime/operation-table.ts), so it is what the runtime binds.
 */
export function clientSurface(document: unknown): Map<string, { idempotent: boolean; paginated: boolean }> {
  if (document === undefined) return new Map();
  return new Map(
    buildModel(document as object).operations.map((op) => {
      const bound = expand(entry(op));
      return [op.operationId, { idempotent: bound.idempotent, paginated: bound.pagination !== undefined }];
    }),
  );
}

/** The variable each provider's client has in the README's examples. */
const CLIENT_VARIABLE: Record<string, string> = { clicksend: "cs", smsend: "sm" };
/** An operation's method as users call it: `cs.contacts.list()`. */
export const methodName = (provider: string, id: string): string =>
  `${CLIENT_VARIABLE[provider] ?? "client"}.${id.split("/").map(camelCase).join(".")}()`;

export function diffProvider(provider: string, before: Side, after: Side): OperationDiff[] {
  const [docA, docB] = [obj(before.document), obj(after.document)];
  const [opsA, opsB] = [operations(docA), operations(docB)];
  const [tabA, tabB] = [clientSurface(before.document), clientSurface(after.document)];
  const call = (id: string) => methodName(provider, id);
  return union(opsA.keys(), opsB.keys())
    .sort()
    .flatMap((id): OperationDiff[] => {
      const [a, b] = [opsA.get(id), opsB.get(id)];
      if (!a || !b) {
        const { method, path } = (a ?? b)!;
        const kind = a ? "removed" : "added";
        return [{ id, kind, method, path, changes: [change(a ? "major" : "minor", `operation ${kind}: ${call(id)}`)] }];
      }
      const changes = diffOperation(docA, docB, a, b);
      const [ca, cb] = [tabA.get(id), tabB.get(id)];
      if (ca && cb && ca.paginated !== cb.paginated) {
        changes.push(
          change(cb.paginated ? "minor" : "major", `client ${call(id).slice(0, -2)}.all() ${cb.paginated ? "added" : "removed"}`),
        );
      }
      if (ca && cb && ca.idempotent !== cb.idempotent) {
        changes.push(change("patch", `client ${cb.idempotent ? "now retries" : "no longer retries"} ${call(id)} on its own`));
      }
      return changes.length > 0 ? [{ id, kind: "changed", method: b.method, path: b.path, changes }] : [];
    });
}

/** The change level the whole set calls for, and the version it proposes (0.x rule in the table above). */
export function proposeBump(version: string, changes: Change[]): { level: Level; bump: Level; next: string } {
  const level: Level = changes.some((c) => c.level === "major") ? "major" : changes.some((c) => c.level === "minor") ? "minor" : "patch";
  const [major = 0, minor = 0, patch = 0] = version
    .split(/[.+-]/)
    .slice(0, 3)
    .map((n) => Number.parseInt(n, 10) || 0);
  const bump: Level = major > 0 ? level : level === "major" ? "minor" : "patch";
  const next = bump === "major" ? `${major + 1}.0.0` : bump === "minor" ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
  return { level, bump, next };
}

const TAG: Record<Level, string> = { major: "breaking", minor: "addition", patch: "compatible" };
const PLURAL: Record<Level, string> = { major: "breaking changes", minor: "additions", patch: "compatible changes" };
const SIGN = { added: "+", removed: "-", changed: "~" } as const;

export function formatReport(ref: string, version: string, results: { provider: string; operations: OperationDiff[] }[]): string {
  const lines = [`API changes from ${ref} to the working tree`];
  for (const { provider, operations: ops } of results) {
    const count = (kind: OperationDiff["kind"]) => ops.filter((o) => o.kind === kind).length;
    lines.push("", `${provider}: ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed`);
    for (const op of ops) {
      lines.push(`  ${SIGN[op.kind]} ${op.id}  ${op.method.toUpperCase()} ${op.path}`);
      for (const c of op.changes) lines.push(`      ${TAG[c.level].padEnd(10)} ${c.text}`);
    }
  }
  const all = results.flatMap((r) => r.operations.flatMap((o) => o.changes));
  const n = (level: Level) => all.filter((c) => c.level === level).length;
  const bump = proposeBump(version, all);
  const why = bump.bump !== bump.level ? `; ${PLURAL[bump.level]} bump the ${bump.bump} version while it is 0.x` : "";
  lines.push(
    "",
    `proposed bump: ${bump.bump} (${version} → ${bump.next}${why}): ${n("major")} breaking, ${n("minor")} additions, ${n("patch")} compatible`,
  );
  return lines.join("\n");
}
