import type { ExpiringGrant } from 'credits-core';
import {
  accountsWithLapsedLots,
  expiringLots,
  lockLapsedLots,
  resetNextExpiry,
} from '../data/lotsData.js';
import { type Executor, iso } from '../data/rows.js';
import type { ServiceContext } from '../serviceContext.js';
import { appendLedger } from './ledger.js';

/** How many upcoming expiries `balance.expiring` lists. */
const EXPIRING_LISTED = 10;

/**
 * Closes the account's lapsed lots: one `expiry` row each, for what is left in it, in one
 * transaction under the account's row lock. Exactly once per lot with any number of instances
 * sweeping at once: the second finds nothing due after the first commits (lockLapsedLots), and
 * the database refuses a second expiry row for a lot (migrations/009_lots.sql). True when the
 * account had lots due
 * (a debit refused for them may try again).
 */
export async function expireLots(ctx: ServiceContext, account: string): Promise<boolean> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const lapsed = await lockLapsedLots(tx, account, now.toISOString());
    if (!lapsed) return false;
    for (const lot of lapsed) {
      const reason = lot.description ? String(lot.description) : 'Credits';
      await appendLedger(ctx, tx, account, {
        type: 'expiry',
        amount: -Number(lot.remaining),
        description: `Expired: ${reason}`,
        lotId: String(lot.id),
        createdAt: now,
      });
    }
    // Also when every lapsed lot was already spent: next_expiry moves on to the next lot.
    await resetNextExpiry(tx, account);
    return true;
  });
}

/** The sweep every instance runs: the accounts with lots due, a batch at a time. */
export async function sweepExpiredLots(ctx: ServiceContext, batch = 100): Promise<number> {
  const accounts = await accountsWithLapsedLots(ctx.db, ctx.now().toISOString(), batch);
  for (const account of accounts) await expireLots(ctx, account);
  return accounts.length;
}

/** `balance.expiring`: the account's open lots that will lapse, soonest first. */
export async function expiringCredits(
  ctx: ServiceContext,
  account: string,
  executor: Executor = ctx.db,
): Promise<ExpiringGrant[]> {
  const found = await expiringLots(executor, account, ctx.now().toISOString(), EXPIRING_LISTED);
  return found.map((row) => ({ amount: Number(row.remaining), expiresAt: iso(row.expires_at) }));
}
