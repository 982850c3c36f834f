import { sql } from 'drizzle-orm';
import { type Executor, firstRow, type Row, rows } from './rows.js';

/** Creates the account if it is new; true if this call created it. */
export async function insertAccount(executor: Executor, account: string): Promise<boolean> {
  const created = await rows(
    executor,
    sql`INSERT INTO accounts (id) VALUES (${account}) ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return created.length > 0;
}

/** The account's balance columns and ledger `seq` (one row, one snapshot), or undefined for no such account. */
export async function accountBalanceRow(
  executor: Executor,
  account: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT seq, total, used, held, overdraft_allowed, low_balance_threshold, updated_at, next_expiry FROM accounts WHERE id = ${account}`,
  );
}

/** What the account can spend, or undefined for no such account. */
export async function availableCredits(
  executor: Executor,
  account: string,
): Promise<number | undefined> {
  const [current] = await rows(
    executor,
    sql`SELECT total - used - held AS available FROM accounts WHERE id = ${account}`,
  );
  return current ? Number(current.available) : undefined;
}

/** Serialises changes to an account's cards (the default above all) behind its row lock. */
export async function lockAccount(tx: Executor, account: string) {
  await tx.execute(sql`SELECT id FROM accounts WHERE id = ${account} FOR UPDATE`);
}

export async function stripeCustomerOf(
  executor: Executor,
  account: string,
): Promise<string | undefined> {
  const [row] = await rows(
    executor,
    sql`SELECT stripe_customer_id FROM accounts WHERE id = ${account}`,
  );
  return row?.stripe_customer_id ? String(row.stripe_customer_id) : undefined;
}

export async function saveStripeCustomer(executor: Executor, account: string, customer: string) {
  await executor.execute(
    sql`UPDATE accounts SET stripe_customer_id = ${customer} WHERE id = ${account}`,
  );
}

/** The account of a Stripe customer, if it is one of ours. */
export async function accountOfCustomer(
  executor: Executor,
  customer: string,
): Promise<string | undefined> {
  const [row] = await rows(
    executor,
    sql`SELECT id FROM accounts WHERE stripe_customer_id = ${customer}`,
  );
  return row ? String(row.id) : undefined;
}
