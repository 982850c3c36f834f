import { type CreditsError, createCreditsClient, type Transaction } from 'credits-core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type CreditsBackend,
  type CreditsHandlersOptions,
  createCreditsBackend,
  createCreditsHandlers,
  generateTransactions,
} from '../src/index';

const BASE = 'https://credits.test/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function mount(options: Omit<CreditsHandlersOptions, 'baseUrl'> = {}) {
  const backend = options.backend ?? createCreditsBackend();
  server.use(...createCreditsHandlers({ ...options, backend, baseUrl: BASE }));
  return { backend, client: createCreditsClient({ baseUrl: BASE, retry: false }) };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: CreditsError) => error,
  );

/** Newest first: each row's balanceAfter minus its amount is the next row's balanceAfter. */
function expectChained(rows: readonly Transaction[]) {
  for (let i = 0; i + 1 < rows.length; i += 1) {
    expect(rows[i]!.balanceAfter - rows[i]!.amount, rows[i]!.id).toBe(rows[i + 1]!.balanceAfter);
  }
}

describe('seeded data', () => {
  it('is deterministic and its ledger chains', () => {
    const a = generateTransactions({ seed: 3, count: 200 });
    expect(generateTransactions({ seed: 3, count: 200 })).toEqual(a);
    expect(generateTransactions({ seed: 4, count: 200 })).not.toEqual(a);
    expectChained(a);
    expect(a.at(-1)).toMatchObject({ type: 'grant', amount: 10_000, balanceAfter: 10_000 });
    expect(new Set(a.map((row) => row.website?.id).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
    const times = a.map((row) => Date.parse(row.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('generates a 100,000-row ledger that loads into a cache as pages with the backend’s own cursors', async () => {
    const transactions = generateTransactions({ count: 100_000, seed: 9 });
    expect(transactions).toHaveLength(100_000);
    expectChained(transactions);
    const backend = createCreditsBackend({ transactions });
    const { pages, pageParams } = backend.transactionPages({ limit: 100, pages: 3 });
    expect(pages.map((page) => page.data.length)).toEqual([100, 100, 100]);
    expect(pageParams[0]).toBeNull();
    const { client } = mount({ backend });
    const next = await client.listTransactions({ limit: 100, cursor: pages[2]!.nextCursor });
    expect(next.data[0]?.id).toBe(transactions[300]?.id);
    // CPU-bound (100,000 rows built and chained): 1–2 s on a quiet machine, 8 s seen on a busy one.
    // The timeout only catches a hang; the suite never judges speed.
  }, 60_000);

  it('serves the balance the ledger adds up to', async () => {
    const { client } = mount();
    const [balance, page] = await Promise.all([
      client.getBalance(),
      client.listTransactions({ limit: 100 }),
    ]);
    expect(balance.available).toBe(page.data[0]?.balanceAfter);
    expect(balance.total - balance.used).toBe(balance.available);
    expectChained(page.data);
  });
});

describe('ledger listing', () => {
  it('pages through every row exactly once, newest first', async () => {
    const { client } = mount({
      backend: createCreditsBackend({ transactions: generateTransactions({ count: 95 }) }),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await client.listTransactions({ limit: 20, cursor });
      seen.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(95);
    expect(new Set(seen).size).toBe(95);
  });

  it('filters on the server by type, website, dates and text', async () => {
    const { client } = mount({
      backend: createCreditsBackend({ transactions: generateTransactions({ count: 300 }) }),
    });
    const usage = await client.listTransactions({
      type: 'usage',
      websiteId: 'web_yoga',
      limit: 100,
    });
    expect(usage.data.length).toBeGreaterThan(0);
    expect(usage.data.every((row) => row.type === 'usage' && row.website?.id === 'web_yoga')).toBe(
      true,
    );
    const found = await client.listTransactions({ search: 'CAFÉ', limit: 100 });
    expect(found.data.every((row) => row.website?.name === 'Café Sol')).toBe(true);
    const window = await client.listTransactions({
      from: '2026-11-20T00:00:00Z',
      to: '2026-11-22T00:00:00Z',
      limit: 100,
    });
    for (const row of window.data) {
      expect(row.createdAt >= '2026-11-20' && row.createdAt < '2026-11-22T00:00:00Z').toBe(true);
    }
  });

  it('clamps limit to maxPageSize and refuses a cursor from other filters', async () => {
    const { client } = mount({
      backend: createCreditsBackend({ transactions: generateTransactions({ count: 250 }) }),
    });
    expect((await client.listTransactions({ limit: 1_000 })).data).toHaveLength(100);
    const page = await client.listTransactions({ limit: 10 });
    const error = await failure(
      client.listTransactions({ limit: 10, cursor: page.nextCursor, type: 'usage' }),
    );
    expect(error?.code).toBe('validation_failed');
  });
});

describe('purchases', () => {
  it('a saved card pays at once: credits, ledger row and balance move exactly once', async () => {
    const { client, backend } = mount();
    const before = await client.getBalance();
    const methods = await client.listPaymentMethods();
    const card = methods.data.find((m) => m.isDefault)!;
    const purchase = await client.createPurchase({
      packageId: 'pkg_50k',
      paymentMethodId: card.id,
    });
    expect(purchase.status).toBe('succeeded');
    expect(purchase.balance?.available).toBe(before.available + 50_000);
    expect(purchase.transaction).toMatchObject({
      type: 'purchase',
      amount: 50_000,
      purchaseId: purchase.id,
    });
    expect(purchase.transaction?.balanceAfter).toBe(before.available + 50_000);

    const again = await client.sandbox.confirmPurchase(purchase.id, {
      paymentMethod: 'pm_card_visa',
    });
    expect(again.transaction?.id).toBe(purchase.transaction?.id);
    expect((await client.getBalance()).available).toBe(before.available + 50_000);
    const rows = (await client.listTransactions({ type: 'purchase', limit: 100 })).data;
    expect(rows.filter((row) => row.purchaseId === purchase.id)).toHaveLength(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
  });

  it('a new card confirmed through the sandbox is charged and saved', async () => {
    const { client } = mount();
    const created = await client.createPurchase({ packageId: 'pkg_10k' });
    expect(created.status).toBe('requires_payment_method');
    expect(created.clientSecret).toBeTruthy();
    const done = await client.sandbox.confirmPurchase(created.id, {
      paymentMethod: 'pm_card_visa',
      savePaymentMethod: true,
    });
    expect(done.status).toBe('succeeded');
    const methods = await client.listPaymentMethods();
    expect(methods.data.map((m) => m.id)).toContain(done.paymentMethodId);
  });

  it('3D Secure: complete pays, fail leaves the purchase payable with another card', async () => {
    const { client } = mount();
    const first = await client.createPurchase({ packageId: 'pkg_10k' });
    const challenged = await client.sandbox.confirmPurchase(first.id, {
      paymentMethod: 'pm_card_threeDSecure2Required',
    });
    expect(challenged.status).toBe('requires_action');
    expect(
      (await client.sandbox.authenticatePurchase(first.id, { outcome: 'complete' })).status,
    ).toBe('succeeded');

    const second = await client.createPurchase({ packageId: 'pkg_10k' });
    await client.sandbox.confirmPurchase(second.id, {
      paymentMethod: 'pm_card_threeDSecure2Required',
    });
    const failed = await client.sandbox.authenticatePurchase(second.id, { outcome: 'fail' });
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      failure: { code: 'authentication_failed' },
    });
    expect(
      (await client.sandbox.confirmPurchase(second.id, { paymentMethod: 'pm_card_visa' })).status,
    ).toBe('succeeded');
    const conflict = await failure(
      client.sandbox.authenticatePurchase(second.id, { outcome: 'complete' }),
    );
    expect(conflict?.code).toBe('purchase_not_confirmable');
  });

  it.each([
    ['pm_card_visa_chargeDeclined', 'card_declined'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
  ])('%s is declined with %s and grants nothing', async (token, code) => {
    const { client } = mount();
    const before = await client.getBalance();
    const created = await client.createPurchase({ packageId: 'pkg_10k' });
    const declined = await client.sandbox.confirmPurchase(created.id, { paymentMethod: token });
    expect(declined).toMatchObject({ status: 'requires_payment_method', failure: { code } });
    expect((await client.getBalance()).available).toBe(before.available);
  });

  it('refuses an unknown token without charging', async () => {
    const { client } = mount();
    const created = await client.createPurchase({ packageId: 'pkg_10k' });
    const error = await failure(
      client.sandbox.confirmPurchase(created.id, { paymentMethod: '4242424242424242' }),
    );
    expect(error?.code).toBe('validation_failed');
  });
});

describe('idempotency', () => {
  it('replays, refuses a reused key with another body, and answers in-progress', async () => {
    const { client, backend } = mount({ backend: createCreditsBackend({ paymentLatencyMs: 30 }) });
    const methods = await client.listPaymentMethods();
    const body = { packageId: 'pkg_10k', paymentMethodId: methods.data[0]!.id };
    const idempotencyKey = 'key-1';
    const [first, second] = await Promise.allSettled([
      client.createPurchase(body, { idempotencyKey }),
      client.createPurchase(body, { idempotencyKey }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status === 'rejected' && (second.reason as CreditsError).code).toBe(
      'idempotency_in_progress',
    );
    const replay = await client.createPurchase(body, { idempotencyKey });
    expect(replay.id).toBe((first as PromiseFulfilledResult<{ id: string }>).value.id);
    const reused = await failure(
      client.createPurchase({ ...body, packageId: 'pkg_250k' }, { idempotencyKey }),
    );
    expect(reused?.code).toBe('idempotency_key_reused');
    expect(backend.inspect.purchases()).toHaveLength(1);
  });
});

describe('payment methods', () => {
  it('keeps exactly one default and guards deleting it', async () => {
    const { client } = mount();
    const { data } = await client.listPaymentMethods();
    expect(data.filter((m) => m.isDefault)).toHaveLength(1);
    const [defaultMethod, other] = data as [(typeof data)[0], (typeof data)[0]];
    const refused = await failure(client.deletePaymentMethod(defaultMethod.id));
    expect(refused?.code).toBe('default_payment_method_required');
    const after = await client.deletePaymentMethod(defaultMethod.id, { newDefaultId: other.id });
    expect(after.data).toEqual([{ ...other, isDefault: true }]);
    expect((await client.deletePaymentMethod(other.id)).data).toEqual([]);
  });

  it('saves a card through a SetupIntent; the first saved card becomes the default', async () => {
    const { client } = mount({ backend: createCreditsBackend({ paymentMethods: [] }) });
    const intent = await client.createSetupIntent();
    const challenged = await client.sandbox.confirmSetupIntent(intent.id, {
      paymentMethod: 'pm_card_threeDSecure2Required',
    });
    expect(challenged.status).toBe('requires_action');
    const saved = await client.sandbox.authenticateSetupIntent(intent.id, { outcome: 'complete' });
    expect(saved.paymentMethod).toMatchObject({ isDefault: true, card: { last4: '3184' } });
    const second = await client.createSetupIntent();
    const declined = await client.sandbox.confirmSetupIntent(second.id, {
      paymentMethod: 'pm_card_visa_chargeDeclined',
    });
    expect(declined).toMatchObject({
      status: 'requires_payment_method',
      failure: { code: 'card_declined' },
    });
    expect((await client.listPaymentMethods()).data).toHaveLength(1);
  });

  it('sets the default', async () => {
    const { client } = mount();
    const { data } = await client.listPaymentMethods();
    const list = await client.setDefaultPaymentMethod(data[1]!.id);
    expect(list.data[0]).toMatchObject({ id: data[1]!.id, isDefault: true });
    expect(list.data.filter((m) => m.isDefault)).toHaveLength(1);
  });
});

describe('scenarios', () => {
  it('empty: no credits, no history, no cards', async () => {
    server.use(...createCreditsHandlers({ scenario: 'empty', baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE });
    expect(await client.getBalance()).toMatchObject({ total: 0, used: 0, available: 0 });
    expect((await client.listTransactions()).data).toEqual([]);
    expect((await client.listPaymentMethods()).data).toEqual([]);
  });

  it('lowBalance: below the threshold', async () => {
    server.use(...createCreditsHandlers({ scenario: 'lowBalance', baseUrl: BASE }));
    const balance = await createCreditsClient({ baseUrl: BASE }).getBalance();
    expect(balance.available).toBe(1_200);
    expect(balance.available).toBeLessThan(balance.lowBalanceThreshold ?? 0);
  });

  it('expiringGrants: the balance lists them', async () => {
    server.use(...createCreditsHandlers({ scenario: 'expiringGrants', baseUrl: BASE }));
    const balance = await createCreditsClient({ baseUrl: BASE }).getBalance();
    expect(balance.expiring).toHaveLength(2);
  });

  it.each([
    ['unauthenticated', 'getBalance', 'unauthenticated'],
    ['serverError', 'getBalance', 'internal_error'],
    ['malformed', 'getBalance', 'invalid_response'],
    ['malformed', 'listTransactions', 'invalid_response'],
    ['malformed', 'listPackages', 'invalid_response'],
  ] as const)('%s: %s fails with %s', async (scenario, method, code) => {
    server.use(...createCreditsHandlers({ scenario, baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE, retry: false });
    expect((await failure(client[method]()))?.code).toBe(code);
  });

  it('forbidden: may view, may not buy', async () => {
    server.use(...createCreditsHandlers({ scenario: 'forbidden', baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE });
    await expect(client.getBalance()).resolves.toBeTruthy();
    expect((await failure(client.createPurchase({ packageId: 'pkg_10k' })))?.code).toBe(
      'forbidden',
    );
  });

  it('cardDeclined and threeDSecure: the saved default card behaves so', async () => {
    for (const [scenario, status] of [
      ['cardDeclined', 'requires_payment_method'],
      ['threeDSecure', 'requires_action'],
    ] as const) {
      server.use(...createCreditsHandlers({ scenario, baseUrl: BASE }));
      const client = createCreditsClient({ baseUrl: BASE });
      const card = (await client.listPaymentMethods()).data.find((m) => m.isDefault)!;
      expect(
        (await client.createPurchase({ packageId: 'pkg_10k', paymentMethodId: card.id })).status,
      ).toBe(status);
    }
  });

  it('webhookDelay: the purchase stays processing, then credits arrive exactly once', async () => {
    let time = Date.parse('2026-11-24T12:00:00Z');
    const backend: CreditsBackend = createCreditsBackend({
      webhookDelayMs: 5_000,
      now: () => new Date(time),
    });
    const { client } = mount({ backend });
    const before = (await client.getBalance()).available;
    const created = await client.createPurchase({ packageId: 'pkg_10k' });
    const processing = await client.sandbox.confirmPurchase(created.id, {
      paymentMethod: 'pm_card_visa',
    });
    expect(processing.status).toBe('processing');
    time += 4_000;
    expect((await client.getPurchase(created.id)).status).toBe('processing');
    expect((await client.getBalance()).available).toBe(before);
    time += 1_000;
    const settled = await client.getPurchase(created.id);
    expect(settled.status).toBe('succeeded');
    await client.getPurchase(created.id);
    expect((await client.getBalance()).available).toBe(before + 10_000);
  });
});

/** Lets I/O and promise callbacks run until `done()`, without moving (fake) time on. */
async function untilSettled(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('network fault scenarios', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('slow: every answer takes 2.5 s, then arrives intact', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ scenario: 'slow', backend, baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE, retry: false, timeoutMs: 10_000 });
    let arrived = false;
    const balance = client.getBalance().finally(() => {
      arrived = true;
    });
    await vi.advanceTimersByTimeAsync(2_499);
    await untilSettled(() => arrived);
    expect(arrived).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await untilSettled(() => arrived);
    expect(arrived).toBe(true);
    expect(await balance).toEqual(backend.balance().body);
  });

  it('hang: never answers, the client’s timeout fires, and no timer is left behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ scenario: 'hang', backend, baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE, retry: false, timeoutMs: 5_000 });
    const balance = failure(client.getBalance());
    const purchase = failure(
      client.createPurchase({ packageId: 'pkg_10k' }, { idempotencyKey: 'key-hang' }),
    );
    await vi.advanceTimersByTimeAsync(4_999);
    // Only the client's own two timeouts are pending: the handlers hold no timer.
    expect(vi.getTimerCount()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await balance)?.code).toBe('timeout');
    expect((await purchase)?.code).toBe('timeout');
    expect(vi.getTimerCount()).toBe(0);
    // The write never reached the backend.
    expect(backend.inspect.purchases()).toEqual([]);
  });

  it('dropAfterWrite: the purchase is made but its answer is lost; the same key gets it, once', async () => {
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ scenario: 'dropAfterWrite', backend, baseUrl: BASE }));
    const client = createCreditsClient({ baseUrl: BASE, retry: false });
    const before = (await client.getBalance()).available;
    const card = (await client.listPaymentMethods()).data.find((m) => m.isDefault)!;
    const body = { packageId: 'pkg_10k', paymentMethodId: card.id };

    const lost = await failure(client.createPurchase(body, { idempotencyKey: 'key-lost' }));
    expect(lost?.code).toBe('network_error');
    // The backend did the work: charged and credited, though the client never heard.
    const [made] = backend.inspect.purchases();
    expect(made?.status).toBe('succeeded');
    expect((await client.getBalance()).available).toBe(before + 10_000);

    const replay = await client.createPurchase(body, { idempotencyKey: 'key-lost' });
    expect(replay).toMatchObject({ id: made?.id, status: 'succeeded' });
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect((await client.getBalance()).available).toBe(before + 10_000);

    // The client's own retries (same key) recover a lost answer without paying twice.
    const retrying = createCreditsClient({ baseUrl: BASE, retry: { baseDelayMs: 1 } });
    const again = await retrying.createPurchase(body, { idempotencyKey: 'key-retried' });
    expect(again.status).toBe('succeeded');
    expect(backend.inspect.purchases()).toHaveLength(2);
    expect((await client.getBalance()).available).toBe(before + 20_000);

    // A write without a key is applied too, its first answer lost.
    const other = (await client.listPaymentMethods()).data.find((m) => !m.isDefault)!;
    expect((await failure(client.setDefaultPaymentMethod(other.id)))?.code).toBe('network_error');
    expect((await client.listPaymentMethods()).data.find((m) => m.isDefault)?.id).toBe(other.id);
  });

  it('outOfOrder: the second read is answered after the third, with the state it saw on arrival', async () => {
    const backend = createCreditsBackend();
    let computed = 0;
    const counting: CreditsBackend = {
      ...backend,
      balance: () => {
        computed += 1;
        return backend.balance();
      },
    };
    server.use(
      ...createCreditsHandlers({ scenario: 'outOfOrder', backend: counting, baseUrl: BASE }),
    );
    const client = createCreditsClient({ baseUrl: BASE, retry: false });
    const arrived: number[] = [];
    const read = () =>
      client.getBalance().then((balance) => {
        arrived.push(balance.available);
        return balance;
      });

    const start = (await read()).available; // the first read: answered at once
    const older = read(); // the second: answered from the state now, then held
    await vi.waitFor(() => expect(computed).toBe(2));
    backend.spend({ credits: 500, description: 'Website generation' });
    const newer = await read(); // the third: goes out first
    expect(newer.available).toBe(start - 500);
    expect(arrived).toEqual([start, start - 500]);
    expect((await older).available).toBe(start);
    // The older answer arrives last, with the state it was worked out from.
    expect(arrived).toEqual([start, start - 500, start]);

    // A held answer with no newer read after it still arrives (held at most 1 s).
    const alone = await read();
    expect(alone.available).toBe(start - 500);
  });
});

describe('usage and the rest of the contract', () => {
  it('spend debits credits and refuses to overdraw', async () => {
    const { client, backend } = mount({
      backend: createCreditsBackend({ transactions: [], paymentMethods: [] }),
    });
    expect(() => backend.spend({ credits: 10, description: 'Website generation' })).toThrow(
      /Not enough credits|credits/,
    );
    const methods = await client.createSetupIntent();
    await client.sandbox.confirmSetupIntent(methods.id, { paymentMethod: 'pm_card_visa' });
    const card = (await client.listPaymentMethods()).data[0]!;
    await client.createPurchase({ packageId: 'pkg_10k', paymentMethodId: card.id });
    backend.spend({
      credits: 1_250,
      description: 'Website generation',
      websiteId: 'web_1',
      websiteName: 'Bakery',
    });
    const balance = await client.getBalance();
    expect(balance).toMatchObject({ total: 10_000, used: 1_250, available: 8_750 });
    const usage = await client.getUsageByWebsite();
    expect(usage.data).toEqual([
      { website: { id: 'web_1', name: 'Bakery', url: null }, credits: 1_250, transactionCount: 1 },
    ]);
  });

  it('answers unknown routes with a problem+json 404', async () => {
    mount();
    const response = await fetch(`${BASE}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('requires an Idempotency-Key on purchases', async () => {
    mount();
    const response = await fetch(`${BASE}/purchases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ packageId: 'pkg_10k' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'validation_failed' });
  });
});
