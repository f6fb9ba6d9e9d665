/**
 * The readers both providers' captures share: a JSON-ish block, a lenient sample (see the header
 * of scripts/lib/docs-samples.ts), a curl body, the rows of a table, and the placeholders a
 * lenient read leaves in a sample.
 */
import type { Item, Json } from "./types.js";

/** A value the docs write as `{NAME}`: stands for any value, so its type says nothing. */
export const isTemplate = (value: unknown): boolean => typeof value === "string" && /^\{[^{}]+\}$/.test(value.trim());
/** `(string)`, `(int)` in an outline: a value of that type. */
const TYPED = "\u0000type:";
export const typedPlaceholder = (value: unknown): string | undefined =>
  typeof value === "string" && value.startsWith(TYPED) ? value.slice(TYPED.length) : undefined;

/** The JSON-ish block starting at or after `from` (skipping blank and comment lines), and the line after it. */
export function block(lines: string[], from: number): { text: string; start: number; end: number } | undefined {
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

/** Reads a sample leniently (see the header of scripts/lib/docs-samples.ts); undefined when it still is not JSON. */
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
export function collapsed(value: Json): Json {
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
export function tableRows(lines: string[], header: number): { row: string; at: number }[] {
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

/** A curl sample at line `i`: its body as a request sample, or as unread when it is not JSON even leniently. */
export function curlSample(lines: string[], i: number): Item | undefined {
  const body = curlBody(lines, i);
  const parsed = body && readLenient(body.text);
  if (body && parsed === undefined) return { line: i, kind: "unread", text: body.text.trim().split("\n")[0] };
  if (parsed !== undefined) return { line: i, kind: "sample", sample: { kind: "request", body: parsed, line: i + 1 } };
  return undefined;
}
