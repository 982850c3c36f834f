import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AutoRecharge, autoRechargeQueryOptions } from '../src/autoRecharge/index';
import { createCreditsClient } from '../src/index';
import { type LiveCredits, type PageVisibility, startLiveCredits } from '../src/live/index';
import {
  balanceQueryOptions,
  creditsKeys,
  transactionsInfiniteQueryOptions,
} from '../src/query/index';
import type { Balance, Transaction } from '../src/schemas/index';
import { BASE_URL, balance, paymentMethods, transactions } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const ACCOUNT = 'acct_live';
const encoder = new TextEncoder();

/** One open `GET /events` as the fake server sees it: what the client sent, and a pen to write frames. */
interface Connection {
  lastEventId: string | null;
  authorization: string | null;
  accept: string | null;
  aborted: boolean;
  send(event: string, data: unknown, id?: number): void;
  raw(text: string): void;
  close(): void;
  drop(): void;
}

let connections: Connection[] = [];
let balanceReads = 0;

function streamHandler() {
  return http.get(`${BASE_URL}/events`, ({ request }) => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
    });
    const connection: Connection = {
      lastEventId: request.headers.get('Last-Event-ID'),
      authorization: request.headers.get('Authorization'),
      accept: request.headers.get('Accept'),
      aborted: false,
      send(event, data, id) {
        const seq = id ?? (data as { seq: number }).seq;
        this.raw(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      raw: (text) => controller.enqueue(encoder.encode(text)),
      close: () => controller.close(),
      drop: () => controller.error(new Error('connection reset')),
    };
    request.signal.addEventListener('abort', () => {
      connection.aborted = true;
    });
    connections.push(connection);
    return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
  });
}

function row(seq: number, amount = -250, type = 'usage'): Transaction {
  return {
    id: `txn_live_${seq}`,
    createdAt: `2026-11-25T10:00:${String(seq).padStart(2, '0')}Z`,
    type,
    description: 'Website generation',
    amount,
    balanceAfter: 47_500 + amount,
    website: null,
    purchaseId: null,
  };
}
const balanceAt = (available: number): Balance => ({
  ...balance,
  used: balance.total - available,
  available,
  updatedAt: '2026-11-25T10:00:00Z',
});

function visibleDocument(): PageVisibility & { set(hidden: boolean): void } {
  let hidden = false;
  const listeners = new Set<() => void>();
  return {
    hidden: () => hidden,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      hidden = next;
      for (const listener of listeners) listener();
    },
  };
}

let queryClient: QueryClient;
let live: LiveCredits | undefined;
const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });

