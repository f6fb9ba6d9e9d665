/**
 * What the build reports when a spec is wrong: findings with file, line, column and rule, and the
 * error that stops the build with them. Kept apart from the linters so that reporting never loads
 * them (a no-change build must start in a fraction of a second).
 */

export interface Finding {
  file: string;
  line: number;
  column: number;
  rule: string;
  severity: "error" | "warning";
  message: string;
  linter: "yaml" | "spectral" | "redocly" | "generator";
}

export class LintFailure extends Error {
  constructor(readonly findings: Finding[]) {
    const errors = findings.filter((f) => f.severity === "error");
    super(`build stopped: ${errors.length} error(s) in the specs:\n${errors.map(formatFinding).join("\n")}`);
    this.name = "LintFailure";
  }
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.linter}/${f.rule} ${f.message}`;
}
