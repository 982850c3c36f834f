import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { createFetchHandler } from 'credits-msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreditsServer, createCreditsServer } from '../src/createCreditsServer';
import { TEST_API_KEY } from './serverApiKey';

/**
 * The Server API (CONTRACT.md) on both backends of the contract, through their fetch handlers:
 * credits-server on PGlite and credits-msw. Same requests, same answers.
 */
const base = 'http://backend.test/api/credits/v1';
type Fetch = (request: Request) => Promise<Response>;

let server: CreditsServer;
beforeAll(async () => {
  server = createCreditsServer({ auth: { kind: 'demo' }, serverApiKeys: [TEST_API_KEY] });
  await server.ready;
}, 60_000);
afterAll(() => server?.close());

const backends: [string, () => { fetch: Fetch; account: string; token: string }][] = [
  [
    'credits-server',
    () => {
      const token = `server_api_${crypto.randomUUID().slice(0, 8)}`;
      return { fetch: server.fetch, account: `acct_${token}`, token };
    },
  ],
  [
    'credits-msw',
    () => {
      const backend = createCreditsBackend({ transactions: [], accountId: 'acct_fake' });
      const fetch = createFetchHandler(
        createCreditsHandlers({ backend, serverApiKey: TEST_API_KEY }),
      );
      return { fetch, account: 'acct_fake', token: 'fake' };
    },
  ],
];

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON read by the assertions
  body: any;
}

