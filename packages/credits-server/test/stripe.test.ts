import { createCreditsClient } from 'credits-core';
import { describe, expect, it } from 'vitest';
import { postUsage, TEST_API_KEY } from './serverApiKey';
import { serverOnStandIn } from './serverOnStandIn';
import { deliverWebhook, lastEvent } from './stripeStandInSettings';

const started = serverOnStandIn({ serverApiKeys: [TEST_API_KEY] });

function client(account: string) {
  return createCreditsClient({
    baseUrl: started.server.baseUrl,
    headers: { Authorization: `Bearer ${account}` },
    retry: false,
  });
}

/** Delivers a Stripe event to the server, signed as Stripe would (or with another secret). */
const webhook = (type: string, object: unknown, secret?: string) =>
  deliverWebhook(started.server.origin, { type, object }, secret);

const lastRequest = (path: RegExp) =>
  [...started.standIn.requests].reverse().find((request) => path.test(request.path));

/** Stripe's PaymentIntent for a purchase (found by its metadata, as Stripe's dashboard would). */
const intentOf = (purchaseId: string) => started.standIn.paymentIntentFor(purchaseId)!;

/** The customer pays in the browser: Stripe.js confirms the purchase's PaymentIntent with a test card. */
async function payInBrowser(purchase: { clientSecret?: string | null }, card = 'pm_card_visa') {
  const intent = await started.standIn.confirmPaymentAsBrowser(purchase.clientSecret!, card);
  expect(intent.status).toBe('succeeded');
  return intent as unknown as { id: string; status: string };
}

/** The `payment_intent.succeeded` event Stripe raised for a purchase's PaymentIntent. */
const succeededEvent = (purchaseId: string) =>
  lastEvent(started.standIn, 'payment_intent.succeeded', intentOf(purchaseId).id);

/** A purchase paid in the browser and credited by the poll that finds it succeeded. */
async function paidPurchase(account: string, packageId = 'pkg_10k') {
  const created = await client(account).createPurchase({ packageId });
  const intent = await payInBrowser(created);
  expect((await client(account).getPurchase(created.id)).status).toBe('succeeded');
  return { purchase: created, intent };
}

/** Server API usage: the status, and the body (a Transaction or a problem). */
async function use(account: string, credits: number, key: string) {
  const response = await postUsage(started.server.baseUrl, `acct_${account}`, key, {
    credits,
    description: 'Website generation',
  });
  return { status: response.status, body: (await response.json()) as { code?: string } };
}

/** The amounts of the account's ledger rows of one type, oldest first. */
const amounts = async (account: string, type: string) =>
  (await client(account).listTransactions({ type })).data.map((row) => row.amount).reverse();

