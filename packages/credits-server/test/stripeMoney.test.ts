import { createCreditsClient } from 'credits-core';
import { describe, expect, it } from 'vitest';
import { startCreditsServer } from '../src/startCreditsServer';
import { serverOnStandIn } from './serverOnStandIn';
import { standInSettings } from './stripeStandInSettings';

const started = serverOnStandIn({ createsPerMinute: 10_000 });

const client = (account: string) =>
  createCreditsClient({
    baseUrl: started.server.baseUrl,
    headers: { Authorization: `Bearer ${account}` },
    retry: false,
  });

/** A raw request to the server: status and JSON body. */
async function call(account: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${started.server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${account}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': `${account}-${Math.random()}`,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A card saved the way a browser saves one: a SetupIntent from the server, confirmed by Stripe.js. */
async function saveInBrowser(account: string, card = 'pm_card_visa') {
  const setup = await client(account).createSetupIntent();
  const confirmed = await started.standIn.confirmSetupAsBrowser(setup.clientSecret, card);
  expect(confirmed.status).toBe('succeeded');
  return confirmed.payment_method as string;
}

/** Stripe calls made while `run` runs. */
async function stripeCalls(run: () => Promise<unknown>) {
  const before = started.standIn.requests.length;
  await run();
  return started.standIn.requests.slice(before);
}

describe('Stripe mode: a saved card declined when the PaymentIntent is created', {
  timeout: 60_000,
}, () => {
  it('keeps the PaymentIntent (its client secret) and the decline code; a later confirm pays only through Stripe', async () => {
    const account = 'declined-at-creation';
    const card = await saveInBrowser(account, 'pm_card_chargeCustomerFail');
    const purchase = await client(account).createPurchase({
      packageId: 'pkg_10k',
      paymentMethodId: card,
    });
    const intent = started.standIn.paymentIntentFor(purchase.id)!;
    expect(intent.status).toBe('requires_payment_method');
    expect(purchase).toMatchObject({
      status: 'requires_payment_method',
      failure: { code: 'card_declined' },
      clientSecret: intent.client_secret,
    });
    const paid = await client(account).sandbox.confirmPurchase(purchase.id, {
      paymentMethod: 'pm_card_visa',
    });
    // Credited only because Stripe's PaymentIntent was paid.
    expect(paid.status).toBe('succeeded');
    expect(started.standIn.paymentIntentFor(purchase.id)).toMatchObject({
      status: 'succeeded',
      amount_received: 1_000,
    });
    expect((await client(account).getBalance()).available).toBe(10_000);
  });
});

describe('Stripe mode: every card, not the first page', { timeout: 60_000 }, () => {
  it('12 cards: all listed, the oldest can pay and be the default, and the default stays put', async () => {
    const account = 'twelve-cards';
    const saved: string[] = [];
    for (let i = 0; i < 12; i += 1)
      saved.push(await saveInBrowser(account, i % 2 ? 'pm_card_mastercard' : 'pm_card_visa'));
    const listed = await client(account).listPaymentMethods();
    expect(listed.data.map((method) => method.id).sort()).toEqual([...saved].sort());
    expect(listed.data.filter((method) => method.isDefault)).toHaveLength(1);
    const oldest = saved[0]!;
    const newDefault = await client(account).setDefaultPaymentMethod(oldest);
    expect(newDefault.data.find((method) => method.isDefault)?.id).toBe(oldest);
    const reads = await stripeCalls(async () => {
      for (let i = 0; i < 3; i += 1) {
        const again = await client(account).listPaymentMethods();
        expect(again.data.find((method) => method.isDefault)?.id).toBe(oldest);
      }
    });
    // Reading never writes to Stripe.
    expect(reads.filter((request) => request.method === 'POST')).toEqual([]);
    const purchase = await client(account).createPurchase({
      packageId: 'pkg_10k',
      paymentMethodId: oldest,
    });
    expect(purchase.status).toBe('succeeded');
    await client(account).deletePaymentMethod(saved[1]!);
    expect((await client(account).listPaymentMethods()).data).toHaveLength(11);
  });
});

describe('Stripe mode: card ids are checked against the account before they reach Stripe', {
  timeout: 60_000,
}, () => {
  it('another account’s card: refused on sandbox confirm (400, as an unknown card), purchase and default (404), and Stripe is never asked to use it', async () => {
    const theirs = await saveInBrowser('card-owner');
    const purchase = await client('card-thief').createPurchase({ packageId: 'pkg_10k' });
    const calls = await stripeCalls(async () => {
      expect(
        await call('card-thief', 'POST', `/sandbox/purchases/${purchase.id}/confirm`, {
          paymentMethod: theirs,
        }),
      ).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
      expect(
        await call('card-thief', 'POST', '/purchases', {
          packageId: 'pkg_10k',
          paymentMethodId: theirs,
        }),
      ).toMatchObject({ status: 404 });
      expect(await call('card-thief', 'PUT', `/payment-methods/${theirs}/default`)).toMatchObject({
        status: 404,
      });
    });
    expect(
      calls.filter(
        (request) => JSON.stringify(request.body).includes(theirs) || request.path.includes(theirs),
      ),
    ).toEqual([]);
    const setup = await client('card-thief').createSetupIntent();
    expect(
      await call('card-thief', 'POST', `/sandbox/setup-intents/${setup.id}/confirm`, {
        paymentMethod: theirs,
      }),
    ).toMatchObject({ status: 400 });
  });
});

describe('Stripe mode: SetupIntents', { timeout: 60_000 }, () => {
  it('one SetupIntent confirmed 10 times at once saves one card, and every answer is the succeeded SetupIntent', async () => {
    const account = 'setup-ten-times';
    const setup = await client(account).createSetupIntent();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(account, 'POST', `/sandbox/setup-intents/${setup.id}/confirm`, {
          paymentMethod: 'pm_card_visa',
        }),
      ),
    );
    expect(answers.map((answer) => `${answer.status} ${answer.body.status}`)).toEqual(
      Array(10).fill('200 succeeded'),
    );
    expect((await client(account).listPaymentMethods()).data).toHaveLength(1);
  });

  it('3D Secure: authenticate says to use Stripe.js while the challenge is open, and answers the saved card once Stripe.js completed it', async () => {
    const account = 'setup-3ds';
    const setup = await client(account).createSetupIntent();
    const pending = await client(account).sandbox.confirmSetupIntent(setup.id, {
      paymentMethod: 'pm_card_threeDSecure2Required',
    });
    expect(pending.status).toBe('requires_action');
    expect((await client(account).listPaymentMethods()).data).toEqual([]);
    const early = await call(account, 'POST', `/sandbox/setup-intents/${setup.id}/authenticate`, {
      outcome: 'complete',
    });
    expect(early).toMatchObject({ status: 409, body: { title: 'Authenticate with Stripe.js' } });
    started.standIn.authenticate(setup.id, 'complete');
    const done = await call(account, 'POST', `/sandbox/setup-intents/${setup.id}/authenticate`, {
      outcome: 'complete',
    });
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'succeeded', paymentMethod: { card: { last4: '3184' } } },
    });
    expect((await client(account).listPaymentMethods()).data).toHaveLength(1);
  });
});

