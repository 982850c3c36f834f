import { QueryClient } from '@tanstack/query-core';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createCreditsClient } from '../src/index';
import {
  applyPurchaseToCache,
  balanceQueryOptions,
  creditsKeys,
  deletePaymentMethodMutationOptions,
  invalidateCredits,
  paymentMethodsQueryOptions,
  transactionsInfiniteQueryOptions,
  usageByWebsitePagesQueryOptions,
} from '../src/query/index';
import { BASE_URL, balance, paymentMethods, purchase, transactions } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
let queryClient = new QueryClient();
afterEach(() => {
  queryClient.clear();
  queryClient = new QueryClient();
});

describe('creditsKeys', () => {
  it('scopes every key by account, under one root', () => {
    expect(creditsKeys.balance('acct_a')).toEqual(['credits', 'acct_a', 'balance']);
    expect(creditsKeys.balance('acct_a')).not.toEqual(creditsKeys.balance('acct_b'));
    expect(creditsKeys.transactionList('acct_a', { search: 'x' }).slice(0, 3)).toEqual(
      creditsKeys.transactions('acct_a'),
    );
  });

  it('normalises filters so equal filters share a cache entry', () => {
    expect(creditsKeys.transactionList('a', { search: '', type: undefined })).toEqual(
      creditsKeys.transactionList('a'),
    );
    expect(creditsKeys.transactionList('a', { type: ['usage', 'grant'], search: ' web ' })).toEqual(
      creditsKeys.transactionList('a', { type: ['grant', 'usage'], search: 'web' }),
    );
  });
});

