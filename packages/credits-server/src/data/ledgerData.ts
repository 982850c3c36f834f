import { type SQL, sql } from 'drizzle-orm';
import type { NewLedgerRow } from '../ledger/ledgerEntry.js';
import { type Executor, type Row, rows } from './rows.js';

/**
 * A checked debit's condition on the account row: none of its lots has lapsed unswept
 * (migrations/009_lots.sql), so lapsed credits are never spent. When it fails, the caller sweeps
 * the account (ledger/lots.ts) and tries once more.
 */
export const unlapsed = (at: string) =>
  sql`(next_expiry IS NULL OR next_expiry > ${at}::timestamptz)`;

/**
 * Appends one ledger row and moves the balance, atomically, in one statement. The UPDATE locks
 * the account row (until the transaction ends) and, if it had to wait for another writer,
 * re-checks its WHERE on the row that writer committed: the balance check, the next seq and
 * balance_after all come from the latest balance. One round trip instead of SELECT … FOR
 * UPDATE + INSERT + UPDATE, so a busy account's lock is held for the statement alone, not
 * across the network. Returns the new balance, or undefined when nothing moved.
 */
export async function insertLedgerRow(
  executor: Executor,
  account: string,
  id: string,
  createdAt: Date,
  entry: NewLedgerRow,
): Promise<number | undefined> {
  const isUsage = entry.type === 'usage';
  // A capture spends credits its hold reserved: no balance check (they were checked when held).
  const checked = isUsage && !entry.reserved;
  // Only a credit opens a lot, so only a credit's expiry counts.
  const expiresAt = entry.amount > 0 ? (entry.expiresAt ?? null) : null;
  const [row] = await rows(
    executor,
    sql`WITH moved AS (
        UPDATE accounts SET
          total = total + ${isUsage ? 0 : entry.amount}, used = used - ${isUsage ? entry.amount : 0},
          seq = seq + 1, updated_at = ${createdAt.toISOString()},
          next_expiry = least(next_expiry, ${expiresAt}::timestamptz)
        WHERE id = ${account}
          ${checked ? sql`AND (overdraft_allowed OR total - used - held + ${entry.amount} >= 0) AND ${unlapsed(createdAt.toISOString())}` : sql``}
        RETURNING seq, total - used AS balance_after)
      INSERT INTO transactions
        (account_id, seq, id, created_at, type, description, amount, balance_after, website_id, website_name, website_url, purchase_id,
         external_id, expires_at, lot_id)
      SELECT ${account}, seq, ${id}, ${createdAt.toISOString()}::timestamptz, ${entry.type}, ${entry.description}, ${entry.amount}::bigint,
        balance_after, ${entry.websiteId ?? null}, ${entry.websiteName ?? null}, ${entry.websiteUrl ?? null}, ${entry.purchaseId ?? null},
        ${entry.externalId ?? null}, ${expiresAt}::timestamptz, ${entry.lotId ?? null}
      FROM moved
      RETURNING balance_after`,
  );
  return row ? Number(row.balance_after) : undefined;
}

/**
 * A usage debit and its Idempotency-Key record in one statement (see createLedger's spendOnce).
 * `response` is the stored response's JSON around its balanceAfter, which only the database
 * knows. Returns the new balance, or undefined when nothing moved.
 */
export async function insertUsageWithKey(
  executor: Executor,
  account: string,
  id: string,
  createdAt: string,
  entry: Omit<NewLedgerRow, 'type' | 'purchaseId'>,
  record: { scope: string; key: string; fingerprint: string },
  response: { head: string; tail: string },
): Promise<number | undefined> {
  const [row] = await rows(
    executor,
    sql`WITH moved AS (
        UPDATE accounts SET used = used - ${entry.amount}, seq = seq + 1, updated_at = ${createdAt}
        WHERE id = ${account} AND (overdraft_allowed OR total - used - held + ${entry.amount} >= 0)
          AND ${unlapsed(createdAt)}
        RETURNING seq, total - used AS balance_after),
      entry AS (
        INSERT INTO transactions
          (account_id, seq, id, created_at, type, description, amount, balance_after, website_id, website_name, website_url)
        SELECT ${account}, seq, ${id}, ${createdAt}::timestamptz, 'usage', ${entry.description}, ${entry.amount}::bigint,
          balance_after, ${entry.websiteId ?? null}, ${entry.websiteName ?? null}, ${entry.websiteUrl ?? null}
        FROM moved
        RETURNING balance_after),
      stored AS (
        INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state, status_code, response, locked_at)
        SELECT ${account}, ${record.scope}, ${record.key}, ${record.fingerprint}, 'done', 201,
          ${`${response.head}"balanceAfter":`}::text || balance_after::text || ${`,${response.tail}`}::text, NULL
        FROM entry)
      SELECT balance_after FROM entry`,
  );
  return row ? Number(row.balance_after) : undefined;
}

export async function transactionById(
  executor: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  const [found] = await rows(
    executor,
    sql`SELECT * FROM transactions WHERE account_id = ${account} AND id = ${id}`,
  );
  return found;
}

/** The row a Stripe event or a Server API write (by its Idempotency-Key) made, if any. */
export async function transactionByExternalId(
  executor: Executor,
  account: string,
  externalId: string,
): Promise<Row | undefined> {
  const [found] = await rows(
    executor,
    sql`SELECT * FROM transactions WHERE account_id = ${account} AND external_id = ${externalId}`,
  );
  return found;
}

/** The filters of a history page, already validated. */
export interface TransactionFilter {
  account: string;
  /** Rows before this `seq` (the cursor). */
  beforeSeq?: number;
  types: readonly string[];
  websiteId?: string;
  from?: string;
  to?: string;
  search?: string;
  /** How many rows to read. */
  limit: number;
}

/**
 * One page of an account's history, newest first, and the account's ledger `seq` it was read at:
 * one statement, so both come from the same snapshot (a row committed meanwhile is in neither).
 */
export async function selectTransactions(
  executor: Executor,
  filter: TransactionFilter,
): Promise<{ rows: Row[]; seq: number }> {
  const conditions: SQL[] = [sql`account_id = ${filter.account}`];
  if (filter.beforeSeq !== undefined) conditions.push(sql`seq < ${filter.beforeSeq}`);
  if (filter.types.length)
    conditions.push(
      sql`type IN (${sql.join(
        filter.types.map((type) => sql`${type}`),
        sql`, `,
      )})`,
    );
  if (filter.websiteId) conditions.push(sql`website_id = ${filter.websiteId}`);
  if (filter.from) conditions.push(sql`created_at >= ${filter.from}`);
  if (filter.to) conditions.push(sql`created_at < ${filter.to}`);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      sql`(description ILIKE ${pattern} OR coalesce(website_name, '') ILIKE ${pattern})`,
    );
  }
  // The ledger's row always comes back; with no matching row, as the only one (its t.* null).
  const found = await rows(
    executor,
    sql`SELECT t.*, ledger.seq AS ledger_seq
      FROM (SELECT coalesce((SELECT seq FROM accounts WHERE id = ${filter.account}), 0) AS seq) ledger
      LEFT JOIN (SELECT * FROM transactions WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY seq DESC LIMIT ${filter.limit}) t ON true
      ORDER BY t.seq DESC`,
  );
  return {
    rows: found.filter((row) => row.id !== null),
    seq: Number(found[0]?.ledger_seq ?? 0),
  };
}
