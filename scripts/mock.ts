/**
 * `npm run mock -- <clicksend|smsend|smsend-<brand>> [port]`: a Prism mock server for one
 * provider's bundled document, or one brand's (`smsend-skebby`), validating requests, to point a
 * client or curl at while developing; it logs each request and what Prism found wrong with it.
 * Ctrl-C stops it.
 */
import path from "node:path";
import { brandIds, providers, repoRoot } from "../generator/providers.js";
import { startPrism } from "./lib/prism.js";

const [id = "clicksend", port = "4010"] = process.argv.slice(2);
const [providerId, brand] = id.split(/-(.*)/);
const provider = providers.find((p) => p.id === providerId && (brand === undefined || brandIds(p).includes(brand)));
if (!provider) {
  const known = providers.flatMap((p) => [p.id, ...brandIds(p).map((b) => `${p.id}-${b}`)]);
  console.error(`unknown provider or brand ${id}; one of ${known.join(", ")}`);
  process.exit(1);
}
const document = path.join(repoRoot, "generated", provider.id, brand ? `${brand}.openapi.json` : "openapi.json");
const mock = await startPrism(document, { port: Number(port), log: console.log });
console.log(
  `${brand ? `${provider.title}, brand ${brand},` : provider.title} mock: ${mock.url} (baseUrl for the client; requests are validated)`,
);
