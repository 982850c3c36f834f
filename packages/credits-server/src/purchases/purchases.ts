import { randomUUID } from 'node:crypto';
import type { Purchase } from 'credits-core';
import { ProblemError } from 'credits-core/server';
import type Stripe from 'stripe';
import { attachIntent, insertPurchase, purchaseByKey } from '../data/purchasesData.js';
import { newId } from '../ledger/ledger.js';
import { ownsPaymentMethod } from '../paymentMethods/cards.js';
import type { ServiceContext } from '../serviceContext.js';
import { ensureCustomer } from '../stripe/stripeCards.js';
import {
  declineWithoutIntent,
  retrieveIntent,
  settledIntent,
  syncIntent,
} from '../stripe/stripeSync.js';
import { grant, PACKAGES, purchaseRow, readPurchase } from './purchaseRecords.js';
import { isFinal } from './purchaseStatuses.js';
import { pay } from './simulatedGateway.js';

export interface PurchaseInput {
  packageId: string;
  paymentMethodId?: string;
  savePaymentMethod?: boolean;
}

/** Creates the purchase's PaymentIntent at Stripe (a decline keeps its code on the purchase). */
async function createIntent(
  ctx: ServiceContext,
  stripe: Stripe,
  account: string,
  id: string,
  input: PurchaseInput,
) {
  const pkg = PACKAGES.find((p) => p.id === input.packageId)!;
  const customer = await ensureCustomer(ctx, account);
  // A decline answers 402 carrying the PaymentIntent Stripe created: the purchase keeps it
  // (and its decline code), so every later confirmation goes through that PaymentIntent.
  const intent = await settledIntent(
    () =>
      stripe.paymentIntents.create(
        {
          amount: pkg.price.amount,
          currency: pkg.price.currency.toLowerCase(),
          customer,
          metadata: { purchaseId: id, account, packageId: pkg.id },
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          ...(input.savePaymentMethod ? { setup_future_usage: 'off_session' as const } : {}),
          ...(input.paymentMethodId
            ? { payment_method: input.paymentMethodId, confirm: true }
            : {}),
        },
        { idempotencyKey: `purchase:${id}` },
      ),
    () => Promise.reject(new Error('createPurchase: a new PaymentIntent cannot be unconfirmable')),
  ).catch((error: Stripe.errors.StripeError) => declineWithoutIntent(ctx, account, id, error));
  if (!intent) return;
  await attachIntent(ctx.db, account, id, intent.id, input.paymentMethodId ?? null);
  await syncIntent(ctx, account, id, intent);
  if (input.savePaymentMethod) ctx.cards.forget(account);
}

/**
 * Creates a purchase — or, with an `idempotencyKey` this account already created one with,
 * carries that one on: a retry after an unknown outcome (a crash, a lost response) never
 * creates a second purchase or PaymentIntent. The PaymentIntent's Stripe idempotency key is
 * the purchase id, so Stripe too answers a repeated creation with the first PaymentIntent.
 */
export async function createPurchase(
  ctx: ServiceContext,
  account: string,
  input: PurchaseInput,
  idempotencyKey?: string,
): Promise<Purchase> {
  const { stripe } = ctx;
  const pkg = PACKAGES.find((p) => p.id === input.packageId);
  if (!pkg) throw new ProblemError(404, 'not_found', 'No such package');
  if (input.paymentMethodId && !(await ownsPaymentMethod(ctx, account, input.paymentMethodId)))
    throw new ProblemError(404, 'not_found', 'No such payment method');
  const fresh = newId('pur_', 20);
  // With Stripe the client secret is the PaymentIntent's (set once it exists), never a local one.
  const secret = stripe ? null : `${fresh}_secret_${randomUUID().slice(0, 8)}`;
  const inserted = await insertPurchase(ctx.db, {
    id: fresh,
    account,
    packageId: pkg.id,
    credits: pkg.credits,
    amount: pkg.price.amount,
    currency: pkg.price.currency,
    clientSecret: secret,
    save: input.savePaymentMethod ?? false,
    createdAt: ctx.now().toISOString(),
    idempotencyKey: idempotencyKey ?? null,
  });
  // Not inserted: an earlier attempt with this key got this far (and maybe further).
  const earlier = inserted
    ? undefined
    : await purchaseByKey(ctx.db, account, idempotencyKey ?? null);
  if (!inserted && !earlier) throw new Error('createPurchase: the purchase vanished');
  const id = earlier ? String(earlier.id) : fresh;
  if (stripe && earlier?.payment_intent_id) {
    // The PaymentIntent exists: bring the purchase up to date with it, never create another.
    if (!isFinal(earlier.status)) {
      const intent = await retrieveIntent(ctx, String(earlier.payment_intent_id), true);
      await syncIntent(ctx, account, id, intent);
    }
  } else if (stripe) {
    await createIntent(ctx, stripe, account, id, input);
  } else if (
    input.paymentMethodId &&
    (!earlier || (earlier.status === 'requires_payment_method' && !earlier.failure_code))
  ) {
    // The simulated gateway: pay unless the earlier attempt already did (or was declined).
    // Paying twice could not credit twice either: grant() credits a purchase at most once.
    await pay(ctx, account, id, input.paymentMethodId, false);
  }
  return readPurchase(ctx, account, id);
}

/** A purchase, brought up to date first: a succeeded PaymentIntent or a due webhook credits it. */
export async function getPurchase(ctx: ServiceContext, account: string, id: string) {
  const row = await purchaseRow(ctx, account, id);
  if (ctx.stripe && row.payment_intent_id && !isFinal(row.status)) {
    // The poll that finds a succeeded PaymentIntent credits it: "instant" never waits for the
    // webhook. Concurrent polls share one Stripe call (retrieveIntent).
    await syncIntent(ctx, account, id, await retrieveIntent(ctx, String(row.payment_intent_id)));
  } else if (
    row.status === 'processing' &&
    row.settle_at &&
    new Date(row.settle_at as string) <= ctx.now()
  ) {
    await grant(ctx, account, id);
  }
  return readPurchase(ctx, account, id);
}
