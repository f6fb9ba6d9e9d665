/** The checker's output: one line per call (and one per drift), or the same as JSON; exit codes. */
import type { Outcome } from "./run.js";

export function formatText(outcomes: Outcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    const name = `${outcome.operationId}${outcome.label ? ` (${outcome.label})` : ""}`;
    if (outcome.kind === "ok") {
      const detail = [outcome.status === undefined ? "" : String(outcome.status), outcome.note ?? ""].filter(Boolean).join(" ");
      lines.push(`OK       ${name}${detail ? `  ${detail}` : ""}`);
    } else if (outcome.kind === "drift") {
      lines.push(`DRIFT    ${name}  ${outcome.status}`);
      for (const drift of outcome.drifts)
        lines.push(`           ${drift.pointer || "(reply)"}: expected ${drift.expected}; observed ${drift.observed}`);
    } else if (outcome.kind === "skipped") {
      lines.push(`SKIPPED  ${name}  ${outcome.reason}`);
    } else {
      lines.push(`ERROR    ${name}  ${outcome.reason}`);
    }
  }
  const count = (kind: Outcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  lines.push("", `${count("ok")} OK, ${count("drift")} drift, ${count("skipped")} skipped, ${count("error")} error`);
  return lines.join("\n");
}

export function formatJson(outcomes: Outcome[]): string {
  return JSON.stringify({ outcomes }, null, 2);
}

/** 1 when any reply drifted from the spec, 2 when a call failed without a reply, else 0. */
export function exitCode(outcomes: Outcome[]): number {
  if (outcomes.some((o) => o.kind === "drift")) return 1;
  return outcomes.some((o) => o.kind === "error") ? 2 : 0;
}
