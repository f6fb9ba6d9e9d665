/**
 * Lint step: specs/<provider>/ (split YAML) → findings, each with file, line, column and rule.
 *
 * Two linters, each doing what it does well on split files:
 * - Spectral (spectral:oas + specs/.spectral.yaml) for style and project rules, run on the root
 *   document; it follows $refs and reports the file each finding is in.
 * - Redocly (redocly.yaml, `recommended`) for structural validity, which Spectral cannot check on
 *   split files (see the ruleset's comment on oas3-schema).
 */
import fs from "node:fs";
import path from "node:path";
import { Document, Spectral } from "@stoplight/spectral-core";
import Parsers from "@stoplight/spectral-parsers";
import { bundleAndLoadRuleset } from "@stoplight/spectral-ruleset-bundler/with-loader";
import { getLineColLocation, lint as redoclyLint, loadConfig } from "@redocly/openapi-core";
import { type Finding } from "./findings.js";
import { relative, repoRoot, type Provider } from "./providers.js";

async function spectralFindings(provider: Provider): Promise<Finding[]> {
  const spectral = new Spectral();
  spectral.setRuleset(await bundleAndLoadRuleset(provider.spectralRuleset, { fs, fetch }));
  const text = fs.readFileSync(provider.root, "utf8");
  const results = await spectral.run(new Document(text, Parsers.Yaml, provider.root));
  return results
    .filter((r) => r.severity <= 1)
    .map((r) => ({
      file: relative(r.source ?? provider.root),
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      rule: String(r.code),
      severity: r.severity === 0 ? "error" : "warning",
      message: r.message,
      linter: "spectral",
    }));
}

async function redoclyFindings(provider: Provider): Promise<Finding[]> {
  const config = await loadConfig({ configPath: path.join(repoRoot, "redocly.yaml") });
  const problems = await redoclyLint({ ref: provider.root, config });
  return problems.map((p) => {
    const where = p.location[0];
    const at = where ? getLineColLocation(where) : undefined;
    return {
      file: relative(where?.source.absoluteRef ?? provider.root),
      line: at?.start.line ?? 1,
      column: at?.start.col ?? 1,
      rule: p.ruleId,
      severity: p.severity === "error" ? "error" : "warning",
      message: p.message,
      linter: "redocly",
    };
  });
}

/** Lints one provider's split documents; sorted by file and line so output is stable. */
export default async function lintProvider(provider: Provider): Promise<Finding[]> {
  const findings = [...(await spectralFindings(provider)), ...(await redoclyFindings(provider))];
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