describe('query option factories', () => {
  it('fetch through the client, one request per resource however often they are read', async () => {
    let requests = 0;
    server.use(
      http.get(`${BASE_URL}/balance`, () => {
        requests += 1;
        return HttpResponse.json(balance);
      }),
    );
    const options = { ...balanceQueryOptions(client, 'acct_a'), staleTime: 60_000 };
    const [a, b] = await Promise.all([
      queryClient.fetchQuery(options),
      queryClient.fetchQuery(options),
    ]);
    expect(a).toEqual(balance);
    expect(b).toEqual(balance);
    expect(requests).toBe(1);
  });

  it('never serves one account’s balance to the next signed-in account', async () => {
    server.use(
      http.get(`${BASE_URL}/balance`, ({ request }) =>
        HttpResponse.json(
          request.headers.get('x-account') === 'b'
            ? { ...balance, total: 0, used: 0, available: 0 }
            : balance,
        ),
      ),
    );
    const asA = createCreditsClient({ baseUrl: BASE_URL, headers: { 'x-account': 'a' } });
    const asB = createCreditsClient({ baseUrl: BASE_URL, headers: { 'x-account': 'b' } });
    await queryClient.fetchQuery(balanceQueryOptions(asA, 'a'));
    expect(queryClient.getQueryData(balanceQueryOptions(asB, 'b').queryKey)).toBeUndefined();
    const second = await queryClient.fetchQuery(balanceQueryOptions(asB, 'b'));
    expect(second.available).toBe(0);
    expect(queryClient.getQueryData(creditsKeys.balance('a'))).toEqual(balance);
  });

  it('paginate the ledger with the server’s cursor and filters', async () => {
    const cursors: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/transactions`, ({ request }) => {
        const url = new URL(request.url);
        const cursor = url.searchParams.get('cursor');
        cursors.push(cursor);
        expect(url.searchParams.get('websiteId')).toBe('web_1');
        return HttpResponse.json(
          cursor === null
            ? { data: transactions.slice(0, 2), nextCursor: 'c2' }
            : { data: transactions.slice(2), nextCursor: null },
        );
      }),
    );
    const options = transactionsInfiniteQueryOptions(client, 'a', { websiteId: 'web_1' }, 2);
    const first = await queryClient.fetchInfiniteQuery(options);
    expect(first.pages).toHaveLength(1);
    const all = await queryClient.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(all.pages.flatMap((page) => page.data).map((row) => row.id)).toEqual([
      'txn_3',
      'txn_2',
      'txn_1',
    ]);
    expect(cursors).toContain('c2');
  });

  it('page the usage ranking within the first page’s own period, even when none was asked for', async () => {
    const asked: Record<string, string | null>[] = [];
    const website = (id: string) => ({
      website: { id, name: id, url: null },
      credits: 10,
      transactionCount: 1,
    });
    server.use(
      http.get(`${BASE_URL}/usage/websites`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        asked.push({ from: query.get('from'), to: query.get('to'), cursor: query.get('cursor') });
        // "The last 30 days" as the backend defines it: the first page says which days.
        const page = {
          from: '2026-10-25T12:00:00.000Z',
          to: '2026-11-24T12:00:00.000Z',
          totalCredits: 30,
        };
        return HttpResponse.json(
          query.get('cursor')
            ? { ...page, data: [website('web_c')], nextCursor: null }
            : { ...page, data: [website('web_a'), website('web_b')], nextCursor: 'p2' },
        );
      }),
    );
    const options = usageByWebsitePagesQueryOptions(client, 'a');
    expect(options.queryKey).not.toEqual(creditsKeys.usage('a'));
    const all = await queryClient.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(all.pages.flatMap((page) => page.data.map((entry) => entry.website.id))).toEqual([
      'web_a',
      'web_b',
      'web_c',
    ]);
    expect(asked).toEqual([
      { from: null, to: null, cursor: null },
      { from: '2026-10-25T12:00:00.000Z', to: '2026-11-24T12:00:00.000Z', cursor: 'p2' },
    ]);
  });
});

describe('cache helpers', () => {
  it('applyPurchaseToCache shows the new balance without a request and revalidates the ledger', async () => {
    let balanceRequests = 0;
    server.use(
      http.get(`${BASE_URL}/balance`, () => {
        balanceRequests += 1;
        return HttpResponse.json(balance);
      }),
    );
    queryClient.setQueryData(creditsKeys.transactionList('a'), { pages: [], pageParams: [] });
    const after = { ...balance, total: 70_000, available: 57_500 };
    await applyPurchaseToCache(
      queryClient,
      'a',
      purchase({ status: 'succeeded', transaction: transactions[1] ?? null, balance: after }),
    );
    expect(queryClient.getQueryData(creditsKeys.balance('a'))).toEqual(after);
    expect(queryClient.getQueryState(creditsKeys.transactionList('a'))?.isInvalidated).toBe(true);
    expect(balanceRequests).toBe(0);
  });

  it('applyPurchaseToCache leaves the balance alone until the purchase succeeded', async () => {
    await applyPurchaseToCache(queryClient, 'a', purchase({ status: 'processing' }));
    expect(queryClient.getQueryData(creditsKeys.balance('a'))).toBeUndefined();
  });

  it('invalidateCredits marks only that account stale', async () => {
    queryClient.setQueryData(creditsKeys.balance('a'), balance);
    queryClient.setQueryData(creditsKeys.balance('b'), balance);
    await invalidateCredits(queryClient, 'a');
    expect(queryClient.getQueryState(creditsKeys.balance('a'))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(creditsKeys.balance('b'))?.isInvalidated).toBe(false);
  });

  it('deleting a payment method writes the returned list into the cache', async () => {
    const remaining = [{ ...paymentMethods[1]!, isDefault: true }];
    server.use(
      http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json({ data: paymentMethods })),
      http.delete(`${BASE_URL}/payment-methods/pm_visa`, () =>
        HttpResponse.json({ data: remaining }),
      ),
    );
    await queryClient.fetchQuery(paymentMethodsQueryOptions(client, 'a'));
    const mutation = queryClient
      .getMutationCache()
      .build(queryClient, deletePaymentMethodMutationOptions(client, 'a', queryClient));
    await mutation.execute({ id: 'pm_visa', newDefaultId: 'pm_mc' });
    expect(queryClient.getQueryData(creditsKeys.paymentMethods('a'))).toEqual({ data: remaining });
  });
});
