import type Stripe from 'stripe';
import { attachIntent } from '../data/purchasesData.js';
import type { Row } from '../data/rows.js';
import type { ServiceContext } from '../serviceContext.js';
import { failureOf } from '../stripe/createStripeGateway.js';
import { ensureCustomer } from '../stripe/stripeCards.js';
import {
  declineWithoutIntent,
  retrieveIntent,
  settledIntent,
  syncIntent,
} from '../stripe/stripeSync.js';
import { rechargeDescription } from './rechargeDescription.js';

/**
 * The off-session charge at Stripe (https://docs.stripe.com/payments/save-and-reuse, "Charge the
 * saved payment method later"): a PaymentIntent created with `confirm: true, off_session: true`,
 * the customer and the saved card, under the Stripe idempotency key `auto-recharge:<attempt>` —
 * so a charge resumed after a crash gets Stripe's first answer again, never a second payment —
 * and the purchase id in its metadata, so a webhook finds the purchase even if this process
 * stopped before saving the PaymentIntent's id.
 *
 * A decline is a 402 carrying the PaymentIntent (https://docs.stripe.com/declines/codes). For
 * `authentication_required` (the bank wants 3D Secure, which needs the customer) the same
 * PaymentIntent is confirmed again on-session with the same card: it then waits in
 * `requires_action` for the customer, who completes it in the purchase dialog (Stripe.js
 * handleNextAction), as that page recommends ("bring the customer back on-session").
 */
export async function chargeOffSessionWithStripe(
  ctx: ServiceContext,
  stripe: Stripe,
  charge: {
    account: string;
    attemptId: string;
    purchaseId: string;
    attempt: Row;
    methodId: string;
  },
) {
  const { account, attemptId, purchaseId, attempt, methodId } = charge;
  const customer = await ensureCustomer(ctx, account);
  const intent = await settledIntent(
    () =>
      stripe.paymentIntents.create(
        {
          amount: Number(attempt.amount),
          currency: String(attempt.currency).toLowerCase(),
          customer,
          payment_method: methodId,
          confirm: true,
          off_session: true,
          description: rechargeDescription(Number(attempt.credits)),
          metadata: {
            purchaseId,
            account,
            packageId: String(attempt.package_id),
            autoRechargeAttempt: attemptId,
          },
        },
        { idempotencyKey: `auto-recharge:${attemptId}` },
      ),
    () => Promise.reject(new Error('auto-recharge: a new PaymentIntent cannot be unconfirmable')),
  ).catch((error: Stripe.errors.StripeError) =>
    declineWithoutIntent(ctx, account, purchaseId, error),
  );
  if (!intent) return;
  await attachIntent(ctx.db, account, purchaseId, intent.id, methodId);
  let current: Stripe.PaymentIntent = intent;
  if (
    intent.status === 'requires_payment_method' &&
    failureOf(intent.last_payment_error)?.code === 'authentication_required'
  ) {
    current = await settledIntent(
      () => stripe.paymentIntents.confirm(intent.id, { payment_method: methodId }),
      () => retrieveIntent(ctx, intent.id, true),
    );
  }
  ctx.intents.forget(intent.id);
  await syncIntent(ctx, account, purchaseId, current);
}
