import { closeSync, linkSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'portal.lock';

interface LockOwner {
  pid: number;
  host: string;
  /** Start time of the owning process (Linux: /proc/<pid>/stat field 22), to survive PID reuse. */
  started: string | null;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's process: cannot tell, assume alive
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `数据目录 ${dataDir} 已被另一个进程（PID ${owner.pid}，${owner.host}）使用：同一 PGlite 数据目录只能由一个服务进程打开。` +
        `请先停止该进程，或为本进程设置另一个 PGLITE_DIR。 (PGlite data folder is locked by process ${owner.pid})`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes the data folder for this process, the way PostgreSQL's postmaster.pid does: the lock file
 * holds the owner's pid, host and process start time and is created atomically (a hard link
 * fails when it exists). A lock whose process is gone (kill -9) is stale and taken over. Throws
 * DataDirLockedError when a live process holds it. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: processStart(process.pid) };
  const tmp = join(dataDir, `${LOCK_FILE}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  writeSync(fd, JSON.stringify(me));
  closeSync(fd);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, lockPath);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        let text = '';
        try {
          text = readFileSync(lockPath, 'utf8');
        } catch {
          continue; // removed meanwhile: try again
        }
        let owner: LockOwner | null = null;
        try {
          owner = JSON.parse(text) as LockOwner;
        } catch {
          owner = null;
        }
        if (owner && owner.pid !== process.pid && isAlive(owner)) throw new DataDirLockedError(dataDir, owner);
        // Stale (or unreadable): remove it only if it is still the file we judged.
        try {
          if (readFileSync(lockPath, 'utf8') === text) unlinkSync(lockPath);
        } catch {
          // gone already
        }
        if (attempt === 2) throw new Error(`could not take the lock ${lockPath}`, { cause: err });
      }
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // ignore
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const text = readFileSync(lockPath, 'utf8');
      if ((JSON.parse(text) as LockOwner).pid === process.pid) unlinkSync(lockPath);
    } catch {
      // ignore: already gone
    }
  };
  process.once('exit', release);
  return release;
}
