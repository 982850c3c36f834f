import { createCreditsClient } from 'credits-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { withinOneWindow } from './rateLimitWindow';
import { postUsage, TEST_API_KEY } from './serverApiKey';

let server: StartedCreditsServer;
beforeAll(async () => {
  server = await startCreditsServer({
    createsPerMinute: 3,
    corsOrigins: ['https://app.example'],
    serverApiKeys: [TEST_API_KEY],
  });
}, 60_000);
afterAll(() => server?.close());

const spend = (account: string, key: string, credits: number) =>
  postUsage(server.baseUrl, `acct_${account}`, key, {
    credits,
    description: 'Website generation',
    websiteId: 'web_1',
    websiteName: 'Bakery',
  });

describe('reference server API additions', () => {
  it('the usage API debits once per Idempotency-Key and never overdraws', async () => {
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer spender' },
    });
    expect((await spend('spender', 'u0', 10)).status).toBe(402);
    const intent = await client.createSetupIntent();
    const card = (
      await client.sandbox.confirmSetupIntent(intent.id, { paymentMethod: 'pm_card_visa' })
    ).paymentMethod!;
    await client.createPurchase({ packageId: 'pkg_10k', paymentMethodId: card.id });
    const first = await spend('spender', 'u1', 1_250);
    const replay = await spend('spender', 'u1', 1_250);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(await replay.json()).toEqual(await first.json());
    expect((await client.getBalance()).available).toBe(8_750);
    const tooMuch = await spend('spender', 'u2', 9_000);
    expect(tooMuch.status).toBe(402);
    expect(await tooMuch.json()).toMatchObject({ code: 'insufficient_credits' });
    expect((await client.getUsageByWebsite()).data[0]).toMatchObject({
      website: { id: 'web_1' },
      credits: 1_250,
    });
  });

  it('rate-limits purchase creation per account (card testing)', async () => {
    await withinOneWindow();
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer tester' },
      retry: false,
    });
    for (let i = 0; i < 3; i += 1) await client.createPurchase({ packageId: 'pkg_10k' });
    const limited = await client.createPurchase({ packageId: 'pkg_10k' }).catch((error) => error);
    expect(limited.code).toBe('rate_limited');
    expect(limited.status).toBe(429);
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(60_000);
    const other = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer someone-else' },
    });
    await expect(other.createPurchase({ packageId: 'pkg_10k' })).resolves.toBeTruthy();
  }, 15_000);

  it('rate-limits SetupIntent creation too, in one budget with purchases', async () => {
    await withinOneWindow();
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer card-tester' },
      retry: false,
    });
    for (let i = 0; i < 3; i += 1) await client.createSetupIntent();
    const limited = await client.createSetupIntent().catch((error) => error);
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(1_000);
    const purchase = await client.createPurchase({ packageId: 'pkg_10k' }).catch((error) => error);
    expect(purchase.code).toBe('rate_limited');
  }, 15_000);

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.baseUrl}/balance`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    expect(
      (await preflight('https://app.example')).headers.get('access-control-allow-origin'),
    ).toBe('https://app.example');
    expect(
      (await preflight('https://evil.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('keeps accounts apart', async () => {
    const alice = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer alice2' },
    });
    const bob = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer bob2' },
    });
    const purchase = await alice.createPurchase({ packageId: 'pkg_10k' });
    const error = await bob.getPurchase(purchase.id).catch((e) => e);
    expect(error.code).toBe('not_found');
  });
});
