/**
 * The bundled documents at a git ref or in the working tree, for `npm run diff` and
 * `npm run changelog`. Reads only.
 */
import { execFileSync } from "node:child_process";
import { repoRoot } from "../../generator/providers.js";

/** git's output, or undefined when it fails (unknown ref, file absent at the ref). */
export function git(args: string[], cwd = repoRoot): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return undefined;
  }
}

/** Whether `ref` names a commit; a ref starting with "-" would reach git as an option, so it never does. */
export const isCommit = (ref: string, cwd = repoRoot): boolean =>
  !ref.startsWith("-") && git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], cwd) !== undefined;

/** The newest release tag (`v1.2.3`) reachable from HEAD, if any. */
export const lastReleaseTag = (cwd = repoRoot): string | undefined =>
  git(["describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"], cwd)?.trim() || undefined;

/**
 * generated/<provider>/openapi.json at `ref`. A file missing there stands for an empty API: a new
 * provider shows as all-added.
 */
export function documentAt(ref: string, provider: string, cwd = repoRoot): unknown {
  const text = git(["show", `${ref}:generated/${provider}/openapi.json`], cwd);
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}
