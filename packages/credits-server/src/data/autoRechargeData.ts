import { sql } from 'drizzle-orm';
import { type Executor, firstRow, type Row, rows } from './rows.js';

/** The account's auto-recharge settings row, or undefined before the first PUT. */
export async function autoRechargeSettingsRow(
  executor: Executor,
  account: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM auto_recharge_settings WHERE account_id = ${account}`,
  );
}

export interface SettingsRow {
  enabled: boolean;
  threshold: number;
  packageId: string;
  credits: number;
  amount: number;
  currency: string;
  monthlyCap: number;
  paymentMethodId: string | null;
}

/**
 * Saves the whole settings object. Turning it on (again) clears why it was off and the failure
 * count: the user chose to try again.
 */
export async function saveAutoRechargeSettings(
  executor: Executor,
  account: string,
  settings: SettingsRow,
  at: string,
) {
  await executor.execute(sql`INSERT INTO auto_recharge_settings AS s (account_id, enabled, threshold,
      package_id, credits, amount, currency, monthly_cap, payment_method_id, updated_at)
    VALUES (${account}, ${settings.enabled}, ${settings.threshold}, ${settings.packageId},
      ${settings.credits}, ${settings.amount}, ${settings.currency}, ${settings.monthlyCap},
      ${settings.paymentMethodId}, ${at})
    ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, threshold = excluded.threshold,
      package_id = excluded.package_id, credits = excluded.credits, amount = excluded.amount,
      currency = excluded.currency, monthly_cap = excluded.monthly_cap,
      payment_method_id = excluded.payment_method_id, updated_at = excluded.updated_at,
      consecutive_failures = CASE WHEN excluded.enabled AND NOT s.enabled THEN 0 ELSE s.consecutive_failures END,
      disabled_reason = CASE WHEN excluded.enabled THEN NULL ELSE s.disabled_reason END`);
}

/**
 * Turns auto-recharge off for `reason` — when it charges `methodId` (null: any card, as when the
 * account has no card left). True if it was on.
 */
export async function disableAutoRecharge(
  executor: Executor,
  account: string,
  reason: string,
  methodId: string | null,
): Promise<boolean> {
  const off = await rows(
    executor,
    sql`UPDATE auto_recharge_settings SET enabled = false, disabled_reason = ${reason}
        WHERE account_id = ${account} AND enabled
          ${methodId === null ? sql`` : sql`AND payment_method_id = ${methodId}`}
        RETURNING account_id`,
  );
  return off.length > 0;
}

/** The month's row (spent, recharges), if anything was charged in it. */
export async function autoRechargePeriodRow(
  executor: Executor,
  account: string,
  periodStart: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT spent, recharges, cap FROM auto_recharge_periods
        WHERE account_id = ${account} AND period_start = ${periodStart}::date`,
  );
}

/** The account's latest attempt. */
export async function latestAutoRechargeAttempt(
  executor: Executor,
  account: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT *, period_start::text AS period FROM auto_recharge_attempts WHERE account_id = ${account}
        ORDER BY created_at DESC, crossing DESC LIMIT 1`,
  );
}

/**
 * Claims up to `batch` attempts not charged yet (of one account, or of all) for `leaseMs`:
 * FOR UPDATE SKIP LOCKED and the lease let several instances share them, each charged by one.
 * An attempt whose charger died is claimed again once its lease ends (the Stripe idempotency
 * key, the attempt id, makes the charge itself happen once).
 */
export function claimPendingAttempts(
  executor: Executor,
  claim: { account?: string; at: string; leaseMs: number; batch: number },
): Promise<Row[]> {
  return rows(
    executor,
    sql`UPDATE auto_recharge_attempts SET lease_until = ${claim.at}::timestamptz + ${claim.leaseMs}::int * interval '1 millisecond'
        WHERE (account_id, id) IN (SELECT account_id, id FROM auto_recharge_attempts
          WHERE outcome = 'pending' AND (lease_until IS NULL OR lease_until <= ${claim.at})
            ${claim.account === undefined ? sql`` : sql`AND account_id = ${claim.account}`}
          ORDER BY created_at LIMIT ${claim.batch}
          FOR UPDATE SKIP LOCKED)
        RETURNING *`,
  );
}

/**
 * The attempt's purchase (its id derived from the attempt's, so a resumed charge finds the same
 * one): created once, with `origin = 'auto_recharge'`, and named on the attempt.
 */
export async function insertRechargePurchase(
  tx: Executor,
  attempt: Row,
  purchaseId: string,
  createdAt: string,
) {
  await tx.execute(sql`INSERT INTO purchases (id, account_id, package_id, status, credits, amount,
      currency, payment_method_id, created_at, origin)
    VALUES (${purchaseId}, ${attempt.account_id}, ${attempt.package_id}, 'requires_payment_method',
      ${attempt.credits}, ${attempt.amount}, ${attempt.currency}, ${attempt.payment_method_id},
      ${createdAt}, 'auto_recharge')
    ON CONFLICT (account_id, id) DO NOTHING`);
  await tx.execute(sql`UPDATE auto_recharge_attempts SET purchase_id = ${purchaseId}
      WHERE account_id = ${attempt.account_id} AND id = ${attempt.id} AND purchase_id IS NULL`);
}

/** An attempt that ends without reaching a purchase (no card to charge): forward only, in SQL. */
export async function recordAttemptOutcome(
  executor: Executor,
  attempt: { account: string; id: string },
  outcome: 'declined',
  failure: { code: string; message: string },
) {
  await executor.execute(
    sql`SELECT credits_auto_recharge_outcome(${attempt.account}, ${attempt.id}, ${outcome}, ${failure.code}, ${failure.message})`,
  );
}
