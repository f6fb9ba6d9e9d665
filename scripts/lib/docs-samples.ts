/**
 * The request and reply samples, field tables and status-code lists in a plain-text capture of a
 * provider's docs, each tied to the endpoint it documents. Pure functions over the text;
 * scripts/lib/docs-drift.ts compares what they say with the spec.
 *
 * Where things are, as the captures have them:
 * - ClickSend's docs: a section per endpoint opens with its curl sample, then "Body parameter"
 *   and "Response" JSON, the URL, and `Name | Type | Required |…` / `Parameter | In | Type |…`
 *   tables. Everything belongs to the endpoint before it.
 * - ClickSend's Redoc pages (`get/v3/…` lines): the tables come before the endpoint line, the
 *   "Request samples" / "Response samples" after it; "Responses" names the status codes. Redoc
 *   renders nested values collapsed (`"data": { }`), so an empty object or array there stands
 *   for a value of that type whose content is not shown.
 * - smSend's docs: the code samples (the shell one sends its body with `-d'…'`) and the reply
 *   after "On success, the above command returns…" come before the "HTTP Request" line;
 *   "Parameters", "Body Fields" and "Returns" (status codes) tables after it.
 * Samples are read leniently: comment strings (`"// …"`), omitted entries (`{...}`) and trailing
 * commas are dropped; a type outline such as `(string)` becomes a typed placeholder.
 */
import type { Endpoint, ProviderId } from "./docs-coverage.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface DocSample {
  kind: "request" | "response";
  status?: string;
  body: Json;
  line: number;
}
/** `in`: "body" for body-field tables, else the parameter location ("query", "path"). */
/** A table row. Its Required column is not compared: the spec decides requiredness from more than one table (see its x-discrepancies). */
export interface DocField {
  name: string;
  in: string;
  type: string;
  line: number;
}
export interface DocSection {
  endpoint: Endpoint;
  samples: DocSample[];
  fields: DocField[];
  statuses: { code: string; line: number }[];
}
/** A sample that could not be read as JSON even leniently: shown, never silently skipped. */
export interface Unread {
  endpoint?: Endpoint;
  line: number;
  text: string;
}

/** A value the docs write as `{NAME}`: stands for any value, so its type says nothing. */
export const isTemplate = (value: unknown): boolean => typeof value === "string" && /^\{[^{}]+\}$/.test(value.trim());
/** `(string)`, `(int)` in an outline: a value of that type. */
const TYPED = "\u0000type:";
export const typedPlaceholder = (value: unknown): string | undefined =>
  typeof value === "string" && value.startsWith(TYPED) ? value.slice(TYPED.length) : undefined;