/** The balance on screen: an active observer, as a mounted widget has. */
function watchBalance() {
  const observer = new QueryObserver(queryClient, {
    ...balanceQueryOptions(client, ACCOUNT),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { observer, unsubscribe };
}

function start(overrides: Partial<Parameters<typeof startLiveCredits>[0]> = {}) {
  live = startLiveCredits({
    // The client's own connection: its base URL, headers and event validation.
    ...createCreditsClient({ baseUrl: BASE_URL, headers: { Authorization: 'Bearer token-live' } })
      .connection!,
    queryClient,
    account: ACCOUNT,
    events: true,
    reconnect: { baseDelayMs: 5, maxDelayMs: 20, maxFailures: 3 },
    poll: { intervalMs: 40 },
    visibility: visibleDocument(),
    ...overrides,
  });
  return live;
}

const historyKey = creditsKeys.transactionList(ACCOUNT);
const purchasesOnlyKey = creditsKeys.transactionList(ACCOUNT, { type: 'purchase' });
const firstPageIds = (key: readonly unknown[]) =>
  queryClient
    .getQueryData<{ pages: { data: Transaction[] }[] }>(key)
    ?.pages[0]?.data.map((each) => each.id);

beforeEach(() => {
  connections = [];
  balanceReads = 0;
  queryClient = new QueryClient();
  server.use(
    streamHandler(),
    http.get(`${BASE_URL}/balance`, () => {
      balanceReads += 1;
      return HttpResponse.json(balanceAt(40_000));
    }),
  );
  const page = { data: transactions, nextCursor: null };
  queryClient.setQueryData(historyKey, { pages: [page], pageParams: [null] });
  queryClient.setQueryData(purchasesOnlyKey, {
    pages: [{ data: [transactions[1]!], nextCursor: null }],
    pageParams: [null],
  });
  queryClient.setQueryData(creditsKeys.balance(ACCOUNT), balance);
});
afterEach(() => {
  live?.stop();
  live = undefined;
  queryClient.clear();
  vi.useRealTimers();
});

describe('startLiveCredits over a stream', () => {
  it('opens GET /events with the client’s Authorization header and writes each event into the cache, with no request', async () => {
    const { unsubscribe } = watchBalance();
    const subscription = start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    const [connection] = connections;
    expect(connection!.authorization).toBe('Bearer token-live');
    expect(connection!.accept).toBe('text/event-stream');
    expect(connection!.lastEventId).toBeNull();

    connection!.send('ready', { seq: 7 });
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    connection!.send('transaction', { seq: 8, transaction: row(8) });
    connection!.send('balance', { seq: 8, balance: balanceAt(47_250) });
    connection!.send('payment-methods', { seq: 8, paymentMethods: { data: [paymentMethods[1]] } });

    await vi.waitFor(() =>
      expect(queryClient.getQueryData<Balance>(creditsKeys.balance(ACCOUNT))?.available).toBe(
        47_250,
      ),
    );
    // The new usage row tops the unfiltered history, not the purchases-only list.
    expect(firstPageIds(historyKey)).toEqual(['txn_live_8', 'txn_3', 'txn_2', 'txn_1']);
    expect(firstPageIds(purchasesOnlyKey)).toEqual(['txn_2']);
    expect(
      queryClient.getQueryData<{ data: unknown[] }>(creditsKeys.paymentMethods(ACCOUNT))?.data,
    ).toEqual([paymentMethods[1]]);
    expect(balanceReads).toBe(0);
    unsubscribe();
  });

  it('a gap in the ledger sequence refetches once instead of writing the row', async () => {
    const { unsubscribe } = watchBalance();
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    const [connection] = connections;
    connection!.send('ready', { seq: 7 });
    connection!.send('transaction', { seq: 8, transaction: row(8) });
    // seq 9 never arrives.
    connection!.send('transaction', { seq: 10, transaction: row(10) });
    await vi.waitFor(() => expect(balanceReads).toBe(1));
    connection!.send('transaction', { seq: 11, transaction: row(11) });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_11'));
    expect(firstPageIds(historyKey)).not.toContain('txn_live_10');
    expect(balanceReads).toBe(1);
    unsubscribe();
  });

  it('a replayed or repeated row is written once', async () => {
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    const [connection] = connections;
    connection!.send('ready', { seq: 7 });
    connection!.send('transaction', { seq: 8, transaction: row(8) });
    connection!.send('transaction', { seq: 8, transaction: row(8) });
    connection!.send('transaction', { seq: 9, transaction: row(9) });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_9'));
    expect(firstPageIds(historyKey)?.filter((id) => id === 'txn_live_8')).toHaveLength(1);
  });

  it('after a drop it reconnects with Last-Event-ID and takes the replayed rows', async () => {
    const subscription = start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    connections[0]!.send('transaction', { seq: 8, transaction: row(8) });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_8'));
    connections[0]!.drop();

    await vi.waitFor(() => expect(connections).toHaveLength(2));
    expect(connections[1]!.lastEventId).toBe('8');
    expect(subscription.getSnapshot()).toBe('connecting');
    connections[1]!.send('transaction', { seq: 9, transaction: row(9) });
    connections[1]!.send('ready', { seq: 9 });
    connections[1]!.send('balance', { seq: 9, balance: balanceAt(47_000) });
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    await vi.waitFor(() =>
      expect(queryClient.getQueryData<Balance>(creditsKeys.balance(ACCOUNT))?.available).toBe(
        47_000,
      ),
    );
    expect(firstPageIds(historyKey)?.slice(0, 2)).toEqual(['txn_live_9', 'txn_live_8']);
    expect(balanceReads).toBe(0);
  });

  it('a resume whose ready is ahead of the replayed rows (too many missed) refetches once', async () => {
    const { unsubscribe } = watchBalance();
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    await vi.waitFor(() => expect(live!.getSnapshot()).toBe('live'));
    connections[0]!.close();
    await vi.waitFor(() => expect(connections).toHaveLength(2));
    expect(connections[1]!.lastEventId).toBe('7');
    connections[1]!.send('ready', { seq: 500 });
    await vi.waitFor(() => expect(balanceReads).toBe(1));
    unsubscribe();
  });

  it('drops events that break the contract and ignores unknown ones', async () => {
    const seen: string[] = [];
    start({ onEvent: (event) => seen.push(event.type) });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    const [connection] = connections;
    connection!.send('ready', { seq: 7 });
    connection!.send('balance', { seq: 8, balance: { ...balanceAt(1), available: 999_999 } });
    connection!.raw('event: balance\ndata: {not json\n\n');
    connection!.send('hold-created', { seq: 8, hold: {} });
    connection!.send('balance', { seq: 8, balance: balanceAt(46_000) });
    await vi.waitFor(() => expect(seen).toEqual(['ready', 'balance']));
    expect(queryClient.getQueryData<Balance>(creditsKeys.balance(ACCOUNT))?.available).toBe(46_000);
  });

  it('reconnects when the stream goes silent past the timeout; heartbeats keep it open', async () => {
    start({ silenceTimeoutMs: 150 });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    // Heartbeats for longer than the timeout: the same connection stays.
    for (let beat = 0; beat < 4; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 60));
      connections[0]!.raw(': ping\n\n');
    }
    expect(connections).toHaveLength(1);
    await vi.waitFor(() => expect(connections).toHaveLength(2), { timeout: 2_000 });
    expect(connections[0]!.aborted).toBe(true);
    expect(connections[1]!.lastEventId).toBe('7');
  });

  it('pauses while the page is hidden (the stream is closed) and resumes where it left off', async () => {
    const visibility = visibleDocument();
    const subscription = start({ visibility });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    visibility.set(true);
    expect(subscription.getSnapshot()).toBe('paused');
    await vi.waitFor(() => expect(connections[0]!.aborted).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(connections).toHaveLength(1);
    visibility.set(false);
    await vi.waitFor(() => expect(connections).toHaveLength(2));
    expect(connections[1]!.lastEventId).toBe('7');
  });

  it('does not open a stream while the page starts hidden', async () => {
    const visibility = visibleDocument();
    visibility.set(true);
    const subscription = start({ visibility });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections).toHaveLength(0);
    expect(subscription.getSnapshot()).toBe('paused');
  });

  it('a refused Last-Event-ID (400) starts afresh without it and refetches', async () => {
    const { unsubscribe } = watchBalance();
    let refused = false;
    server.use(
      http.get(`${BASE_URL}/events`, ({ request }) => {
        if (!request.headers.get('Last-Event-ID') || refused) return undefined;
        refused = true;
        return HttpResponse.json(
          { title: 'Invalid Last-Event-ID', status: 400, code: 'validation_failed' },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    await vi.waitFor(() => expect(live!.getSnapshot()).toBe('live'));
    connections[0]!.close();
    await vi.waitFor(() => expect(connections).toHaveLength(2));
    expect(refused).toBe(true);
    expect(connections[1]!.lastEventId).toBeNull();
    await vi.waitFor(() => expect(balanceReads).toBe(1));
    unsubscribe();
  });

  it('stop() closes the stream and writes nothing more', async () => {
    const subscription = start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    subscription.stop();
    expect(subscription.getSnapshot()).toBe('stopped');
    await vi.waitFor(() => expect(connections[0]!.aborted).toBe(true));
  });
});

describe('startLiveCredits and the history read before the stream opened', () => {
  /**
   * The backend's ledger: `GET /transactions` answers its rows newest first with the seq it was
   * read at (or none, as a backend older than that field), and `commit` adds a row.
   */
  function ledger(options: { seq?: false; hold?: boolean } = {}) {
    const rows = [...transactions];
    const state: { reads: number; seq: number; release: () => void } = {
      reads: 0,
      seq: 7,
      release: () => undefined,
    };
    let held: Promise<void> | undefined = options.hold
      ? new Promise((resolve) => {
          state.release = resolve;
        })
      : undefined;
    server.use(
      http.get(`${BASE_URL}/transactions`, async () => {
        state.reads += 1;
        // The page is read now, at this seq, whenever its answer arrives.
        const page = { data: [...rows], nextCursor: null, seq: state.seq };
        if (held) await held;
        held = undefined;
        return HttpResponse.json(options.seq === false ? { ...page, seq: undefined } : page);
      }),
    );
    return Object.assign(state, {
      commit() {
        state.seq += 1;
        rows.unshift(row(state.seq));
      },
    });
  }

  /** The history on screen: an active infinite-query observer, as a mounted HistoryTable has. */
  async function watchHistory(wait = true) {
    const observer = new InfiniteQueryObserver(queryClient, {
      ...transactionsInfiniteQueryOptions(client, ACCOUNT),
      staleTime: Number.POSITIVE_INFINITY,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    if (wait) await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    return unsubscribe;
  }

  beforeEach(() => queryClient.clear());

  it('a row committed between the history read and the stream’s ready shows without a reload', async () => {
    const backend = ledger();
    const unsubscribe = await watchHistory();
    backend.commit();
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: backend.seq });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_8'));
    expect(backend.reads).toBe(2);
    unsubscribe();
  });

  it('a history read at the stream’s seq costs no second request', async () => {
    const backend = ledger();
    const unsubscribe = await watchHistory();
    const subscription = start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: backend.seq });
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    backend.commit();
    connections[0]!.send('transaction', { seq: 8, transaction: row(8) });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_8'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.reads).toBe(1);
    unsubscribe();
  });

  it('a history read whose answer lands after the stream moved on is read again', async () => {
    const backend = ledger({ hold: true });
    const unsubscribe = await watchHistory(false);
    await vi.waitFor(() => expect(backend.reads).toBe(1));
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    backend.commit();
    connections[0]!.send('ready', { seq: 8 });
    await vi.waitFor(() => expect(live!.getSnapshot()).toBe('live'));
    // The page read at seq 7 arrives now: row 8 is not in it, and its event came before it.
    backend.release();
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_8'));
    expect(backend.reads).toBe(2);
    unsubscribe();
  });

  it('a backend whose pages carry no seq: one refetch when the ledger has rows, none when empty', async () => {
    const backend = ledger({ seq: false });
    const unsubscribe = await watchHistory();
    backend.commit();
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: backend.seq });
    await vi.waitFor(() => expect(firstPageIds(historyKey)?.[0]).toBe('txn_live_8'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(backend.reads).toBe(2);
    live!.stop();

    queryClient.clear();
    const empty = ledger({ seq: false });
    const again = await watchHistory();
    start();
    await vi.waitFor(() => expect(connections).toHaveLength(2));
    connections[1]!.send('ready', { seq: 0 });
    await vi.waitFor(() => expect(live!.getSnapshot()).toBe('live'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(empty.reads).toBe(1);
    unsubscribe();
    again();
  });
});

describe('startLiveCredits and the auto-recharge document', () => {
  const document = (state: string, spent: number): AutoRecharge => ({
    settings: {
      enabled: true,
      thresholdCredits: 2_000,
      packageId: 'pkg_10k',
      monthlyCap: { amount: 5_000, currency: 'USD' },
      paymentMethodId: null,
    },
    status: {
      state,
      periodStart: '2026-12-01T00:00:00.000Z',
      periodEnd: '2027-01-01T00:00:00.000Z',
      spent: { amount: spent, currency: 'USD' },
      rechargesThisPeriod: spent / 1_000,
      consecutiveFailures: 0,
      disabledReason: null,
      lastAttempt: null,
      actionPurchaseId: null,
    },
  });
  const key = autoRechargeQueryOptions(client, ACCOUNT).queryKey;

  it('an auto-recharge event replaces the loaded document, validated by its own schema, with no request', async () => {
    let reads = 0;
    server.use(
      http.get(`${BASE_URL}/auto-recharge`, () => {
        reads += 1;
        return HttpResponse.json(document('active', 0));
      }),
    );
    const observer = new QueryObserver(queryClient, autoRechargeQueryOptions(client, ACCOUNT));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.status.spent.amount).toBe(0));
    const seen: string[] = [];
    start({ onEvent: (event) => seen.push(event.type) });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    const [connection] = connections;
    connection!.send('ready', { seq: 7 });
    // Breaks the contract (a status without its fields): dropped.
    connection!.send('auto-recharge', {
      seq: 7,
      autoRecharge: { ...document('active', 0), status: { state: 'active' } },
    });
    connection!.send('auto-recharge', { seq: 7, autoRecharge: document('cap_reached', 5_000) });
    await vi.waitFor(() => expect(seen).toEqual(['ready', 'auto-recharge']));
    expect(queryClient.getQueryData<AutoRecharge>(key)?.status).toMatchObject({
      state: 'cap_reached',
      spent: { amount: 5_000 },
    });
    expect(observer.getCurrentResult().data?.status.state).toBe('cap_reached');
    expect(reads).toBe(1);
    unsubscribe();
  });

  it('with no auto-recharge document loaded (nothing shows one), the event is skipped', async () => {
    const seen: string[] = [];
    start({ onEvent: (event) => seen.push(event.type) });
    await vi.waitFor(() => expect(connections).toHaveLength(1));
    connections[0]!.send('ready', { seq: 7 });
    connections[0]!.send('auto-recharge', { seq: 7, autoRecharge: document('active', 0) });
    connections[0]!.send('balance', { seq: 7, balance: balanceAt(46_000) });
    await vi.waitFor(() => expect(seen).toEqual(['ready', 'balance']));
    expect(queryClient.getQueryData(key)).toBeUndefined();
  });
});

describe('startLiveCredits falls back to polling', () => {
  it('polls on its interval when the backend offers no stream (Config.events false), only while visible', async () => {
    const { unsubscribe } = watchBalance();
    const visibility = visibleDocument();
    const subscription = start({ events: false, visibility });
    expect(subscription.getSnapshot()).toBe('polling');
    await vi.waitFor(() => expect(balanceReads).toBeGreaterThanOrEqual(2));
    expect(connections).toHaveLength(0);
    visibility.set(true);
    expect(subscription.getSnapshot()).toBe('paused');
    const reads = balanceReads;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(balanceReads).toBe(reads);
    unsubscribe();
  });

  it('polls when GET /events answers 404 although the config offered it', async () => {
    const { unsubscribe } = watchBalance();
    server.use(http.get(`${BASE_URL}/events`, () => new HttpResponse(null, { status: 404 })));
    const subscription = start();
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('polling'));
    await vi.waitFor(() => expect(balanceReads).toBeGreaterThanOrEqual(1));
    unsubscribe();
  });

  it('a stream that keeps failing: polls meanwhile, and stops polling once it is back', async () => {
    const { unsubscribe } = watchBalance();
    let failing = true;
    let attempts = 0;
    server.use(
      http.get(`${BASE_URL}/events`, () => {
        attempts += 1;
        return failing ? new HttpResponse(null, { status: 503 }) : undefined;
      }),
    );
    const subscription = start();
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('polling'));
    expect(attempts).toBeGreaterThanOrEqual(3);
    await vi.waitFor(() => expect(balanceReads).toBeGreaterThanOrEqual(1));
    failing = false;
    await vi.waitFor(() => expect(connections.length).toBeGreaterThanOrEqual(1));
    connections.at(-1)!.send('ready', { seq: 3 });
    await vi.waitFor(() => expect(subscription.getSnapshot()).toBe('live'));
    const reads = balanceReads;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(balanceReads).toBe(reads);
    unsubscribe();
  });
});

