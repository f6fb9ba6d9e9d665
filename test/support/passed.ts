/**
 * Checks that need not run again: a check whose result is decided by files (a tool judging a
 * tarball, a transform of the specs) records, once it has passed, a hash of everything it read,
 * and a later run with the same hash skips it. Content hashes only, never times; a failure is
 * never recorded, so a failing check runs (and shows its real output) every time.
 */
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../../generator/providers.js";

const dir = path.join(repoRoot, ".tmp", "passed");
const recordOf = (name: string) => path.join(dir, `${name}.sha256`);

/** Whether the check `name` passed last time on inputs hashing to `inputs`. */
export function hasPassed(name: string, inputs: string): boolean {
  return fs.existsSync(recordOf(name)) && fs.readFileSync(recordOf(name), "utf8") === inputs;
}

/** Records that `name` passed on inputs hashing to `inputs` (written whole, then renamed into place). */
export function recordPass(name: string, inputs: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${recordOf(name)}.${process.pid}`;
  fs.writeFileSync(partial, inputs);
  fs.renameSync(partial, recordOf(name));
}