/** The JSON-ish block starting at or after `from` (skipping blank and comment lines), and the line after it. */
function block(lines: string[], from: number): { text: string; start: number; end: number } | undefined {
  let i = from;
  while (i < lines.length && /^\s*(#.*|\/\/.*|application\/json|'?Location'?:.*)?\s*$/i.test(lines[i]!)) i++;
  // `{USER_KEY};{SESSION_KEY}` is a text reply with placeholders, not JSON.
  if (i >= lines.length || !/^\s*[{[]\s*($|["{[\]}•]|\.\.\.)/.test(lines[i]!)) return undefined;
  let depth = 0;
  for (let j = i; j < lines.length && j < i + 400; j++) {
    for (const ch of lines[j]!.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
      if (ch === "{" || ch === "[") depth++;
      if (ch === "}" || ch === "]") depth--;
    }
    if (depth <= 0) return { text: lines.slice(i, j + 1).join("\n"), start: i, end: j + 1 };
  }
  return undefined;
}

/** Reads a sample leniently (see the header); undefined when it still is not JSON. */
export function readLenient(text: string): Json | undefined {
  const cleaned = text
    .replace(/•/g, "")
    .replace(/"\s*\/\/[^"\n]*"/g, "") // "// comment" strings after a value
    .replace(/,?\s*\{\s*\.\.\.\s*\}/g, "") // {...} standing for more entries
    .replace(/:\s*\((\w+)\)/g, (_m, type: string) => `: "\\u0000type:${type.toLowerCase()}"`)
    .replace(/:\s*(\{[A-Z][A-Z0-9_]*\})/g, ': "$1"') // unquoted {PLACEHOLDER}
    .replace(/,(\s*[}\]])/g, "$1");
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    return undefined;
  }
}

/** Redoc collapses nested values: an empty object or array there says only its type. */
function collapsed(value: Json): Json {
  if (value === null || typeof value !== "object") return value;
  if (Object.keys(value).length === 0) return `${TYPED}${Array.isArray(value) ? "array" : "object"}`;
  if (Array.isArray(value)) return value.map(collapsed);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, collapsed(v)]));
}

/** The body of a curl sample (`--data-binary "…"` with shell escapes, or `-d'…'`) starting at `start`. */
function curlBody(lines: string[], start: number): { text: string; end: number } | undefined {
  const rest = lines.slice(start, start + 200).join("\n");
  const m = /(?:--data-binary|--data|-d)\s*(["'])([\s\S]*?)(?<!\\)\1/.exec(rest.split(/\n(?=curl\s)/)[0]!);
  if (!m) return undefined;
  const text = m[1] === '"' ? m[2]!.replace(/\\"/g, '"') : m[2]!;
  return { text, end: start + rest.slice(0, m.index + m[0].length).split("\n").length };
}

/** Table rows: `a | b | c |` (ClickSend) or space-separated (Redoc, smSend) after a header line. */
function tableRows(lines: string[], header: number): { row: string; at: number }[] {
  const rows: { row: string; at: number }[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (/^-+\|/.test(text)) continue;
    if (!text) {
      if (rows.length > 0) break;
      continue;
    }
    if (/^(Refer to|Returns$|Body Fields$|Parameters$|Properties$|This endpoint|Request$|Code\s|Name\s|Parameter\s)/.test(text)) break;
    rows.push({ row: text, at: i });
  }
  return rows;
}

/** Field and parameter tables, status lists and samples, each with its line, in capture order. */
interface Item {
  line: number;
  kind: "sample" | "field" | "status" | "unread";
  sample?: DocSample;
  field?: DocField;
  status?: string;
  text?: string;
}

function clickSendItems(lines: string[]): Item[] {
  const items: Item[] = [];
  const redoc = lines.some((l) => /^(get|post|put|delete|patch)\/v3/.test(l.trim()));
  const json = (from: number, kind: DocSample["kind"], line: number) => {
    const found = block(lines, from);
    if (!found) return;
    const parsed = readLenient(found.text);
    if (parsed === undefined) return items.push({ line, kind: "unread", text: found.text.split("\n")[0] });
    const body =
      redoc && parsed !== null && typeof parsed === "object"
        ? Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, collapsed(v)]))
        : parsed;
    const code = (body as { http_code?: unknown } | null)?.http_code;
    items.push({
      line,
      kind: "sample",
      sample: { kind, body, line: line + 1, ...(kind === "response" ? { status: String(typeof code === "number" ? code : 200) } : {}) },
    });
  };
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === "Body parameter" || text === "Request samples") json(i + 1, "request", i);
    else if (text === "Response" || text === "Response samples") json(i + 1, "response", i);
    else if (/^curl\s/.test(text)) {
      const body = curlBody(lines, i);
      const parsed = body && readLenient(body.text);
      if (body && parsed === undefined) items.push({ line: i, kind: "unread", text: body.text.trim().split("\n")[0] });
      else if (parsed !== undefined) items.push({ line: i, kind: "sample", sample: { kind: "request", body: parsed, line: i + 1 } });
    } else if (/^Name\s*\|?\s*Type\s*\|?\s*Required/.test(text) || /^Parameter\s*\|?\s*In\s*\|?\s*Type\s*\|?\s*Required/.test(text)) {
      const params = text.startsWith("Parameter");
      tableRows(lines, i).forEach(({ row, at }) => {
        const cells = row.includes("|") ? row.split("|").map((c) => c.trim()) : row.split(/\s+/);
        const [name, where, type, required] = params ? cells : [cells[0], "body", cells[1], cells[2]];
        // A row whose Required cell is not true/false lost a cell (the docs have such rows): unreadable.
        if (!/^(true|false)$/i.test(required ?? "")) items.push({ line: at, kind: "unread", text: `table row: ${row}` });
        else if (name && type) items.push({ line: i, kind: "field", field: { name, in: where ?? "body", type, line: at + 1 } });
      });
    } else if (redoc && text === "Responses") {
      for (let j = i + 1; j < lines.length && j < i + 40; j++) {
        const t = lines[j]!.trim();
        if (/^(get|post|put|delete|patch)\/v3/.test(t)) break;
        if (/^[1-5]\d\d$/.test(t)) items.push({ line: j, kind: "status", status: t });
      }
    }
  });
  return items;
}

