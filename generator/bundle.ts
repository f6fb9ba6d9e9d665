/**
 * Bundle step: split specs/<provider>/ → one OpenAPI document (JSON value) with every external
 * file pulled into `components` under its file name. Internal `$ref`s are kept, so the bundled
 * document stays small and its component names match the spec's files.
 */
import path from "node:path";
import { bundle, loadConfig } from "@redocly/openapi-core";
import { formatFinding, LintFailure, type Finding } from "./findings.js";
import { relative, repoRoot, type Provider } from "./providers.js";

export type OpenApiDocument = Record<string, unknown> & {
  paths?: Record<string, Record<string, unknown>>;
  servers?: { url: string }[];
};

export default async function bundleProvider(provider: Provider): Promise<OpenApiDocument> {
  const config = await loadConfig({ configPath: path.join(repoRoot, "redocly.yaml") });
  const result = await bundle({
    ref: provider.root,
    config,
    dereference: false,
    // Two files with the same name in different folders would silently get renamed components.
    componentRenamingConflicts: "error",
  });
  const errors: Finding[] = result.problems
    .filter((p) => p.severity === "error")
    .map((p) => ({
      file: relative(p.location[0]?.source.absoluteRef ?? provider.root),
      line: 1,
      column: 1,
      rule: p.ruleId,
      severity: "error",
      message: p.message,
      linter: "redocly",
    }));
  if (errors.length > 0) throw new LintFailure(errors);
  return result.bundle.parsed as OpenApiDocument;
}
