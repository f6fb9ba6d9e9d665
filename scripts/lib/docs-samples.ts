/**
 * The request and reply samples, field tables and status-code lists in a plain-text capture of a
 * provider's docs, each tied to the endpoint it documents. Pure functions over the text;
 * scripts/lib/docs-drift.ts compares what they say with the spec. This module ties what is read
 * to endpoints; docs-samples/clicksend.ts and smsend.ts find the items of each provider's format,
 * with the readers they share in docs-samples/read.ts.
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
import { clickSendItems } from "./docs-samples/clicksend.js";
import { smSendItems } from "./docs-samples/smsend.js";
import type { DocSection, Unread } from "./docs-samples/types.js";

export { isTemplate, readLenient, typedPlaceholder } from "./docs-samples/read.js";
export type { DocField, DocSample, DocSection, Json, Unread } from "./docs-samples/types.js";

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
