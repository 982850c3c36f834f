import type { Money } from 'credits-core';
import {
  AUTO_RECHARGE_MAX_FAILURES,
  type AutoRecharge,
  type AutoRechargeSettings,
  autoRechargePeriod,
} from 'credits-core/auto-recharge';
import {
  autoRechargePeriodRow,
  autoRechargeSettingsRow,
  latestAutoRechargeAttempt,
} from '../data/autoRechargeData.js';
import { iso, type Row } from '../data/rows.js';
import { PACKAGES } from '../purchases/purchaseRecords.js';
import type { ServiceContext } from '../serviceContext.js';

/**
 * Before the first PUT: off, the first package, a threshold of a fifth of it and a cap of three
 * packages a month — a form's starting point, nothing is charged until the user turns it on.
 */
export function defaultAutoRechargeSettings(): AutoRechargeSettings {
  const pkg = PACKAGES[0]!;
  return {
    enabled: false,
    thresholdCredits: Math.max(1, Math.round(pkg.credits / 5)),
    packageId: pkg.id,
    monthlyCap: { amount: pkg.price.amount * 3, currency: pkg.price.currency },
    paymentMethodId: null,
  };
}

const settingsOf = (row: Row): AutoRechargeSettings => ({
  enabled: Boolean(row.enabled),
  thresholdCredits: Number(row.threshold),
  packageId: String(row.package_id),
  monthlyCap: { amount: Number(row.monthly_cap), currency: String(row.currency) },
  paymentMethodId: (row.payment_method_id as string | null) ?? null,
});

/**
 * The account's auto-recharge document: its settings and the month's status. The month is the
 * UTC calendar month (the database's clock decides which month a recharge counts in).
 */
export async function readAutoRecharge(
  ctx: ServiceContext,
  account: string,
): Promise<AutoRecharge> {
  const row = await autoRechargeSettingsRow(ctx.db, account);
  const settings = row ? settingsOf(row) : defaultAutoRechargeSettings();
  const period = autoRechargePeriod(ctx.now());
  const [month, last] = await Promise.all([
    autoRechargePeriodRow(ctx.db, account, period.start.slice(0, 10)),
    latestAutoRechargeAttempt(ctx.db, account),
  ]);
  const spent: Money = {
    amount: Number(month?.spent ?? 0),
    currency: settings.monthlyCap.currency,
  };
  const price = Number(row?.amount ?? 0);
  const disabledReason = (row?.disabled_reason as string | null) ?? null;
  const actionPurchaseId =
    last?.outcome === 'requires_action' ? ((last.purchase_id as string | null) ?? null) : null;
  const state = !settings.enabled
    ? disabledReason
      ? 'disabled'
      : 'off'
    : actionPurchaseId
      ? 'needs_action'
      : spent.amount + price > settings.monthlyCap.amount ||
          (last?.outcome === 'cap_reached' && last.period === period.start.slice(0, 10))
        ? 'cap_reached'
        : 'active';
  return {
    settings,
    status: {
      state,
      periodStart: period.start,
      periodEnd: period.end,
      spent,
      rechargesThisPeriod: Number(month?.recharges ?? 0),
      consecutiveFailures: Math.min(
        Number(row?.consecutive_failures ?? 0),
        AUTO_RECHARGE_MAX_FAILURES,
      ),
      disabledReason,
      lastAttempt: last
        ? {
            id: String(last.id),
            createdAt: iso(last.created_at),
            purchaseId: (last.purchase_id as string | null) ?? null,
            outcome: last.outcome === 'pending' ? 'processing' : String(last.outcome),
            failure: last.failure_code
              ? {
                  code: String(last.failure_code),
                  message: String(last.failure_message ?? 'The payment did not go through.'),
                }
              : null,
          }
        : null,
      actionPurchaseId,
    },
  };
}
