import type Stripe from 'stripe';
import { movePurchase, nameSavedMethod } from '../data/purchasesData.js';
import { syncSetupIntentRow } from '../data/setupIntentsData.js';
import { grant } from '../purchases/purchaseRecords.js';
import type { ServiceContext } from '../serviceContext.js';
import { failureOf, purchaseStatus } from './createStripeGateway.js';
import { idOf, stripeOf } from './stripeCards.js';

/** The purchase's PaymentIntent, read through the cache: polls share one Stripe call. */
export function retrieveIntent(ctx: ServiceContext, id: string, fresh = false) {
  if (fresh) ctx.intents.forget(id);
  return ctx.intents.get(id, () => stripeOf(ctx).paymentIntents.retrieve(id));
}

/**
 * Mirrors a PaymentIntent onto its purchase, forward only (purchaseStatuses.ts): a succeeded
 * one is credited (exactly once); a stale or late answer never moves a purchase back.
 */
export async function syncIntent(
  ctx: ServiceContext,
  account: string,
  purchaseId: string,
  intent: Stripe.PaymentIntent,
) {
  if (intent.status === 'succeeded') {
    // A new card paid with "save card" is now the customer's (setup_future_usage): the
    // purchase names it, as the sandbox's does, and the cards are read afresh.
    const saved = intent.setup_future_usage ? idOf(intent.payment_method) : undefined;
    if (saved) {
      await nameSavedMethod(ctx.db, account, purchaseId, saved);
      ctx.cards.forget(account);
    }
    return grant(ctx, account, purchaseId);
  }
  const failure = failureOf(intent.last_payment_error);
  await movePurchase(ctx.db, account, purchaseId, purchaseStatus(intent.status), {
    clientSecret: intent.client_secret ?? null,
    failureCode: failure?.code ?? null,
    failureMessage: failure?.message ?? null,
  });
}

/**
 * A card error answered without its PaymentIntent (Stripe documents one with it): the decline
 * is still the purchase's answer, kept on the purchase. Any other error is thrown again.
 */
export async function declineWithoutIntent(
  ctx: ServiceContext,
  account: string,
  purchaseId: string,
  error: Stripe.errors.StripeError,
): Promise<undefined> {
  if (error.type !== 'StripeCardError') throw error;
  const failure = failureOf(error);
  await movePurchase(ctx.db, account, purchaseId, 'requires_payment_method', {
    failureCode: failure?.code ?? 'card_declined',
    failureMessage: failure?.message ?? 'The payment did not go through.',
  });
  return undefined;
}

/** A SetupIntent's state onto its row; `succeeded` is final. The card is Stripe's to keep. */
export async function syncSetup(ctx: ServiceContext, account: string, intent: Stripe.SetupIntent) {
  const failure = failureOf(intent.last_setup_error);
  await syncSetupIntentRow(ctx.db, account, {
    id: intent.id,
    status: intent.status,
    failureCode: failure?.code ?? null,
    failureMessage: failure?.message ?? null,
    methodId: idOf(intent.payment_method) ?? null,
  });
  if (intent.status === 'succeeded') ctx.cards.forget(account);
}

/**
 * Runs a Stripe call that confirms or reads an intent and answers with the intent as Stripe
 * has it afterwards: a decline is a 402 carrying the intent (https://docs.stripe.com/api/errors),
 * an intent that can no longer be confirmed (a concurrent confirmation won) is read again.
 */
export async function settledIntent<T extends Stripe.PaymentIntent | Stripe.SetupIntent>(
  call: () => Promise<T>,
  reread: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failed = error as Stripe.errors.StripeError;
    const carried = (failed.payment_intent ?? failed.setup_intent) as T | undefined;
    if (failed.type === 'StripeCardError' && carried) return carried;
    if (
      failed.code === 'payment_intent_unexpected_state' ||
      failed.code === 'setup_intent_unexpected_state'
    )
      return reread();
    throw error;
  }
}
