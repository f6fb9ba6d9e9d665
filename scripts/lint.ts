/**
 * `npm run lint`: Spectral and Redocly on both specs; prints file:line:column severity rule message.
 * `npm run lint -- specs/clicksend/openapi.other.yaml` lints another root document with the ruleset
 * of the provider folder it sits in (useful while drafting a part of a spec in its own root).
 */
import path from "node:path";
import { formatFinding } from "../generator/findings.js";
import lintProvider from "../generator/lint.js";
import { providers } from "../generator/providers.js";

const roots = process.argv.slice(2).map((arg) => path.resolve(arg));
const targets =
  roots.length === 0
    ? providers
    : roots.map((root) => {
        const provider = providers.find((p) => path.dirname(p.root) === path.dirname(root));
        if (!provider) throw new Error(`${root} is not in specs/clicksend/ or specs/smsend/`);
        return { ...provider, root };
      });

let errors = 0;
for (const provider of targets) {
  const findings = await lintProvider(provider);
  for (const finding of findings) console.log(formatFinding(finding));
  const count = findings.filter((f) => f.severity === "error").length;
  errors += count;
  console.log(`${path.basename(provider.root)} (${provider.id}): ${count} error(s), ${findings.length - count} warning(s)`);
}
process.exitCode = errors > 0 ? 1 : 0;
