import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

interface Holder {
  pid: number;
  host: string;
}

/** Whether a process of this machine is running (signal 0 only checks it exists). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? (holder as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Holds PGlite's data directory for this process. PGlite is PostgreSQL in single-user mode with
 * no cross-process lock of its own (electric-sql/pglite#1106): two processes on one directory
 * both write and silently corrupt the ledger. Like PostgreSQL's own `postmaster.pid`, the lock
 * is a file (`<dir>.lock`, created exclusively) naming the holder's process id; it is released
 * on close and on exit, and one left by a process that is no longer running (a crash, a
 * `kill -9`) is taken over. Liveness is checked by process id, not by a refreshed timestamp:
 * PGlite's start-up blocks the event loop for seconds on a busy machine, and a timestamp lock
 * would then be taken from a live holder (measured here with proper-lockfile's 10 s staleness).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${dataDir}.lock`;
  const me: Holder = { pid: process.pid, host: hostname() };
  const create = () => {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  };
  if (!create()) {
    const holder = readHolder(path);
    const gone = holder && holder.host === me.host && !alive(holder.pid);
    if (gone) rmSync(path, { force: true });
    if (!gone || !create())
      throw new Error(
        `The data directory ${dataDir} is in use by another credits server process` +
          `${holder ? ` (pid ${holder.pid} on ${holder.host})` : ''}. Embedded PostgreSQL ` +
          '(PGlite) allows one process per directory; a second one would corrupt the ledger. ' +
          'Stop the other process, give this one its own DATA_DIR, or run several instances ' +
          `on one PostgreSQL with DATABASE_URL. (If no such process runs, delete ${path}.)`,
      );
  }
  const release = () => {
    if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
  };
  process.once('exit', release);
  return async () => {
    process.off('exit', release);
    release();
  };
}
