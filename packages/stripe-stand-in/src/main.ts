import { startStripeStandIn } from './startStripeStandIn.js';

/**
 * `pnpm --filter stripe-stand-in start`: the stand-in on its own, for the demo and manual runs.
 * Point the reference server at it with STRIPE_API_BASE and its keys; with
 * WEBHOOK_URL and WEBHOOK_SECRET it delivers its events there, signed.
 */
const standIn = await startStripeStandIn({
  secretKey: process.env.STRIPE_SECRET_KEY,
  publishableKey: process.env.STRIPE_PUBLISHABLE_KEY,
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
});
if (process.env.WEBHOOK_URL && process.env.WEBHOOK_SECRET) {
  standIn.addWebhookEndpoint(process.env.WEBHOOK_URL, process.env.WEBHOOK_SECRET);
}
console.log(
  `Stripe stand-in: STRIPE_API_BASE=${standIn.origin} STRIPE_SECRET_KEY=${standIn.secretKey} STRIPE_PUBLISHABLE_KEY=${standIn.publishableKey}`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void standIn.close().then(() => process.exit(0)));
}
