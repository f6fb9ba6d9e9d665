/**
 * Which endpoints a plain-text capture of a provider's docs documents, and how they line up with
 * the operations of the bundled spec. Pure functions; scripts/docs-coverage.ts reads the files.
 *
 * Formats, as the captures have them:
 * - ClickSend: a bare `https://rest.clicksend.com/v3/…` line after each endpoint, without a
 *   method; `get/v3/…` lines (method glued to the path); curl samples (`--request PUT`, GET
 *   without one) ending in a quoted URL. A bare URL takes its method from the code sample for
 *   the same path nearest before it, else after it, else from the nearest sample of any path.
 *   Curl samples count as mentions too: a capture cut off mid-endpoint may have only that.
 * - smSend: `GET /API/v1.0/REST/groups?pageNumber={page}` request lines (after "HTTP Request").
 * Paths are compared without query string, base path or path-parameter names.
 *
 * About 150 lines: each reader follows its format note above, and the comparison and its report
 * share the Coverage shape; a split would separate the notes from the code they describe.
 */
import { operationsOf } from "../../generator/document.js";

export type ProviderId = "clicksend" | "smsend";
/** `where` is "capture:line"; `path` is as documented, without base path and query string. */
export interface Endpoint {
  method: string;
  path: string;
  where: string;
}
export interface SpecOperation {
  id: string;
  method: string;
  path: string;
}
/** `otherMethods`: methods the spec has on a missing endpoint's path, a likely docs or spec mistake. */
export interface Coverage {
  documented: Endpoint[];
  unresolved: Endpoint[];
  missing: (Endpoint & { otherMethods: string[] })[];
  unmentioned: SpecOperation[];
  specCount: number;
}

const BASE: Record<ProviderId, string> = { clicksend: "/v3", smsend: "/API/v1.0/REST" };
const METHODS = "GET|POST|PUT|DELETE|PATCH";

/** `/lists/{list_id}/` and `/lists/{id}?page=2` both become `/lists/{}`. */
export function normalisePath(path: string): string {
  return path
    .split("?")[0]!
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/(.)\/+$/, "$1");
}
const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${normalisePath(path)}`;
/** The path below the provider's base path, without its query string. */
const below = (base: string, full: string) => full.split("?")[0]!.slice(base.length) || "/";

/** A curl sample starting at `start`: its `--request`/`-X` method (GET without one) and URL. */
function curlSample(lines: string[], start: number, name: string): Endpoint | undefined {
  let method = "GET";
  for (let i = start; i < Math.min(lines.length, start + 100); i++) {
    const text = lines[i]!.trim();
    if (i > start && /^curl\s/.test(text)) return undefined;
    const flag = /(?:^|\s)(?:--request|-X)\s*([A-Za-z]+)/.exec(text);
    if (flag) method = flag[1]!.toUpperCase();
    const url = /['"]https?:\/\/[^/\s'"]+(\/v3(?:\/[^'"\s]*)?)['"]/.exec(text);
    if (url) return { method, path: below("/v3", url[1]!), where: `${name}:${start + 1}` };
  }
  return undefined;
}

type Found = Endpoint & { line: number };
const strip = ({ method, path, where }: Found): Endpoint => ({ method, path, where });

function clickSend(lines: string[], name: string): { documented: Endpoint[]; unresolved: Endpoint[] } {
  const glued: Found[] = [];
  const curls: Found[] = [];
  const urls: Found[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    const where = `${name}:${i + 1}`;
    const methodPath = new RegExp(`^(${METHODS})(/v3(?:/\\S*)?)$`, "i").exec(text);
    if (methodPath) glued.push({ method: methodPath[1]!.toUpperCase(), path: below("/v3", methodPath[2]!), where, line: i });
    const bare = /^https?:\/\/[^/\s'"]+(\/v3(?:\/[^\s'"]*)?)$/.exec(text);
    if (bare) urls.push({ method: "", path: below("/v3", bare[1]!), where, line: i });
    const sample = /^curl\s/.test(text) ? curlSample(lines, i, name) : undefined;
    if (sample) curls.push({ ...sample, line: i });
  });
  const samples = [...glued, ...curls];
  const resolved = urls.map((url) => {
    const same = samples.filter((s) => normalisePath(s.path) === normalisePath(url.path)).sort((a, b) => a.line - b.line);
    const byDistance = [...samples].sort((a, b) => Math.abs(a.line - url.line) - Math.abs(b.line - url.line));
    const source = same.filter((s) => s.line < url.line).at(-1) ?? same.find((s) => s.line > url.line) ?? byDistance[0];
    return { ...url, method: source?.method ?? "" };
  });
  const documented = [...samples, ...resolved.filter((e) => e.method)].sort((a, b) => a.line - b.line);
  return { documented: documented.map(strip), unresolved: resolved.filter((e) => !e.method).map(strip) };
}

function smSend(lines: string[], name: string): Endpoint[] {
  const pattern = new RegExp(`^(${METHODS})\\s+(?:https?://[^/\\s]+)?(/API/v1\\.0/REST(?:/\\S*)?)$`);
  return lines.flatMap((raw, i) => {
    const m = pattern.exec(raw.trim());
    return m ? [{ method: m[1]!, path: below(BASE.smsend, m[2]!), where: `${name}:${i + 1}` }] : [];
  });
}

