import type { SandboxCard } from 'credits-core/sandbox';
import { sql } from 'drizzle-orm';
import { type Executor, type Row, rows } from './rows.js';

/**
 * Saves a card as the account's default, or (`isDefault: false`) as another card. As the
 * default it saves nothing when the account has one already (the partial unique index
 * `payment_methods_one_default`): true if it was saved.
 */
export async function insertCard(
  executor: Executor,
  card: { id: string; account: string; token: string; details: SandboxCard['card'] },
  isDefault: boolean,
): Promise<boolean> {
  const { id, account, token, details } = card;
  const inserted = await rows(
    executor,
    sql`INSERT INTO payment_methods (id, account_id, token, brand, last4, exp_month, exp_year, is_default)
        VALUES (${id}, ${account}, ${token}, ${details.brand}, ${details.last4}, ${details.expMonth}, ${details.expYear}, ${isDefault})
        ON CONFLICT (account_id) WHERE is_default DO NOTHING RETURNING id`,
  );
  return inserted.length > 0;
}

/** One of the account's saved cards (id and token), or undefined. */
export async function savedCard(
  executor: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  const [saved] = await rows(
    executor,
    sql`SELECT id, token FROM payment_methods WHERE id = ${id} AND account_id = ${account}`,
  );
  return saved;
}

/** The account's saved cards, the default first, then oldest first. */
export function listCards(executor: Executor, account: string): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT * FROM payment_methods WHERE account_id = ${account} ORDER BY is_default DESC, created_at ASC, id ASC`,
  );
}

/** Which of the account's cards is the default. */
export function cardDefaults(executor: Executor, account: string): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT id, is_default FROM payment_methods WHERE account_id = ${account}`,
  );
}

/** Makes `id` the account's default: the old one is cleared first (one default, by index). */
export async function moveDefault(tx: Executor, account: string, id: string) {
  await tx.execute(
    sql`UPDATE payment_methods SET is_default = false WHERE account_id = ${account} AND is_default AND id <> ${id}`,
  );
  await tx.execute(
    sql`UPDATE payment_methods SET is_default = true WHERE account_id = ${account} AND id = ${id}`,
  );
}

export async function deleteCard(tx: Executor, account: string, id: string) {
  await tx.execute(sql`DELETE FROM payment_methods WHERE account_id = ${account} AND id = ${id}`);
}
