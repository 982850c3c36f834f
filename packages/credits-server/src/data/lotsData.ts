import { sql } from 'drizzle-orm';
import { type Executor, type Row, rows } from './rows.js';

/**
 * The account's lapsed open lots, locked, with the account row locked first (the order every
 * ledger write takes) — or undefined when no lot of the account is due, which is what a second
 * instance sweeping the same account finds once the first one committed: its lock waits, then
 * re-checks `next_expiry` on the row the first one wrote.
 */
export async function lockLapsedLots(
  tx: Executor,
  account: string,
  now: string,
): Promise<Row[] | undefined> {
  const due = await rows(
    tx,
    sql`SELECT id FROM accounts WHERE id = ${account} AND next_expiry <= ${now}::timestamptz FOR UPDATE`,
  );
  if (due.length === 0) return undefined;
  return rows(
    tx,
    sql`SELECT lots.id, lots.remaining, lots.source, transactions.description
      FROM lots LEFT JOIN transactions ON transactions.id = lots.id
      WHERE lots.account_id = ${account} AND lots.expired_at IS NULL AND lots.remaining > 0
        AND lots.expires_at <= ${now}::timestamptz
      ORDER BY lots.expires_at, lots.seq
      FOR UPDATE OF lots`,
  );
}

/** After a sweep: the soonest expiry of the account's open lots that still hold credits. */
export async function resetNextExpiry(tx: Executor, account: string): Promise<void> {
  await tx.execute(
    sql`UPDATE accounts SET next_expiry = (SELECT min(expires_at) FROM lots
        WHERE account_id = ${account} AND expired_at IS NULL AND remaining > 0)
      WHERE id = ${account}`,
  );
}

/** Up to `limit` accounts with a lot due (any instance may sweep them; see lockLapsedLots). */
export async function accountsWithLapsedLots(
  executor: Executor,
  now: string,
  limit: number,
): Promise<string[]> {
  const found = await rows(
    executor,
    sql`SELECT id FROM accounts WHERE next_expiry <= ${now}::timestamptz ORDER BY next_expiry LIMIT ${limit}`,
  );
  return found.map((row) => String(row.id));
}

/** The credits of the account's open lots with an expiry after `now`, soonest first. */
export function expiringLots(
  executor: Executor,
  account: string,
  now: string,
  limit: number,
): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT remaining, expires_at FROM lots
      WHERE account_id = ${account} AND expired_at IS NULL AND remaining > 0
        AND expires_at > ${now}::timestamptz
      ORDER BY expires_at, seq LIMIT ${limit}`,
  );
}
