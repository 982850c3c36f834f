import { describe, expect, it } from 'vitest';
import { browserCall, overHttp, rechargeSettings, serverCall, until } from './autoRechargeHelpers';
import { TEST_API_KEY } from './serverApiKey';
import { serverOnStandIn } from './serverOnStandIn';
import { deliverWebhook, lastEvent } from './stripeStandInSettings';

/**
 * Auto-recharge in Stripe mode against the Stripe stand-in: off-session PaymentIntents
 * (`off_session: true`), 3D Secure asked for off-session, a decline, and a charge whose answer
 * was lost (the process "crashed" between Stripe's answer and the ledger write): resumed by the
 * sweep with the same idempotency key, credited once however often the webhook is replayed.
 * No webhook endpoint is registered, so nothing but the sweep can finish a lost charge; the
 * test delivers the webhooks itself.
 */
const started = serverOnStandIn({
  serverApiKeys: [TEST_API_KEY],
  createsPerMinute: 10_000,
  reconcileIntervalMs: 0,
  autoRecharge: { sweepIntervalMs: 200, leaseMs: 400 },
});

const send = overHttp(() => started.server.baseUrl);
const get = (id: string) => browserCall(send, id, 'GET', '/auto-recharge');
const available = async (id: string) =>
  (await browserCall(send, id, 'GET', '/balance')).body.available;

/** An account with 3,000 credits and a card saved at Stripe the way a browser saves one. */
async function account(id: string, token: string) {
  await browserCall(send, id, 'GET', '/balance');
  await serverCall(send, id, '/grants', { credits: 3_000, reason: 'Starting credits' });
  const setup = await browserCall(send, id, 'POST', '/setup-intents');
  const confirmed = await started.standIn.confirmSetupAsBrowser(setup.body.clientSecret, token);
  if (confirmed.status === 'requires_action')
    started.standIn.authenticate(String(confirmed.id), 'complete');
  const enabled = await browserCall(send, id, 'PUT', '/auto-recharge', rechargeSettings());
  expect(enabled.body.status.state).toBe('active');
}
const crossBelow = (id: string) =>
  serverCall(send, id, '/usage', { credits: 1_500, description: 'Website generation' });
const finished = (id: string) =>
  until(
    () => get(id),
    (answer) =>
      ['succeeded', 'declined', 'requires_action'].includes(
        answer.body.status.lastAttempt?.outcome,
      ),
  );

