/**
 * `npm run diff -- <git-ref>`: what changed in each provider's bundled document and generated
 * client between a git ref and the working tree, each change marked breaking or not, and the
 * semver bump that calls for (rules in scripts/lib/spec-diff.ts). Reads only; prints to stdout.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { providers, repoRoot } from "../generator/providers.js";
import { diffProvider, formatReport } from "./lib/spec-diff.js";

function git(args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

const ref = process.argv[2];
if (!ref) {
  console.error("usage: npm run diff -- <git-ref>");
  process.exit(1);
}
// A ref starting with "-" would reach git as an option.
if (ref.startsWith("-") || git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) === undefined) {
  console.error(`diff: unknown git ref '${ref}' (try a commit, branch or tag, such as HEAD~1)`);
  process.exit(1);
}

// A file missing on either side stands for an empty API: a new provider shows as all-added.
const atRef = (file: string) => git(["show", `${ref}:${file}`]);
const inTree = (file: string) => {
  const full = path.join(repoRoot, file);
  return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
};
const side = (read: (file: string) => string | undefined, id: string) => {
  const document = read(`generated/${id}/openapi.json`);
  return { document: document === undefined ? undefined : (JSON.parse(document) as unknown), client: read(`generated/${id}/client.ts`) };
};

const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
const results = providers.map((p) => ({ provider: p.id, operations: diffProvider(side(atRef, p.id), side(inTree, p.id)) }));
console.log(formatReport(ref, version, results));
