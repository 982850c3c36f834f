import Stripe from 'stripe';
import type { StoreEvent } from './createStripeStore.js';
import { newEvent } from './stripeObjects.js';

interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** One delivery of an event to an endpoint, and the endpoint's HTTP status (0: no answer yet). */
export interface WebhookDelivery {
  url: string;
  event: string;
  type: string;
  status: number;
}

const signer = new Stripe('sk_test_signer', { telemetry: false });

/**
 * Stripe's events and webhooks (https://docs.stripe.com/webhooks): every event the store raises
 * becomes an Event object (with the request that caused it) and goes to every endpoint, signed
 * with its secret, after the request that made it has been answered.
 */
export function createWebhookSender(livemode: boolean) {
  const events: Stripe.Event[] = [];
  const endpoints: WebhookEndpoint[] = [];
  const deliveries = new Set<Promise<unknown>>();
  const delivered: WebhookDelivery[] = [];
  let counter = 0;

  /** https://docs.stripe.com/webhooks#verify-events: the `Stripe-Signature` header over the raw body. */
  function deliver(endpoint: WebhookEndpoint, event: Stripe.Event) {
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({
      payload,
      secret: endpoint.secret,
    });
    const record = { url: endpoint.url, event: event.id, type: event.type, status: 0 };
    delivered.push(record);
    return fetch(endpoint.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    }).then((response) => {
      record.status = response.status;
      return response;
    });
  }

  return {
    events,
    delivered,
    /** Raises `event`, caused by `request` (null for none), and queues its deliveries. */
    emit(
      { type, object }: StoreEvent,
      request: { id: string; idempotencyKey: string | null } | null,
    ) {
      const event = newEvent(
        `evt_${(++counter).toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`,
        livemode,
        type,
        object,
        request ? { id: request.id, idempotency_key: request.idempotencyKey } : null,
      ) as Stripe.Event;
      events.push(event);
      for (const endpoint of endpoints) {
        const delivery = new Promise((resolve) => setImmediate(resolve))
          .then(() => deliver(endpoint, event))
          .catch(() => undefined)
          .finally(() => deliveries.delete(delivery));
        deliveries.add(delivery);
      }
    },
    addEndpoint(url: string, secret: string) {
      endpoints.push({ url, secret });
    },
    /** Resolves once every delivery started so far has been answered. */
    async settled() {
      while (deliveries.size > 0) await Promise.all([...deliveries]);
    },
    /** A hand-made event (objects the stand-in does not model), sent at once to every endpoint. */
    send(type: Stripe.Event['type'], object: Record<string, unknown>) {
      const event = newEvent(
        `evt_manual_${++counter}`,
        livemode,
        type,
        object as unknown as Stripe.Event.Data['object'],
        null,
      ) as Stripe.Event;
      return Promise.all(endpoints.map((endpoint) => deliver(endpoint, event)));
    },
  };
}
