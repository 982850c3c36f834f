import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCreditsClient } from '../src/index';
import {
  createPurchaseFlow,
  createSandboxPaymentProvider,
  type PurchaseFlow,
  type PurchaseFlowState,
} from '../src/payments/index';
import { listenWithMsw, server } from './server';

listenWithMsw();

const BASE = 'http://credits.test/api/credits/v1';

function setup(backendOptions: Parameters<typeof createCreditsBackend>[0] = {}) {
  const backend = createCreditsBackend({ ...backendOptions });
  const posts: string[] = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST')
      posts.push(
        `${new URL(request.url).pathname} ${request.headers.get('idempotency-key') ?? ''}`,
      );
  });
  server.use(...createCreditsHandlers({ baseUrl: BASE, backend }));
  const client = createCreditsClient({
    baseUrl: BASE,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });
  const onSucceeded = vi.fn();
  const flow = createPurchaseFlow({
    client,
    provider: createSandboxPaymentProvider(client),
    pollIntervalMs: 5,
    onSucceeded,
  });
  const states: PurchaseFlowState['status'][] = [];
  flow.subscribe(() => states.push(flow.getSnapshot().status));
  return { backend, client, flow, onSucceeded, states, posts };
}

/** The backend creates the purchase, but the first `count` answers are lost on the way back. */
function loseAnswers(backend: ReturnType<typeof createCreditsBackend>, count: number) {
  let dropped = 0;
  server.use(
    http.post(`${BASE}/purchases`, async ({ request }) => {
      if (dropped++ >= count) return undefined;
      await backend.createPurchase(
        await request.clone().json(),
        request.headers.get('idempotency-key'),
      );
      return HttpResponse.error();
    }),
  );
}

const savedDefault = async (flow: PurchaseFlow, client: ReturnType<typeof createCreditsClient>) => {
  void flow;
  return (await client.listPaymentMethods()).data.find((m) => m.isDefault)!.id;
};

