/** What the emitters share: the runtime modules generated code imports, doc comments, table entries. */
import type { Project, SourceFile } from "ts-morph";
import { entry } from "../../runtime/operation-table.js";
import type { OperationModel } from "../model.js";

/**
 * The runtime modules, as generated/<provider>/*.ts import them. `internal`: everything the
 * generated code runs on (public types included); `public` + the provider's part: what an entry
 * point re-exports; `webhooks`: kept apart so a client that only sends never loads it.
 */
export const RUNTIME = {
  internal: "../../runtime/internal.js",
  public: "../../runtime/public.js",
  webhooks: "../../runtime/webhooks.js",
  /** ClickSend's base client, which operations.ts's functions take (no table, no openapi-fetch). */
  clickSendBase: "../../runtime/clicksend-base.js",
  providerPublic: { clicksend: "../../runtime/clicksend-public.js", smsend: "../../runtime/smsend-public.js" },
} as const;

export function newFile(project: Project, name: string): SourceFile {
  return project.createSourceFile(name, "", { overwrite: true });
}

export function jsdoc(lines: string[]): string {
  const body = lines.flatMap((line) => line.split("\n")).map((line) => (line ? ` * ${line.replace(/\*\//g, "*\\/")}` : " *"));
  return `/**\n${body.join("\n")}\n */`;
}

/** The doc comment of an operation's method or function: summary, route, operationId, deprecation. */
export function operationDocLines(op: OperationModel): string[] {
  return [
    op.summary,
    "",
    `\`${op.method.toUpperCase()} ${op.path}\` — operationId \`${op.operationId}\``,
    ...(op.deprecated ? ["@deprecated The provider marks this operation deprecated."] : []),
  ];
}

/** The contract's `entry(op)` as source: `["METHOD /path", { only what differs from the defaults }]`. */
export function entrySource(op: OperationModel): string {
  const [route, extras] = entry(op);
  return extras ? `[${JSON.stringify(route)}, ${JSON.stringify(extras)}]` : `[${JSON.stringify(route)}]`;
}
