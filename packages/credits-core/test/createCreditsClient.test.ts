import { HttpResponse, http, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { CreditsError, createCreditsClient } from '../src/index';
import {
  BASE_URL,
  balance,
  config,
  creditPackages,
  paymentMethods,
  purchase,
  setupIntent,
  transactions,
} from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: `${BASE_URL}/`, retry: false });

interface Seen {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
  headers: Headers;
}

/** Answers `method path` with `body` and records what the client sent. */
function respond(
  method: 'get' | 'post' | 'delete',
  path: string,
  body: JsonBodyType,
  status = 200,
) {
  const seen: Seen[] = [];
  server.use(
    http[method](`${BASE_URL}${path}`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        method: request.method,
        path: url.pathname,
        search: url.searchParams,
        body: text === '' ? undefined : JSON.parse(text),
        headers: request.headers,
      });
      return HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

describe('createCreditsClient: every operation round-trips', () => {
  it('reads the config', async () => {
    respond('get', '/config', config);
    await expect(client.getConfig()).resolves.toEqual(config);
  });

  it('reads the balance', async () => {
    const seen = respond('get', '/balance', balance);
    await expect(client.getBalance()).resolves.toEqual(balance);
    expect(seen[0]?.headers.get('accept')).toContain('application/json');
  });

  it('lists transactions with server-side filters and a cursor', async () => {
    const seen = respond('get', '/transactions', { data: transactions, nextCursor: 'c_2' });
    const page = await client.listTransactions({
      cursor: 'c_1',
      limit: 50,
      type: ['usage', 'refund'],
      websiteId: 'web_1',
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      search: '  bakery ',
    });
    expect(page.data.map((row) => row.id)).toEqual(['txn_3', 'txn_2', 'txn_1']);
    expect(page.nextCursor).toBe('c_2');
    const search = seen[0]?.search;
    expect(search?.get('cursor')).toBe('c_1');
    expect(search?.get('limit')).toBe('50');
    expect(search?.getAll('type')).toEqual(['usage', 'refund']);
    expect(search?.get('websiteId')).toBe('web_1');
    expect(search?.get('from')).toBe('2026-11-01T00:00:00Z');
    expect(search?.get('to')).toBe('2026-12-01T00:00:00Z');
    expect(search?.get('search')).toBe('bakery');
  });

  it('omits empty filters from the query string', async () => {
    const seen = respond('get', '/transactions', { data: [], nextCursor: null });
    await client.listTransactions({ search: '', cursor: null });
    expect([...(seen[0]?.search.keys() ?? [])]).toEqual([]);
  });

  it('reads usage by website for a period', async () => {
    const usage = {
      from: '2026-10-25T00:00:00Z',
      to: '2026-11-24T00:00:00Z',
      totalCredits: 1_250,
      data: [{ website: transactions[0]?.website, credits: 1_250, transactionCount: 1 }],
    };
    const seen = respond('get', '/usage/websites', usage);
    await expect(client.getUsageByWebsite({ from: usage.from, to: usage.to })).resolves.toEqual(
      usage,
    );
    expect(seen[0]?.search.get('from')).toBe(usage.from);
  });

  it('lists packages', async () => {
    respond('get', '/packages', { data: creditPackages });
    const list = await client.listPackages();
    expect(list.data.map((p) => p.credits)).toEqual([10_000, 250_000]);
  });

  it('creates a purchase with an Idempotency-Key and a JSON body', async () => {
    const seen = respond('post', '/purchases', purchase(), 201);
    const created = await client.createPurchase({ packageId: 'pkg_10k', savePaymentMethod: true });
    expect(created.status).toBe('requires_payment_method');
    expect(seen[0]?.body).toEqual({ packageId: 'pkg_10k', savePaymentMethod: true });
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads one purchase, with its transaction and balance once succeeded', async () => {
    const done = purchase({
      status: 'succeeded',
      clientSecret: null,
      transaction: transactions[1] ?? null,
      balance,
    });
    const seen = respond('get', '/purchases/pur%2F2', done);
    const read = await client.getPurchase('pur/2');
    expect(read.balance?.available).toBe(47_500);
    expect(seen[0]?.path).toBe('/v1/purchases/pur%2F2');
  });

  it.each([
    ['an empty id', () => client.getPurchase('')],
    ['no id from untyped JavaScript', () => client.getPurchase(undefined as unknown as string)],
    ['an id that is not a string', () => client.deletePaymentMethod(42 as unknown as string)],
  ])('rejects %s with a typed error, before any request', async (_, call) => {
    const seen = respond('get', '/purchases/', purchase({}));
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CreditsError);
    expect(error).toMatchObject({ code: 'validation_failed', status: undefined });
    expect((error as Error).message).toMatch(/^Missing path parameter "\w+Id"$/);
    expect(seen).toHaveLength(0);
  });

  it('lists payment methods', async () => {
    respond('get', '/payment-methods', { data: paymentMethods });
    const list = await client.listPaymentMethods();
    expect(list.data.find((method) => method.isDefault)?.card?.last4).toBe('4242');
  });

  it('creates a SetupIntent with an Idempotency-Key', async () => {
    const seen = respond('post', '/setup-intents', setupIntent, 201);
    await expect(client.createSetupIntent({ idempotencyKey: 'key-1' })).resolves.toEqual(
      setupIntent,
    );
    expect(seen[0]?.headers.get('idempotency-key')).toBe('key-1');
  });

  it('sets the default payment method', async () => {
    const swapped = paymentMethods.map((m) => ({ ...m, isDefault: m.id === 'pm_mc' }));
    const seen = respond('post', '/payment-methods/pm_mc/default', { data: swapped });
    const list = await client.setDefaultPaymentMethod('pm_mc');
    expect(list.data.find((m) => m.isDefault)?.id).toBe('pm_mc');
    expect(seen[0]?.headers.get('idempotency-key')).toBeNull();
  });

  it('deletes a payment method, naming the new default', async () => {
    const rest = [{ ...paymentMethods[1]!, isDefault: true }];
    const seen = respond('delete', '/payment-methods/pm_visa', { data: rest });
    const list = await client.deletePaymentMethod('pm_visa', { newDefaultId: 'pm_mc' });
    expect(list.data).toHaveLength(1);
    expect(seen[0]?.search.get('newDefaultId')).toBe('pm_mc');
  });

  it('runs the sandbox operations', async () => {
    const action = purchase({ status: 'requires_action' });
    const confirm = respond('post', '/sandbox/purchases/pur_2/confirm', action);
    const done = purchase({ status: 'succeeded', transaction: transactions[1] ?? null, balance });
    const authenticate = respond('post', '/sandbox/purchases/pur_2/authenticate', done);
    const saved = { ...setupIntent, status: 'succeeded', paymentMethod: paymentMethods[0] };
    const confirmSetup = respond('post', '/sandbox/setup-intents/seti_1/confirm', saved);
    const authenticateSetup = respond('post', '/sandbox/setup-intents/seti_1/authenticate', saved);

    expect(
      (
        await client.sandbox.confirmPurchase('pur_2', {
          paymentMethod: 'pm_card_threeDSecure2Required',
        })
      ).status,
    ).toBe('requires_action');
    expect(
      (await client.sandbox.authenticatePurchase('pur_2', { outcome: 'complete' })).status,
    ).toBe('succeeded');
    expect(
      (await client.sandbox.confirmSetupIntent('seti_1', { paymentMethod: 'pm_card_visa' })).status,
    ).toBe('succeeded');
    expect(
      (await client.sandbox.authenticateSetupIntent('seti_1', { outcome: 'complete' }))
        .paymentMethod?.id,
    ).toBe('pm_visa');
    expect(confirm[0]?.body).toEqual({ paymentMethod: 'pm_card_threeDSecure2Required' });
    expect(authenticate[0]?.body).toEqual({ outcome: 'complete' });
    expect(confirmSetup[0]?.body).toEqual({ paymentMethod: 'pm_card_visa' });
    expect(authenticateSetup[0]?.body).toEqual({ outcome: 'complete' });
  });

  it('sends host headers from an async function on every request', async () => {
    let token = 0;
    const authed = createCreditsClient({
      baseUrl: BASE_URL,
      headers: async () => ({ Authorization: `Bearer t${++token}` }),
    });
    const seen = respond('get', '/balance', balance);
    await authed.getBalance();
    await authed.getBalance();
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
  });
});
