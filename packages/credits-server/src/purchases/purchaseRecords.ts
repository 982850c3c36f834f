import type { CreditPackage, Purchase, Transaction } from 'credits-core';
import { SANDBOX_PACKAGES } from 'credits-core/sandbox';
import { ProblemError } from 'credits-core/server';
import { rechargeDescription } from '../autoRecharge/rechargeDescription.js';
import { transactionById } from '../data/ledgerData.js';
import { lockPurchase, markSucceeded, purchaseRowOf } from '../data/purchasesData.js';
import { iso, num, type Row } from '../data/rows.js';
import { appendLedger, balance } from '../ledger/ledger.js';
import { toTransaction } from '../ledger/ledgerEntry.js';
import { expiringCredits } from '../ledger/lots.js';
import type { ServiceContext } from '../serviceContext.js';
import { statusesBefore } from './purchaseStatuses.js';

/**
 * The server's package table: a purchase's amount always comes from here, never from the
 * client. credits-server sells the sandbox catalog; a real backend keeps its own.
 */
export const PACKAGES: readonly CreditPackage[] = SANDBOX_PACKAGES;

/** A stored purchase as the contract's Purchase, with its ledger row once credited. */
export async function toPurchase(ctx: ServiceContext, row: Row): Promise<Purchase> {
  let transaction: Transaction | null = null;
  if (row.transaction_id) {
    const found = await transactionById(ctx.db, String(row.account_id), String(row.transaction_id));
    transaction = found ? toTransaction(found) : null;
  }
  const total = num(row.balance_total);
  const used = num(row.balance_used);
  const held = num(row.balance_held) ?? 0;
  return {
    id: String(row.id),
    packageId: String(row.package_id),
    status: String(row.status),
    credits: Number(row.credits),
    amount: { amount: Number(row.amount), currency: String(row.currency) },
    clientSecret: (row.client_secret as string | null) ?? null,
    paymentMethodId: (row.payment_method_id as string | null) ?? null,
    failure: row.failure_code
      ? { code: String(row.failure_code), message: String(row.failure_message ?? '') }
      : null,
    transaction,
    balance:
      transaction && total !== null && used !== null
        ? {
            total,
            used,
            held,
            available: total - used - held,
            overdraftAllowed: total - used - held < 0,
            // The account's own threshold, so the low-balance warning does not flicker after a purchase.
            lowBalanceThreshold: num(row.balance_low_threshold),
            // The account's expiring credits as they are now (a purchase's own lot never expires).
            expiring: await expiringCredits(ctx, String(row.account_id)),
            updatedAt: transaction.createdAt,
          }
        : null,
    createdAt: iso(row.created_at),
    ...(row.origin ? { origin: String(row.origin) } : {}),
  };
}

/** The account's purchase, or 404. */
export async function purchaseRow(ctx: ServiceContext, account: string, id: string): Promise<Row> {
  const row = await purchaseRowOf(ctx.db, account, id);
  if (!row) throw new ProblemError(404, 'not_found', 'No such purchase');
  return row;
}

/** The account's purchase as the contract has it. */
export async function readPurchase(ctx: ServiceContext, account: string, id: string) {
  return toPurchase(ctx, await purchaseRow(ctx, account, id));
}

/**
 * Credits a paid purchase — exactly once, whoever calls first (the webhook, a poll, the
 * reconciliation): under a row lock, and only from a status that may still succeed.
 */
export async function grant(ctx: ServiceContext, account: string, purchaseId: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await lockPurchase(tx, account, purchaseId);
    if (!row || !statusesBefore('succeeded').includes(String(row.status))) return;
    const pkg = PACKAGES.find((p) => p.id === row.package_id);
    const entry = await appendLedger(ctx, tx, account, {
      type: 'purchase',
      amount: Number(row.credits),
      description:
        row.origin === 'auto_recharge'
          ? rechargeDescription(Number(row.credits))
          : `Credit package: ${pkg?.label ?? `${row.credits} credits`}`,
      purchaseId,
    });
    const after = await balance(ctx, account, tx);
    await markSucceeded(tx, account, purchaseId, entry.id, after);
  });
}
