/**
 * A scratch folder inside the repository's .tmp, removed after the calling file's tests. Inside
 * the repository, as the build's staging folder is: code there resolves node_modules and is ESM
 * by package.json.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { repoRoot } from "../../generator/providers.js";

export function useRepoScratch(prefix: string): string {
  fs.mkdirSync(path.join(repoRoot, ".tmp"), { recursive: true });
  const dir = fs.mkdtempSync(path.join(repoRoot, ".tmp", prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