describe.each(backends)('Server API on %s', (_, open) => {
  let fetch: Fetch;
  let account: string;
  let token: string;
  beforeAll(() => {
    ({ fetch, account, token } = open());
  });

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = { 'x-api-key': TEST_API_KEY },
  ): Promise<Answer> => {
    const response = await fetch(
      new Request(`${base}/server/accounts/${account}${path}`, {
        method,
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const keyed = async (path: string, key: string, body: unknown): Promise<Answer> => {
    const response = await fetch(
      new Request(`${base}/server/accounts/${account}${path}`, {
        method: 'POST',
        headers: {
          'x-api-key': TEST_API_KEY,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: await response.json() };
  };
  const balance = async () => (await call('GET', '/balance')).body;
  const hold = (credits: number, expiresAt = new Date(Date.now() + 600_000).toISOString()) =>
    call('POST', '/holds', {
      credits,
      description: 'Website generation',
      expiresAt,
      websiteId: 'web_held',
      websiteName: 'Held site',
    });

  it('takes the secret key only, and the key only there', async () => {
    const none = await call('GET', '/balance', undefined, {});
    const browserToken = await call('GET', '/balance', undefined, {
      authorization: `Bearer ${token}`,
    });
    const wrongKey = await call('GET', '/balance', undefined, {
      'x-api-key': `${TEST_API_KEY}x`,
    });
    expect([none.status, browserToken.status, wrongKey.status]).toEqual([401, 401, 401]);
    expect(browserToken.body).toMatchObject({ code: 'unauthenticated' });
    // A browser operation with the key (as a leaked key would be tried): refused too.
    const leaked = await fetch(
      new Request(`${base}/balance`, {
        headers: { authorization: `Bearer ${token}`, 'x-api-key': TEST_API_KEY },
      }),
    );
    expect(leaked.status).toBe(401);
    const signedIn = await fetch(
      new Request(`${base}/balance`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(signedIn.status).toBe(200);
  });

  it('grants once per key, meters usage, and refuses what the balance cannot cover', async () => {
    const first = await keyed('/grants', 'grant-1', { credits: 10_000, reason: 'Welcome credits' });
    const replay = await keyed('/grants', 'grant-1', {
      credits: 10_000,
      reason: 'Welcome credits',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      type: 'grant',
      amount: 10_000,
      description: 'Welcome credits',
    });
    expect(replay.body).toEqual(first.body);
    const used = await call('POST', '/usage', {
      credits: 1_000,
      description: 'Website generation',
      websiteId: 'web_1',
      websiteName: 'Bakery',
    });
    expect(used).toMatchObject({
      status: 201,
      body: { type: 'usage', amount: -1_000, website: { id: 'web_1', name: 'Bakery' } },
    });
    const short = await call('POST', '/usage', { credits: 20_000, description: 'Too much' });
    expect(short).toMatchObject({ status: 402, body: { code: 'insufficient_credits' } });
    expect(await balance()).toMatchObject({
      total: 10_000,
      used: 1_000,
      held: 0,
      available: 9_000,
    });
  });

  it('holds leave available at once, capture at most the held amount as one usage row', async () => {
    const held = await hold(5_000);
    expect(held).toMatchObject({ status: 201, body: { status: 'active', amount: 5_000 } });
    expect(await balance()).toMatchObject({ held: 5_000, available: 4_000 });
    // Held credits cannot be spent twice: usage sees only what is left.
    const short = await call('POST', '/usage', {
      credits: 4_500,
      description: 'Website generation',
    });
    expect(short).toMatchObject({ status: 402, body: { code: 'insufficient_credits' } });
    const id = held.body.id as string;
    const over = await call('POST', `/holds/${id}/capture`, { credits: 5_001 });
    expect(over).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    const captured = await call('POST', `/holds/${id}/capture`, { credits: 3_000 });
    expect(captured).toMatchObject({
      status: 200,
      body: {
        status: 'captured',
        captured: 3_000,
        transaction: {
          type: 'usage',
          amount: -3_000,
          description: 'Website generation',
          website: { id: 'web_held', name: 'Held site' },
        },
      },
    });
    expect(await balance()).toMatchObject({ used: 4_000, held: 0, available: 6_000 });
    const again = await call('POST', `/holds/${id}/capture`, { credits: 3_000 });
    expect(again.body).toEqual(captured.body);
    const other = await call('POST', `/holds/${id}/capture`, { credits: 2_000 });
    expect(other).toMatchObject({ status: 409, body: { code: 'hold_not_active' } });
    const release = await call('POST', `/holds/${id}/release`);
    expect(release).toMatchObject({ status: 409, body: { code: 'hold_not_active' } });
    expect(await balance()).toMatchObject({ used: 4_000, available: 6_000 });
  });

  it('a released hold frees its credits and spends nothing; a hold over available is refused', async () => {
    const held = await hold(2_000);
    const id = held.body.id as string;
    expect(await balance()).toMatchObject({ held: 2_000, available: 4_000 });
    const released = await call('POST', `/holds/${id}/release`);
    expect(released).toMatchObject({ status: 200, body: { status: 'released', captured: 0 } });
    expect((await call('POST', `/holds/${id}/release`)).body).toEqual(released.body);
    expect(await balance()).toMatchObject({ held: 0, available: 6_000, used: 4_000 });
    expect(await hold(6_001)).toMatchObject({
      status: 402,
      body: { code: 'insufficient_credits' },
    });
    expect(await call('POST', '/holds/hold_nope/release')).toMatchObject({ status: 404 });
  });

  it('an expired hold lapses: its credits come back and it can no longer be captured', async () => {
    const held = await hold(1_000, new Date(Date.now() + 1_500).toISOString());
    expect(await balance()).toMatchObject({ held: 1_000, available: 5_000 });
    await expect.poll(async () => (await balance()).held, { timeout: 10_000 }).toBe(0);
    expect(await balance()).toMatchObject({ available: 6_000, used: 4_000 });
    const late = await call('POST', `/holds/${held.body.id}/capture`, { credits: 500 });
    expect(late).toMatchObject({ status: 409, body: { code: 'hold_not_active' } });
    const past = await hold(10, '2020-01-01T00:00:00Z');
    expect(past).toMatchObject({ status: 400, body: { errors: [{ path: 'expiresAt' }] } });
  });

  it('adjusts either way with a reason, never by zero; the ledger adds up to the balance', async () => {
    const down = await call('POST', '/adjustments', {
      credits: -500,
      reason: 'Duplicate reversed',
    });
    expect(down).toMatchObject({
      status: 201,
      body: { type: 'adjustment', amount: -500, description: 'Duplicate reversed' },
    });
    const zero = await call('POST', '/adjustments', { credits: 0, reason: 'Nothing' });
    expect(zero).toMatchObject({ status: 400, body: { errors: [{ path: 'credits' }] } });
    const now = await balance();
    expect(now).toMatchObject({ total: 9_500, used: 4_000, available: 5_500 });
    const page = await fetch(
      new Request(`${base}/transactions?limit=100`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const rows = ((await page.json()) as { data: { amount: number; balanceAfter: number }[] }).data;
    expect(rows.reduce((sum, row) => sum + row.amount, 0)).toBe(now.total - now.used);
    expect(rows[0]?.balanceAfter).toBe(now.available + now.held);
  });

  it('20 concurrent captures of one hold spend it once', async () => {
    const held = await hold(1_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        call('POST', `/holds/${held.body.id}/capture`, { credits: index % 2 ? 700 : 800 }),
      ),
    );
    const won = answers.filter((answer) => answer.status === 200);
    const captured = won[0]?.body.captured as number;
    expect(won.every((answer) => answer.body.captured === captured)).toBe(true);
    expect(answers.filter((answer) => answer.status !== 200).map((a) => a.body.code)).toEqual(
      Array(20 - won.length).fill('hold_not_active'),
    );
    expect(await balance()).toMatchObject({ used: 4_000 + captured, held: 0 });
  });
});
