/**
 * `npm run discrepancies`: every choice recorded in the specs where sources disagree
 * (`x-discrepancies` on operations, parameters and schemas), as Markdown, from the bundled
 * documents in generated/. Useful for release notes and for reviewing a provider docs change.
 */
import fs from "node:fs";
import path from "node:path";
import { providers, repoRoot } from "../generator/providers.js";

interface Discrepancy {
  topic?: string;
  decision?: string;
}

function* walk(node: unknown, where: string[]): Generator<[string, Discrepancy[]]> {
  if (node === null || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (Array.isArray(record["x-discrepancies"])) {
    const name = typeof record.operationId === "string" ? record.operationId : where.join(" › ");
    yield [name, record["x-discrepancies"] as Discrepancy[]];
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== "x-discrepancies" && key !== "examples" && key !== "example") yield* walk(value, [...where, key]);
  }
}

function cell(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

let total = 0;
for (const provider of providers) {
  const document = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", provider.id, "openapi.json"), "utf8"));
  const rows = [...walk(document, [])].flatMap(([where, list]) =>
    list.map((d) => `| ${cell(where)} | ${cell(d.topic)} | ${cell(d.decision)} |`),
  );
  total += rows.length;
  console.log(
    `## ${provider.title}: ${rows.length} recorded choices\n\n| where | question | decision |\n| --- | --- | --- |\n${rows.join("\n")}\n`,
  );
}
console.error(`${total} recorded choices`);
