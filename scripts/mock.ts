/**
 * `npm run mock -- <clicksend|smsend> [port]`: a Prism mock server for one provider's bundled
 * document, validating requests, to point a client or curl at while developing. Ctrl-C stops it.
 */
import path from "node:path";
import { providers, repoRoot } from "../generator/providers.js";
import { startPrism } from "./lib/prism.js";

const [id = "clicksend", port = "4010"] = process.argv.slice(2);
const provider = providers.find((p) => p.id === id);
if (!provider) {
  console.error(`unknown provider ${id}; one of ${providers.map((p) => p.id).join(", ")}`);
  process.exit(1);
}
const child = await startPrism(path.join(repoRoot, "generated", provider.id, "openapi.json"), Number(port), { inheritOutput: true });
console.log(`\n${provider.title} mock: http://127.0.0.1:${port} (baseUrl for the client; requests are validated)`);
process.on("SIGINT", () => child.kill());
