/**
 * npm run verify-live -- <clicksend|smsend> [--brand B] [--base-url URL] [--record DIR] [--json]
 *
 * Checks the live API against the spec with the project's own client, safely: see
 * scripts/lib/verify-live/guard.ts for what it may call. Credentials come from the environment:
 * CLICKSEND_USERNAME + CLICKSEND_API_KEY, or SMSEND_USERNAME + SMSEND_PASSWORD.
 * Exit 0: no drift; 1: drift; 2: a call failed without a reply, or a usage/setup error.
 */
import { main } from "./lib/verify-live/cli.js";

process.exitCode = await main(
  process.argv.slice(2),
  process.env,
  (text) => process.stdout.write(`${text}\n`),
  (text) => process.stderr.write(`${text}\n`),
);
