import { createCreditsClient } from 'credits-core';
import { getAutoRecharge, updateAutoRecharge } from 'credits-core/auto-recharge';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreditsBackendOptions,
  createCreditsBackend,
  createCreditsHandlers,
} from '../src/index';

const BASE = 'https://credits.test/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const on = {
  enabled: true,
  thresholdCredits: 2_000,
  packageId: 'pkg_10k',
  monthlyCap: { amount: 5_000, currency: 'USD' },
  paymentMethodId: null,
};

function mount(options: CreditsBackendOptions = {}) {
  const backend = createCreditsBackend({ transactions: [], autoRecharge: on, ...options });
  server.use(...createCreditsHandlers({ backend, baseUrl: BASE }));
  const client = createCreditsClient({ baseUrl: BASE, retry: false });
  return { backend, client };
}

const usage = (credits: number) => ({ credits, description: 'Website generation' });
const recharges = (backend: Backend) =>
  backend.inspect.purchases().filter((purchase) => purchase.origin === 'auto_recharge');

type Backend = ReturnType<typeof createCreditsBackend>;
let grants = 0;
const grant = (backend: Backend, credits: number) =>
  backend.server.grant(backend.server.accountId, { credits, reason: 'Top-up' }, `g${++grants}`);
const available = (backend: Backend) => (backend.balance().body as { available: number }).available;

/** Spends down to just below the threshold: one crossing; waits for its recharge. */
async function cross(backend: Backend) {
  backend.spend(usage(available(backend) - on.thresholdCredits + 1));
  await backend.autoRecharge.settled();
}

describe('auto-recharge in the fake', () => {
  it('charges exactly once per crossing, and the row says so', async () => {
    const { backend, client } = mount({ paymentMethods: ['pm_card_visa'] });
    await grant(backend, 5_000);
    await cross(backend);
    // Further debits while still below the threshold are not new crossings.
    backend.spend(usage(1));
    await backend.autoRecharge.settled();
    expect(recharges(backend)).toHaveLength(1);
    expect(recharges(backend)[0]).toMatchObject({ status: 'succeeded', origin: 'auto_recharge' });
    const page = await client.listTransactions({ type: 'purchase' });
    expect(page.data[0]).toMatchObject({
      autoRecharge: true,
      description: 'Auto-recharge: 10,000 credits',
      amount: 10_000,
    });
    const document = await getAutoRecharge(client);
    expect(document.status).toMatchObject({
      state: 'active',
      spent: { amount: 1_000, currency: 'USD' },
      rechargesThisPeriod: 1,
      lastAttempt: { outcome: 'succeeded' },
    });
    // Back above the threshold: the next drop is a crossing again.
    await cross(backend);
    expect(recharges(backend)).toHaveLength(2);
  });

  it('never charges past the cap: the recharge that would pass it is not attempted', async () => {
    const { backend, client } = mount({
      autoRecharge: { ...on, monthlyCap: { amount: 2_500, currency: 'USD' } },
    });
    await grant(backend, 5_000);
    for (let crossing = 0; crossing < 3; crossing += 1) await cross(backend);
    expect(recharges(backend)).toHaveLength(2);
    const { status } = await getAutoRecharge(client);
    expect(status).toMatchObject({
      state: 'cap_reached',
      spent: { amount: 2_000 },
      lastAttempt: { outcome: 'cap_reached', purchaseId: null },
    });
  });

  it('does not count a decline toward the cap, and turns itself off after 3 failures', async () => {
    const { backend, client } = mount({
      paymentMethods: ['pm_card_visa_chargeDeclined'],
      autoRecharge: { ...on, monthlyCap: { amount: 1_000, currency: 'USD' } },
    });
    await grant(backend, 5_000);
    await cross(backend);
    let { status } = await getAutoRecharge(client);
    expect(status).toMatchObject({
      state: 'active',
      spent: { amount: 0 },
      consecutiveFailures: 1,
      lastAttempt: { outcome: 'declined', failure: { code: 'card_declined' } },
    });
    // No retry for the same crossing; the next two crossings fail too.
    await grant(backend, 5_000);
    await cross(backend);
    await grant(backend, 5_000);
    await cross(backend);
    ({ status } = await getAutoRecharge(client));
    expect(status).toMatchObject({
      state: 'disabled',
      disabledReason: 'repeated_failures',
      consecutiveFailures: 3,
    });
    expect(recharges(backend)).toHaveLength(3);
    await grant(backend, 5_000);
    await cross(backend);
    expect(recharges(backend)).toHaveLength(3);
  });

  it('leaves a 3-D Secure recharge for the user, who completes it through the sandbox', async () => {
    const { backend, client } = mount({ paymentMethods: ['pm_card_threeDSecure2Required'] });
    await grant(backend, 5_000);
    await cross(backend);
    const { status } = await getAutoRecharge(client);
    expect(status.state).toBe('needs_action');
    expect(status.actionPurchaseId).toEqual(expect.any(String));
    const purchase = await client.sandbox.authenticatePurchase(status.actionPurchaseId!, {
      outcome: 'complete',
    });
    expect(purchase.status).toBe('succeeded');
    const after = await getAutoRecharge(client);
    expect(after.status).toMatchObject({
      state: 'active',
      actionPurchaseId: null,
      consecutiveFailures: 0,
      lastAttempt: { outcome: 'succeeded' },
    });
  });

  it('validates PUT and needs a card to turn on; deleting the card turns it off', async () => {
    const { client } = mount({ paymentMethods: [], autoRecharge: { enabled: false } });
    await expect(
      updateAutoRecharge(client, { ...on, thresholdCredits: 0, packageId: 'nope' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      status: 422,
    });
    await expect(
      updateAutoRecharge(client, { ...on, monthlyCap: { amount: 999, currency: 'USD' } }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      problem: { errors: [{ path: 'monthlyCap' }, { path: 'paymentMethodId' }] },
    });
    await expect(updateAutoRecharge(client, on)).rejects.toMatchObject({
      code: 'payment_method_required',
    });
    const saved = await updateAutoRecharge(client, { ...on, enabled: false });
    expect(saved.settings.enabled).toBe(false);

    const card = mount({ paymentMethods: ['pm_card_visa'], autoRecharge: { enabled: false } });
    const [visa] = (await card.client.listPaymentMethods()).data;
    const enabled = await updateAutoRecharge(card.client, { ...on, paymentMethodId: visa!.id });
    expect(enabled.status.state).toBe('active');
    await card.client.deletePaymentMethod(visa!.id);
    const off = await getAutoRecharge(card.client);
    expect(off.status).toMatchObject({ state: 'disabled', disabledReason: 'card_removed' });
  });

  it('is not offered unless configured', async () => {
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ backend, baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE, retry: false });
    expect((await client.getConfig()).autoRecharge).toBeUndefined();
    await expect(getAutoRecharge(client)).rejects.toMatchObject({ code: 'not_found' });
  });
});
