import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CreditsHttpError } from '../src/index';
import { createCreditsServerClient } from '../src/server/index';

const baseUrl = 'https://credits.test/api/credits/v1';
const apiKey = 'sk_test_server_client_tests_key';
const backend = createCreditsBackend({ transactions: [], accountId: 'acct_host' });
const server = setupServer(...createCreditsHandlers({ baseUrl, backend, serverApiKey: apiKey }));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createCreditsServerClient', () => {
  const credits = createCreditsServerClient({ baseUrl, apiKey, retry: false });

  it('grants, holds, captures and meters with the key, typed and validated', async () => {
    const granted = await credits.grant('acct_host', { credits: 5_000, reason: 'Welcome' });
    expect(granted).toMatchObject({ type: 'grant', amount: 5_000, description: 'Welcome' });
    const hold = await credits.createHold('acct_host', {
      credits: 1_500,
      description: 'Website generation',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await credits.getBalance('acct_host')).toMatchObject({ held: 1_500, available: 3_500 });
    const captured = await credits.captureHold('acct_host', hold.id, 1_250);
    expect(captured).toMatchObject({ status: 'captured', transaction: { amount: -1_250 } });
    const used = await credits.recordUsage('acct_host', { credits: 250, description: 'SEO' });
    expect(used.balanceAfter).toBe(3_500);
    expect(await credits.getBalance('acct_host')).toMatchObject({ held: 0, available: 3_500 });
  });

  it('fails with a typed error: insufficient credits, an unknown hold, a wrong key', async () => {
    const short = credits.recordUsage('acct_host', { credits: 1_000_000, description: 'Huge' });
    await expect(short).rejects.toMatchObject({ code: 'insufficient_credits', status: 402 });
    await expect(credits.releaseHold('acct_host', 'hold_missing')).rejects.toBeInstanceOf(
      CreditsHttpError,
    );
    const wrong = createCreditsServerClient({ baseUrl, apiKey: 'sk_test_wrong', retry: false });
    await expect(wrong.getBalance('acct_host')).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('sends the same Idempotency-Key on a retry it is given, so nothing is debited twice', async () => {
    const input = { credits: 10, description: 'Retry' };
    const first = await credits.recordUsage('acct_host', input, { idempotencyKey: 'use-1' });
    const again = await credits.recordUsage('acct_host', input, { idempotencyKey: 'use-1' });
    expect(again).toEqual(first);
    expect((await credits.getBalance('acct_host')).used).toBe(1_250 + 250 + 10);
  });
});
