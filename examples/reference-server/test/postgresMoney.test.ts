import { createCreditsClient } from 'credits-core';
import pg from 'pg';
import { type StripeStandIn, startStripeStandIn } from 'stripe-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';
import { startPostgres, type TestPostgres } from './startPostgres';
import { standInSettings } from './stripeStandInSettings';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

/** One statement straight on the database. */
async function query(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const clientOf = (server: ReferenceServer, account: string) =>
  createCreditsClient({
    baseUrl: server.baseUrl,
    headers: { Authorization: `Bearer ${account}` },
    retry: false,
  });

/** POST to the server: `status body.status` (or the problem's code), for comparing answers. */
async function post(server: ReferenceServer, account: string, path: string, body: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${account}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { status?: string; code?: string };
  return `${response.status} ${answer.code ?? answer.status}`;
}

/** How many sessions of the test database wait for a lock. */
const waitingOnLocks = () =>
  query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
  ).then((rows) => rows[0]!.n as number);

const purchaseRows = (purchaseId: string) =>
  query(
    `SELECT count(*)::int AS n FROM transactions WHERE purchase_id = $1 AND type = 'purchase'`,
    [purchaseId],
  ).then((rows) => rows[0]!.n as number);

describe('sandbox purchases racing on PostgreSQL: statuses only move forward', {
  timeout: 120_000,
}, () => {
  let server: ReferenceServer;
  let delayed: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({
      databaseUrl: postgres.url,
      poolSize: 20,
      createsPerMinute: 10_000,
    });
    delayed = await startReferenceServer({
      databaseUrl: postgres.url,
      poolSize: 20,
      createsPerMinute: 10_000,
      webhookDelayMs: 60_000,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await delayed?.close();
  });

  it.each([
    ['pm_card_visa_chargeDeclined', 'a declined card'],
    ['pm_card_threeDSecure2Required', 'a 3D Secure card'],
  ])(
    '30 purchases each confirmed at once with pm_card_visa and %s (%s): every one ends paid, credited once, no failure shown',
    async (other) => {
      const account = `race-${other}`;
      const client = clientOf(server, account);
      const purchases = await Promise.all(
        Array.from({ length: 30 }, () => client.createPurchase({ packageId: 'pkg_10k' })),
      );
      await Promise.all(
        // Both orders of arrival, so the two writers meet in both orders.
        purchases.flatMap((purchase, index) =>
          (index % 2 ? [other, 'pm_card_visa'] : ['pm_card_visa', other]).map((paymentMethod) =>
            post(server, account, `/sandbox/purchases/${purchase.id}/confirm`, { paymentMethod }),
          ),
        ),
      );
      const after = await Promise.all(purchases.map((purchase) => client.getPurchase(purchase.id)));
      expect(
        after.map((purchase) => `${purchase.status} ${purchase.failure?.code ?? 'ok'}`),
      ).toEqual(Array(30).fill('succeeded ok'));
      for (const purchase of purchases) expect(await purchaseRows(purchase.id)).toBe(1);
      expect((await client.getBalance()).available).toBe(300_000);
      // Answering a challenge after the payment went through: a conflict, never a 500.
      const late = await Promise.all(
        purchases.map((purchase) =>
          post(server, account, `/sandbox/purchases/${purchase.id}/authenticate`, {
            outcome: 'complete',
          }),
        ),
      );
      expect(new Set(late)).toEqual(new Set(['409 purchase_not_confirmable']));
    },
  );

  it.each([['pm_card_visa_chargeDeclined'], ['pm_card_threeDSecure2Required']])(
    'a %s confirmation that read the purchase before pm_card_visa paid it, and writes after: the purchase stays paid',
    async (late) => {
      // The interleaving, made certain: the test holds the account row, so the paying request
      // stops inside its grant (holding the purchase row); the late request has read the purchase
      // as payable and waits to write it; then the grant commits and the late write goes ahead.
      const account = `interleaved-${late}`;
      const client = clientOf(server, account);
      const purchase = await client.createPurchase({ packageId: 'pkg_10k' });
      const path = `/sandbox/purchases/${purchase.id}/confirm`;
      const holder = new pg.Client({ connectionString: postgres.url });
      await holder.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT id FROM accounts WHERE id = $1 FOR UPDATE', [`acct_${account}`]);
        const paying = post(server, account, path, { paymentMethod: 'pm_card_visa' });
        await expect.poll(waitingOnLocks, { timeout: 30_000 }).toBe(1);
        const lateAnswer = post(server, account, path, { paymentMethod: late });
        await expect.poll(waitingOnLocks, { timeout: 30_000 }).toBe(2);
        await holder.query('COMMIT');
        expect(await paying).toBe('200 succeeded');
        await lateAnswer;
      } finally {
        await holder.end();
      }
      const after = await client.getPurchase(purchase.id);
      expect(`${after.status} ${after.failure?.code ?? 'ok'}`).toBe('succeeded ok');
      expect(await purchaseRows(purchase.id)).toBe(1);
    },
  );

  it('20 confirmations at once with “save card” save one card, the default', async () => {
    const account = 'save-twenty';
    const client = clientOf(server, account);
    const purchase = await client.createPurchase({ packageId: 'pkg_10k', savePaymentMethod: true });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        post(server, account, `/sandbox/purchases/${purchase.id}/confirm`, {
          paymentMethod: 'pm_card_visa',
          savePaymentMethod: true,
        }),
      ),
    );
    const cards = (await client.listPaymentMethods()).data;
    expect(cards.map((card) => card.isDefault)).toEqual([true]);
    expect(await purchaseRows(purchase.id)).toBe(1);
  });

  it('one SetupIntent confirmed 10 times at once saves one card', async () => {
    const account = 'setup-ten';
    const client = clientOf(server, account);
    const setup = await client.createSetupIntent();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        post(server, account, `/sandbox/setup-intents/${setup.id}/confirm`, {
          paymentMethod: 'pm_card_visa',
        }),
      ),
    );
    expect(answers).toEqual(Array(10).fill('200 succeeded'));
    expect((await client.listPaymentMethods()).data).toHaveLength(1);
  });

  it('10 new accounts each saving 5 cards at once (on two instances) end with exactly one default each', async () => {
    const accounts = Array.from({ length: 10 }, (_, index) => `defaults-${index}`);
    await Promise.all(
      accounts.map(async (account, index) => {
        const intents = await Promise.all(
          Array.from({ length: 5 }, () => clientOf(server, account).createSetupIntent()),
        );
        await Promise.all(
          intents.map((intent, n) =>
            post(n % 2 ? delayed : server, account, `/sandbox/setup-intents/${intent.id}/confirm`, {
              paymentMethod: (index + n) % 2 ? 'pm_card_visa' : 'pm_card_mastercard',
            }),
          ),
        );
      }),
    );
    for (const account of accounts) {
      const cards = (await clientOf(server, account).listPaymentMethods()).data;
      expect(cards).toHaveLength(5);
      expect(cards.filter((card) => card.isDefault)).toHaveLength(1);
    }
    // The database holds the rule, whoever writes.
    const [row] = await query(
      `SELECT count(*)::int AS n FROM payment_methods WHERE account_id = 'acct_defaults-0' AND is_default`,
    );
    expect(row?.n).toBe(1);
    await expect(
      query(`UPDATE payment_methods SET is_default = true WHERE account_id = 'acct_defaults-0'`),
    ).rejects.toThrow(/payment_methods_one_default/);
  });
});

