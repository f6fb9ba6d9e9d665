/** The drift check's text report, and the recorded samples whose errata it counts. */
import fs from "node:fs";
import path from "node:path";
import type { ProviderId } from "../docs-coverage.js";
import type { Category, Drift, Finding, RecordedSample } from "./types.js";

const LABEL: Record<Category, string> = {
  lacks: "not in the spec",
  omitted: "required, omitted",
  type: "type differs",
  enum: "enum differs",
  value: "value refused",
  status: "status undeclared",
  endpoint: "endpoint",
};

export function formatDrift(d: Drift): string[] {
  const fresh = d.findings.filter((f) => !f.recorded);
  const recorded = d.findings.filter((f) => f.recorded);
  const group = (list: Finding[], show: (f: Finding) => string) => {
    const byOp = new Map<string, Finding[]>();
    for (const f of list) byOp.set(f.operation, [...(byOp.get(f.operation) ?? []), f]);
    return [...byOp].flatMap(([op, fs]) => [`  ${op}`, ...fs.map((f) => `    ${LABEL[f.category].padEnd(18)} ${show(f)}`)]);
  };
  const lines = [
    `checked ${d.checked.samples} samples, ${d.checked.fields} table rows, ${d.checked.statuses} status codes`,
    "",
    `new drift (${fresh.length}):`,
    ...group(fresh, (f) => `${f.field}: ${f.detail}${f.where ? ` (${f.where})` : ""}`),
    "",
    `recorded in the spec or the samples' errata (${recorded.length}):`,
    ...group(recorded, (f) => `${f.field}: ${f.detail} [recorded: ${f.recorded!.replace(/\s+/g, " ").slice(0, 90)}]`),
  ];
  if (d.unread.length > 0)
    lines.push(
      "",
      `samples that could not be read (${d.unread.length}):`,
      ...d.unread.map((u) => `  ${u.endpoint ? `${u.endpoint.method} ${u.endpoint.path} ` : ""}line ${u.line}: ${u.text.slice(0, 60)}`),
    );
  return lines;
}

/** The samples recorded in test/fixtures/samples/<provider>/ (their errata record the docs' known mistakes). */
export function loadRecordedSamples(root: string, provider: ProviderId): RecordedSample[] {
  const dir = path.join(root, "test", "fixtures", "samples", provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as RecordedSample[]);
}
