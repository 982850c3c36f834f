import { createHash, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCreditsService } from '../src/createCreditsService';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { createApp } from '../src/http/createApp';
import { TEST_API_KEY } from './serverApiKey';
import { startPostgres, type TestPostgres } from './startPostgres';

/**
 * Idempotency-Key under failure: a fault injected around one SQL statement (the effect
 * commits, then the connection drops; or the response cannot be stored), a crash that left a
 * key 'running', and concurrent requests with one key. Each on PGlite and on PostgreSQL.
 */

let postgres: TestPostgres | undefined;
afterAll(() => postgres?.stop());

/** The request fingerprint as the server stores it. Stored keys must keep matching across versions. */
const fingerprint = (body: unknown) =>
  createHash('sha256')
    .update(
      JSON.stringify(body, (_, inner: unknown) =>
        inner && typeof inner === 'object' && !Array.isArray(inner)
          ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
          : inner,
      ),
    )
    .digest('hex');

interface Fault {
  /** Matched against each statement's SQL text. */
  statement: RegExp;
  /** `before`: the statement fails without running. `after`: it commits, then its result is lost. */
  when: 'before' | 'after';
  times: number;
}

const dialect = new PgDialect();

/** The app on a database whose statements can be made to fail, and the service beside it. */
async function harness(backend: 'pglite' | 'postgres', options: { lockTimeoutMs?: number } = {}) {
  if (backend === 'postgres') postgres ??= await startPostgres();
  const database: DatabaseHandle = await createDatabase(
    backend === 'postgres' ? { url: postgres!.url, poolSize: 10 } : {},
  );
  const faults: Fault[] = [];
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return async (query: SQL) => {
          const text = dialect.sqlToQuery(query).sql;
          const fault = faults.find((f) => f.times > 0 && f.statement.test(text));
          if (fault) fault.times -= 1;
          if (fault?.when === 'before') throw new Error('injected fault: the statement failed');
          const result = await target.execute(query);
          if (fault?.when === 'after')
            throw new Error('injected fault: the connection dropped after the commit');
          return result;
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const service = createCreditsService(db);
  const app = createApp({
    service,
    createsPerMinute: 1_000,
    idempotencyLockTimeoutMs: options.lockTimeoutMs,
    serverApiKeys: [TEST_API_KEY],
  });
  const account = `idem_${randomUUID().slice(0, 8)}`;
  const topUp = (amount: number) =>
    service.appendLedger(database.db, `acct_${account}`, {
      type: 'grant',
      amount,
      description: 'Test credits',
    });
  await service.ensureAccount(`acct_${account}`);
  await topUp(10_000);
  // Usage is the Server API's (the host's backend, with the secret key); the rest the browser's.
  const post = (path: string, key: string, body?: unknown) =>
    app.request(
      `/api/credits/v1${path === '/usage' ? `/server/accounts/acct_${account}/usage` : path}`,
      {
        method: 'POST',
        headers: {
          ...(path === '/usage'
            ? { 'X-Api-Key': TEST_API_KEY }
            : { Authorization: `Bearer ${account}` }),
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
  const count = async (query: SQL) => Number((await service.rows(query))[0]?.n);
  return {
    account: `acct_${account}`,
    service,
    post,
    topUp,
    inject: (fault: Omit<Fault, 'times'>) => faults.push({ ...fault, times: 1 }),
    usageRows: () =>
      count(
        sql`SELECT count(*) AS n FROM transactions WHERE account_id = ${`acct_${account}`} AND type = 'usage'`,
      ),
    purchases: () =>
      count(sql`SELECT count(*) AS n FROM purchases WHERE account_id = ${`acct_${account}`}`),
    available: async () => (await service.balance(`acct_${account}`)).available,
    /** A key as a crashed request leaves it: 'running', never finished. */
    crashedKey: (scope: string, key: string, body: unknown, lockedAgo?: string) =>
      service.rows(
        lockedAgo
          ? sql`INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state, locked_at)
            VALUES (${`acct_${account}`}, ${scope}, ${key}, ${fingerprint(body)}, 'running', now() - ${lockedAgo}::interval)`
          : sql`INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state)
            VALUES (${`acct_${account}`}, ${scope}, ${key}, ${fingerprint(body)}, 'running')`,
      ),
    close: () => database.close(),
  };
}

type Harness = Awaited<ReturnType<typeof harness>>;

const debit = { credits: 1_250, description: 'Website generation', websiteId: 'web_1' };

describe.each(['pglite', 'postgres'] as const)('Idempotency-Key under failure on %s', (backend) => {
  const opened: Harness[] = [];
  const open = async (options?: { lockTimeoutMs?: number }) => {
    const h = await harness(backend, options);
    opened.push(h);
    return h;
  };
  beforeAll(() => {
    // The app logs the injected 500s; they are expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await Promise.all(opened.map((h) => h.close()));
  });

  it('a debit that committed but whose answer was lost is not debited again by the retry', async () => {
    const h = await open();
    h.inject({ statement: /INSERT INTO transactions/, when: 'after' });
    expect((await h.post('/usage', 'lost-1', debit)).status).toBe(500);
    const retry = await h.post('/usage', 'lost-1', debit);
    expect(retry.status).toBe(201);
    const text = await retry.text();
    expect(JSON.parse(text)).toMatchObject({ amount: -1_250, balanceAfter: 8_750 });
    expect(await h.usageRows()).toBe(1);
    expect(await h.available()).toBe(8_750);
    // Every later replay is the same answer, byte for byte.
    expect(await (await h.post('/usage', 'lost-1', debit)).text()).toBe(text);
  }, 60_000);

  it('a debit that failed before committing leaves no key: the retry debits once', async () => {
    const h = await open();
    h.inject({ statement: /INSERT INTO transactions/, when: 'before' });
    expect((await h.post('/usage', 'failed-1', debit)).status).toBe(500);
    expect((await h.post('/usage', 'failed-1', debit)).status).toBe(201);
    expect(await h.usageRows()).toBe(1);
    expect(await h.available()).toBe(8_750);
  }, 60_000);

  it('10 concurrent requests with one key debit once, and all agree', async () => {
    const h = await open();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => h.post('/usage', 'same-1', debit)),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status !== 201 && status !== 409)).toEqual([]);
    const bodies = await Promise.all(
      responses.filter((r) => r.status === 201).map((response) => response.text()),
    );
    expect(bodies.length).toBeGreaterThan(0);
    expect(new Set(bodies).size).toBe(1);
    expect(await h.usageRows()).toBe(1);
    expect(await h.available()).toBe(8_750);
  }, 60_000);

  it('a key left running by a crash: 409 within the lock timeout, then the retry runs once', async () => {
    const h = await open({ lockTimeoutMs: 1_000 });
    await h.crashedKey('usage', 'crashed-1', debit);
    const early = await h.post('/usage', 'crashed-1', debit);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'idempotency_in_progress' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await h.post('/usage', 'crashed-1', debit)).status).toBe(201);
    expect((await h.post('/usage', 'crashed-1', debit)).status).toBe(201);
    expect(await h.usageRows()).toBe(1);
    expect(await h.available()).toBe(8_750);

    const purchase = { packageId: 'pkg_10k' };
    await h.crashedKey('purchase', 'crashed-2', purchase);
    expect((await h.post('/purchases', 'crashed-2', purchase)).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const created = await h.post('/purchases', 'crashed-2', purchase);
    expect(created.status).toBe(201);
    const replayed = await h.post('/purchases', 'crashed-2', purchase);
    expect(await replayed.json()).toEqual(await created.json());
    expect(await h.purchases()).toBe(1);
  }, 60_000);

  it('with the default 60 s lock, a key locked 2 minutes ago by a crash is taken over', async () => {
    const h = await open();
    await h.crashedKey('usage', 'stale-1', debit, '2 minutes');
    await h.crashedKey('usage', 'fresh-1', debit, '10 seconds');
    expect((await h.post('/usage', 'stale-1', debit)).status).toBe(201);
    expect((await h.post('/usage', 'fresh-1', debit)).status).toBe(409);
    expect(await h.usageRows()).toBe(1);
  }, 60_000);

  it('a paid purchase whose answer was lost after the payment is not created or paid again', async () => {
    const h = await open();
    const card = await h.service.savePaymentMethod(h.account, 'pm_card_visa');
    const body = { packageId: 'pkg_10k', paymentMethodId: card };
    // Paid and credited; then reading the purchase back fails (the connection drops).
    h.inject({ statement: /^SELECT \* FROM purchases WHERE id = /, when: 'after' });
    expect((await h.post('/purchases', 'buy-1', body)).status).toBe(500);
    expect(await h.available()).toBe(20_000);
    const retry = await h.post('/purchases', 'buy-1', body);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ status: 'succeeded' });
    expect(await h.purchases()).toBe(1);
    expect(await h.available()).toBe(20_000);
  }, 60_000);

  it('a purchase whose answer could not be stored: the retry at once returns the same purchase', async () => {
    const h = await open();
    const body = { packageId: 'pkg_10k' };
    h.inject({ statement: /UPDATE idempotency_keys SET state = 'done'/, when: 'before' });
    expect((await h.post('/purchases', 'buy-2', body)).status).toBe(500);
    const retry = await h.post('/purchases', 'buy-2', body);
    expect(retry.status).toBe(201);
    const purchase = (await retry.json()) as { id: string };
    expect(await h.purchases()).toBe(1);
    const replay = await h.post('/purchases', 'buy-2', body);
    expect(await replay.json()).toEqual(purchase);
  }, 60_000);

  it('a SetupIntent created but whose answer was lost is the one the retry returns', async () => {
    const h = await open();
    h.inject({ statement: /INSERT INTO setup_intents/, when: 'after' });
    expect((await h.post('/setup-intents', 'setup-1')).status).toBe(500);
    const retry = await h.post('/setup-intents', 'setup-1');
    expect(retry.status).toBe(201);
    const intents = await h.service.rows(
      sql`SELECT id FROM setup_intents WHERE account_id = ${h.account}`,
    );
    expect(intents).toHaveLength(1);
    expect(await retry.json()).toMatchObject({ id: intents[0]!.id });
  }, 60_000);

  it('refusals are stored: a 402 replays after a top-up, a new body is 422, a bad body 400', async () => {
    const h = await open();
    const tooMuch = { ...debit, credits: 20_000 };
    const refused = await h.post('/usage', 'big-1', tooMuch);
    expect(refused.status).toBe(402);
    const text = await refused.text();
    await h.topUp(50_000);
    const replay = await h.post('/usage', 'big-1', tooMuch);
    expect(replay.status).toBe(402);
    expect(await replay.text()).toBe(text);
    const reused = await h.post('/usage', 'big-1', debit);
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
    const invalid = { credits: -5, description: 'Website generation' };
    expect((await h.post('/usage', 'bad-1', invalid)).status).toBe(400);
    expect((await h.post('/usage', 'bad-1', invalid)).status).toBe(400);
    expect(await h.usageRows()).toBe(0);
    expect(await h.available()).toBe(60_000);
  }, 60_000);
});