describe('purchase flow', () => {
  it('pays with the saved default card and reports success once', async () => {
    const { flow, client, onSucceeded, states, backend } = setup();
    const before = (await client.getBalance()).available;
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await savedDefault(flow, client) });
    const state = flow.getSnapshot();
    expect(state.status).toBe('succeeded');
    expect(state.status === 'succeeded' && state.purchase.balance?.available).toBe(before + 10_000);
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['paying', 'succeeded']);
    expect(backend.inspect.purchases()).toHaveLength(1);
  });

  it('a double activation creates one purchase', async () => {
    const { flow, client, backend, posts } = setup({ paymentLatencyMs: 20 });
    const id = await savedDefault(flow, client);
    await Promise.all([
      flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id }),
      flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id }),
    ]);
    expect(posts.filter((p) => p.startsWith('/api/credits/v1/purchases'))).toHaveLength(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
  });

  it('pays with a new sandbox card and saves it', async () => {
    const { flow, client } = setup();
    await flow.pay('pkg_10k', {
      type: 'new',
      card: { token: 'pm_card_visa', savePaymentMethod: true },
    });
    const state = flow.getSnapshot();
    expect(state.status).toBe('succeeded');
    const methods = await client.listPaymentMethods();
    expect(state.status === 'succeeded' && methods.data.map((m) => m.id)).toContain(
      state.status === 'succeeded' ? state.purchase.paymentMethodId : '',
    );
  });

  it('3D Secure: waits for the challenge, then completes', async () => {
    const { flow } = setup();
    await flow.pay('pkg_10k', { type: 'new', card: { token: 'pm_card_threeDSecure2Required' } });
    expect(flow.getSnapshot().status).toBe('challenge');
    await flow.pay('pkg_10k', { type: 'new', card: { token: 'pm_card_visa' } });
    expect(flow.getSnapshot().status).toBe('challenge');
    await flow.authenticate('complete');
    expect(flow.getSnapshot().status).toBe('succeeded');
  });

  it('3D Secure failure and declines end the attempt; the next one gets a new key', async () => {
    const { flow, posts } = setup();
    await flow.pay('pkg_10k', { type: 'new', card: { token: 'pm_card_threeDSecure2Required' } });
    await flow.authenticate('fail');
    const failed = flow.getSnapshot();
    expect(failed.status === 'declined' && failed.failure.code).toBe('authentication_failed');
    await flow.pay('pkg_10k', {
      type: 'new',
      card: { token: 'pm_card_visa_chargeDeclinedInsufficientFunds' },
    });
    const declined = flow.getSnapshot();
    expect(declined.status === 'declined' && declined.failure.code).toBe('insufficient_funds');
    const keys = posts
      .filter((p) => p.startsWith('/api/credits/v1/purchases '))
      .map((p) => p.split(' ')[1]);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('keeps polling through a late webhook and credits once', async () => {
    const { flow, client, onSucceeded } = setup({ webhookDelayMs: 60 });
    const before = (await client.getBalance()).available;
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: await savedDefault(flow, client) });
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect((await client.getBalance()).available).toBe(before + 10_000);
  });

  it('a dropped response is retried with the same key and charges once', async () => {
    const { flow, client, backend, posts } = setup();
    const id = await savedDefault(flow, client);
    loseAnswers(backend, 3);
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id });
    const error = flow.getSnapshot();
    expect(error.status === 'error' && error.retryable).toBe(true);
    await flow.retry();
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(backend.inspect.purchases()).toHaveLength(1);
    const keys = new Set(
      posts.filter((p) => p.startsWith('/api/credits/v1/purchases ')).map((p) => p.split(' ')[1]),
    );
    expect(keys.size).toBe(1);
  });

  it.each([
    ['starting over with reset() and pay()', (flow: PurchaseFlow) => flow.reset()],
    ['pressing Pay again while "Try again" shows', () => {}],
  ])('a dropped response, then %s, still charges once', async (_, between) => {
    const { flow, client, backend, posts } = setup();
    const id = await savedDefault(flow, client);
    loseAnswers(backend, 3);
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: true });
    between(flow);
    // The user asks again, even for another package: the unfinished attempt is repeated.
    await flow.pay('pkg_50k', { type: 'saved', paymentMethodId: id });
    expect(flow.getSnapshot()).toMatchObject({
      status: 'succeeded',
      purchase: { packageId: 'pkg_10k' },
    });
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect(new Set(posts.map((post) => post.split(' ')[1])).size).toBe(1);
    // Settled: the next Pay is a new purchase with a new key.
    await flow.pay('pkg_50k', { type: 'saved', paymentMethodId: id });
    expect(backend.inspect.purchases()).toHaveLength(2);
  });

  it('a refusal before any charge (4xx) ends the attempt: the next Pay gets a new key', async () => {
    const { flow, client, backend, posts } = setup();
    const id = await savedDefault(flow, client);
    server.use(
      http.post(
        `${BASE}/purchases`,
        () =>
          HttpResponse.json(
            { title: 'Invalid', status: 400, code: 'validation_failed' },
            { status: 400 },
          ),
        { once: true },
      ),
    );
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: false });
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: id });
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect(new Set(posts.map((post) => post.split(' ')[1])).size).toBe(2);
  });

  it('a forbidden account gets a non-retryable error', async () => {
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ baseUrl: BASE, backend, scenario: 'forbidden' }));
    const client = createCreditsClient({ baseUrl: BASE });
    const flow = createPurchaseFlow({ client, provider: createSandboxPaymentProvider(client) });
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: 'pm_x' });
    const state = flow.getSnapshot();
    expect(state.status === 'error' && [state.error.code, state.retryable]).toEqual([
      'forbidden',
      false,
    ]);
  });

  it('reset stops polling and returns to idle', async () => {
    const { flow, client } = setup({ webhookDelayMs: 60_000 });
    const paying = flow.pay('pkg_10k', {
      type: 'saved',
      paymentMethodId: await savedDefault(flow, client),
    });
    await vi.waitFor(() => expect(flow.getSnapshot().status).toBe('processing'));
    flow.reset();
    await paying;
    expect(flow.getSnapshot().status).toBe('idle');
  });
});
