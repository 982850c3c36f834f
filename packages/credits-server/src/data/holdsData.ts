import { sql } from 'drizzle-orm';
import { unlapsed } from './ledgerData.js';
import { type Executor, firstRow, type Row } from './rows.js';

/** What a new hold records. */
export interface NewHold {
  id: string;
  amount: number;
  description: string;
  websiteId?: string | null;
  websiteName?: string | null;
  websiteUrl?: string | null;
  expiresAt: string;
  createdAt: string;
  idempotencyKey: string;
}

/**
 * Reserves credits and records the hold in one statement: the account UPDATE (row lock, the
 * balance check against total - used - held, unless the account may overdraw) and the hold row.
 * A key this account already used aborts the whole statement (23505), nothing held. Returns the
 * hold row, or undefined when the balance is short (or there is no such account).
 */
export async function insertHold(
  executor: Executor,
  account: string,
  hold: NewHold,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`WITH moved AS (
        UPDATE accounts SET held = held + ${hold.amount}
        WHERE id = ${account} AND (overdraft_allowed OR total - used - held - ${hold.amount} >= 0)
          AND ${unlapsed(hold.createdAt)}
        RETURNING id)
      INSERT INTO holds (account_id, id, status, amount, description, website_id, website_name, website_url,
        expires_at, created_at, idempotency_key)
      SELECT ${account}, ${hold.id}, 'active', ${hold.amount}::bigint, ${hold.description}, ${hold.websiteId ?? null},
        ${hold.websiteName ?? null}, ${hold.websiteUrl ?? null}, ${hold.expiresAt}::timestamptz,
        ${hold.createdAt}::timestamptz, ${hold.idempotencyKey}
      FROM moved
      RETURNING *`,
  );
}

export async function holdByKey(
  executor: Executor,
  account: string,
  key: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM holds WHERE account_id = ${account} AND idempotency_key = ${key}`,
  );
}

/** The hold, locked until the transaction ends (every change to a hold takes this lock first). */
export async function lockHold(
  tx: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  return firstRow(
    tx,
    sql`SELECT * FROM holds WHERE account_id = ${account} AND id = ${id} FOR UPDATE`,
  );
}

/** Moves a locked, active hold forward and frees its credits from the account's `held`. */
export async function settleHold(
  tx: Executor,
  account: string,
  id: string,
  change: {
    status: 'captured' | 'released' | 'expired';
    captured: number;
    transactionId: string | null;
    at: string;
  },
): Promise<Row | undefined> {
  return firstRow(
    tx,
    sql`WITH settled AS (
        UPDATE holds SET status = ${change.status}, captured = ${change.captured}, settled_at = ${change.at}::timestamptz,
          transaction_id = ${change.transactionId}
        WHERE account_id = ${account} AND id = ${id} AND status = 'active'
        RETURNING *),
      freed AS (
        UPDATE accounts SET held = held - settled.amount FROM settled WHERE accounts.id = ${account}
        RETURNING accounts.id)
      SELECT settled.* FROM settled, freed`,
  );
}

/**
 * Lapses the account's active holds past their expiry, each exactly once (a hold locked by a
 * capture is re-checked after it commits and skipped), and frees their credits, in one statement.
 * Holds are locked before the account, the order every hold change takes.
 */
export async function expireHolds(executor: Executor, account: string, now: string): Promise<void> {
  await executor.execute(
    sql`WITH expired AS (
        UPDATE holds SET status = 'expired', settled_at = ${now}::timestamptz
        WHERE account_id = ${account} AND status = 'active' AND expires_at <= ${now}::timestamptz
        RETURNING amount),
      freed AS (SELECT coalesce(sum(amount), 0) AS credits FROM expired)
      UPDATE accounts SET held = held - freed.credits FROM freed
      WHERE accounts.id = ${account} AND freed.credits > 0`,
  );
}
