/**
 * Calls `onSave` once the writes of a save under `root` have settled, with the time
 * (performance.now()) of its first write. Each folder is watched on
 * its own: Node 20's recursive fs.watch on Linux watches each file, and loses a file once an
 * editor saves it by writing a temp file and renaming it over the old one (vim, VS Code's atomic
 * saves, `sed -i`): every later save of that file went unseen. A folder's watcher sees those
 * renames, and a folder made later is watched from then on.
 */
import fs from "node:fs";
import path from "node:path";

/** An editor's save is often several writes (temp file, rename): the call waits this long after the last. */
const SETTLE_MS = 100;

export interface Watch {
  close(): void;
}

export function watchTree(root: string, onSave: (firstWriteAt: number) => void): Watch {
  const watchers = new Map<string, fs.FSWatcher>();
  let settling: NodeJS.Timeout | undefined;
  let firstWriteAt = 0;
  const changed = () => {
    firstWriteAt ||= performance.now();
    clearTimeout(settling);
    settling = setTimeout(() => {
      const at = firstWriteAt;
      firstWriteAt = 0;
      onSave(at);
    }, SETTLE_MS);
  };
  const watch = (dir: string) => {
    if (watchers.has(dir)) return;
    const watcher = fs.watch(dir, (_event, name) => {
      const entry = name ? path.join(dir, name) : undefined;
      if (entry && isFolder(entry)) watch(entry);
      changed();
    });
    // A removed folder's watcher may fail: it has nothing left to watch.
    watcher.on("error", () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) watch(path.join(dir, entry.name));
  };
  watch(root);
  return {
    close: () => {
      clearTimeout(settling);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false; // gone already: a removed file, or an editor's temp file
  }
}
