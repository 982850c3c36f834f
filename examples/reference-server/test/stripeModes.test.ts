import { createCreditsClient } from 'credits-core';
import { startStripeStandIn } from 'stripe-stand-in';
import { describe, expect, it } from 'vitest';
import { demoAccountResolver } from '../src/auth/createAccountResolver';
import { startReferenceServer } from '../src/startReferenceServer';
import { standInSettings } from './stripeStandInSettings';

/** A reference server on a stand-in that takes `secretKey`, and what it says about its mode. */
async function modeWith(secretKey: string) {
  const standIn = await startStripeStandIn({ secretKey });
  const server = await startReferenceServer({
    stripeSettings: standInSettings(standIn),
    // The host's own sign-in (here: the token names the account), as live mode requires one.
    auth: { kind: 'custom', resolveAccount: demoAccountResolver },
  });
  try {
    const account = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer mode' },
      retry: false,
    });
    const { mode } = await account.getConfig();
    const purchase = await account.createPurchase({ packageId: 'pkg_10k' });
    const sandbox = await fetch(`${server.baseUrl}/sandbox/purchases/${purchase.id}/confirm`, {
      method: 'POST',
      headers: { Authorization: 'Bearer mode', 'Content-Type': 'application/json' },
      body: JSON.stringify({ paymentMethod: 'pm_card_visa' }),
    });
    return { mode, sandbox: sandbox.status, paid: standIn.paymentIntentFor(purchase.id)?.status };
  } finally {
    await server.close();
    await standIn.close();
  }
}

describe('Stripe mode is told from the key (https://docs.stripe.com/keys)', {
  timeout: 60_000,
}, () => {
  it.each([
    ['sk_live_', 'live', 403, 'requires_payment_method'],
    ['rk_live_', 'live', 403, 'requires_payment_method'],
    ['sk_test_', 'test', 200, 'succeeded'],
    ['rk_test_', 'test', 200, 'succeeded'],
  ])('%s… → %s mode; the sandbox confirm answers %i', async (prefix, mode, sandbox, paid) => {
    expect(await modeWith(`${prefix}standin_mode`)).toEqual({ mode, sandbox, paid });
  });

  it('live mode never seeds demo cards', async () => {
    const standIn = await startStripeStandIn({ secretKey: 'rk_live_seed' });
    try {
      await expect(
        startReferenceServer({ stripeSettings: standInSettings(standIn), seedDemo: true }),
      ).rejects.toThrow(/SEED_DEMO.*live/);
    } finally {
      await standIn.close();
    }
  });
});

describe('Stripe mode needs webhooks', { timeout: 60_000 }, () => {
  it('refuses to start without a webhook secret, saying why and how to opt out', async () => {
    const standIn = await startStripeStandIn();
    try {
      await expect(
        startReferenceServer({
          stripeSettings: { ...standInSettings(standIn), webhookSecret: '' },
        }),
      ).rejects.toThrow(/STRIPE_WEBHOOK_SECRET.*STRIPE_WITHOUT_WEBHOOKS=1/s);
      const server = await startReferenceServer({
        stripeSettings: { ...standInSettings(standIn), webhookSecret: '' },
        stripeWithoutWebhooks: true,
      });
      await server.close();
    } finally {
      await standIn.close();
    }
  });
});

describe('SEED_DEMO with Stripe keys', { timeout: 60_000 }, () => {
  it('saves the demo cards at Stripe, on the account’s customer', async () => {
    const standIn = await startStripeStandIn();
    const server = await startReferenceServer({
      stripeSettings: standInSettings(standIn),
      seedDemo: true,
    });
    try {
      const account = createCreditsClient({
        baseUrl: server.baseUrl,
        headers: { Authorization: 'Bearer demo' },
        retry: false,
      });
      const cards = (await account.listPaymentMethods()).data;
      expect(cards.map((card) => card.card?.last4).sort()).toEqual(['4242', '4444']);
      const customer = standIn.customers().find((c) => c.metadata.account === 'acct_demo')!;
      const atStripe = standIn.paymentMethods().filter((method) => method.customer === customer.id);
      expect(atStripe.map((method) => method.id).sort()).toEqual(
        cards.map((card) => card.id).sort(),
      );
    } finally {
      await server.close();
      await standIn.close();
    }
  });

  it('without Stripe keys saves them in the local table, one the default', async () => {
    const server = await startReferenceServer({ seedDemo: true });
    try {
      const account = createCreditsClient({
        baseUrl: server.baseUrl,
        headers: { Authorization: 'Bearer demo' },
        retry: false,
      });
      const cards = (await account.listPaymentMethods()).data;
      expect(cards.map((card) => `${card.card?.last4} ${card.isDefault}`)).toEqual([
        '4242 true',
        '4444 false',
      ]);
    } finally {
      await server.close();
    }
  });
});
