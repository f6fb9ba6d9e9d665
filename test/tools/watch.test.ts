/**
 * scripts/lib/watch.ts, what `npm run dev` watches specs/ with: every save is seen once its writes
 * settle, saves by rename (an editor's temp file moved over the old one) included, and in a folder
 * made after the watch began.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Watch, watchTree } from "../../scripts/lib/watch.js";

let watch: Watch | undefined;
afterEach(() => watch?.close());

/** A temp tree with specs/paths/status.yaml, watched; `saves` counts the calls. */
function watched() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "watch-test-"));
  fs.mkdirSync(path.join(root, "paths"));
  fs.writeFileSync(path.join(root, "paths", "status.yaml"), "summary: one\n");
  const saves: number[] = [];
  watch = watchTree(root, (at) => saves.push(at));
  return { root, saves };
}

/** Saves `file` as editors that save atomically do: a temp file beside it, renamed over it. */
function saveByRename(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

describe("watchTree", () => {
  it("sees every save of a file saved by rename, once per save", async () => {
    const { root, saves } = watched();
    const file = path.join(root, "paths", "status.yaml");
    for (let n = 1; n <= 3; n++) {
      const before = performance.now();
      saveByRename(file, `summary: save ${n}\n`);
      await expect.poll(() => saves.length, { timeout: 5_000 }).toBe(n);
      expect(saves[n - 1]).toBeGreaterThanOrEqual(before); // the time of the save's first write
    }
  });

  it("sees a save in a folder made after the watch began", async () => {
    const { root, saves } = watched();
    fs.mkdirSync(path.join(root, "brands"));
    await expect.poll(() => saves.length, { timeout: 5_000 }).toBe(1);
    saveByRename(path.join(root, "brands", "new.overlay.yaml"), "overlay: 1.0.0\n");
    await expect.poll(() => saves.length, { timeout: 5_000 }).toBe(2);
  });
});