describe('Stripe mode: bounded Stripe traffic from reads', { timeout: 60_000 }, () => {
  it('200 parallel card lists and 200 parallel polls of a pending purchase from one account: 3 Stripe calls, not 400', async () => {
    // A read window longer than the burst, so the count does not depend on how fast this machine is.
    const reader = await startCreditsServer({
      stripeSettings: standInSettings(started.standIn),
      stripeReadCacheMs: 60_000,
    });
    try {
      const account = 'busy-reader';
      const headers = { Authorization: `Bearer ${account}` };
      const busy = createCreditsClient({ baseUrl: reader.baseUrl, headers, retry: false });
      const setup = await busy.createSetupIntent();
      await started.standIn.confirmSetupAsBrowser(setup.clientSecret, 'pm_card_visa');
      const purchase = await busy.createPurchase({ packageId: 'pkg_10k' });
      const read = (path: string) =>
        fetch(`${reader.baseUrl}${path}`, { headers }).then((response) => response.status);
      const calls = await stripeCalls(async () => {
        const answers = await Promise.all([
          ...Array.from({ length: 200 }, () => read('/payment-methods')),
          ...Array.from({ length: 200 }, () => read(`/purchases/${purchase.id}`)),
        ]);
        expect(answers).toEqual(Array(400).fill(200));
      });
      console.info(
        `400 reads → ${calls.length} Stripe calls: ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`,
      );
      // One card list, the customer (for its default), one PaymentIntent.
      expect(
        calls.map((c) => `${c.method} ${c.path.replace(/\/(cus|pi)_\w+$/, '/$1_…')}`).sort(),
      ).toEqual([
        'GET /v1/customers/cus_…',
        'GET /v1/payment_intents/pi_…',
        'GET /v1/payment_methods',
      ]);
    } finally {
      await reader.close();
    }
  });
});
