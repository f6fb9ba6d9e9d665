/**
 * The first check of every build: each YAML file of a provider's spec parses. A syntax error is
 * reported alone, with its file, line and column, before any linter runs: on a broken file the
 * linters would only add a cascade of findings that all stem from it.
 */
import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { Finding } from "./findings.js";
import { relative, type Provider } from "./providers.js";

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name))
    .sort();
}

export default function syntaxErrors(provider: Provider): Finding[] {
  const findings: Finding[] = [];
  for (const file of yamlFiles(path.dirname(provider.root))) {
    const document = parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true });
    // Only a file's first error: the parser's later ones in the same file follow from it.
    for (const error of document.errors.slice(0, 1)) {
      findings.push({
        file: relative(file),
        line: error.linePos?.[0].line ?? 1,
        column: error.linePos?.[0].col ?? 1,
        rule: error.code,
        severity: "error",
        // The pretty message repeats the position and quotes the line; keep its first sentence.
        message: error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""),
        linter: "yaml",
      });
    }
  }
  return findings;
}