describe('Stripe mode on PostgreSQL: nothing paid is left uncredited', { timeout: 120_000 }, () => {
  let standIn: StripeStandIn;
  let instances: ReferenceServer[];
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    instances = await Promise.all(
      [1, 2].map(() =>
        startReferenceServer({
          databaseUrl: postgres.url,
          poolSize: 10,
          createsPerMinute: 10_000,
          stripeSettings: standInSettings(standIn),
          reconcileIntervalMs: 100,
          reconcileMinAgeMs: 0,
        }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(instances?.map((server) => server.close()) ?? []);
    await standIn?.close();
  });

  it('10 purchases paid in the browser whose tab closed — no poll, no webhook — are credited once by the sweep of two instances', async () => {
    const account = 'tab-closed';
    const client = clientOf(instances[0]!, account);
    const purchases = await Promise.all(
      Array.from({ length: 10 }, () => client.createPurchase({ packageId: 'pkg_10k' })),
    );
    // Paid at Stripe; the stand-in has no webhook endpoint and nobody polls the purchases.
    for (const purchase of purchases)
      await standIn.confirmPaymentAsBrowser(purchase.clientSecret!, 'pm_card_visa');
    await expect
      .poll(async () => (await client.getBalance()).available, { timeout: 60_000, interval: 100 })
      .toBe(100_000);
    for (const purchase of purchases) expect(await purchaseRows(purchase.id)).toBe(1);
    const statuses = await query(
      `SELECT status FROM purchases WHERE account_id = 'acct_tab-closed'`,
    );
    expect(statuses.map((row) => row.status)).toEqual(Array(10).fill('succeeded'));
  });
});
