import { runConformance } from 'credits-conformance';
import { createCreditsClient } from 'credits-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type StripeStandIn, startStripeStandIn } from 'stripe-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditsService } from '../src/createCreditsService';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { withinOneWindow } from './rateLimitWindow';
import { postUsage, TEST_API_KEY } from './serverApiKey';
import { startPostgres, type TestPostgres } from './startPostgres';
import { deliverWebhook, lastEvent, standInSettings } from './stripeStandInSettings';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

/** One statement straight on the database (the test's own connection). */
async function query(text: string, values: unknown[] = [], url = postgres.url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test's PostgreSQL server: its URL. */
async function freshDatabase(name: string): Promise<string> {
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(postgres.url);
  url.pathname = `/${name}`;
  return url.toString();
}

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
  let server: StartedCreditsServer;
  beforeAll(async () => {
    server = await startCreditsServer({
      databaseUrl: postgres.url,
      poolSize: 20,
      webhookDelayMs: 50,
      createsPerMinute: 10_000,
      serverApiKeys: [TEST_API_KEY],
    });
  }, 60_000);
  afterAll(() => server?.close());

  it('passes the conformance kit', async () => {
    const report = await runConformance({
      baseUrl: server.baseUrl,
      token: 'pg-conformance',
      apiKey: TEST_API_KEY,
      accountId: 'acct_pg-conformance',
    });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(20);
    // Lots and expiry on PostgreSQL: listed, spent soonest first, lapsed once.
    expect(report.results.filter((r) => r.id.startsWith('lots.')).map((r) => r.status)).toEqual([
      'pass',
      'pass',
      'pass',
    ]);
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
      postUsage(server.baseUrl, 'acct_concurrency', `use-${index}`, {
        credits: 1_000,
        description: 'Website generation',
        websiteId: `web_${index % 5}`,
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

describe('several instances on one PostgreSQL', () => {
  /** POST /purchases or /setup-intents as an account, with a new Idempotency-Key. */
  const create = (
    server: StartedCreditsServer,
    account: string,
    path: 'purchases' | 'setup-intents',
  ) =>
    fetch(`${server.baseUrl}/${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${account}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `${path}-${Math.random()}`,
      },
      body: path === 'purchases' ? JSON.stringify({ packageId: 'pkg_10k' }) : undefined,
    });

  let servers: StartedCreditsServer[] = [];
  beforeAll(async () => {
    servers = await Promise.all(
      [1, 2].map(() => startCreditsServer({ databaseUrl: postgres.url, createsPerMinute: 4 })),
    );
  }, 60_000);
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('two instances share one rate limit: the limit+1-th purchase across both gets 429 with Retry-After', async () => {
    await withinOneWindow();
    const [a, b] = servers as [StartedCreditsServer, StartedCreditsServer];
    for (let i = 0; i < 4; i += 1) {
      expect((await create(i % 2 === 0 ? a : b, 'shared-limit', 'purchases')).status).toBe(201);
    }
    for (const server of [a, b]) {
      const limited = await create(server, 'shared-limit', 'purchases');
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    }
    expect((await create(b, 'shared-limit-other', 'purchases')).status).toBe(201);
  }, 30_000);

  it('SetupIntent creations are limited too: 10 at once across both instances, limit 4 → 4 created', async () => {
    await withinOneWindow();
    const [a, b] = servers as [StartedCreditsServer, StartedCreditsServer];
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        create(index % 2 === 0 ? a : b, 'setup-burst', 'setup-intents').then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
    // One budget with purchases.
    expect((await create(a, 'setup-burst', 'purchases')).status).toBe(429);
    const [row] = await query(
      `SELECT count(*)::int AS n FROM setup_intents WHERE account_id = 'acct_setup-burst'`,
    );
    expect(row?.n).toBe(4);
  }, 30_000);

  it('rate-limit windows that are over are deleted', async () => {
    await query(
      `INSERT INTO rate_limits (account_id, scope, window_start, count)
      VALUES ('acct_long_gone', 'create', now() - interval '1 hour', 7)`,
    );
    const server = await startCreditsServer({ databaseUrl: postgres.url, poolSize: 2 });
    try {
      expect((await create(server, 'sweeper', 'setup-intents')).status).toBe(201);
    } finally {
      await server.close();
    }
    expect(
      await query(`SELECT 1 FROM rate_limits WHERE account_id = 'acct_long_gone'`),
    ).toHaveLength(0);
    expect(
      await query(`SELECT 1 FROM rate_limits WHERE window_start < now() - interval '2 minutes'`),
    ).toHaveLength(0);
  }, 30_000);

  it('instances starting together on a fresh database all come up (migrations under an advisory lock)', async () => {
    for (let round = 0; round < 3; round += 1) {
      const url = await freshDatabase(`fresh_${process.pid}_${Date.now()}_${round}`);
      const started = await Promise.allSettled(
        Array.from({ length: 4 }, () => startCreditsServer({ databaseUrl: url, poolSize: 2 })),
      );
      const up = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        expect(
          started.flatMap((result) =>
            result.status === 'rejected' ? [String(result.reason)] : [],
          ),
        ).toEqual([]);
        const statuses = await Promise.all(
          up.map((server) =>
            fetch(`${server.baseUrl}/balance`, {
              headers: { Authorization: 'Bearer fresh' },
            }).then((r) => r.status),
          ),
        );
        expect(statuses).toEqual([200, 200, 200, 200]);
      } finally {
        await Promise.all(up.map((server) => server.close()));
      }
      expect(await query('SELECT 1 FROM rate_limits', [], url)).toEqual([]);
    }
  }, 60_000);
});

describe('Stripe webhooks racing polls on PostgreSQL (the Stripe stand-in)', () => {
  let standIn: StripeStandIn;
  let server: StartedCreditsServer;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startCreditsServer({
      databaseUrl: postgres.url,
      poolSize: 20,
      createsPerMinute: 10_000,
      stripeSettings: standInSettings(standIn),
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  it('a payment_intent.succeeded delivered 3× racing 3 polls credits once, and the sequence stays gap-free', async () => {
    const account = 'stripe-race';
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: `Bearer ${account}` },
      retry: false,
    });
    // Rounds, so the six requests meet in grant() in different orders.
    for (let round = 0; round < 5; round += 1) {
      const before = await client.getBalance();
      const purchase = await client.createPurchase({ packageId: 'pkg_10k' });
      expect(purchase.status).toBe('requires_payment_method');
      // Paid at Stripe; our database does not know yet. Now everyone finds out at once.
      await standIn.confirmPaymentAsBrowser(purchase.clientSecret!, 'pm_card_visa');
      const event = lastEvent(
        standIn,
        'payment_intent.succeeded',
        standIn.paymentIntentFor(purchase.id)!.id,
      );
      const webhook = () => deliverWebhook(server.origin, event);
      const poll = () =>
        fetch(`${server.baseUrl}/purchases/${purchase.id}`, {
          headers: { Authorization: `Bearer ${account}` },
        }).then(async (r) => `${r.status} ${((await r.json()) as { status: string }).status}`);
      const answers = await Promise.all([
        webhook().then((r) => `${r.status}`),
        poll(),
        webhook().then((r) => `${r.status}`),
        poll(),
        webhook().then((r) => `${r.status}`),
        poll(),
      ]);
      // A grant that is not idempotent fails here even where the unique index saves the ledger:
      // the losers of the race would answer 500 (unique violation) instead of "already done".
      expect(answers).toEqual([
        '200',
        '200 succeeded',
        '200',
        '200 succeeded',
        '200',
        '200 succeeded',
      ]);
      const rows = await query(
        `SELECT count(*)::int AS n FROM transactions WHERE purchase_id = $1 AND type = 'purchase'`,
        [purchase.id],
      );
      expect(rows[0]?.n).toBe(1);
      const after = await client.getBalance();
      expect(after.available - before.available).toBe(10_000);
      expect(after.total - before.total).toBe(10_000);
    }
    const seqs = await sequence(`acct_${account}`);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(seqs).toHaveLength(5);
  }, 60_000);
});
