import { dueSimulatedPurchasesOfAll, leaseUnsettledPurchases } from '../data/purchasesData.js';
import { grant } from '../purchases/purchaseRecords.js';
import type { ServiceContext } from '../serviceContext.js';
import { retrieveIntent, syncIntent } from './stripeSync.js';

/**
 * Nothing paid is left uncredited: looks at up to `batch` purchases that are not final, have
 * a PaymentIntent and are between `minAgeMs` (the browser's polls and the webhook had their
 * chance) and 7 days old, asks Stripe how each stands and applies it forward-only. Each
 * purchase looked at is not looked at again for half its age (at least `leaseMs`), so an
 * abandoned purchase costs a few Stripe calls, not one per sweep. FOR UPDATE SKIP LOCKED and
 * that lease (`reconcile_after`) let instances sweeping at once share the work instead of
 * repeating it; were they to overlap, grant() still credits once. Without Stripe, it settles
 * the simulated webhooks that are due. Returns how many purchases it looked at.
 */
export async function reconcile(
  ctx: ServiceContext,
  settings: { minAgeMs: number; leaseMs: number; batch?: number },
): Promise<number> {
  const at = ctx.now();
  if (!ctx.stripe) {
    const due = await dueSimulatedPurchasesOfAll(ctx.db, at.toISOString(), settings.batch ?? 100);
    for (const row of due) await grant(ctx, String(row.account_id), String(row.id));
    return due.length;
  }
  const leased = await leaseUnsettledPurchases(ctx.db, {
    at: at.toISOString(),
    leaseMs: settings.leaseMs,
    newest: new Date(at.getTime() - settings.minAgeMs).toISOString(),
    oldest: new Date(at.getTime() - 7 * 86_400_000).toISOString(),
    batch: settings.batch ?? 100,
  });
  for (const row of leased) {
    const intent = await retrieveIntent(ctx, String(row.payment_intent_id), true);
    await syncIntent(ctx, String(row.account_id), String(row.id), intent);
  }
  return leased.length;
}
