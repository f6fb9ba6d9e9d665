/**
 * Record mode (`--record DIR`): each reply the checker validated, scrubbed (./scrub.ts), saved as
 * one JSON file that `npm test` validates against the spec again (test/tools/verify-live.test.ts
 * reads test/fixtures/live/<name>/).
 *
 *   DIR/recording.json                 { provider, brand, live, recorded }
 *   DIR/replies/<namespace>__<action>[.<label>].json   { operationId, status, contentType, body }
 */
import fs from "node:fs";
import path from "node:path";
import type { Scrubber } from "./scrub.js";

export interface RecordedReply {
  operationId: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export interface RecordingInfo {
  provider: string;
  brand: string | undefined;
  /** False when the server was on this machine (a fake, not the provider). */
  live: boolean;
  /** The day of the recording (no time: it is not needed and says less about the person). */
  recorded: string;
}

function replyFileName(operationId: string, label: string | undefined): string {
  const base = operationId.replace("/", "__");
  return `${label ? `${base}.${label.replace(/[^a-z0-9-]/gi, "-")}` : base}.json`;
}

export class Recorder {
  readonly #replies = new Map<string, RecordedReply>();

  constructor(readonly dir: string) {}

  add(reply: RecordedReply, label?: string): void {
    this.#replies.set(replyFileName(reply.operationId, label), reply);
  }

  /** Writes every reply, scrubbed, once the check is over (and every secret it used is known). */
  write(info: RecordingInfo, scrubber: Scrubber): void {
    const replies = path.join(this.dir, "replies");
    fs.mkdirSync(replies, { recursive: true });
    for (const [name, reply] of [...this.#replies].sort(([a], [b]) => (a < b ? -1 : 1))) {
      fs.writeFileSync(path.join(replies, name), `${JSON.stringify({ ...reply, body: scrubber.value(reply.body) }, null, 2)}\n`);
    }
    fs.writeFileSync(path.join(this.dir, "recording.json"), `${JSON.stringify(info, null, 2)}\n`);
  }
}

export function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}
