import { createRequire } from 'node:module';
import { insertUsageWithKey } from '../../packages/credits-server/src/data/ledgerData.ts';
import type { Executor } from '../../packages/credits-server/src/data/rows.ts';

/** drizzle's PostgreSQL dialect, from credits-server's own dependencies. */
const { PgDialect } = createRequire(
  new URL('../../packages/credits-server/package.json', import.meta.url),
)('drizzle-orm/pg-core') as {
  PgDialect: new () => { sqlToQuery(query: unknown): { sql: string; params: unknown[] } };
};

const ACCOUNT = '__account__';
const ID = '__id__';
const KEY = '__key__';
const CREATED_AT = '__created_at__';

/**
 * A pgbench script running credits-server's own usage-debit statement (the one
 * `insertUsageWithKey` sends: the balance move under the row lock, the ledger row and the
 * Idempotency-Key record with its response), taken from the data layer itself, so it cannot
 * drift: the statement is captured as drizzle renders it and its parameters become pgbench
 * expressions. `account` is SQL for the account id (it may use `:client_id`).
 */
export async function pgbenchDebitScript(account: string, credits: number): Promise<string> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const executor = {
    execute: async (query: unknown) => {
      captured = new PgDialect().sqlToQuery(query);
      return { rows: [] };
    },
  } as unknown as Executor;
  await insertUsageWithKey(
    executor,
    ACCOUNT,
    ID,
    CREATED_AT,
    { amount: -credits, description: 'Website generation', websiteId: null },
    { scope: 'usage', key: KEY, fingerprint: 'pgbench' },
    { head: '{"id":"pgbench",', tail: '"website":null}' },
  );
  if (!captured) throw new Error('insertUsageWithKey sent no statement');
  const { sql, params } = captured;
  const literal = (value: unknown): string => {
    if (value === ACCOUNT) return `(${account})`;
    if (value === ID) return `('txn_pgb_' || :client_id || '_' || :n)`;
    if (value === KEY) return `('pgb-' || :client_id || '-' || :n)`;
    if (value === CREATED_AT) return 'now()';
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  };
  const statement = sql
    .replace(/\$(\d+)/g, (_, index: string) => literal(params[Number(index) - 1]))
    .replace(/\s+/g, ' ');
  // pgbench: one statement per line; a fresh key and id for every transaction.
  return `\\set n random(1, 1000000000000000)\n${statement};\n`;
}
