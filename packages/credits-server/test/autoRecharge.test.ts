import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRechargeCharger } from '../src/autoRecharge/createRechargeCharger';
import { type CreditsService, createCreditsService } from '../src/createCreditsService';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { createApp } from '../src/http/createApp';
import {
  browserCall,
  rechargeSettings,
  type Send,
  saveSandboxCard,
  serverCall,
  until,
} from './autoRechargeHelpers';
import { TEST_API_KEY } from './serverApiKey';

/**
 * Auto-recharge in sandbox mode on PGlite, through the HTTP API as a browser and the host's
 * backend use it: settings and their refusals, a recharge per crossing, 3D Secure needed
 * off-session, declines, three failures, the cap, and a deleted card.
 */
let database: DatabaseHandle;
let service: CreditsService;
let charger: ReturnType<typeof createRechargeCharger>;
let send: Send;
beforeAll(async () => {
  database = await createDatabase();
  service = createCreditsService(database.db, {});
  const app = createApp({ service, serverApiKeys: [TEST_API_KEY] });
  send = async (path, init) => app.request(`/api/credits/v1${path}`, init);
  charger = createRechargeCharger(service, database, { sweepIntervalMs: 0 });
  await charger.start();
}, 60_000);
afterAll(async () => {
  await charger?.stop();
  service?.dispose();
  await database?.close();
});

let accounts = 0;
/** A new account with `credits` and, if given, a card saved from `token` (through a SetupIntent). */
async function account(credits: number, token?: string) {
  const id = `acct_ar_${++accounts}`;
  await browserCall(send, id, 'GET', '/balance');
  await serverCall(send, id, '/grants', { credits, reason: 'Starting credits' });
  const card = token ? await saveSandboxCard(send, id, token) : undefined;
  return { id, card };
}
const get = (id: string) => browserCall(send, id, 'GET', '/auto-recharge');
const put = (id: string, settings: unknown) =>
  browserCall(send, id, 'PUT', '/auto-recharge', settings);
const use = (id: string, credits: number) =>
  serverCall(send, id, '/usage', { credits, description: 'Website generation' });
const settled = (id: string) =>
  until(
    () => get(id),
    (answer) =>
      answer.body.status.lastAttempt !== null &&
      answer.body.status.lastAttempt.outcome !== 'processing',
  );
const history = async (id: string) =>
  (await browserCall(send, id, 'GET', '/transactions?limit=100')).body.data;

describe('auto-recharge: settings', { timeout: 60_000 }, () => {
  it('the backend offers it; before any PUT it is off with a valid starting point', async () => {
    const { id } = await account(1_000);
    expect((await browserCall(send, id, 'GET', '/config')).body.autoRecharge).toBe(true);
    const { status, body } = await get(id);
    expect(status).toBe(200);
    expect(body.settings.enabled).toBe(false);
    expect(body.status).toMatchObject({
      state: 'off',
      spent: { amount: 0 },
      rechargesThisPeriod: 0,
      lastAttempt: null,
    });
    expect(body.status.periodStart).toMatch(/-01T00:00:00.000Z$/);
  });

  it('refuses bad values with 422 validation_failed naming the field, and enabling without a card with payment_method_required', async () => {
    const { id } = await account(1_000);
    for (const [change, field] of [
      [{ thresholdCredits: 0 }, 'thresholdCredits'],
      [{ packageId: 'pkg_nope' }, 'packageId'],
      [{ monthlyCap: { amount: 999, currency: 'USD' } }, 'monthlyCap'],
      [{ monthlyCap: { amount: 5_000, currency: 'EUR' } }, 'monthlyCap'],
    ] as const) {
      const refused = await put(id, rechargeSettings(change));
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('validation_failed');
      expect(refused.body.errors.map((error: { path: string }) => error.path).join()).toContain(
        field,
      );
    }
    const noCard = await put(id, rechargeSettings());
    expect(noCard.status).toBe(422);
    expect(noCard.body.code).toBe('payment_method_required');
    const other = await account(1_000, 'pm_card_visa');
    await saveSandboxCard(send, id, 'pm_card_visa');
    const notMine = await put(id, rechargeSettings({ paymentMethodId: other.card }));
    expect(notMine.body.code).toBe('payment_method_required');
    expect((await get(id)).body.settings.enabled).toBe(false);
  });
});

