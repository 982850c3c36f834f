import type Stripe from 'stripe';
import { accountOfCustomer } from '../data/accountsData.js';
import { attachIntentByMetadata, purchaseOfIntent } from '../data/purchasesData.js';
import { accountOfSetupIntent } from '../data/setupIntentsData.js';
import type { ServiceContext } from '../serviceContext.js';
import { idOf } from './stripeCards.js';
import { syncIntent, syncSetup } from './stripeSync.js';
import { type StripeEvent, takeBack } from './takeBack.js';

/**
 * The purchase a PaymentIntent pays for: by the intent's id or, when the server stopped between
 * creating the intent and saving its id (charged, but the purchase does not know it), by the
 * intent's `metadata.purchaseId` and `metadata.account`. Found that way, the intent's id is
 * saved onto the purchase (only if it has none), so it is found directly from then on.
 */
async function purchaseForIntent(
  ctx: ServiceContext,
  intent: { id: string; metadata?: Record<string, unknown> | null },
): Promise<{ id: string; account: string; status: string } | undefined> {
  const byIntent = async () => {
    const row = await purchaseOfIntent(ctx.db, intent.id);
    return row
      ? { id: String(row.id), account: String(row.account_id), status: String(row.status) }
      : undefined;
  };
  const found = await byIntent();
  const purchaseId = intent.metadata?.purchaseId;
  if (found || typeof purchaseId !== 'string') return found;
  const account = intent.metadata?.account;
  await attachIntentByMetadata(
    ctx.db,
    intent.id,
    purchaseId,
    typeof account === 'string' ? account : undefined,
  );
  // Saved now, or a moment ago by another delivery of the event or by createPurchase itself.
  return byIntent();
}

/** Stripe events, signature already verified. Each effect happens once however often an event arrives. */
export async function handleStripeEvent(ctx: ServiceContext, event: StripeEvent): Promise<void> {
  const object = event.data.object;
  if (event.type === 'payment_intent.succeeded' || event.type === 'payment_intent.payment_failed') {
    const purchase = await purchaseForIntent(ctx, {
      id: String(object.id),
      metadata: object.metadata as Record<string, unknown> | null | undefined,
    });
    ctx.intents.forget(String(object.id));
    if (purchase)
      await syncIntent(
        ctx,
        purchase.account,
        purchase.id,
        object as unknown as Stripe.PaymentIntent,
      );
    return;
  }
  if (event.type === 'setup_intent.succeeded' || event.type === 'setup_intent.setup_failed') {
    const account = await accountOfSetupIntent(ctx.db, String(object.id));
    if (account) await syncSetup(ctx, account, object as unknown as Stripe.SetupIntent);
    return;
  }
  if (
    event.type === 'payment_method.attached' ||
    event.type === 'payment_method.detached' ||
    event.type === 'customer.updated'
  ) {
    // The account's cards changed at Stripe (maybe through another instance): read them afresh.
    const customer =
      event.type === 'customer.updated'
        ? idOf(object)
        : (idOf(object.customer) ??
          idOf(
            (event as { data: { previous_attributes?: { customer?: unknown } } }).data
              .previous_attributes?.customer,
          ));
    const account = customer ? await accountOfCustomer(ctx.db, customer) : undefined;
    if (account) ctx.cards.forget(account);
    return;
  }
  if (
    event.type === 'charge.refunded' ||
    event.type === 'charge.dispute.created' ||
    event.type === 'charge.dispute.closed'
  ) {
    const intentId = idOf(object.payment_intent);
    const purchase = intentId ? await purchaseForIntent(ctx, { id: intentId }) : undefined;
    if (!purchase) return;
    if (purchase.status !== 'succeeded' && ctx.stripe && intentId) {
      // Only a paid charge is refunded or disputed: the intent's own event has not been
      // handled yet. Credit the purchase first (if Stripe says it succeeded), then take back.
      await syncIntent(
        ctx,
        purchase.account,
        purchase.id,
        await ctx.stripe.paymentIntents.retrieve(intentId),
      );
    }
    await takeBack(ctx, purchase.id, purchase.account, event);
  }
}
