/**
 * What the spec records about a contradiction (`x-discrepancies` entries): on an operation and
 * its path item, on a schema through its `$ref`s and parts, around a field; and which record names
 * a finding (see the header of scripts/lib/docs-drift.ts for what counts as recorded).
 */
import { deref, list, obj } from "../schema-diff.js";
import { schemaChain, type Doc } from "./spec.js";

export type Record_ = { topic: string; text: string };
export const entries = (node: unknown): Record_[] =>
  list(obj(node)["x-discrepancies"]).map((e) => ({ topic: String(obj(e).topic ?? ""), text: JSON.stringify(e) }));
/** The operation's own records: on it and its path item, written inline (schemas they reference count per field, below). */
export function inlineRecords(node: unknown, seen = new Set<unknown>()): Record_[] {
  if (node === null || typeof node !== "object" || seen.has(node) || "$ref" in (node as Doc)) return [];
  seen.add(node);
  const nested = Object.entries(node as Doc).filter(([k]) => !["x-discrepancies", "examples", "example", "schema"].includes(k));
  return [...entries(node), ...nested.flatMap(([, v]) => inlineRecords(v, seen))];
}
/** A schema's own records, through `$ref`s and allOf/anyOf/oneOf parts, not its properties'. */
export function schemaRecords(document: Doc, schema: unknown, depth = 0): Record_[] {
  if (schema === undefined || depth > 12) return [];
  const refs: Record_[] = [];
  let node = obj(schema);
  for (let hop = 0; typeof node.$ref === "string" && hop < 12; hop++) {
    refs.push(...entries(node));
    node = obj(deref(document, { $ref: node.$ref }));
  }
  const parts = [...list(node.allOf), ...list(node.anyOf), ...list(node.oneOf)];
  return [...refs, ...entries(node), ...parts.flatMap((p) => schemaRecords(document, p, depth + 1))];
}
/** What the schemas around a field record: the object holding it and the field's own schema. */
export const fieldRecords = (document: Doc, root: unknown, segments: string[]): Record_[] => {
  const chain = schemaChain(document, root, segments);
  const around = chain.length > segments.length ? chain.slice(-2) : chain.slice(-1);
  return around.flatMap((s) => schemaRecords(document, s));
};
/**
 * The record that names every one of `words` (the field, and for a disagreement the value the
 * docs show, so a record of one contradiction does not cover the next): one whose topic names
 * the first word, else any.
 */
export const recordFor = (list: Record_[], words: string[]): string | undefined =>
  (
    list.find((r) => names(r.topic, words[0]!) && words.every((w) => names(r.text, w))) ??
    list.find((r) => words.every((w) => names(r.text, w)))
  )?.topic;
/** Whether `text` names `word` as a whole word (not inside another name). */
export const names = (text: string, word: string) =>
  new RegExp(`(^|[^A-Za-z0-9_-])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_-])`).test(text);
