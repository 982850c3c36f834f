import { autoRechargeCard } from 'credits-core/auto-recharge';
import {
  disableAutoRecharge,
  insertRechargePurchase,
  recordAttemptOutcome,
} from '../data/autoRechargeData.js';
import { purchaseRowOf } from '../data/purchasesData.js';
import type { Row } from '../data/rows.js';
import { listMethods } from '../paymentMethods/cards.js';
import { pay } from '../purchases/simulatedGateway.js';
import type { ServiceContext } from '../serviceContext.js';
import { chargeOffSessionWithStripe } from './chargeOffSessionWithStripe.js';

/** The purchase of an attempt: its id from the attempt's, so a resumed charge finds the same one. */
export const rechargePurchaseId = (attemptId: string) => `pur_${attemptId.replace(/^arc_/, '')}`;

const noCard = {
  code: 'payment_method_required',
  message: 'Auto-recharge has no saved card to charge.',
};
const expired = { code: 'expired_card', message: 'The card auto-recharge charges has expired.' };

/**
 * Charges one attempt the crossing trigger recorded (migration 010), off-session: creates its
 * purchase (origin `auto_recharge`) once, then pays it with the chosen card or the default one —
 * at Stripe with `off_session: true` (chargeOffSessionWithStripe), or through the simulated
 * gateway with the card's test token. What the payment comes to moves the purchase, and the
 * purchase's trigger moves the attempt (succeeded, processing, requires_action, declined).
 * Safe to run again for the same attempt: a sweep resumes attempts whose charger died.
 */
export async function chargeAttempt(ctx: ServiceContext, attempt: Row): Promise<void> {
  const account = String(attempt.account_id);
  const attemptId = String(attempt.id);
  const purchaseId = rechargePurchaseId(attemptId);
  await ctx.db.transaction((tx) =>
    insertRechargePurchase(tx, attempt, purchaseId, ctx.now().toISOString()),
  );
  const { data } = await listMethods(ctx, account);
  const method = autoRechargeCard(
    { paymentMethodId: (attempt.payment_method_id as string | null) ?? null },
    data,
  );
  if (!method || (method.card && isExpired(method.card, ctx.now()))) {
    // Nothing to charge: recorded as a decline (the cap gets its amount back), and auto-recharge
    // turns off saying why — it cannot succeed until the user picks a card.
    await recordAttemptOutcome(
      ctx.db,
      { account, id: attemptId },
      'declined',
      method ? expired : noCard,
    );
    await disableAutoRecharge(ctx.db, account, method ? 'card_expired' : 'card_removed', null);
    return;
  }
  if (ctx.stripe) {
    await chargeOffSessionWithStripe(ctx, ctx.stripe, {
      account,
      attemptId,
      purchaseId,
      attempt,
      methodId: method.id,
    });
    return;
  }
  const purchase = await purchaseRowOf(ctx.db, account, purchaseId);
  // The simulated gateway: pay unless an earlier run of this attempt already did.
  if (purchase?.status === 'requires_payment_method' && !purchase.failure_code)
    await pay(ctx, account, purchaseId, method.id, false);
}

function isExpired(card: { expMonth: number; expYear: number }, now: Date) {
  return card.expYear * 12 + card.expMonth - 1 < now.getUTCFullYear() * 12 + now.getUTCMonth();
}
