import { type SQL, sql } from 'drizzle-orm';
import { statusesBefore } from '../purchases/purchaseStatuses.js';
import { type Executor, firstRow, type Row, rows } from './rows.js';

export async function purchaseRowOf(
  executor: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM purchases WHERE id = ${id} AND account_id = ${account}`,
  );
}

/** The purchase, locked until the transaction ends. */
export async function lockPurchase(
  tx: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  return firstRow(
    tx,
    sql`SELECT * FROM purchases WHERE account_id = ${account} AND id = ${id} FOR UPDATE`,
  );
}

/** The columns a status move may set beside the status. */
export interface PurchaseFields {
  clientSecret?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
  pendingToken?: string | null;
  pendingSave?: boolean;
  paymentMethodId?: string | null;
  settleAt?: string;
}

const columns: Record<keyof PurchaseFields, string> = {
  clientSecret: 'client_secret',
  failureCode: 'failure_code',
  failureMessage: 'failure_message',
  pendingToken: 'pending_token',
  pendingSave: 'pending_save',
  paymentMethodId: 'payment_method_id',
  settleAt: 'settle_at',
};

/** Moves a purchase to `target` if its status allows it (purchaseStatuses.ts); true if it moved. */
export async function movePurchase(
  executor: Executor,
  account: string,
  purchaseId: string,
  target: string,
  fields: PurchaseFields,
  from: readonly string[] = statusesBefore(target),
): Promise<boolean> {
  const set: SQL[] = Object.entries(fields).map(
    ([name, value]) => sql`${sql.identifier(columns[name as keyof PurchaseFields])} = ${value}`,
  );
  const moved = await rows(
    executor,
    sql`UPDATE purchases SET status = ${target}, ${sql.join(set, sql`, `)}
        WHERE account_id = ${account} AND id = ${purchaseId} AND status IN (${sql.join(
          from.map((status) => sql`${status}`),
          sql`, `,
        )}) RETURNING id`,
  );
  return moved.length > 0;
}

/** The purchase credited: its ledger row and the balance after it. */
export async function markSucceeded(
  tx: Executor,
  account: string,
  purchaseId: string,
  transactionId: string,
  after: { total: number; used: number; held: number; lowBalanceThreshold?: number | null },
) {
  await tx.execute(sql`UPDATE purchases SET status = 'succeeded', client_secret = NULL, failure_code = NULL, failure_message = NULL,
        settle_at = NULL, pending_token = NULL, transaction_id = ${transactionId}, balance_total = ${after.total}, balance_used = ${after.used},
        balance_held = ${after.held}, balance_low_threshold = ${after.lowBalanceThreshold ?? null}
        WHERE account_id = ${account} AND id = ${purchaseId}`);
}

export async function setPurchaseMethod(
  executor: Executor,
  account: string,
  purchaseId: string,
  methodId: string | null,
) {
  await executor.execute(
    sql`UPDATE purchases SET payment_method_id = ${methodId} WHERE account_id = ${account} AND id = ${purchaseId}`,
  );
}

/** Names the card a purchase saved ("save card"), unless one is named already. */
export async function nameSavedMethod(
  executor: Executor,
  account: string,
  purchaseId: string,
  methodId: string,
) {
  await executor.execute(
    sql`UPDATE purchases SET payment_method_id = ${methodId}
        WHERE account_id = ${account} AND id = ${purchaseId} AND payment_method_id IS NULL`,
  );
}

/** The account's purchases the simulated webhook is due to credit. */
export function dueSimulatedPurchases(
  executor: Executor,
  account: string,
  at: string,
): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT id FROM purchases WHERE account_id = ${account} AND status = 'processing' AND settle_at <= ${at}`,
  );
}

