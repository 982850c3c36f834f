import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { createCreditsClient, type TransactionPage } from 'credits-core';
import { autoRechargeQueryOptions, updateAutoRecharge } from 'credits-core/auto-recharge';
import { type LiveCredits, startLiveCredits } from 'credits-core/live';
import { creditsKeys, transactionsInfiniteQueryOptions } from 'credits-core/query';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCreditsBackend, createCreditsHandlers } from '../src/index';

const BASE = 'https://credits.test/v1';
const ACCOUNT = 'acct_demo';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let live: LiveCredits | undefined;
const stops: (() => void)[] = [];
afterEach(() => {
  live?.stop();
  live = undefined;
  for (const stop of stops.splice(0)) stop();
});

/** The fake with its live stream, and a page on it: a client counting its history reads. */
function mount() {
  const backend = createCreditsBackend({
    autoRecharge: {
      enabled: false,
      thresholdCredits: 2_000,
      packageId: 'pkg_10k',
      monthlyCap: { amount: 5_000, currency: 'USD' },
      paymentMethodId: null,
    },
  });
  server.use(...createCreditsHandlers({ backend, baseUrl: BASE, events: 'live' }));
  const reads = { history: 0 };
  const client = createCreditsClient({
    baseUrl: BASE,
    retry: false,
    fetch: (input, init) => {
      if (new URL(String(input)).pathname.endsWith('/transactions')) reads.history += 1;
      return fetch(input, init);
    },
  });
  const queryClient = new QueryClient();
  const goLive = () => {
    live = startLiveCredits({
      ...client.connection!,
      queryClient,
      account: ACCOUNT,
      events: true,
      poll: false,
    });
    return live;
  };
  return { backend, client, queryClient, reads, goLive };
}

describe('credits-msw’s event stream with credits-core/live', () => {
  it('a row spent between the history read and the stream’s ready shows without a reload', async () => {
    const { backend, client, queryClient, reads, goLive } = mount();
    const history = new InfiniteQueryObserver(queryClient, {
      ...transactionsInfiniteQueryOptions(client, ACCOUNT),
      staleTime: Number.POSITIVE_INFINITY,
    });
    stops.push(history.subscribe(() => undefined));
    await vi.waitFor(() => expect(history.getCurrentResult().isSuccess).toBe(true));
    const firstPage = () =>
      queryClient.getQueryData<{ pages: TransactionPage[] }>(creditsKeys.transactionList(ACCOUNT))
        ?.pages[0];
    const readAt = firstPage()?.seq;
    expect(readAt).toBe(backend.inspect.transactionCount());

    const spent = backend.spend({ credits: 321, description: 'Website generation' });
    const subscription = goLive();
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    await vi.waitFor(() => expect(firstPage()?.data[0]?.id).toBe(spent.id));
    expect(firstPage()?.seq).toBe(readAt! + 1);
    expect(reads.history).toBe(2);
  });

  it('saving the auto-recharge settings streams the document into the page’s cache', async () => {
    const { client, queryClient, goLive } = mount();
    const observer = new QueryObserver(queryClient, autoRechargeQueryOptions(client, ACCOUNT));
    stops.push(observer.subscribe(() => undefined));
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    const subscription = goLive();
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));

    // Saved elsewhere (another tab): this page's cache is not the one the answer went to.
    const other = createCreditsClient({ baseUrl: BASE, retry: false });
    const saved = await updateAutoRecharge(other, {
      ...observer.getCurrentResult().data!.settings,
      thresholdCredits: 3_333,
    });
    await vi.waitFor(() =>
      expect(observer.getCurrentResult().data?.settings.thresholdCredits).toBe(3_333),
    );
    expect(observer.getCurrentResult().data).toEqual(saved);
  });
});