describe('auto-recharge: charges (sandbox)', { timeout: 90_000 }, () => {
  it('one recharge per crossing: the purchase says auto_recharge, its ledger row says so, the cap counts it', async () => {
    const { id } = await account(3_000, 'pm_card_visa');
    expect((await put(id, rechargeSettings())).body.status.state).toBe('active');
    await use(id, 1_500); // 1,500 left: crossed
    const after = await settled(id);
    expect(after.body.status).toMatchObject({
      state: 'active',
      spent: { amount: 1_000, currency: 'USD' },
      rechargesThisPeriod: 1,
      consecutiveFailures: 0,
      lastAttempt: { outcome: 'succeeded', failure: null },
    });
    const purchase = await browserCall(
      send,
      id,
      'GET',
      `/purchases/${after.body.status.lastAttempt.purchaseId}`,
    );
    expect(purchase.body).toMatchObject({
      status: 'succeeded',
      origin: 'auto_recharge',
      credits: 10_000,
    });
    const [row] = await history(id);
    expect(row).toMatchObject({
      type: 'purchase',
      amount: 10_000,
      autoRecharge: true,
      description: 'Auto-recharge: 10,000 credits',
    });
    // Still above the threshold after the top-up; spending below it again is a new crossing.
    await use(id, 1_000);
    await use(id, 9_000); // 1,500 left
    await until(
      () => get(id),
      (answer) =>
        answer.body.status.rechargesThisPeriod === 2 &&
        answer.body.status.lastAttempt.outcome === 'succeeded',
    );
    // Below the threshold, further debits are not new crossings.
    await use(id, 10_500); // 1,000 left after the second top-up
    await use(id, 500);
    await charger.settled();
    expect((await get(id)).body.status.rechargesThisPeriod).toBe(3);
    const purchases = (await history(id)).filter(
      (row: { type: string }) => row.type === 'purchase',
    );
    expect(purchases).toHaveLength(3);
  });

  it('a card that needs 3D Secure: needs_action with the purchase to complete; completing it credits and clears it', async () => {
    const { id } = await account(3_000, 'pm_card_threeDSecure2Required');
    await put(id, rechargeSettings());
    await use(id, 1_500);
    const waiting = await settled(id);
    expect(waiting.body.status).toMatchObject({
      state: 'needs_action',
      consecutiveFailures: 1,
      lastAttempt: { outcome: 'requires_action' },
    });
    const purchaseId = waiting.body.status.actionPurchaseId as string;
    expect((await browserCall(send, id, 'GET', `/purchases/${purchaseId}`)).body.status).toBe(
      'requires_action',
    );
    const done = await browserCall(
      send,
      id,
      'POST',
      `/sandbox/purchases/${purchaseId}/authenticate`,
      { outcome: 'complete' },
    );
    expect(done.body.status).toBe('succeeded');
    expect((await get(id)).body.status).toMatchObject({
      state: 'active',
      actionPurchaseId: null,
      consecutiveFailures: 0,
      spent: { amount: 1_000 },
      lastAttempt: { outcome: 'succeeded' },
    });
    expect((await browserCall(send, id, 'GET', '/balance')).body.available).toBe(11_500);
  });

  it('declines are recorded and give the cap back; the third in a row turns auto-recharge off', async () => {
    const { id } = await account(3_000, 'pm_card_visa');
    await service.savePaymentMethod(id, 'pm_card_visa_chargeDeclined');
    const cards = (await browserCall(send, id, 'GET', '/payment-methods')).body.data;
    const declining = cards.find(
      (card: { card: { last4: string } }) => card.card.last4 === '0002',
    ).id;
    await put(id, rechargeSettings({ paymentMethodId: declining }));
    for (let failure = 1; failure <= 3; failure += 1) {
      await use(id, 1_500); // below
      const declined = await until(
        () => get(id),
        (answer) => answer.body.status.consecutiveFailures === failure,
      );
      expect(declined.body.status.lastAttempt).toMatchObject({
        outcome: 'declined',
        failure: { code: 'card_declined' },
      });
      expect(declined.body.status.spent.amount).toBe(0);
      await serverCall(send, id, '/grants', { credits: 1_500, reason: 'Back above' });
    }
    expect((await get(id)).body.status).toMatchObject({
      state: 'disabled',
      disabledReason: 'repeated_failures',
    });
    expect((await get(id)).body.settings.enabled).toBe(false);
    await use(id, 1_500);
    await charger.settled();
    expect((await get(id)).body.status.consecutiveFailures).toBe(3);
  });

  it('the cap: a crossing that would take the month past it is not charged, recorded as cap_reached', async () => {
    const { id } = await account(3_000, 'pm_card_visa');
    await put(id, rechargeSettings({ monthlyCap: { amount: 1_500, currency: 'USD' } }));
    await use(id, 1_500);
    await until(
      () => get(id),
      (answer) => answer.body.status.lastAttempt?.outcome === 'succeeded',
    );
    await use(id, 10_000); // 1,500 left: crossed again, but 2 × $10 > $15
    const capped = await until(
      () => get(id),
      (answer) => answer.body.status.lastAttempt?.outcome === 'cap_reached',
    );
    expect(capped.body.status).toMatchObject({
      state: 'cap_reached',
      spent: { amount: 1_000 },
      rechargesThisPeriod: 1,
    });
    expect(capped.body.status.lastAttempt.purchaseId).toBeNull();
    expect((await browserCall(send, id, 'GET', '/balance')).body.available).toBe(1_500);
  });

  it('deleting the card it charges turns it off with card_removed', async () => {
    const { id, card } = await account(3_000, 'pm_card_visa');
    const other = await saveSandboxCard(send, id, 'pm_card_mastercard');
    await put(id, rechargeSettings({ paymentMethodId: other }));
    await browserCall(send, id, 'DELETE', `/payment-methods/${card}?newDefaultId=${other}`);
    expect((await get(id)).body.status.state).toBe('active');
    await browserCall(send, id, 'DELETE', `/payment-methods/${other}`);
    expect((await get(id)).body.status).toMatchObject({
      state: 'disabled',
      disabledReason: 'card_removed',
    });
    await use(id, 1_500);
    await charger.settled();
    expect((await get(id)).body.status.lastAttempt).toBeNull();
  });
});
