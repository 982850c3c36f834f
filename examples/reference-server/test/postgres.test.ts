import { runConformance } from 'credits-conformance';
import { createCreditsClient } from 'credits-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditsService } from '../src/createCreditsService';
import { createDatabase, type DatabaseHandle } from '../src/createDatabase';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';
import { startPostgres, type TestPostgres } from './startPostgres';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

/** The account's ledger sequence numbers, read straight from the database. */
async function sequence(account: string): Promise<number[]> {
  const database = await createDatabase({ url: postgres.url, poolSize: 1 });
  try {
    const service = createCreditsService(database.db);
    const rows = await service.rows(
      sql`SELECT seq FROM transactions WHERE account_id = ${account} ORDER BY seq`,
    );
    return rows.map((row) => Number(row.seq));
  } finally {
    await database.close();
  }
}

describe('reference server on a real PostgreSQL', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({
      databaseUrl: postgres.url,
      poolSize: 20,
      webhookDelayMs: 50,
      createsPerMinute: 10_000,
    });
  }, 60_000);
  afterAll(() => server?.close());

  it('passes the conformance kit', async () => {
    const report = await runConformance({ baseUrl: server.baseUrl, token: 'pg-conformance' });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('200 concurrent purchases and debits for one account leave the ledger exact', async () => {
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer concurrency' },
      retry: false,
    });
    const intent = await client.createSetupIntent();
    const saved = await client.sandbox.confirmSetupIntent(intent.id, {
      paymentMethod: 'pm_card_visa',
    });
    const card = saved.paymentMethod!.id;
    const first = await client.createPurchase({ packageId: 'pkg_250k', paymentMethodId: card });
    await expect.poll(async () => (await client.getPurchase(first.id)).status).toBe('succeeded');

    const usage = (index: number) =>
      fetch(`${server.baseUrl}/usage`, {
        method: 'POST',
        headers: {
          Authorization: 'Bearer concurrency',
          'Content-Type': 'application/json',
          'Idempotency-Key': `use-${index}`,
        },
        body: JSON.stringify({
          credits: 1_000,
          description: 'Website generation',
          websiteId: `web_${index % 5}`,
        }),
      });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        index % 2 === 0
          ? client.createPurchase({ packageId: 'pkg_10k', paymentMethodId: card }).then(() => 201)
          : usage(index).then((r) => r.status),
      ),
    );
    expect(results.filter((status) => status !== 201)).toEqual([]);

    // Purchases settle after the 50 ms simulated webhook; the balance read settles what is due.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const balance = await client.getBalance();
    expect(balance.total).toBe(250_000 + 100 * 10_000);
    expect(balance.used).toBe(100 * 1_000);
    const rows: { amount: number; balanceAfter: number }[] = [];
    let cursor: string | null = null;
    do {
      const page = await client.listTransactions({ limit: 100, cursor });
      rows.push(
        ...page.data.map((row) => ({ amount: row.amount, balanceAfter: row.balanceAfter })),
      );
      cursor = page.nextCursor;
    } while (cursor);
    expect(rows).toHaveLength(201);
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(balance.available);
    for (let i = 0; i + 1 < rows.length; i += 1) {
      expect(rows[i]!.balanceAfter - rows[i]!.amount).toBe(rows[i + 1]!.balanceAfter);
    }
    const seqs = await sequence('acct_concurrency');
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  }, 120_000);
});

describe('exactly-once credit on PostgreSQL', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createDatabase({ url: postgres.url, poolSize: 10 });
  });
  afterAll(() => database?.close());

  it('a webhook delivered 3× racing 3 polls credits once, and the sequence stays gap-free', async () => {
    const service = createCreditsService(database.db, { webhookDelayMs: 60_000 });
    await service.ensureAccount('acct_race');
    const saved = await service.savePaymentMethod('acct_race', 'pm_card_visa');
    const purchase = await service.createPurchase('acct_race', {
      packageId: 'pkg_10k',
      paymentMethodId: saved,
    });
    expect(purchase.status).toBe('processing');
    await Promise.all([
      service.grant('acct_race', purchase.id),
      service.grant('acct_race', purchase.id),
      service.grant('acct_race', purchase.id),
      service.getPurchase('acct_race', purchase.id),
      service.getPurchase('acct_race', purchase.id),
      service.getPurchase('acct_race', purchase.id),
    ]);
    service.dispose();
    const rows = await service.rows(
      sql`SELECT seq, amount FROM transactions WHERE account_id = 'acct_race' ORDER BY seq`,
    );
    expect(rows.filter((row) => Number(row.amount) === 10_000)).toHaveLength(1);
    expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, index) => index + 1));
    expect((await service.getPurchase('acct_race', purchase.id)).status).toBe('succeeded');
  });

  it('refund and dispute events racing (replays included) take back the credits once, never more', async () => {
    const service = createCreditsService(database.db);
    await service.ensureAccount('acct_refunds');
    const saved = await service.savePaymentMethod('acct_refunds', 'pm_card_visa');
    const purchase = await service.createPurchase('acct_refunds', {
      packageId: 'pkg_10k',
      paymentMethodId: saved,
    });
    expect(purchase.status).toBe('succeeded');
    await service.rows(
      sql`UPDATE purchases SET payment_intent_id = 'pi_refunds' WHERE id = ${purchase.id} RETURNING id`,
    );
    const event = (type: string, object: Record<string, unknown>) => ({
      id: `evt_${Math.random()}`,
      type,
      data: { object: { payment_intent: 'pi_refunds', ...object } },
    });
    const events = [
      event('charge.refunded', { id: 'ch_r', amount_refunded: 250 }),
      event('charge.refunded', { id: 'ch_r', amount_refunded: 1_000 }),
      event('charge.dispute.created', { id: 'dp_r', amount: 1_000, status: 'needs_response' }),
    ];
    await Promise.all([...events, ...events, ...events].map((e) => service.handleStripeEvent(e)));
    const taken = await service.rows(
      sql`SELECT amount FROM transactions WHERE account_id = 'acct_refunds' AND type <> 'purchase'`,
    );
    expect(taken.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(-10_000);
    expect(await service.balance('acct_refunds')).toMatchObject({
      available: 0,
      overdraftAllowed: false,
    });
    const [account] = await service.rows(
      sql`SELECT overdraft_allowed FROM accounts WHERE id = 'acct_refunds'`,
    );
    expect(account?.overdraft_allowed).toBe(false);
    const seqs = await sequence('acct_refunds');
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });
});