describe('reference server with Stripe (against the Stripe stand-in)', () => {
  it('advertises the publishable key and test mode', async () => {
    expect(await client('cfg').getConfig()).toMatchObject({
      mode: 'test',
      stripePublishableKey: 'pk_test_standin',
    });
  });

  it('creates the PaymentIntent with the server’s amount, the customer and an idempotency key', async () => {
    const response = await fetch(`${started.server.baseUrl}/purchases`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer alice',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'k1',
      },
      body: JSON.stringify({ packageId: 'pkg_50k', savePaymentMethod: true, amount: 1 }),
    });
    expect(response.status).toBe(201);
    const purchase = (await response.json()) as {
      id: string;
      status: string;
      clientSecret: string;
    };
    const created = lastRequest(/^\/v1\/payment_intents$/)!;
    const customer = lastRequest(/^\/v1\/customers$/)!;
    expect(created.body).toMatchObject({
      amount: '4500',
      currency: 'usd',
      'metadata[purchaseId]': purchase.id,
      'metadata[account]': 'acct_alice',
      setup_future_usage: 'off_session',
      'automatic_payment_methods[enabled]': 'true',
    });
    expect(created.body.customer).toMatch(/^cus_/);
    expect(created.idempotencyKey).toBe(`purchase:${purchase.id}`);
    expect(customer.idempotencyKey).toBe('customer:acct_alice');
    expect(purchase.status).toBe('requires_payment_method');
    expect(purchase.clientSecret).toBe(intentOf(purchase.id).client_secret);
  });

  it('a poll that finds the PaymentIntent succeeded credits at once; the webhook 3× later changes nothing', async () => {
    const bob = client('bob');
    const created = await bob.createPurchase({ packageId: 'pkg_10k' });
    await payInBrowser(created);
    const polled = await bob.getPurchase(created.id);
    expect(polled.status).toBe('succeeded');
    expect(polled.balance?.available).toBe(10_000);
    const deliveries = await Promise.all(
      [1, 2, 3].map(() => deliverWebhook(started.server.origin, succeededEvent(created.id))),
    );
    expect(deliveries.map((r) => r.status)).toEqual([200, 200, 200]);
    const ledger = await bob.listTransactions({ type: 'purchase' });
    expect(ledger.data).toHaveLength(1);
    expect((await bob.getBalance()).available).toBe(10_000);
  });

  it('a webhook with a wrong signature gets 400 and grants nothing', async () => {
    const carol = client('carol');
    const created = await carol.createPurchase({ packageId: 'pkg_10k' });
    await payInBrowser(created);
    const event = succeededEvent(created.id);
    const forged = await deliverWebhook(started.server.origin, event, 'whsec_attacker');
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ code: 'validation_failed' });
    expect((await carol.getBalance()).available).toBe(0);
    // The genuine event credits it.
    expect((await deliverWebhook(started.server.origin, event)).status).toBe(200);
    expect((await carol.getBalance()).available).toBe(10_000);
  });

  it('saved card: SetupIntent on Stripe, then a PaymentIntent confirmed with it server-side', async () => {
    const dave = client('dave');
    const setup = await dave.createSetupIntent();
    expect(lastRequest(/^\/v1\/setup_intents$/)?.body).toMatchObject({ usage: 'off_session' });
    const saved = await dave.sandbox.confirmSetupIntent(setup.id, {
      paymentMethod: 'pm_card_visa',
    });
    expect(saved.status).toBe('succeeded');
    const methods = await dave.listPaymentMethods();
    expect(methods.data).toHaveLength(1);
    expect(methods.data[0]).toMatchObject({ isDefault: true, card: { last4: '4242' } });
    const purchase = await dave.createPurchase({
      packageId: 'pkg_10k',
      paymentMethodId: methods.data[0]!.id,
    });
    expect(lastRequest(/^\/v1\/payment_intents$/)?.body).toMatchObject({
      payment_method: methods.data[0]!.id,
      confirm: 'true',
    });
    expect(purchase.status).toBe('succeeded');
    expect((await dave.getBalance()).available).toBe(10_000);
  });

  it('a declined saved card leaves the purchase payable with the reason', async () => {
    const erin = client('erin');
    const setup = await erin.createSetupIntent();
    await erin.sandbox.confirmSetupIntent(setup.id, {
      paymentMethod: 'pm_card_threeDSecure2Required',
    });
    const declinedSetup = await erin.createSetupIntent();
    const refused = await erin.sandbox.confirmSetupIntent(declinedSetup.id, {
      paymentMethod: 'pm_card_visa_chargeDeclined',
    });
    expect(refused).toMatchObject({
      status: 'requires_payment_method',
      failure: { code: 'card_declined' },
    });
    const created = await erin.createPurchase({ packageId: 'pkg_10k' });
    const declined = await erin.sandbox.confirmPurchase(created.id, {
      paymentMethod: 'pm_card_visa_chargeDeclinedInsufficientFunds',
    });
    expect(declined).toMatchObject({
      status: 'requires_payment_method',
      failure: { code: 'insufficient_funds' },
    });
    expect((await erin.getBalance()).available).toBe(0);
  });

  it('deleting the default card on Stripe needs a new default, which Stripe then holds', async () => {
    const gina = client('gina');
    for (const paymentMethod of ['pm_card_visa', 'pm_card_mastercard']) {
      const setup = await gina.createSetupIntent();
      await gina.sandbox.confirmSetupIntent(setup.id, { paymentMethod });
    }
    const { data } = await gina.listPaymentMethods();
    const first = data.find((method) => method.isDefault)!;
    const second = data.find((method) => !method.isDefault)!;
    await expect(gina.deletePaymentMethod(first.id)).rejects.toMatchObject({
      code: 'default_payment_method_required',
    });
    await expect(
      gina.deletePaymentMethod(first.id, { newDefaultId: first.id }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    expect(lastRequest(/\/detach$/)).toBeUndefined();
    const after = await gina.deletePaymentMethod(first.id, { newDefaultId: second.id });
    expect(after.data).toEqual([{ ...second, isDefault: true }]);
    expect(lastRequest(/\/detach$/)?.path).toBe(`/v1/payment_methods/${first.id}/detach`);
  });

  it('a PaymentIntent whose response is lost: the retry with the same key charges once', async () => {
    const hana = client('hana');
    const setup = await hana.createSetupIntent();
    await hana.sandbox.confirmSetupIntent(setup.id, { paymentMethod: 'pm_card_visa' });
    const card = (await hana.listPaymentMethods()).data[0]!;
    const attempt = () =>
      fetch(`${started.server.baseUrl}/purchases`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer hana',
          'Content-Type': 'application/json',
          'Idempotency-Key': 'hana-attempt-1',
        },
        body: JSON.stringify({ packageId: 'pkg_10k', paymentMethodId: card.id }),
      });
    // Stripe charges the card, then the connection drops before the answer arrives.
    const restore = started.standIn.loseResponses(/^\/v1\/payment_intents$/);
    expect((await attempt()).status).toBe(500);
    restore();
    const retry = await attempt();
    expect(retry.status).toBe(201);
    const purchase = (await retry.json()) as { id: string; status: string };
    expect(purchase.status).toBe('succeeded');
    const charges = started.standIn
      .paymentIntents()
      .filter((intent) => intent.metadata.account === 'acct_hana' && intent.status === 'succeeded');
    expect(charges).toHaveLength(1);
    expect(charges[0]!.metadata.purchaseId).toBe(purchase.id);
    expect((await hana.getBalance()).available).toBe(10_000);
    expect((await hana.listTransactions({ type: 'purchase' })).data).toHaveLength(1);
    const replay = await attempt();
    expect(await replay.json()).toEqual(purchase);
  });

  it('a refund takes the credits back once, even if the event arrives twice', async () => {
    const frank = client('frank');
    const created = await frank.createPurchase({ packageId: 'pkg_10k' });
    const intent = await payInBrowser(created);
    await frank.getPurchase(created.id);
    const charge = {
      id: 'ch_refunded_1',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 1_000,
    };
    await webhook('charge.refunded', charge);
    await webhook('charge.refunded', charge);
    const balance = await frank.getBalance();
    expect(balance.available).toBe(0);
    expect((await frank.listTransactions({ type: 'refund' })).data).toHaveLength(1);
  });

  it('a refund of spent credits leaves a negative balance (overdraftAllowed) that usage cannot lower; a top-up ends it', async () => {
    const ivan = client('ivan');
    const { intent } = await paidPurchase('ivan');
    expect((await use('ivan', 6_000, 'ivan-1')).status).toBe(201);
    const refunded = await webhook('charge.refunded', {
      id: 'ch_ivan',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 1_000,
    });
    expect(refunded.status).toBe(200);
    expect(await ivan.getBalance()).toMatchObject({ available: -6_000, overdraftAllowed: true });
    const refused = await use('ivan', 100, 'ivan-2');
    expect(refused).toMatchObject({ status: 402, body: { code: 'insufficient_credits' } });
    expect((await ivan.getBalance()).available).toBe(-6_000);
    // The top-up brings the balance back above zero: the usage rule is the ordinary one again.
    const topUp = await paidPurchase('ivan');
    expect((await ivan.getPurchase(topUp.purchase.id)).balance).toMatchObject({
      available: 4_000,
      overdraftAllowed: false,
    });
    expect(await ivan.getBalance()).toMatchObject({ available: 4_000, overdraftAllowed: false });
    expect((await use('ivan', 4_000, 'ivan-3')).status).toBe(201);
    expect((await use('ivan', 1, 'ivan-4')).status).toBe(402);
    expect(await ivan.getBalance()).toMatchObject({ available: 0, overdraftAllowed: false });
  });

  it('partial refunds take back their share of the credits (25 %, then the other 75 %); replays change nothing', async () => {
    const judy = client('judy');
    const { intent } = await paidPurchase('judy');
    const charge = (amountRefunded: number) => ({
      id: 'ch_judy',
      object: 'charge',
      payment_intent: intent.id,
      amount: 1_000,
      amount_refunded: amountRefunded,
    });
    await webhook('charge.refunded', charge(250));
    expect((await judy.getBalance()).available).toBe(7_500);
    expect(await amounts('judy', 'refund')).toEqual([-2_500]);
    await webhook('charge.refunded', charge(250));
    expect((await judy.getBalance()).available).toBe(7_500);
    await webhook('charge.refunded', charge(1_000));
    expect((await judy.getBalance()).available).toBe(0);
    expect(await amounts('judy', 'refund')).toEqual([-2_500, -7_500]);
    // Replays, in any order: the state already says it all.
    await webhook('charge.refunded', charge(250));
    await webhook('charge.refunded', charge(1_000));
    expect((await judy.getBalance()).available).toBe(0);
    expect(await amounts('judy', 'refund')).toEqual([-2_500, -7_500]);
  });

  it('a refund and a dispute of one charge never take back more than its credits; a won dispute returns them', async () => {
    const kate = client('kate');
    const { intent } = await paidPurchase('kate');
    const dispute = (status: string) => ({
      id: 'dp_kate',
      object: 'dispute',
      charge: 'ch_kate',
      payment_intent: intent.id,
      amount: 1_000,
      status,
    });
    await webhook('charge.refunded', {
      id: 'ch_kate',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 500,
    });
    expect((await kate.getBalance()).available).toBe(5_000);
    await webhook('charge.dispute.created', dispute('needs_response'));
    await webhook('charge.dispute.created', dispute('needs_response'));
    expect((await kate.getBalance()).available).toBe(0);
    expect(await amounts('kate', 'adjustment')).toEqual([-5_000]);
    await webhook('charge.dispute.closed', dispute('won'));
    await webhook('charge.dispute.closed', dispute('won'));
    // The refund stands; what the dispute took back is returned, once.
    expect((await kate.getBalance()).available).toBe(5_000);
    expect(await amounts('kate', 'adjustment')).toEqual([-5_000, 5_000]);
    const rows = (await kate.listTransactions({ type: 'adjustment' })).data;
    expect(rows.map((row) => row.description)).toEqual([
      'Dispute won, credits returned',
      'Payment disputed',
    ]);
    // A late copy of the dispute's creation takes nothing once it is won.
    await webhook('charge.dispute.created', dispute('needs_response'));
    expect((await kate.getBalance()).available).toBe(5_000);
  });

  it('a refund that arrives before the purchase is credited: credited, then taken back', async () => {
    const leo = client('leo');
    const created = await leo.createPurchase({ packageId: 'pkg_10k' });
    const intent = await payInBrowser(created);
    await webhook('charge.refunded', {
      id: 'ch_leo',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 1_000,
    });
    expect((await leo.getPurchase(created.id)).status).toBe('succeeded');
    expect((await leo.getBalance()).available).toBe(0);
    expect(await amounts('leo', 'purchase')).toEqual([10_000]);
    expect(await amounts('leo', 'refund')).toEqual([-10_000]);
  });

  it('payment_intent.succeeded for a purchase that never saved its PaymentIntent id credits it once', async () => {
    const mia = client('mia');
    // Stripe creates the PaymentIntent, then the server never hears back: the id is not saved.
    const restore = started.standIn.loseResponses(/^\/v1\/payment_intents$/);
    const lost = await fetch(`${started.server.baseUrl}/purchases`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer mia',
        'Content-Type': 'application/json',
        'Idempotency-Key': 'mia-lost',
      },
      body: JSON.stringify({ packageId: 'pkg_10k' }),
    });
    restore();
    expect(lost.status).toBe(500);
    const created = started.standIn
      .paymentIntents()
      .find((candidate) => candidate.metadata.account === 'acct_mia')!;
    const purchaseId = created.metadata.purchaseId!;
    expect((await mia.getPurchase(purchaseId)).status).toBe('requires_payment_method');
    const intent = await payInBrowser({ clientSecret: created.client_secret });
    const deliveries = await Promise.all(
      [1, 2, 3].map(() => deliverWebhook(started.server.origin, succeededEvent(purchaseId))),
    );
    expect(deliveries.map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await mia.getBalance()).available).toBe(10_000);
    expect(await amounts('mia', 'purchase')).toEqual([10_000]);
    // The id is saved now: the purchase polls and refunds through it.
    expect((await mia.getPurchase(purchaseId)).status).toBe('succeeded');
    await webhook('charge.refunded', {
      id: 'ch_mia',
      object: 'charge',
      payment_intent: intent.id,
      amount_refunded: 1_000,
    });
    expect((await mia.getBalance()).available).toBe(0);
  });
});