describe('startLiveCredits reconnect timing (fake timers)', () => {
  it('backs off exponentially with jitter, capped, and honours Retry-After', async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    let status = 503;
    const fetch = vi.fn(async () => {
      calls.push(Date.now());
      return new Response(null, {
        status,
        headers: status === 429 ? { 'Retry-After': '7' } : {},
      });
    });
    const started = Date.now();
    start({
      fetch,
      random: () => 1,
      reconnect: { baseDelayMs: 1_000, maxDelayMs: 4_000, maxFailures: 10 },
      poll: false,
    });
    for (let step = 0; step < 5; step += 1) await vi.advanceTimersByTimeAsync(5_000);
    // random() = 1: the full cap each time, 1 s, 2 s, 4 s, then 4 s (capped).
    const gaps = calls.map((at, index) => at - (calls[index - 1] ?? started));
    expect(gaps.slice(0, 5)).toEqual([0, 1_000, 2_000, 4_000, 4_000]);

    calls.length = 0;
    status = 429;
    live?.stop();
    start({
      fetch,
      random: () => 0,
      reconnect: { baseDelayMs: 1_000, maxDelayMs: 30_000, maxFailures: 10 },
      poll: false,
    });
    await vi.advanceTimersByTimeAsync(6_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
  });

  it('random() = 0 waits half the cap: jitter never makes a reconnect storm at 0 ms', async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const started = Date.now();
    const fetch = vi.fn(async () => {
      calls.push(Date.now() - started);
      return new Response(null, { status: 500 });
    });
    start({ fetch, random: () => 0, reconnect: { baseDelayMs: 1_000, maxDelayMs: 8_000 } });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.slice(0, 4)).toEqual([0, 500, 1_500, 3_500]);
  });
});