/** The same, across accounts (the sweep without Stripe). */
export function dueSimulatedPurchasesOfAll(
  executor: Executor,
  at: string,
  batch: number,
): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT id, account_id FROM purchases WHERE status = 'processing' AND settle_at <= ${at} LIMIT ${batch}`,
  );
}

/** A new purchase, or nothing when this account already made one with this Idempotency-Key. */
export async function insertPurchase(
  executor: Executor,
  purchase: {
    id: string;
    account: string;
    packageId: string;
    credits: number;
    amount: number;
    currency: string;
    clientSecret: string | null;
    save: boolean;
    createdAt: string;
    idempotencyKey: string | null;
  },
): Promise<boolean> {
  const inserted = await rows(
    executor,
    sql`INSERT INTO purchases (id, account_id, package_id, status, credits, amount, currency, client_secret, pending_save, created_at, idempotency_key)
        VALUES (${purchase.id}, ${purchase.account}, ${purchase.packageId}, 'requires_payment_method', ${purchase.credits}, ${purchase.amount}, ${purchase.currency},
                ${purchase.clientSecret}, ${purchase.save}, ${purchase.createdAt}, ${purchase.idempotencyKey})
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return inserted.length > 0;
}

export async function purchaseByKey(
  executor: Executor,
  account: string,
  key: string | null,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM purchases WHERE account_id = ${account} AND idempotency_key = ${key}`,
  );
}

/** Saves the purchase's PaymentIntent (only if it has none yet). */
export async function attachIntent(
  executor: Executor,
  account: string,
  purchaseId: string,
  intentId: string,
  methodId: string | null,
) {
  await executor.execute(
    sql`UPDATE purchases SET payment_intent_id = ${intentId}, payment_method_id = ${methodId}
            WHERE account_id = ${account} AND id = ${purchaseId} AND payment_intent_id IS NULL`,
  );
}

/**
 * The purchase of a PaymentIntent whose metadata names none (an intent made elsewhere): the one
 * lookup that does not start from the account, so it reads every shard of a distributed database.
 */
export async function purchaseOfIntent(
  executor: Executor,
  intentId: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT id, account_id, status, payment_intent_id FROM purchases WHERE payment_intent_id = ${intentId}`,
  );
}

/** Saves the PaymentIntent onto the purchase its metadata names, if it has none yet. */
export async function attachIntentByMetadata(
  executor: Executor,
  intentId: string,
  purchaseId: string,
  account: string,
) {
  await executor.execute(sql`UPDATE purchases SET payment_intent_id = ${intentId}
      WHERE account_id = ${account} AND id = ${purchaseId} AND payment_intent_id IS NULL`);
}

/** The refunded and disputed credits of a purchase (see takeBack). */
export async function saveTakenBack(
  tx: Executor,
  account: string,
  purchaseId: string,
  state: { refunded: number; disputed: number; won: boolean },
) {
  await tx.execute(sql`UPDATE purchases SET refunded_credits = ${state.refunded},
        disputed_credits = ${state.disputed}, dispute_won = ${state.won}
        WHERE account_id = ${account} AND id = ${purchaseId}`);
}

/**
 * Leases up to `batch` purchases that are not final, have a PaymentIntent and were created in
 * (`oldest`, `newest`], for half their age (at least `leaseMs`); FOR UPDATE SKIP LOCKED lets
 * instances sweeping at once share the work.
 */
export function leaseUnsettledPurchases(
  executor: Executor,
  lease: { at: string; leaseMs: number; newest: string; oldest: string; batch: number },
): Promise<Row[]> {
  return rows(
    executor,
    sql`UPDATE purchases SET reconcile_after = ${lease.at}::timestamptz
          + GREATEST(${lease.leaseMs}::int * interval '1 millisecond', (${lease.at}::timestamptz - created_at) / 2)
        WHERE (account_id, id) IN (SELECT account_id, id FROM purchases
          WHERE status IN ('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing')
            AND payment_intent_id IS NOT NULL
            AND created_at <= ${lease.newest}
            AND created_at > ${lease.oldest}
            AND (reconcile_after IS NULL OR reconcile_after <= ${lease.at})
          ORDER BY created_at LIMIT ${lease.batch}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, account_id, payment_intent_id`,
  );
}
