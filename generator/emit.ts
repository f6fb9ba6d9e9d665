/**
 * Emit step (ts-morph): operation model → the client files of generated/<provider>/, one emitter
 * per file under emit/: client.ts (table, interface, factory), envelope.ts (ClickSend),
 * webhooks.ts, operations.ts (ClickSend's tree-shakable functions) and index.ts (the entry point).
 * openapi-typescript's `schema.d.ts` supplies every type; nothing here re-describes a schema.
 */
import { Project } from "ts-morph";
import emitClient from "./emit/client.js";
import emitEnvelope from "./emit/envelope.js";
import emitIndex from "./emit/index.js";
import emitOperations from "./emit/operations.js";
import emitWebhooks from "./emit/webhooks.js";
import { generatedHeader } from "./header.js";
import type { ApiModel } from "./model.js";
import type { Provider } from "./providers.js";

/**
 * Returns file name → contents for generated/<provider>/ (besides openapi.json and schema.d.ts).
 * `indent: false` leaves out ts-morph's own formatting pass, for a caller that runs Biome over
 * the files next (the pipeline): Biome writes the same result either way, and ts-morph's pass
 * re-prints and re-parses every file (half a second of the build for ClickSend).
 */
export default function emitClientFiles(provider: Provider, model: ApiModel, { indent = true } = {}): Record<string, string> {
  const project = new Project({ useInMemoryFileSystem: true });
  const files = [
    emitClient(project, provider, model),
    ...(provider.envelope ? [emitEnvelope(project)] : []),
    ...(model.webhooks.length > 0 ? [emitWebhooks(project, model)] : []),
    emitIndex(project, provider),
    ...[emitOperations(project, provider, model)].filter((file) => file !== undefined),
  ];
  const out: Record<string, string> = {};
  for (const file of files) {
    if (indent) file.formatText({ indentSize: 2, convertTabsToSpaces: true });
    // The header goes on last, so that it stays the first line whatever ts-morph inserts on top.
    out[file.getBaseName()] = `${generatedHeader(provider.id)}\n\n${file.getFullText()}`;
  }
  return out;
}