/** Every endpoint mention in a capture, in order; `unresolved`: URLs no code sample gives a method for. */
export function extractEndpoints(provider: ProviderId, text: string, name: string): { documented: Endpoint[]; unresolved: Endpoint[] } {
  const lines = text.split(/\r?\n/);
  return provider === "clicksend" ? clickSend(lines, name) : { documented: smSend(lines, name), unresolved: [] };
}

export function specOperations(document: unknown): SpecOperation[] {
  return operationsOf(document as object).map(({ path, method, operation }) => ({
    id: typeof operation.operationId === "string" ? operation.operationId : `${method} ${path}`,
    method: method.toUpperCase(),
    path,
  }));
}

/** Compares the mentions (of one or more captures, each endpoint kept once) with the spec. */
export function coverage(mentions: Endpoint[], unresolved: Endpoint[], spec: SpecOperation[]): Coverage {
  const seen = new Set<string>();
  const documented = mentions.filter((e) => !seen.has(keyOf(e.method, e.path)) && Boolean(seen.add(keyOf(e.method, e.path))));
  const inSpec = new Set(spec.map((o) => keyOf(o.method, o.path)));
  const inDocs = new Set(documented.map((e) => keyOf(e.method, e.path)));
  // An unresolved URL still counts as a mention of every operation on its path.
  const paths = new Set(unresolved.map((e) => normalisePath(e.path)));
  return {
    documented,
    unresolved,
    missing: documented
      .filter((e) => !inSpec.has(keyOf(e.method, e.path)))
      .map((e) => ({ ...e, otherMethods: spec.filter((o) => normalisePath(o.path) === normalisePath(e.path)).map((o) => o.method) })),
    unmentioned: spec.filter((o) => !inDocs.has(keyOf(o.method, o.path)) && !paths.has(normalisePath(o.path))),
    specCount: spec.length,
  };
}

export function formatCoverage(provider: ProviderId, captures: string[], c: Coverage): string {
  const covered = c.documented.length - c.missing.length;
  const lines = [
    `${provider}: ${captures.join(", ")}`,
    `${c.documented.length} endpoints documented, ${covered} in the spec, ${c.missing.length} missing from the spec; ` +
      `${c.specCount - c.unmentioned.length} of the spec's ${c.specCount} operations mentioned, ${c.unmentioned.length} not`,
    "",
    `documented but missing from the spec (${c.missing.length}):`,
    ...c.missing.map((e) => {
      const hint = e.otherMethods.length > 0 ? `; the spec has ${e.otherMethods.join(", ")} on this path` : "";
      return `  ${e.method} ${e.path}  (${e.where}${hint})`;
    }),
  ];
  if (c.unresolved.length > 0) {
    lines.push(
      "",
      `URLs without a method in any code sample (${c.unresolved.length}):`,
      ...c.unresolved.map((e) => `  ${e.path}  (${e.where})`),
    );
  }
  lines.push(
    "",
    `spec operations the capture does not mention (${c.unmentioned.length}):`,
    ...c.unmentioned.map((o) => `  ${o.method} ${o.path}  ${o.id}`),
  );
  return lines.join("\n");
}
