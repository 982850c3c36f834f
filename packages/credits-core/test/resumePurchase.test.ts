import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCreditsClient } from '../src/index';
import {
  createPurchaseFlow,
  createSandboxPaymentProvider,
  createStoragePendingPurchaseStore,
  type StorageLike,
} from '../src/payments/index';
import { listenWithMsw, server } from './server';

listenWithMsw();

const BASE = 'http://credits.test/api/credits/v1';
const KEY = 'credits:pending-purchase:acct_1';

/** What sessionStorage keeps across a reload: it outlives every flow ("page") below. */
function memoryStorage(): StorageLike & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    getItem: (key) => raw.get(key) ?? null,
    setItem: (key, value) => void raw.set(key, value),
    removeItem: (key) => void raw.delete(key),
  };
}

function setup(backendOptions: Parameters<typeof createCreditsBackend>[0] = {}) {
  const backend = createCreditsBackend(backendOptions);
  const purchasePosts: string[] = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/purchases'))
      purchasePosts.push(request.headers.get('idempotency-key') ?? '');
  });
  server.use(...createCreditsHandlers({ baseUrl: BASE, backend }));
  const client = createCreditsClient({ baseUrl: BASE, retry: { retries: 0 } });
  const storage = memoryStorage();
  /** One page load: a fresh flow over the same storage. */
  const page = () => {
    const onSucceeded = vi.fn();
    const flow = createPurchaseFlow({
      client,
      provider: createSandboxPaymentProvider(client),
      pollIntervalMs: 5,
      maxPollIntervalMs: 20,
      onSucceeded,
      store: createStoragePendingPurchaseStore(storage, KEY),
    });
    return { flow, onSucceeded };
  };
  const defaultCard = async () =>
    (await client.listPaymentMethods()).data.find((method) => method.isDefault)!.id;
  return { backend, client, storage, page, purchasePosts, defaultCard };
}

const settled = (flow: ReturnType<typeof createPurchaseFlow>) =>
  vi.waitFor(
    () => {
      expect(['succeeded', 'declined', 'idle']).toContain(flow.getSnapshot().status);
    },
    { timeout: 5_000, interval: 10 },
  );

