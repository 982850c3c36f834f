import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { listenOnPostgres } from './listenOnPostgres.js';
import { lockDataDir } from './lockDataDir.js';
import { prepareStatements } from './prepareStatements.js';

/** The same drizzle database type over PGlite and node-postgres: the server's SQL runs on both. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * LISTEN on a channel: `onPayload` gets each NOTIFY's payload once its transaction commits,
   * from any connection or instance. On PostgreSQL, one dedicated connection per call
   * (reconnected after a loss); on PGlite, its in-process listen.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const migrations = [
  '001_init.sql',
  '002_stripe.sql',
  '003_idempotency_locks.sql',
  '004_refunds.sql',
  '005_rate_limits.sql',
  '006_forward_only.sql',
  '007_holds.sql',
  '008_live_events.sql',
  '009_lots.sql',
  '010_auto_recharge.sql',
  '011_distributable_keys.sql',
  '012_auto_recharge_events.sql',
].map((name) =>
  readFileSync(fileURLToPath(new URL(`../../migrations/${name}`, import.meta.url)), 'utf8'),
);

/** The advisory lock key migrations run under on PostgreSQL: any constant ("credit" in ASCII). */
const MIGRATION_LOCK = 0x637265646974;

/**
 * Runs the migrations on one client of the pool, holding a session-level advisory lock: instances
 * starting together on one database migrate one after the other (`CREATE TABLE IF NOT EXISTS`
 * alone is not safe against a concurrent creation of the same table), and the later ones find
 * everything done. On any failure the connection is dropped, which releases the lock too.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK]);
    try {
      for (const migration of migrations) await client.query(migration);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  client.release();
}

/** Where the data lives: a PostgreSQL URL, or PGlite in a directory or in memory. */
export interface DatabaseOptions {
  /** A PostgreSQL URL (any managed PostgreSQL 15+): a pool of `poolSize` (default 10). */
  url?: string;
  /** Without `url`: PGlite's data directory (one process per directory), else in memory. */
  dataDir?: string;
  poolSize?: number;
  preparedStatements?: boolean;
  /**
   * PostgreSQL cancels any statement running longer (`statement_timeout`), and a session idle
   * inside a transaction that long is ended, so no request holds a connection or a row lock
   * for ever. Default 5 000 ms. PGlite cannot enforce it (single-user PostgreSQL in WASM has
   * no timer signals): there the request deadline (createApp) bounds the answer only.
   */
  statementTimeoutMs?: number;
}

/**
 * `DATABASE_URL` → a pooled PostgreSQL; otherwise embedded PGlite (in
 * `dataDir`, held by this process alone — see lockDataDir — or in memory). Migrations run on open; they are idempotent
 * and, on PostgreSQL, serialised across instances by an advisory lock (see migrate).
 * Statements are prepared per connection (see prepareStatements); `preparedStatements:
 * false` for a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const statementTimeout = options.statementTimeoutMs ?? 5_000;
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      statement_timeout: statementTimeout,
      idle_in_transaction_session_timeout: statementTimeout * 2,
    });
    // An idle client losing its connection (a restart, a failover) must not crash the server.
    pool.on('error', (error) => console.warn(`postgres pool: ${error.message}`));
    if (options.preparedStatements !== false)
      pool.on('connect', (client) => prepareStatements(client));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return {
      db: drizzlePostgres(pool) as unknown as Database,
      kind: 'postgres',
      listen: (channel, onPayload) => listenOnPostgres(options.url!, channel, onPayload),
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? await lockDataDir(options.dataDir) : async () => {};
  const client = new PGlite(options.dataDir);
  try {
    for (const migration of migrations) await client.exec(migration);
  } catch (error) {
    await client.close().catch(() => undefined);
    await unlock();
    throw error;
  }
  return {
    db: drizzlePglite(client) as unknown as Database,
    kind: 'pglite',
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    close: async () => {
      await client.close();
      await unlock();
    },
  };
}
