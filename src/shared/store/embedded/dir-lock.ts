/**
 * One process per data directory: two writers appending to one journal would corrupt it. The lock
 * is a file holding the owner's pid, created exclusively; a lock whose process is gone (a crash,
 * SIGKILL) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLocked extends Error {
  readonly code = 'store_unavailable';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of `dir` for this process; returns the function that releases it. */
export function lockDirectory(dir: string): () => void {
  const file = path.join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isSafeInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new DataDirLocked(`${dir} is in use by process ${owner} (stop it first, or use another DATA_DIR)`);
      }
      if (owner === process.pid) throw new DataDirLocked(`${dir} is already open in this process`);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLocked(`Could not lock ${dir}`);
}
