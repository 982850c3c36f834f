import lockfile from 'proper-lockfile';

/**
 * Holds PGlite's data directory for this process. PGlite is PostgreSQL in single-user mode
 * with no cross-process lock of its own (electric-sql/pglite#1106): two processes on one
 * directory both write and silently corrupt the ledger. The lock (`<dir>.lock`, refreshed
 * every few seconds by proper-lockfile) is released on close and on exit; one left by a
 * killed process is taken over once it is 10 s stale.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { stale: 10_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    throw new Error(
      `The data directory ${dataDir} is in use by another credits server process. ` +
        'Embedded PostgreSQL (PGlite) allows one process per directory; a second one would ' +
        'corrupt the ledger. Stop the other process, give this one its own DATA_DIR, or run ' +
        'several instances on one PostgreSQL with DATABASE_URL.',
    );
  }
}
