/**
 * Field-level drift between a capture of a provider's docs and the bundled spec: each sample is
 * validated against its operation's schema (Ajv, as reply validation does), each field and
 * parameter table and status list compared with the operation, and every finding marked new or
 * recorded. Pure functions; scripts/docs-coverage.ts reads the files. This module runs the checks
 * in order; each concern has its module in docs-drift/: spec.ts (the spec-side lookups),
 * records.ts (what the spec records), context.ts, sample.ts, tables.ts (tables and statuses),
 * endpoints.ts, report.ts (the text report and the recorded samples), types.ts.
 *
 * Categories: a field the docs show that the spec lacks (in a sample, or a table row); a field the
 * spec requires that a sample omits; a type or enum disagreement (samples and tables); another
 * value the schema refuses (format, pattern, range); a status code the docs name that the spec
 * does not declare; an endpoint the docs document that the spec lacks, or one the spec took from
 * these docs that a capture covering its section no longer mentions.
 *
 * Recorded means: an `x-discrepancies` entry names the field (as a whole word), status code or
 * method, and for a type, enum or value disagreement also the value the docs show ("Int", "GP"),
 * so that the record of one contradiction does not hide the next. Entries count when they are on
 * the operation or its path item, on a parameter component (wherever it is used), or on the
 * schema holding the field or the field's own schema. Or: a sample of the same operation in
 * test/fixtures/samples/ carries an `erratum` at the same pointer with the same value there. A
 * placeholder value (`{NAME}`) stands for any value and is not compared; an outline's `(int)` is
 * compared by its type only.
 */
import {
  coverage as compareEndpoints,
  extractEndpoints,
  specOperations as endpointsOf,
  type Coverage,
  type ProviderId,
} from "./docs-coverage.js";
import { extractSections } from "./docs-samples.js";
import { context } from "./docs-drift/context.js";
import { checkEndpoints } from "./docs-drift/endpoints.js";
import { checkSample } from "./docs-drift/sample.js";
import { checkStatuses, checkTables } from "./docs-drift/tables.js";
import type { Drift, DriftInput, RecordedSample } from "./docs-drift/types.js";

export { formatDrift, loadRecordedSamples } from "./docs-drift/report.js";
export type { Category, Drift, DriftInput, Finding, RecordedSample } from "./docs-drift/types.js";

export function drift({ document, coverage, sections, unread, recordedSamples }: DriftInput): Drift {
  const ctx = context(document, recordedSamples);
  const checked = { samples: 0, fields: 0, statuses: 0 };
  for (const section of sections) {
    const op = ctx.opOf(section.endpoint);
    if (!op) continue; // the endpoint itself is reported missing
    for (const sample of section.samples) checkSample(ctx, op, section.endpoint, sample);
    checkTables(ctx, op, section);
    checkStatuses(ctx, op, section);
    checked.samples += section.samples.length;
    checked.fields += section.fields.length;
    checked.statuses += section.statuses.length;
  }
  checkEndpoints(ctx, coverage);
  // Several samples of one operation (curl and JSON, two languages) show the same drift once.
  const seen = new Set<string>();
  const findings = ctx.findings.filter((f) => {
    const key = `${f.operation}|${f.category}|${f.field}|${f.detail}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { findings, unread, checked };
}

/** The whole check of some captures (name and text) of one provider against a bundled document. */
export function checkCaptures(
  provider: ProviderId,
  captures: { name: string; text: string }[],
  document: unknown,
  recordedSamples: RecordedSample[],
): { coverage: Coverage; drift: Drift } {
  const read = captures.map(({ name, text }) => {
    const found = extractEndpoints(provider, text, name);
    const anchors = found.documented.map((e) => ({ ...e, line: Number(e.where.split(":").at(-1)) - 1 }));
    return { found, ...extractSections(provider, text, anchors) };
  });
  const coverage = compareEndpoints(
    read.flatMap((r) => r.found.documented),
    read.flatMap((r) => r.found.unresolved),
    endpointsOf(document),
  );
  const sections = read.flatMap((r) => r.sections);
  const unread = read.flatMap((r) => r.unread);
  return { coverage, drift: drift({ document, coverage, sections, unread, recordedSamples }) };
}
