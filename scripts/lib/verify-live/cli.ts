/** Arguments and environment of `npm run verify-live`, turned into a check and its output. */
import { parseArgs } from "node:util";
import { brandBaseUrl } from "./brands.js";
import { isLoopback, Recorder } from "./record.js";
import { exitCode, formatJson, formatText } from "./report.js";
import { checkLive } from "./run.js";
import { Scrubber } from "./scrub.js";
import { loadFacts, type ProviderId } from "./spec-facts.js";

const USAGE = "usage: npm run verify-live -- <clicksend|smsend> [--brand B] [--base-url URL] [--record DIR] [--json]";
const CREDENTIALS: Record<ProviderId, [string, string]> = {
  clicksend: ["CLICKSEND_USERNAME", "CLICKSEND_API_KEY"],
  smsend: ["SMSEND_USERNAME", "SMSEND_PASSWORD"],
};

export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { brand: { type: "string" }, "base-url": { type: "string" }, record: { type: "string" }, json: { type: "boolean" } },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const provider = parsed.positionals[0];
  if (parsed.positionals.length !== 1 || (provider !== "clicksend" && provider !== "smsend")) return (err(USAGE), 2);
  const { brand, record, json } = parsed.values;
  if (brand && provider !== "smsend") return (err("--brand applies to smsend (the REST v1.0 family) only"), 2);
  const [userVar, secretVar] = CREDENTIALS[provider];
  const username = env[userVar];
  const secret = env[secretVar];
  if (!username || !secret) return (err(`set ${userVar} and ${secretVar}`), 2);

  const facts = loadFacts(provider);
  let baseUrl: string;
  try {
    baseUrl = parsed.values["base-url"] ?? (brand ? brandBaseUrl(brand) : String(facts.document.servers?.[0]?.url));
  } catch (error) {
    return (err((error as Error).message), 2);
  }
  const recorder = record ? new Recorder(record) : undefined;
  const sessionKeys: string[] = [];
  let outcomes;
  try {
    outcomes = await checkLive({
      facts,
      baseUrl,
      username,
      secret,
      ...(recorder ? { recorder } : {}),
      onSecrets: (keys) => sessionKeys.push(...keys),
    });
  } catch (error) {
    // Setup failed (e.g. the smSend login): the client's errors are already redacted.
    err(`verify-live: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  // Session keys learnt at login are secrets too; the documented test recipients are public.
  const scrubber = new Scrubber([username, secret, ...sessionKeys], Object.values(facts.testRecipients).flat());
  recorder?.write({ provider, brand, live: !isLoopback(baseUrl), recorded: new Date().toISOString().slice(0, 10) }, scrubber);
  out(json ? formatJson(outcomes) : formatText(outcomes));
  return exitCode(outcomes);
}
