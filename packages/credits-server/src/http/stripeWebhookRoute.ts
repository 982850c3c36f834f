import { ProblemError } from 'credits-core/server';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { CreditsService } from '../createCreditsService.js';
import type { StripeClient } from '../stripe/createStripeGateway.js';

/**
 * Stripe webhooks: the signature is checked on the raw body before anything happens. A
 * request without a signature header is refused unread, and no body over 1 MiB is read in
 * full (Stripe's events are a few KB), so unsigned traffic costs next to nothing.
 */
export function stripeWebhookRoute(
  service: Pick<CreditsService, 'handleStripeEvent'>,
  stripe: { client: StripeClient; webhookSecret: string } | undefined,
) {
  const webhookBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new ProblemError(413, 'validation_failed', 'Webhook body too large');
    },
  });
  const handler = async (c: Context) => {
    if (!stripe) throw new ProblemError(404, 'not_found', 'Stripe is not configured');
    if (!c.req.header('stripe-signature'))
      throw new ProblemError(400, 'validation_failed', 'Missing webhook signature');
    const payload = await c.req.text();
    let event: { type: string; data: { object: Record<string, unknown> } };
    try {
      event = (await stripe.client.webhooks.constructEventAsync(
        payload,
        c.req.header('stripe-signature') ?? '',
        stripe.webhookSecret,
      )) as never;
    } catch {
      throw new ProblemError(400, 'validation_failed', 'Invalid webhook signature');
    }
    await service.handleStripeEvent(event);
    return c.json({ received: true });
  };
  return [webhookBodyLimit, handler] as const;
}
