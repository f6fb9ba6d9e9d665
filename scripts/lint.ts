/** `npm run lint`: Spectral and Redocly on both specs; prints file:line:column severity rule message. */
import lintProvider, { formatFinding } from "../generator/lint.js";
import { providers } from "../generator/providers.js";

let errors = 0;
for (const provider of providers) {
  const findings = await lintProvider(provider);
  for (const finding of findings) console.log(formatFinding(finding));
  const count = findings.filter((f) => f.severity === "error").length;
  errors += count;
  console.log(`${provider.id}: ${count} error(s), ${findings.length - count} warning(s)`);
}
process.exitCode = errors > 0 ? 1 : 0;