function smSendItems(lines: string[]): Item[] {
  const items: Item[] = [];
  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (/^curl\s/.test(text)) {
      const body = curlBody(lines, i);
      const parsed = body && readLenient(body.text);
      if (body && parsed === undefined) items.push({ line: i, kind: "unread", text: body.text.trim().split("\n")[0] });
      else if (parsed !== undefined) items.push({ line: i, kind: "sample", sample: { kind: "request", body: parsed, line: i + 1 } });
    } else if (/^On success, the above command returns/.test(text)) {
      const found = block(lines, i + 1);
      const parsed = found && readLenient(found.text);
      if (found && parsed === undefined) items.push({ line: i, kind: "unread", text: found.text.split("\n")[0] });
      else if (parsed !== undefined) items.push({ line: i, kind: "sample", sample: { kind: "response", body: parsed, line: i + 1 } });
    } else if (/^Parameter Type Description Required/.test(text)) {
      const inBody = lines.slice(Math.max(0, i - 3), i).some((l) => l.trim() === "Body Fields");
      tableRows(lines, i).forEach(({ row, at }) => {
        const words = row.split(/\s+/);
        // "Int or String" is one type column.
        const [name, type] = [words[0], words[2] === "or" ? words.slice(1, 4).join(" ") : words[1]];
        if (name && type) items.push({ line: i, kind: "field", field: { name, in: inBody ? "body" : "query", type, line: at + 1 } });
      });
    } else if (text === "Code Description") {
      tableRows(lines, i).forEach(({ row }) => {
        const code = /^([1-5]\d\d)\b/.exec(row)?.[1];
        if (code) items.push({ line: i, kind: "status", status: code });
      });
    }
  });
  return items;
}

/**
 * Ties every item to an endpoint: the one before it or the one after it, by kind and format
 * (see the header). `anchors` are the capture's endpoint mentions, each with its 0-based line.
 */
export function extractSections(
  provider: ProviderId,
  text: string,
  anchors: (Endpoint & { line: number })[],
): { sections: DocSection[]; unread: Unread[] } {
  const lines = text.split(/\r?\n/);
  const redoc = provider === "clicksend" && lines.some((l) => /^(get|post|put|delete|patch)\/v3/.test(l.trim()));
  const items = provider === "clicksend" ? clickSendItems(lines) : smSendItems(lines);
  const sorted = [...anchors].sort((a, b) => a.line - b.line);
  const before = (line: number) => sorted.filter((a) => a.line <= line).at(-1);
  const after = (line: number) => sorted.find((a) => a.line >= line);
  const sections = new Map<Endpoint, DocSection>();
  const unread: Unread[] = [];
  for (const item of items) {
    const samplesAfter = provider === "smsend" && item.kind !== "field" && item.kind !== "status";
    const tablesAfter = redoc && (item.kind === "field" || item.kind === "status");
    const endpoint = samplesAfter || tablesAfter ? after(item.line) : before(item.line);
    if (item.kind === "unread") {
      unread.push({ ...(endpoint ? { endpoint } : {}), line: item.line + 1, text: item.text ?? "" });
      continue;
    }
    if (!endpoint) continue;
    const section = sections.get(endpoint) ?? { endpoint, samples: [], fields: [], statuses: [] };
    sections.set(endpoint, section);
    if (item.sample) section.samples.push(item.sample);
    if (item.field) section.fields.push(item.field);
    if (item.status) section.statuses.push({ code: item.status, line: item.line + 1 });
  }
  // smSend's reply sample has no status of its own: it is the success code its Returns table names.
  for (const section of sections.values()) {
    const success = section.statuses.find((s) => s.code.startsWith("2"))?.code ?? "200";
    for (const sample of section.samples) if (sample.kind === "response" && sample.status === undefined) sample.status = success;
  }
  return { sections: [...sections.values()], unread };
}
