/**
 * `npm run changelog [-- <git-ref>]`: writes the next CHANGELOG.md entry from the API changes
 * between the last release tag (`v*`, or the given ref) and the working tree, and sets the
 * proposed version in package.json (the version at the ref, bumped by scripts/lib/spec-diff.ts's
 * rules). The specs are compared as they are now (scripts/lib/diff-command.ts), built or not.
 */
import fs from "node:fs";
import path from "node:path";
import { providers, repoRoot } from "../generator/providers.js";
import { changelogEntry, insertEntry, setVersion } from "./lib/changelog.js";
import { diffSpecsSince } from "./lib/diff-command.js";
import { git, isCommit, lastReleaseTag } from "./lib/git.js";
import { proposeBump } from "./lib/spec-diff.js";

const given = process.argv[2];
const ref = given ?? lastReleaseTag();
if (ref === undefined) {
  console.error(
    "changelog: no release tag (v1.2.3) is reachable from HEAD, so there is nothing to compare with; give a ref: npm run changelog -- <git-ref>",
  );
  process.exit(2);
}
if (!isCommit(ref)) {
  console.error(`changelog: unknown git ref '${ref}' (try a commit, branch or tag, such as HEAD~1)`);
  process.exit(2);
}

const packageFile = path.join(repoRoot, "package.json");
const packageJson = fs.readFileSync(packageFile, "utf8");
const base = (JSON.parse(git(["show", `${ref}:package.json`]) ?? packageJson) as { version: string }).version;
const results = await diffSpecsSince(ref, providers);
const changes = results.flatMap((r) => r.operations.flatMap((o) => o.changes));
if (changes.length === 0) {
  console.log(`changelog: no API changes since ${ref}; CHANGELOG.md and package.json left as they are`);
  process.exit(0);
}

const { next, bump } = proposeBump(base, changes);
const entry = changelogEntry(next, new Date().toISOString().slice(0, 10), ref, results);
const changelogFile = path.join(repoRoot, "CHANGELOG.md");
fs.writeFileSync(changelogFile, insertEntry(fs.existsSync(changelogFile) ? fs.readFileSync(changelogFile, "utf8") : undefined, entry));
fs.writeFileSync(packageFile, setVersion(packageJson, next));
console.log(`${entry}\nCHANGELOG.md written; package.json version ${base} → ${next} (${bump} bump)`);
