/**
 * The guide written once in each spec (info.description, x-tagGroups), as the bundled documents
 * carry it: the sections readers look for, a sidebar group for every tag, ClickSend's test
 * recipients and credentials in the Testing section exactly as `x-test-recipients` and
 * `x-test-credentials` list them, and a realistic value, not the docs' `{PLACEHOLDER}`, as the
 * first (primary) example of every request and reply.
 */
import { describe, expect, it } from "vitest";
import { providers } from "../../generator/providers.js";
import { loadSpec } from "../support/openapi.js";

type Json = Record<string, any>;

const SECTIONS: Record<string, string[]> = {
  clicksend: [
    "Authentication",
    "Status codes",
    "Application status codes",
    "Rate limits and retries",
    "Pagination",
    "Testing",
    "Webhooks",
    "Pointing ClickSend at your URL",
    "Verifying payloads with parseWebhook",
  ],
  smsend: ["Authentication", "Status codes", "Rate limits and retries", "Pagination", "Testing", "Other gateways"],
};

/** The text under one Markdown heading, up to the next heading of the same or a higher level. */
export function section(markdown: string, title: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, "") === title);
  if (start < 0) return "";
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** Every media type object with examples, with where it is. */
function mediaWithExamples(node: unknown, where: string[] = []): { where: string; media: Json }[] {
  if (node === null || typeof node !== "object") return [];
  const found: { where: string; media: Json }[] = [];
  const value = node as Json;
  if (where.at(-2) === "content" && value.examples && typeof value.examples === "object")
    found.push({ where: where.join(" "), media: value });
  for (const [key, child] of Object.entries(value)) if (key !== "examples") found.push(...mediaWithExamples(child, [...where, key]));
  return found;
}

describe.each(providers.map((p) => [p.id] as const))("%s guide", (id) => {
  const { document } = loadSpec(id) as { document: Json };
  const guide = String(document.info.description);

  it("has the sections readers look for, each with text", () => {
    const headings = guide
      .split("\n")
      .filter((line) => /^#+ /.test(line))
      .map((line) => line.replace(/^#+ /, ""));
    expect(SECTIONS[id]!.filter((title) => !headings.includes(title))).toEqual([]);
    for (const title of SECTIONS[id]!) expect(section(guide, title).trim().length, title).toBeGreaterThan(80);
  });

  it("puts every tag in exactly one sidebar group, and no unknown tag", () => {
    const declared = (document.tags as Json[]).map((t) => t.name as string).sort();
    const grouped = (document["x-tagGroups"] as Json[]).flatMap((g) => g.tags as string[]).sort();
    expect(grouped).toEqual(declared);
  });

  it("opens every request and reply on a realistic example, not the docs' placeholders", () => {
    const placeholders = mediaWithExamples(document.paths).flatMap(({ where, media }) => {
      const [name, example] = Object.entries(media.examples as Json)[0]!;
      return /\{[A-Z][A-Z0-9_]*\}/.test(JSON.stringify(example.value ?? "")) ? [`${where}: ${name}`] : [];
    });
    expect(placeholders).toEqual([]);
  });
});

describe("ClickSend's Testing section", () => {
  const { document } = loadSpec("clicksend") as { document: Json };
  const testing = section(String(document.info.description), "Testing");

  it("lists every test recipient and test credential that x-test-recipients and x-test-credentials record", () => {
    const recipients = Object.entries(document.info["x-test-recipients"] as Json).filter(([, v]) => Array.isArray(v));
    expect(recipients.length).toBeGreaterThan(4);
    const missing = recipients.flatMap(([channel, list]) =>
      (list as string[]).filter((r) => !testing.includes(`\`${r}\``)).map((r) => `${channel} ${r}`),
    );
    for (const account of document.info["x-test-credentials"].accounts as Json[]) {
      if (!testing.includes(`| \`${account.username}\` | \`${account.apiKey}\` |`)) missing.push(`credential ${account.username}`);
    }
    expect(missing).toEqual([]);
  });
});
