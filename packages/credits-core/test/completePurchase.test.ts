import { createCreditsBackend, createCreditsHandlers, creditsScenarios } from 'credits-msw';
import { describe, expect, it, vi } from 'vitest';
import { getAutoRecharge } from '../src/autoRecharge/index';
import { createCreditsClient } from '../src/index';
import {
  createPurchaseFlow,
  createSandboxPaymentProvider,
  type PurchaseFlowState,
} from '../src/payments/index';
import { listenWithMsw, server } from './server';

listenWithMsw();

const BASE = 'http://credits.test/api/credits/v1';

/** An auto-recharge charged off-session that waits for 3D Secure (credits-msw's scenario). */
async function setup() {
  const backend = createCreditsBackend(creditsScenarios.autoRechargeNeedsAction.backend);
  await backend.autoRecharge.settled();
  const posts: string[] = [];
  server.events.removeAllListeners();
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST') posts.push(new URL(request.url).pathname);
  });
  server.use(...createCreditsHandlers({ baseUrl: BASE, backend }));
  const client = createCreditsClient({ baseUrl: BASE, retry: false });
  const onSucceeded = vi.fn();
  const flow = createPurchaseFlow({
    client,
    provider: createSandboxPaymentProvider(client),
    pollIntervalMs: 5,
    onSucceeded,
  });
  const states: PurchaseFlowState['status'][] = [];
  flow.subscribe(() => states.push(flow.getSnapshot().status));
  const document = await getAutoRecharge(client);
  const purchaseId = document.status.actionPurchaseId as string;
  return { backend, client, flow, onSucceeded, states, posts, purchaseId };
}

describe('purchase flow: complete() an existing purchase that needs the user', () => {
  it('opens its 3D Secure challenge, then credits it once, without creating a purchase', async () => {
    const { client, flow, onSucceeded, states, posts, purchaseId } = await setup();
    expect(purchaseId).toMatch(/\S/);
    const before = (await client.getBalance()).available;
    await flow.complete(purchaseId);
    const challenge = flow.getSnapshot();
    expect(challenge.status).toBe('challenge');
    expect(challenge.status === 'challenge' && challenge.purchase.id).toBe(purchaseId);
    await flow.authenticate('complete');
    const done = flow.getSnapshot();
    expect(done.status).toBe('succeeded');
    expect(done.status === 'succeeded' && done.purchase.id).toBe(purchaseId);
    expect(onSucceeded).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['paying', 'challenge', 'paying', 'succeeded']);
    // Nothing was bought anew: the only POST answered the challenge.
    expect(posts).toEqual([`/api/credits/v1/sandbox/purchases/${purchaseId}/authenticate`]);
    expect((await client.getBalance()).available).toBe(before + 10_000);
    const after = await getAutoRecharge(client);
    expect(after.status.state).not.toBe('needs_action');
    expect(after.status.actionPurchaseId).toBeNull();
  });

  it('a failed challenge is a decline the user sees; a second complete() asks the backend again', async () => {
    const { flow, purchaseId } = await setup();
    await flow.complete(purchaseId);
    await flow.authenticate('fail');
    expect(flow.getSnapshot().status).toBe('declined');
    flow.reset();
    await flow.complete(purchaseId);
    // The backend no longer asks for 3D Secure on it: the flow says so, it offers no challenge.
    expect(flow.getSnapshot().status).toBe('declined');
  });

  it('an unknown purchase is an error state, not a challenge', async () => {
    const { flow } = await setup();
    await flow.complete('pur_nope');
    const state = flow.getSnapshot();
    expect(state.status).toBe('error');
    expect(state.status === 'error' && state.error.code).toBe('not_found');
  });

  it('is ignored while a payment is in flight (a double click starts nothing)', async () => {
    const { flow, purchaseId, states } = await setup();
    await Promise.all([flow.complete(purchaseId), flow.complete(purchaseId)]);
    expect(flow.getSnapshot().status).toBe('challenge');
    expect(states).toEqual(['paying', 'challenge']);
  });
});
