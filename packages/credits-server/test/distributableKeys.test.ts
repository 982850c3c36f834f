/**
 * The schema distributes by account unchanged (README, "distribute by account"): Citus accepts
 * a distributed table's unique constraints only when they include the distribution column, so
 * every primary key and unique index of every table must include `account_id` (`accounts.id`
 * for the accounts table itself). Checked in the catalogue of a new database and of one created
 * with the keys this schema had before (migration 011 converts them), on PGlite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { rows } from '../src/data/rows';
import { startPostgres, type TestPostgres } from './startPostgres';

/** Every unique key (primary keys included) that does not include the table's account column. */
async function keysWithoutAccount(database: DatabaseHandle): Promise<string[]> {
  const found = await rows(
    database.db,
    sql`SELECT t.relname AS table_name, i.relname AS index_name,
          array_agg(a.attname::text ORDER BY a.attnum) AS columns
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (x.indkey)
        WHERE x.indisunique AND n.nspname = 'public'
        GROUP BY t.relname, i.relname`,
  );
  return found
    .filter((key) => {
      const columns = key.columns as string[];
      return !columns.includes(key.table_name === 'accounts' ? 'id' : 'account_id');
    })
    .map((key) => `${key.table_name}.${key.index_name} (${(key.columns as string[]).join(', ')})`)
    .sort();
}

/** The keys as migrations 001–010 made them, before 011: unique by id alone. */
const OLD_KEYS = `
  ALTER TABLE purchases DROP CONSTRAINT purchases_pkey, ADD PRIMARY KEY (id);
  ALTER TABLE payment_methods DROP CONSTRAINT payment_methods_pkey, ADD PRIMARY KEY (id);
  ALTER TABLE setup_intents DROP CONSTRAINT setup_intents_pkey, ADD PRIMARY KEY (id);
  ALTER TABLE transactions DROP CONSTRAINT transactions_account_id_id_key, ADD CONSTRAINT transactions_id_key UNIQUE (id);
  DROP INDEX transactions_one_credit_per_purchase;
  CREATE UNIQUE INDEX transactions_one_grant_per_purchase ON transactions (purchase_id) WHERE type = 'purchase';
  DROP INDEX purchases_account_payment_intent;
  CREATE UNIQUE INDEX purchases_payment_intent ON purchases (payment_intent_id) WHERE payment_intent_id IS NOT NULL;
  DROP INDEX transactions_account_external_id;
  CREATE UNIQUE INDEX transactions_external_id ON transactions (external_id) WHERE external_id IS NOT NULL;
  INSERT INTO accounts (id, total) VALUES ('acct_before', 500);
  INSERT INTO transactions (account_id, seq, id, type, description, amount, balance_after, purchase_id)
    VALUES ('acct_before', 1, 'txn_before', 'purchase', 'Credit package', 500, 500, 'pur_before');
`;

const OLD_KEY_NAMES = [
  'transactions.transactions_external_id (external_id)',
  'transactions.transactions_id_key (id)',
  'transactions.transactions_one_grant_per_purchase (purchase_id)',
  'purchases.purchases_payment_intent (payment_intent_id)',
  'payment_methods.payment_methods_pkey (id)',
  'purchases.purchases_pkey (id)',
  'setup_intents.setup_intents_pkey (id)',
].sort();

/** The old keys, one statement at a time (a prepared statement holds one). */
async function makeOldKeys(database: DatabaseHandle) {
  for (const statement of OLD_KEYS.split(';').filter((text) => text.trim()))
    await database.db.execute(sql.raw(statement));
}

/** A ledger row from before the conversion, still there and still guarded per purchase. */
async function expectRowKeptAndGuarded(database: DatabaseHandle) {
  const [kept] = await rows(
    database.db,
    sql`SELECT amount FROM transactions WHERE account_id = 'acct_before' AND id = 'txn_before'`,
  );
  expect(Number(kept?.amount)).toBe(500);
  await expect(
    database.db.execute(
      sql`INSERT INTO transactions (account_id, seq, id, type, description, amount, balance_after, purchase_id)
          VALUES ('acct_before', 2, 'txn_again', 'purchase', 'Credit package', 500, 1000, 'pur_before')`,
    ),
  ).rejects.toThrow();
}

describe('unique keys include the account (PGlite)', () => {
  it('a new database has no unique key without the account', async () => {
    const database = await createDatabase();
    try {
      expect(await keysWithoutAccount(database)).toEqual([]);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('a database with the old keys is converted on open, its rows kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'credits-keys-'));
    try {
      const before = await createDatabase({ dataDir });
      await makeOldKeys(before);
      // The test can fail: the old shape is really there before the conversion.
      expect(await keysWithoutAccount(before)).toEqual(OLD_KEY_NAMES);
      await before.close();
      const after = await createDatabase({ dataDir });
      try {
        expect(await keysWithoutAccount(after)).toEqual([]);
        await expectRowKeptAndGuarded(after);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('unique keys include the account (PostgreSQL)', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 120_000);
  afterAll(() => postgres?.stop());

  async function freshDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    const url = new URL(postgres.url);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it('a new database, and one with the old keys converted by the next instance to start', async () => {
    const url = await freshDatabase('distributable_keys');
    const before = await createDatabase({ url, poolSize: 1 });
    expect(await keysWithoutAccount(before)).toEqual([]);
    await makeOldKeys(before);
    expect(await keysWithoutAccount(before)).toEqual(OLD_KEY_NAMES);
    await before.close();
    const after = await createDatabase({ url, poolSize: 1 });
    try {
      expect(await keysWithoutAccount(after)).toEqual([]);
      await expectRowKeptAndGuarded(after);
    } finally {
      await after.close();
    }
  }, 60_000);
});
