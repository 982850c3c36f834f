import { SANDBOX_FAILURE_MESSAGES, sandboxCardForToken } from 'credits-core/sandbox';
import { dueSimulatedPurchases, movePurchase, setPurchaseMethod } from '../data/purchasesData.js';
import { resolveToken, savePaymentMethod } from '../paymentMethods/cards.js';
import type { ServiceContext } from '../serviceContext.js';
import { grant } from './purchaseRecords.js';
import { OPEN_STATUSES } from './purchaseStatuses.js';

/**
 * The simulated gateway's "payment succeeded": the purchase moves to `processing` (from
 * `from`) and only the request that moved it saves the card, if asked; credited now, or
 * when the simulated webhook is due.
 */
export async function paid(
  ctx: ServiceContext,
  account: string,
  purchaseId: string,
  card: { token: string; savedId: string | null; save: boolean },
  from: readonly string[] = OPEN_STATUSES,
): Promise<void> {
  const delay = ctx.webhookDelayMs;
  const settleAt = new Date(ctx.now().getTime() + Math.max(delay, 0)).toISOString();
  const won = await ctx.db.transaction(async (tx) => {
    const moved = await movePurchase(
      tx,
      account,
      purchaseId,
      'processing',
      { failureCode: null, failureMessage: null, pendingToken: null, settleAt },
      from,
    );
    if (!moved) return false;
    const methodId =
      card.savedId ?? (card.save ? await savePaymentMethod(ctx, account, card.token, tx) : null);
    await setPurchaseMethod(tx, account, purchaseId, methodId);
    return true;
  });
  if (!won) return;
  if (delay <= 0) return grant(ctx, account, purchaseId);
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    void grant(ctx, account, purchaseId).catch(() => {});
  }, delay);
  ctx.timers.add(timer);
}

/** The simulated gateway: Stripe's test tokens, with Stripe's semantics. */
export async function pay(
  ctx: ServiceContext,
  account: string,
  purchaseId: string,
  paymentMethod: string,
  save: boolean,
): Promise<void> {
  const { token, savedId } = await resolveToken(ctx, account, paymentMethod);
  const outcome = sandboxCardForToken(token)!.outcome;
  if (outcome.type === 'declined') {
    await movePurchase(ctx.db, account, purchaseId, 'requires_payment_method', {
      failureCode: outcome.code,
      failureMessage: SANDBOX_FAILURE_MESSAGES[outcome.code],
      pendingToken: null,
    });
    return;
  }
  if (outcome.type === 'requires_action') {
    await movePurchase(ctx.db, account, purchaseId, 'requires_action', {
      failureCode: null,
      failureMessage: null,
      pendingToken: token,
      pendingSave: save,
      paymentMethodId: savedId,
    });
    return;
  }
  await paid(ctx, account, purchaseId, { token, savedId, save });
}

/** Credits the account's purchases whose simulated webhook is due. */
export async function settleDue(ctx: ServiceContext, account: string): Promise<void> {
  const due = await dueSimulatedPurchases(ctx.db, account, ctx.now().toISOString());
  for (const row of due) await grant(ctx, account, String(row.id));
}
