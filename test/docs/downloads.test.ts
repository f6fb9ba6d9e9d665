/**
 * The YAML downloads of the docs pages (dist/docs/<name>.openapi.yaml) are the document of their
 * JSON twin, whichever YAML version the reader's parser speaks: strings a YAML 1.1 parser would
 * read as booleans, times or dates (`N`, `NO`, `10:30`, `2015-01-16`, all in the specs' examples)
 * are quoted, and nothing is written as an anchor and aliases.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, visit } from "yaml";
import { yamlDownload } from "../../generator/docs.js";
import { repoRoot } from "../../generator/providers.js";

const docsDir = path.join(repoRoot, "dist", "docs");
const downloads = fs
  .readdirSync(docsDir)
  .filter((name) => name.endsWith(".openapi.yaml"))
  .map((name) => name.replace(/\.openapi\.yaml$/, ""));

function aliasesIn(document: ReturnType<typeof parseDocument>): number {
  let aliases = 0;
  visit(document, { Alias: () => void aliases++ });
  return aliases;
}

describe("the YAML downloads", () => {
  it("exist for every page's JSON download", () => {
    const json = fs.readdirSync(docsDir).filter((name) => name.endsWith(".openapi.json"));
    expect(downloads.length).toBeGreaterThan(1);
    expect(downloads.map((name) => `${name}.openapi.json`).sort()).toEqual(json.sort());
  });

  it.each(downloads)("%s: the JSON download's document, read as YAML 1.2 and as YAML 1.1, without aliases", (name) => {
    const text = fs.readFileSync(path.join(docsDir, `${name}.openapi.yaml`), "utf8");
    const document = JSON.parse(fs.readFileSync(path.join(docsDir, `${name}.openapi.json`), "utf8"));
    const asYaml12 = parseDocument(text);
    expect(aliasesIn(asYaml12)).toBe(0);
    expect(asYaml12.toJS()).toEqual(document);
    expect(parseDocument(text, { version: "1.1" }).toJS()).toEqual(document);
  });

  it("writes an object the document holds twice in full, twice", () => {
    const shared = { topic: "type of id", sources: { docs: "Int" } };
    const text = yamlDownload({
      openapi: "3.1.0",
      paths: { "/a": { get: { "x-discrepancies": [shared] } }, "/b": { get: { "x-discrepancies": [shared] } } },
    });
    expect(aliasesIn(parseDocument(text))).toBe(0);
    expect(text.split("topic: type of id")).toHaveLength(3);
  });
});
