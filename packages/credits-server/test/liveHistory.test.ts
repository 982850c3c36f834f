import { InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import { createCreditsClient, type TransactionPage } from 'credits-core';
import { type LiveCredits, startLiveCredits } from 'credits-core/live';
import { creditsKeys, transactionsInfiniteQueryOptions } from 'credits-core/query';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { fund, spend } from './liveStreams';
import { TEST_API_KEY } from './serverApiKey';

let server: StartedCreditsServer;
beforeAll(async () => {
  server = await startCreditsServer({
    liveEvents: { heartbeatMs: 200 },
    createsPerMinute: 10_000,
    serverApiKeys: [TEST_API_KEY],
  });
}, 60_000);
afterAll(() => server?.close());

const running: { live?: LiveCredits; stop?: () => void }[] = [];
afterEach(() => {
  for (const each of running.splice(0)) {
    each.live?.stop();
    each.stop?.();
  }
});

type Pages = { pages: TransactionPage[] };

/**
 * A page as the browser has it: the signed-in account's client (every `GET /transactions`
 * counted), its query cache and the history on screen (an active infinite query, as a mounted
 * HistoryTable holds). `goLive` starts the provider's live subscription on the same client.
 */
async function openPage(token: string) {
  let historyReads = 0;
  const counting: typeof fetch = (input, init) => {
    if (new URL(String(input)).pathname.endsWith('/transactions')) historyReads += 1;
    return fetch(input, init);
  };
  const client = createCreditsClient({
    baseUrl: server.baseUrl,
    headers: { Authorization: `Bearer ${token}` },
    fetch: counting,
  });
  const queryClient = new QueryClient();
  const account = `acct_${token}`;
  const observer = new InfiniteQueryObserver(queryClient, {
    ...transactionsInfiniteQueryOptions(client, account),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const page: (typeof running)[number] = { stop: observer.subscribe(() => undefined) };
  running.push(page);
  await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
  return {
    reads: () => historyReads,
    firstPage: () =>
      queryClient.getQueryData<Pages>(creditsKeys.transactionList(account))?.pages[0],
    goLive() {
      page.live = startLiveCredits({
        ...client.connection!,
        queryClient,
        account,
        events: true,
        poll: false,
      });
      return page.live;
    },
  };
}

describe('the history a live page loaded before its stream opened (credits-server over HTTP)', () => {
  it('a debit committed between the history read and the stream’s ready shows without a reload', async () => {
    await fund(server.baseUrl, 'hist_race');
    const page = await openPage('hist_race');
    expect(page.firstPage()?.seq).toBe(1);
    expect(page.firstPage()?.data.map((row) => row.amount)).toEqual([10_000]);

    // Spent elsewhere (the host's backend) after the page read its history, before its stream.
    expect((await spend(server.baseUrl, 'hist_race', 250)).status).toBe(201);
    const live = page.goLive();
    await vi.waitFor(() => expect(live.getSnapshot()).toBe('live'));
    await vi.waitFor(() =>
      expect(page.firstPage()?.data.map((row) => row.amount)).toEqual([-250, 10_000]),
    );
    expect(page.firstPage()?.seq).toBe(2);
    expect(page.reads()).toBe(2);
  });

  it('nothing moved before the stream: its page’s seq is ready’s, and no second read; later rows arrive as events', async () => {
    await fund(server.baseUrl, 'hist_quiet');
    const page = await openPage('hist_quiet');
    const live = page.goLive();
    await vi.waitFor(() => expect(live.getSnapshot()).toBe('live'));
    await spend(server.baseUrl, 'hist_quiet', 40);
    await vi.waitFor(() =>
      expect(page.firstPage()?.data.map((row) => row.amount)).toEqual([-40, 10_000]),
    );
    expect(page.reads()).toBe(1);
  });

  it('a page says the seq it was read at, in the same snapshot as its rows, for every filter', async () => {
    await fund(server.baseUrl, 'hist_seq');
    const client = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer hist_seq' },
    });
    expect((await client.listTransactions()).seq).toBe(1);
    await spend(server.baseUrl, 'hist_seq', 5);
    await spend(server.baseUrl, 'hist_seq', 5);
    expect((await client.listTransactions({ limit: 1 })).seq).toBe(3);
    // A filter that shows no row still says where the ledger was.
    const none = await client.listTransactions({ type: 'refund' });
    expect(none).toMatchObject({ data: [], seq: 3 });
    // An account with no row yet is at 0.
    const fresh = createCreditsClient({
      baseUrl: server.baseUrl,
      headers: { Authorization: 'Bearer hist_fresh' },
    });
    expect((await fresh.listTransactions()).seq).toBe(0);
  });
});
