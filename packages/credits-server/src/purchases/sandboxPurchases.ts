import { SANDBOX_FAILURE_MESSAGES } from 'credits-core/sandbox';
import { movePurchase } from '../data/purchasesData.js';
import { resolveToken } from '../paymentMethods/cards.js';
import type { ServiceContext } from '../serviceContext.js';
import { retrieveIntent, settledIntent, syncIntent } from '../stripe/stripeSync.js';
import { purchaseRow, readPurchase } from './purchaseRecords.js';
import { OPEN_STATUSES } from './purchaseStatuses.js';
import { authenticateWithStripeJs, nothingToAuthenticate, requireSandbox } from './sandboxRules.js';
import { paid, pay } from './simulatedGateway.js';

/** The contract's sandbox confirm: pays an open purchase with a test token or a saved card. */
export async function sandboxConfirmPurchase(
  ctx: ServiceContext,
  account: string,
  id: string,
  input: { paymentMethod: string; savePaymentMethod?: boolean },
) {
  requireSandbox(ctx);
  const { stripe } = ctx;
  const row = await purchaseRow(ctx, account, id);
  if ((OPEN_STATUSES as readonly string[]).includes(String(row.status))) {
    if (stripe && row.payment_intent_id) {
      // Stripe test mode: confirm server-side with Stripe's own test token, or a card of this account.
      const { token } = await resolveToken(ctx, account, input.paymentMethod);
      const intentId = String(row.payment_intent_id);
      const intent = await settledIntent(
        () => stripe.paymentIntents.confirm(intentId, { payment_method: token }),
        () => retrieveIntent(ctx, intentId, true),
      );
      ctx.intents.forget(intentId);
      await syncIntent(ctx, account, id, intent);
    } else if (!stripe) {
      await pay(
        ctx,
        account,
        id,
        input.paymentMethod,
        input.savePaymentMethod ?? Boolean(row.pending_save),
      );
    }
  }
  return readPurchase(ctx, account, id);
}

/** The contract's sandbox authenticate: the customer's 3D Secure answer. */
export async function sandboxAuthenticatePurchase(
  ctx: ServiceContext,
  account: string,
  id: string,
  outcome: 'complete' | 'fail',
) {
  requireSandbox(ctx);
  const row = await purchaseRow(ctx, account, id);
  if (ctx.stripe && row.payment_intent_id) {
    // With Stripe the customer answers 3D Secure in the browser: here, only what came of it.
    const intent = await retrieveIntent(ctx, String(row.payment_intent_id), true);
    await syncIntent(ctx, account, id, intent);
    if (intent.status === 'requires_action') throw authenticateWithStripeJs('purchase');
    return readPurchase(ctx, account, id);
  }
  if (row.status !== 'requires_action' || !row.pending_token) {
    throw nothingToAuthenticate('purchase', row.status);
  }
  if (outcome === 'fail') {
    await movePurchase(
      ctx.db,
      account,
      id,
      'requires_payment_method',
      {
        pendingToken: null,
        failureCode: 'authentication_failed',
        failureMessage: SANDBOX_FAILURE_MESSAGES.authentication_failed,
      },
      ['requires_action'],
    );
  } else {
    await paid(
      ctx,
      account,
      id,
      {
        token: String(row.pending_token),
        savedId: (row.payment_method_id as string | null) ?? null,
        save: Boolean(row.pending_save),
      },
      ['requires_action'],
    );
  }
  return readPurchase(ctx, account, id);
}
