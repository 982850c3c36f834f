import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCreditsClient } from '../src/index';
import {
  createSandboxPaymentProvider,
  createSaveCardFlow,
  createStripePaymentProvider,
  type SaveCardFlowState,
} from '../src/payments/index';
import { mockStripe } from './mockStripe';
import { listenWithMsw, server } from './server';

listenWithMsw();

const BASE = 'http://credits.test/api/credits/v1';
const SETUP = '/api/credits/v1/setup-intents';

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
  const flow = createSaveCardFlow({
    client,
    provider: createSandboxPaymentProvider(client),
    onSucceeded,
  });
  const states: SaveCardFlowState['status'][] = [];
  flow.subscribe(() => states.push(flow.getSnapshot().status));
  /** The Idempotency-Keys of every SetupIntent creation sent. */
  const keys = () => posts.filter((p) => p.startsWith(`${SETUP} `)).map((p) => p.split(' ')[1]);
  const cards = async () => (await client.listPaymentMethods()).data.map((m) => m.card?.last4);
  return { backend, client, flow, onSucceeded, states, posts, keys, cards };
}

/** The backend does the work, but the first `count` answers to `path` are lost on the way back. */
function loseAnswers(
  path: string,
  count: number,
  work: (request: Request, params: Record<string, string>) => Promise<unknown>,
) {
  let dropped = 0;
  server.use(
    http.post<Record<string, string>>(`${BASE}${path}`, async ({ request, params }) => {
      if (dropped++ >= count) return undefined;
      await work(request.clone(), params);
      return HttpResponse.error();
    }),
  );
}

