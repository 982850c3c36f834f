import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startStripeStandIn } from '../src/index';
import { THREE_D_SECURE_MESSAGE } from '../src/threeDSecurePage';
import { useStandIn } from './useStandIn';

const fixture = useStandIn();

/** What the API answers, loosely: an intent or `{ error }`. */
type Answer = Record<string, unknown> & {
  status?: string;
  payment_method: string;
  next_action: { type: string; use_stripe_sdk: { stripe_js: string } };
  error?: Record<string, unknown>;
};

/** A call as Stripe.js makes it: form-encoded, `key` and `client_secret` as parameters, no Authorization. */
async function asStripeJs(path: string, fields: Record<string, string>, method = 'POST') {
  const params = new URLSearchParams(fields);
  const response =
    method === 'GET'
      ? await fetch(`${fixture.standIn.origin}${path}?${params}`, {
          headers: { Origin: 'https://host.example' },
        })
      : await fetch(`${fixture.standIn.origin}${path}`, {
          method,
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: 'https://host.example',
          },
          body: params.toString(),
        });
  return { response, body: (await response.json()) as Answer };
}

const card = (number: string) => ({
  'payment_method_data[type]': 'card',
  'payment_method_data[card][number]': number,
  'payment_method_data[card][exp_month]': '12',
  'payment_method_data[card][exp_year]': '2034',
  'payment_method_data[card][cvc]': '123',
});

async function newIntent(setupFutureUsage = false) {
  const customer = await fixture.stripe.customers.create({ metadata: {} });
  return fixture.stripe.paymentIntents.create({
    amount: 1000,
    currency: 'usd',
    customer: customer.id,
    automatic_payment_methods: { enabled: true },
    ...(setupFutureUsage ? { setup_future_usage: 'off_session' as const } : {}),
  });
}

/** Stripe.js's confirm of `intent` with a typed card number. */
const confirmWithCard = (intent: { id: string; client_secret: string | null }, number: string) =>
  asStripeJs(`/v1/payment_intents/${intent.id}/confirm`, {
    key: fixture.standIn.publishableKey,
    client_secret: intent.client_secret!,
    ...card(number),
    use_stripe_sdk: 'true',
  });

describe('Stripe stand-in: calls from the browser, as Stripe.js makes them (https://docs.stripe.com/js)', () => {
  it('answers any origin (CORS) and a preflight, as api.stripe.com does', async () => {
    const preflight = await fetch(`${fixture.standIn.origin}/v1/payment_intents/pi_x/confirm`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://host.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const { response } = await asStripeJs('/v1/payment_intents/pi_missing', {}, 'GET');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('takes the publishable key as the `key` parameter with the client secret; without the secret, or with a secret key as `key`, 401', async () => {
    const intent = await newIntent();
    const path = `/v1/payment_intents/${intent.id}`;
    const read = await asStripeJs(
      path,
      { key: fixture.standIn.publishableKey, client_secret: intent.client_secret! },
      'GET',
    );
    expect(read.response.status).toBe(200);
    expect(read.body).toMatchObject({ id: intent.id, status: 'requires_payment_method' });
    const noSecret = await asStripeJs(path, { key: fixture.standIn.publishableKey }, 'GET');
    expect(noSecret.response.status).toBe(401);
    const secretAsKey = await asStripeJs(
      path,
      { key: fixture.standIn.secretKey, client_secret: intent.client_secret! },
      'GET',
    );
    expect(secretAsKey.response.status).toBe(401);
    // A publishable key creates nothing.
    const create = await asStripeJs('/v1/payment_intents', {
      key: fixture.standIn.publishableKey,
      amount: '1000',
      currency: 'usd',
    });
    expect(create.response.status).toBe(401);
  });

  it('confirms with raw card data from the Payment Element: a test card number pays; with setup_future_usage the card is attached', async () => {
    const intent = await newIntent(true);
    const { response, body } = await confirmWithCard(intent, '5555555555554444');
    expect(response.status).toBe(200);
    expect(body.status).toBe('succeeded');
    const method = await fixture.stripe.paymentMethods.retrieve(body.payment_method);
    expect(method.card?.last4).toBe('4444');
    expect(method.customer).toBe(intent.customer);
  });

  it('a declined test card is a 402 card_error carrying the intent; a number that is no test card is declined as a live card in test mode', async () => {
    const intent = await newIntent();
    const declined = await confirmWithCard(intent, '4000000000000002');
    expect(declined.response.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'generic_decline',
      payment_intent: { id: intent.id, status: 'requires_payment_method' },
    });
    const live = await confirmWithCard(intent, '4111111111111111');
    expect(live.response.status).toBe(402);
    expect(live.body.error).toMatchObject({
      type: 'card_error',
      decline_code: 'test_mode_live_card',
    });
  });

  it('3D Secure test page: shown only with the client secret; Complete authenticates the intent and tells the parent frame', async () => {
    const intent = await newIntent();
    const confirmed = await confirmWithCard(intent, '4000002760003184');
    expect(confirmed.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk' },
    });
    const page = new URL(
      confirmed.body.next_action.use_stripe_sdk.stripe_js,
      fixture.standIn.origin,
    );
    const wrong = await fetch(`${page.href}?client_secret=${intent.id}_secret_wrong`);
    expect(wrong.status).toBe(404);
    const shown = await fetch(`${page.href}?client_secret=${intent.client_secret}`);
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toContain('<button type="submit">Complete</button>');
    expect(html).toContain('<button type="submit">Fail</button>');
    const answered = await fetch(page.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_secret: intent.client_secret!,
        outcome: 'complete',
      }).toString(),
    });
    expect(await answered.text()).toContain(THREE_D_SECURE_MESSAGE);
    expect((await fixture.stripe.paymentIntents.retrieve(intent.id)).status).toBe('succeeded');
  });

  it('3D Secure test page: Fail leaves the intent in requires_payment_method with payment_intent_authentication_failure', async () => {
    const intent = await newIntent();
    const confirmed = await confirmWithCard(intent, '4000002760003184');
    const page = new URL(
      confirmed.body.next_action.use_stripe_sdk.stripe_js,
      fixture.standIn.origin,
    );
    await fetch(page.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_secret: intent.client_secret!,
        outcome: 'fail',
      }).toString(),
    });
    const after = await fixture.stripe.paymentIntents.retrieve(intent.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
  });

  it('records each signed webhook delivery and the endpoint’s answer', async () => {
    const { createServer } = await import('node:http');
    const statuses = [500, 200];
    const endpoint = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(statuses.shift() ?? 200).end());
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const { port } = endpoint.address() as { port: number };
    const own = await startStripeStandIn();
    own.addWebhookEndpoint(`http://127.0.0.1:${port}/hook`, 'whsec_x');
    const client = new Stripe(own.secretKey, { ...own.clientOptions, telemetry: false });
    await client.customers.create({ metadata: {} });
    await client.customers.create({ metadata: {} });
    await own.webhooksDelivered();
    expect(own.webhookDeliveries.map((d) => [d.type, d.status])).toEqual([
      ['customer.created', 500],
      ['customer.created', 200],
    ]);
    await own.close();
    await new Promise<void>((resolve) => endpoint.close(() => resolve()));
  });
});
