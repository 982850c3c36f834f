import { lockPurchase, saveTakenBack } from '../data/purchasesData.js';
import { appendLedger } from '../ledger/ledger.js';
import type { ServiceContext } from '../serviceContext.js';

export interface StripeEvent {
  id?: string;
  type: string;
  data: { object: Record<string, unknown> };
}

/**
 * A refund or dispute of a paid purchase, kept as state on the purchase: refunded credits
 * (from the charge's cumulative `amount_refunded`, never lower than before) and disputed
 * credits (from the dispute's `amount`; 0 once the dispute is won), each the share of the
 * purchase's credits that share of its price paid for, rounded down. Together they take back
 * at most the purchase's credits. The event appends one ledger row for the difference it makes
 * to what is taken back, none when it makes none: a replay or a late, older event changes
 * nothing. The rows may take the balance below zero (credits already spent): they are not usage.
 */
export async function takeBack(
  ctx: ServiceContext,
  purchaseId: string,
  account: string,
  event: StripeEvent,
): Promise<void> {
  const object = event.data.object;
  await ctx.db.transaction(async (tx) => {
    const row = await lockPurchase(tx, account, purchaseId);
    if (row?.status !== 'succeeded') return;
    const credits = Number(row.credits);
    const price = Number(row.amount);
    /** The credits `minor` units of the price paid for: rounded down, at most all of them. */
    const share = (minor: unknown) => {
      const money = Number(minor);
      if (!Number.isFinite(money) || money <= 0) return 0;
      if (price <= 0) return credits;
      const paid = BigInt(Math.min(Math.trunc(money), price));
      return Number((BigInt(credits) * paid) / BigInt(price));
    };
    const before = {
      refunded: Number(row.refunded_credits),
      disputed: Number(row.disputed_credits),
      won: Boolean(row.dispute_won),
    };
    const after = { ...before };
    if (event.type === 'charge.refunded') {
      after.refunded = Math.max(before.refunded, share(object.amount_refunded));
    } else if (event.type === 'charge.dispute.created') {
      if (!before.won) after.disputed = Math.max(before.disputed, share(object.amount));
    } else if (object.status === 'won') {
      after.disputed = 0;
      after.won = true;
    }
    if (
      after.refunded === before.refunded &&
      after.disputed === before.disputed &&
      after.won === before.won
    )
      return;
    await saveTakenBack(tx, account, purchaseId, after);
    const takenBack = (state: typeof before) => Math.min(credits, state.refunded + state.disputed);
    const amount = takenBack(before) - takenBack(after);
    if (amount === 0) return;
    const refund = event.type === 'charge.refunded';
    await appendLedger(ctx, tx, account, {
      type: refund ? 'refund' : 'adjustment',
      amount,
      description: refund
        ? 'Refund of a credit package'
        : amount < 0
          ? 'Payment disputed'
          : 'Dispute won, credits returned',
      purchaseId,
      // One row per event at most (the unique index holds; a replay appends nothing).
      externalId: event.id ?? null,
    });
  });
}