describe('save-card flow', () => {
  it('saves a sandbox card: the list holds it, success is reported once', async () => {
    const { flow, onSucceeded, states, cards } = setup();
    const before = await cards();
    await flow.save({ token: 'pm_card_mastercard' });
    const state = flow.getSnapshot();
    expect(state.status).toBe('succeeded');
    expect(state.status === 'succeeded' && state.setupIntent.paymentMethod?.card?.last4).toBe(
      '4444',
    );
    expect(await cards()).toHaveLength(before.length + 1);
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['saving', 'saving', 'succeeded']);
  });

  it('a double activation creates one SetupIntent and saves one card', async () => {
    const { flow, keys, cards } = setup({ paymentLatencyMs: 20 });
    const before = await cards();
    await Promise.all([flow.save({ token: 'pm_card_visa' }), flow.save({ token: 'pm_card_visa' })]);
    expect(keys()).toHaveLength(1);
    expect(await cards()).toHaveLength(before.length + 1);
  });

  it('3D Secure: waits for the challenge (a second Save is ignored), then completes', async () => {
    const { flow, keys } = setup();
    await flow.save({ token: 'pm_card_threeDSecure2Required' });
    expect(flow.getSnapshot().status).toBe('challenge');
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot().status).toBe('challenge');
    await flow.authenticate('complete');
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(keys()).toHaveLength(1);
  });

  it('3D Secure failure and declines end the attempt; the next one gets a new key', async () => {
    const { flow, keys, cards } = setup();
    const before = await cards();
    await flow.save({ token: 'pm_card_threeDSecure2Required' });
    await flow.authenticate('fail');
    expect(flow.getSnapshot()).toMatchObject({
      status: 'declined',
      failure: { code: 'authentication_failed' },
    });
    await flow.save({ token: 'pm_card_visa_chargeDeclined' });
    expect(flow.getSnapshot()).toMatchObject({
      status: 'declined',
      failure: { code: 'card_declined' },
    });
    expect(keys()).toHaveLength(2);
    expect(new Set(keys()).size).toBe(2);
    expect(await cards()).toEqual(before);
  });

  it('a lost answer to the creation is retried with the same key: one SetupIntent', async () => {
    const { flow, backend, keys, cards } = setup();
    const before = await cards();
    loseAnswers('/setup-intents', 3, async (request) =>
      backend.createSetupIntent(request.headers.get('idempotency-key')),
    );
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: true });
    await flow.retry();
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(new Set(keys()).size).toBe(1);
    expect(await cards()).toHaveLength(before.length + 1);
  });

  it.each([
    ['starting over with reset() and save()', (flow: { reset(): void }) => flow.reset()],
    ['pressing Save again while "Try again" shows', () => {}],
  ])(
    'a lost answer, then %s, repeats the attempt instead of starting another',
    async (_, between) => {
      const { flow, backend, keys, cards } = setup();
      const before = await cards();
      loseAnswers('/setup-intents', 3, async (request) =>
        backend.createSetupIntent(request.headers.get('idempotency-key')),
      );
      await flow.save({ token: 'pm_card_visa' });
      expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: true });
      between(flow);
      await flow.save({ token: 'pm_card_visa' });
      expect(flow.getSnapshot().status).toBe('succeeded');
      expect(new Set(keys()).size).toBe(1);
      // Settled: the next card is a new SetupIntent with a new key.
      await flow.save({ token: 'pm_card_mastercard' });
      expect(new Set(keys()).size).toBe(2);
      expect(await cards()).toHaveLength(before.length + 2);
    },
  );

  it('a lost answer to the confirmation confirms the same SetupIntent again: one card saved', async () => {
    const { flow, backend, keys, cards } = setup();
    const before = await cards();
    loseAnswers('/sandbox/setup-intents/:setupIntentId/confirm', 1, async (request, params) =>
      backend.sandbox.confirmSetupIntent(params.setupIntentId ?? '', await request.json()),
    );
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: true });
    await flow.retry();
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(keys()).toHaveLength(1);
    expect(await cards()).toHaveLength(before.length + 1);
  });

  it('a refusal before anything was created (4xx) ends the attempt: the next Save gets a new key', async () => {
    const { flow, keys } = setup();
    server.use(
      http.post(
        `${BASE}/setup-intents`,
        () =>
          HttpResponse.json(
            { title: 'Invalid', status: 400, code: 'validation_failed' },
            { status: 400 },
          ),
        { once: true },
      ),
    );
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: false });
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(new Set(keys()).size).toBe(2);
  });

  it('a forbidden account gets a non-retryable error', async () => {
    const backend = createCreditsBackend();
    server.use(...createCreditsHandlers({ baseUrl: BASE, backend, scenario: 'forbidden' }));
    const client = createCreditsClient({ baseUrl: BASE });
    const flow = createSaveCardFlow({ client, provider: createSandboxPaymentProvider(client) });
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'forbidden' },
      retryable: false,
    });
  });

  it('reset aborts the step in flight and returns to idle for good', async () => {
    const { flow, states } = setup({ paymentLatencyMs: 200 });
    const saving = flow.save({ token: 'pm_card_visa' });
    await vi.waitFor(() => expect(flow.getSnapshot()).toMatchObject({ step: 'confirming' }));
    flow.reset();
    await saving;
    expect(flow.getSnapshot().status).toBe('idle');
    expect(states.at(-1)).toBe('idle');
  });

  it('without a payment provider yet, nothing is sent and the error says so', async () => {
    const { client, posts } = setup();
    const flow = createSaveCardFlow({ client, provider: () => undefined });
    await flow.save({ token: 'pm_card_visa' });
    expect(flow.getSnapshot()).toMatchObject({ status: 'error', retryable: false });
    expect(posts).toEqual([]);
  });

  it('Stripe: an incomplete form creates no SetupIntent; a complete one confirms with its secret', async () => {
    const { client, keys } = setup();
    const stripe = mockStripe();
    const flow = createSaveCardFlow({
      client,
      provider: createStripePaymentProvider({
        client,
        getStripe: async () => stripe,
        returnUrl: () => 'https://host.example/billing',
      }),
    });
    const incomplete = {
      submit: async () => ({ error: { message: 'Your card number is incomplete.' } }),
    };
    await flow.save({ elements: incomplete });
    expect(flow.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'validation_failed', message: 'Your card number is incomplete.' },
    });
    expect(keys()).toEqual([]);
    const elements = { submit: async () => ({}) };
    await flow.save({ elements });
    expect(flow.getSnapshot().status).toBe('succeeded');
    expect(keys()).toHaveLength(1);
    expect(stripe.confirmSetup).toHaveBeenCalledWith(
      expect.objectContaining({ elements, clientSecret: expect.stringMatching(/^seti_/) }),
    );
  });
});
