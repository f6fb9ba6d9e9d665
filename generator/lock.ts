/**
 * One build at a time in a checkout: builds share .tmp/build (the stage, the record, tsc's
 * incremental state) and swap into the same outputs. A second build (`npm run build` in one
 * terminal while `npm run dev` rebuilds in another) waits for the first, then plans afresh, and
 * usually finds everything current. Two at once used to clear each other's stage.
 */
import fs from "node:fs";
import path from "node:path";
import { buildHome } from "./fingerprint.js";

const lockFile = path.join(buildHome, "lock");
const POLL_MS = 100;

/** Whether the process named in the lock file still runs (an empty file: its holder is writing it). */
function holderRuns(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile, "utf8")) || process.pid;
  } catch {
    return false; // released meanwhile
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // it runs, as another user
  }
}

/** Runs `work` holding the checkout's build lock; a lock left by a process that died is taken over. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(buildHome, { recursive: true });
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (holderRuns()) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      else fs.rmSync(lockFile, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockFile, { force: true });
  }
}