describe('a page reload mid-payment', () => {
  it('resumes polling a processing purchase instead of paying again', async () => {
    const { backend, client, storage, page, purchasePosts, defaultCard } = setup({
      webhookDelayMs: 150,
    });
    const before = (await client.getBalance()).available;
    const first = page();
    void first.flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });
    await vi.waitFor(() => expect(first.flow.getSnapshot().status).toBe('processing'));
    first.flow.dispose(); // the reload

    expect(JSON.parse(storage.raw.get(KEY)!)).toMatchObject({ packageId: 'pkg_10k' });
    const second = page();
    await expect(second.flow.resume()).resolves.toBe(true);
    await settled(second.flow);

    expect(second.flow.getSnapshot().status).toBe('succeeded');
    expect(second.onSucceeded).toHaveBeenCalledTimes(1);
    expect(purchasePosts).toHaveLength(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect((await client.getBalance()).available).toBe(before + 10_000);
    // Settled: the next load has nothing to resume.
    expect(storage.raw.has(KEY)).toBe(false);
    await expect(page().flow.resume()).resolves.toBe(false);
  });

  it('a reset() before resume() (a view mounted twice) keeps the attempt the reload kept', async () => {
    const { backend, client, storage, page, purchasePosts, defaultCard } = setup({
      webhookDelayMs: 150,
    });
    const before = (await client.getBalance()).available;
    const first = page();
    void first.flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });
    await vi.waitFor(() => expect(first.flow.getSnapshot().status).toBe('processing'));
    first.flow.dispose(); // the reload

    const second = page();
    second.flow.reset();
    expect(storage.raw.has(KEY)).toBe(true);
    await expect(second.flow.resume()).resolves.toBe(true);
    await settled(second.flow);
    expect(second.flow.getSnapshot().status).toBe('succeeded');
    expect(purchasePosts).toHaveLength(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect((await client.getBalance()).available).toBe(before + 10_000);
  });

  it('replays a creation that was in flight with the same Idempotency-Key: one purchase, one charge', async () => {
    const { backend, client, page, purchasePosts, defaultCard } = setup();
    const before = (await client.getBalance()).available;
    // The first POST reaches the backend, but the page is gone before the answer arrives.
    let reload: () => void = () => {};
    server.use(
      http.post(
        `${BASE}/purchases`,
        async () => {
          reload();
          await delay(50);
          return undefined; // fall through to the fake backend, after the page went away
        },
        { once: true },
      ),
    );
    const first = page();
    reload = () => first.flow.dispose();
    await first.flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });

    const second = page();
    await expect(second.flow.resume()).resolves.toBe(true);
    await settled(second.flow);

    expect(second.flow.getSnapshot().status).toBe('succeeded');
    expect(new Set(purchasePosts).size).toBe(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect((await client.getBalance()).available).toBe(before + 10_000);
  });

  it('drops a new-card purchase that was never confirmed: nothing was charged, the user may pay', async () => {
    const { backend, client, storage, page } = setup();
    const before = (await client.getBalance()).available;
    // The purchase exists (requires_payment_method) when the page goes away, before confirmation.
    const purchase = await client.createPurchase(
      { packageId: 'pkg_10k', savePaymentMethod: false },
      { idempotencyKey: 'key-1' },
    );
    storage.setItem(
      KEY,
      JSON.stringify({ idempotencyKey: 'key-1', packageId: 'pkg_10k', purchaseId: purchase.id }),
    );

    const next = page();
    await expect(next.flow.resume()).resolves.toBe(true);
    expect(next.flow.getSnapshot().status).toBe('idle');
    expect(storage.raw.has(KEY)).toBe(false);
    expect(backend.inspect.purchases().map((p) => p.status)).toEqual(['requires_payment_method']);
    expect((await client.getBalance()).available).toBe(before);
  });

  it('forgets a purchase the backend does not know (another account, or gone)', async () => {
    const { storage, page } = setup();
    storage.setItem(
      KEY,
      JSON.stringify({ idempotencyKey: 'k', packageId: 'pkg_10k', purchaseId: 'pur_nope' }),
    );
    const next = page();
    await expect(next.flow.resume()).resolves.toBe(true);
    expect(next.flow.getSnapshot().status).toBe('idle');
    expect(storage.raw.has(KEY)).toBe(false);
  });

  it('treats unreadable or throwing storage as empty, and still pays', async () => {
    const { storage, page, defaultCard } = setup();
    storage.setItem(KEY, '{"idempotencyKey": 42');
    await expect(page().flow.resume()).resolves.toBe(false);
    storage.setItem(KEY, JSON.stringify({ idempotencyKey: '', packageId: 'pkg_10k' }));
    await expect(page().flow.resume()).resolves.toBe(false);

    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const client = createCreditsClient({ baseUrl: BASE, retry: false });
    const flow = createPurchaseFlow({
      client,
      provider: createSandboxPaymentProvider(client),
      store: createStoragePendingPurchaseStore(throwing, KEY),
    });
    await expect(flow.resume()).resolves.toBe(false);
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });
    expect(flow.getSnapshot().status).toBe('succeeded');
  });

  it('keeps a declined or succeeded attempt out of storage', async () => {
    const { storage, page, defaultCard } = setup();
    const { flow } = page();
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(storage.raw.has(KEY)).toBe(false);

    server.use(
      http.post(`${BASE}/purchases`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Declined', status: 402, code: 'card_declined' },
          { status: 402 },
        ),
      ),
    );
    flow.reset();
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await defaultCard() });
    flow.reset();
    expect(storage.raw.has(KEY)).toBe(false);
  });
});