describe('auto-recharge in Stripe mode (stand-in)', { timeout: 60_000 }, () => {
  it('charges the saved card off-session, once, and credits it', async () => {
    await account('acct_ar_stripe_ok', 'pm_card_visa');
    await crossBelow('acct_ar_stripe_ok');
    const done = await finished('acct_ar_stripe_ok');
    expect(done.body.status.lastAttempt.outcome).toBe('succeeded');
    const intent = started.standIn.paymentIntentFor(done.body.status.lastAttempt.purchaseId)!;
    expect(intent).toMatchObject({ status: 'succeeded', amount: 1_000, currency: 'usd' });
    const create = started.standIn.requests.find(
      (request) =>
        request.path === '/v1/payment_intents' &&
        request.body['metadata[purchaseId]'] === intent.metadata.purchaseId,
    )!;
    expect(create.body).toMatchObject({ confirm: 'true', off_session: 'true' });
    expect(create.idempotencyKey).toBe(`auto-recharge:${done.body.status.lastAttempt.id}`);
    expect(await available('acct_ar_stripe_ok')).toBe(11_500);
  });

  it('authentication_required off-session: needs_action, the purchase waits for 3D Secure; a stale payment_failed webhook does not undo it; completing it credits once', async () => {
    const id = 'acct_ar_stripe_3ds';
    await account(id, 'pm_card_threeDSecure2Required');
    await crossBelow(id);
    const waiting = await finished(id);
    expect(waiting.body.status).toMatchObject({
      state: 'needs_action',
      lastAttempt: { outcome: 'requires_action' },
    });
    const purchaseId = waiting.body.status.actionPurchaseId as string;
    const intent = started.standIn.paymentIntentFor(purchaseId)!;
    expect(intent.status).toBe('requires_action');
    const failed = lastEvent(started.standIn, 'payment_intent.payment_failed', intent.id);
    expect(
      (failed.data.object as { last_payment_error: { code: string } }).last_payment_error.code,
    ).toBe('authentication_required');
    expect((await deliverWebhook(started.server.origin, failed)).status).toBe(200);
    // Still the user's to complete, not a decline (nor a second failure).
    expect((await get(id)).body.status).toMatchObject({
      state: 'needs_action',
      consecutiveFailures: 1,
    });
    const purchase = await browserCall(send, id, 'GET', `/purchases/${purchaseId}`);
    expect(purchase.body).toMatchObject({ status: 'requires_action', origin: 'auto_recharge' });
    expect(purchase.body.clientSecret).toBe(intent.client_secret);
    // The user completes 3D Secure in the purchase dialog (Stripe.js handleNextAction).
    started.standIn.authenticate(intent.id, 'complete');
    await until(
      () => browserCall(send, id, 'GET', `/purchases/${purchaseId}`),
      (answer) => answer.body.status === 'succeeded',
    );
    const succeeded = lastEvent(started.standIn, 'payment_intent.succeeded', intent.id);
    await deliverWebhook(started.server.origin, succeeded);
    await deliverWebhook(started.server.origin, succeeded);
    expect(await available(id)).toBe(11_500);
    expect((await get(id)).body.status).toMatchObject({
      state: 'active',
      actionPurchaseId: null,
      consecutiveFailures: 0,
    });
  });

  it('a declined card is recorded as declined and gives the month its amount back', async () => {
    const id = 'acct_ar_stripe_declined';
    await account(id, 'pm_card_chargeCustomerFail');
    await crossBelow(id);
    const done = await finished(id);
    expect(done.body.status).toMatchObject({
      state: 'active',
      spent: { amount: 0 },
      consecutiveFailures: 1,
      lastAttempt: { outcome: 'declined', failure: { code: 'card_declined' } },
    });
    expect(await available(id)).toBe(1_500);
  });

  it('a crash between Stripe’s answer and the ledger write: the sweep resumes with the same idempotency key; replayed webhooks credit nothing more', async () => {
    const id = 'acct_ar_stripe_crash';
    await account(id, 'pm_card_visa');
    const restore = started.standIn.loseResponses(/^\/v1\/payment_intents$/);
    const before = started.standIn.requests.length;
    await crossBelow(id);
    // Stripe charged, but the answer never arrived: the attempt stays pending, nothing credited.
    await until(
      async () =>
        started.standIn.requests
          .slice(before)
          .filter((request) => request.path === '/v1/payment_intents').length,
      (count) => count >= 1,
    );
    expect(await available(id)).toBe(1_500);
    restore();
    const done = await finished(id);
    expect(done.body.status.lastAttempt.outcome).toBe('succeeded');
    const purchaseId = done.body.status.lastAttempt.purchaseId as string;
    const creates = started.standIn.requests
      .slice(before)
      .filter((request) => request.path === '/v1/payment_intents');
    expect(creates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(creates.map((request) => request.idempotencyKey)).size).toBe(1);
    expect(creates.at(-1)!.replayed).toBe(true);
    expect(
      started.standIn
        .paymentIntents()
        .filter((intent) => intent.metadata.purchaseId === purchaseId),
    ).toHaveLength(1);
    const succeeded = lastEvent(
      started.standIn,
      'payment_intent.succeeded',
      started.standIn.paymentIntentFor(purchaseId)!.id,
    );
    for (let i = 0; i < 3; i += 1)
      expect((await deliverWebhook(started.server.origin, succeeded)).status).toBe(200);
    expect(await available(id)).toBe(11_500);
    const rows = (await browserCall(send, id, 'GET', '/transactions?type=purchase')).body.data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ autoRecharge: true, purchaseId });
  });
});
