import Stripe from 'stripe';
import type { StripeStandIn } from 'stripe-stand-in';
import type { StripeSettings } from '../src/createStripeGateway';

/** The webhook secret the tests' reference servers verify Stripe-Signature with. */
export const WEBHOOK_SECRET = 'whsec_test_reference';

/** `startReferenceServer({ stripeSettings })` for a server that talks to the Stripe stand-in. */
export const standInSettings = (standIn: StripeStandIn): StripeSettings => ({
  secretKey: standIn.secretKey,
  webhookSecret: WEBHOOK_SECRET,
  publishableKey: standIn.publishableKey,
  ...standIn.clientOptions,
});

const signer = new Stripe('sk_test_signer', { telemetry: false });

/**
 * Delivers an event to the server at `origin`, signed as Stripe would (with `secret`): one the
 * stand-in raised (a complete Stripe.Event, delivered again as Stripe's retries do), or a
 * hand-made one for objects the stand-in does not model (charges, disputes).
 */
export function deliverWebhook(
  origin: string,
  event: Stripe.Event | { type: string; object: unknown },
  secret = WEBHOOK_SECRET,
) {
  const payload = JSON.stringify(
    'object' in event && event.object === 'event'
      ? event
      : {
          id: `evt_${Math.random().toString(36).slice(2)}`,
          object: 'event',
          type: event.type,
          data: { object: (event as { object: unknown }).object },
        },
  );
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
  return fetch(`${origin}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
}

/** The last event of `type` the stand-in raised about the object `id`. */
export function lastEvent(standIn: StripeStandIn, type: string, id: string): Stripe.Event {
  const found = standIn.events.findLast(
    (event) => event.type === type && (event.data.object as { id?: string }).id === id,
  );
  if (!found) throw new Error(`The stand-in raised no ${type} for ${id}`);
  return found;
}
