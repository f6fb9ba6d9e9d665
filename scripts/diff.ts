/**
 * `npm run diff -- <git-ref>`: what changed in each provider's bundled document and in the client
 * surface generated from it between a git ref and the specs as they are now (built or not:
 * scripts/lib/diff-command.ts), each change marked breaking
 * or not, and the semver bump that calls for (rules in scripts/lib/spec-diff.ts). Reads only.
 */
import fs from "node:fs";
import path from "node:path";
import { providers, repoRoot } from "../generator/providers.js";
import { diffSpecsSince } from "./lib/diff-command.js";
import { isCommit } from "./lib/git.js";
import { formatReport } from "./lib/spec-diff.js";

const ref = process.argv[2];
if (!ref) {
  console.error("usage: npm run diff -- <git-ref>");
  process.exit(1);
}
if (!isCommit(ref)) {
  console.error(`diff: unknown git ref '${ref}' (try a commit, branch or tag, such as HEAD~1)`);
  process.exit(1);
}

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
const results = await diffSpecsSince(ref, providers);
console.log(formatReport(ref, version, results));
