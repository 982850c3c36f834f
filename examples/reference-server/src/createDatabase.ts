import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { prepareStatements } from './prepareStatements.js';

/** The same drizzle database type over PGlite and node-postgres: the server's SQL runs on both. */
export type Database = PgDatabase<PgQueryResultHKT>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrations = [
  '001_init.sql',
  '002_stripe.sql',
  '003_idempotency_locks.sql',
  '004_refunds.sql',
].map((name) =>
  readFileSync(fileURLToPath(new URL(`../migrations/${name}`, import.meta.url)), 'utf8'),
);

/**
 * `DATABASE_URL` → a pooled PostgreSQL; otherwise embedded PGlite (in
 * `dataDir`, or in memory). Migrations run on open; they are idempotent.
 * Statements are prepared per connection (see prepareStatements); `preparedStatements:
 * false` for a pooler that cannot keep them (PgBouncer in transaction mode before 1.21).
 */
export async function createDatabase(
  options: { url?: string; dataDir?: string; poolSize?: number; preparedStatements?: boolean } = {},
): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client losing its connection (a restart, a failover) must not crash the server.
    pool.on('error', (error) => console.warn(`postgres pool: ${error.message}`));
    if (options.preparedStatements !== false)
      pool.on('connect', (client) => prepareStatements(client));
    for (const migration of migrations) await pool.query(migration);
    return {
      db: drizzlePostgres(pool) as unknown as Database,
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  for (const migration of migrations) await client.exec(migration);
  return {
    db: drizzlePglite(client) as unknown as Database,
    kind: 'pglite',
    close: () => client.close(),
  };
}
