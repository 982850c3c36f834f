import type { Query, QueryClient } from '@tanstack/query-core';
import type { EventSourceMessage } from 'eventsource-parser';
import {
  invalidateCredits,
  prependTransaction,
  writePaymentMethods,
} from '../query/cacheWriters.js';
import { creditsKeys } from '../query/creditsKeys.js';
import type { CreditsEvent } from '../schemas/events.js';
import type { TransactionPage } from '../schemas/transaction.js';
import { documentVisibility, type PageVisibility } from './documentVisibility.js';
import { parseCreditsEvent } from './parseCreditsEvent.js';
import { type EventStreamRequest, readEventStream, type StreamRefusal } from './readEventStream.js';

/**
 * `connecting`: opening the stream (or waiting to retry); `live`: events arrive; `polling`: no
 * stream (the backend has none, or it keeps failing), refetching on an interval; `paused`: the
 * page is hidden; `stopped`.
 */
export type LiveStatus = 'connecting' | 'live' | 'polling' | 'paused' | 'stopped';

export interface LiveCreditsOptions extends EventStreamRequest {
  queryClient: QueryClient;
  /** The signed-in account: the cache entries written are this account's. */
  account: string;
  /** `Config.events`: whether the backend offers `GET /events`. Without it, only polling. */
  events: boolean;
  /** Polling while there is no stream: every `intervalMs` (default 30 000) while visible; `false`: none. */
  poll?: { intervalMs?: number } | false;
  /**
   * Reconnecting: the n-th failure in a row waits a random delay between half and all of
   * `min(maxDelayMs, baseDelayMs × 2^(n−1))` (defaults 1 000 and 30 000 ms), or the server's
   * `Retry-After`. From `maxFailures` failures in a row (default 3) it polls meanwhile.
   */
  reconnect?: { baseDelayMs?: number; maxDelayMs?: number; maxFailures?: number };
  /** Reconnect when nothing, not even a heartbeat, arrived for this long. Default 45 000 ms. */
  silenceTimeoutMs?: number;
  visibility?: PageVisibility;
  /** For tests: the jitter's source. */
  random?: () => number;
  /** Every valid event, after it was written into the cache. */
  onEvent?: (event: CreditsEvent) => void;
}

/** A running subscription: a tiny store of its status (`useSyncExternalStore`-ready). */
export interface LiveCredits {
  getSnapshot(): LiveStatus;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

const SILENCE = 'silence';

/**
 * Keeps an account's cached credits current: reads `GET /events` over `fetch` and writes each
 * event straight into the TanStack Query cache (the new balance, the new row on top of every
 * loaded history list that shows it, a purchase, the saved cards). A gap in the ledger sequence
 * refetches once; a dropped stream resumes with `Last-Event-ID` after a backoff with jitter;
 * nothing runs while the page is hidden; with no stream, or one that keeps failing, it polls.
 */
export function startLiveCredits(options: LiveCreditsOptions): LiveCredits {
  const { queryClient, account } = options;
  const visibility = options.visibility ?? documentVisibility();
  const pollMs = options.poll === false ? undefined : (options.poll?.intervalMs ?? 30_000);
  const baseDelay = options.reconnect?.baseDelayMs ?? 1_000;
  const maxDelay = options.reconnect?.maxDelayMs ?? 30_000;
  const maxFailures = options.reconnect?.maxFailures ?? 3;
  const silenceMs = options.silenceTimeoutMs ?? 45_000;
  const random = options.random ?? Math.random;
  const listeners = new Set<() => void>();
  let status: LiveStatus = 'connecting';
  let streamAvailable = options.events;
  let failures = 0;
  let lastSeq: number | undefined;
  let controller: AbortController | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: LiveStatus) => {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener();
  };
  const refetch = () => void invalidateCredits(queryClient, account);
  const history = { queryKey: creditsKeys.transactions(account) };
  /**
   * A history list whose first page was read at a ledger seq below `seq` (read at none, as an
   * older backend answers: `none`) misses the rows committed since: it is read again, once.
   */
  const catchUp = (query: Query, seq: number, none: number) =>
    ((query.state.data as { pages: TransactionPage[] } | undefined)?.pages[0]?.seq ?? none) < seq &&
    void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
  // A list read before the stream was listening, whose answer lands once it is: checked as it
  // lands (the lists already loaded are checked on the first `ready`).
  const unsubscribeCache = queryClient.getQueryCache().subscribe((change) => {
    if (
      lastSeq !== undefined &&
      change.type === 'updated' &&
      change.action.type === 'success' &&
      !change.action.manual &&
      history.queryKey.every((part, index) => change.query.queryKey[index] === part)
    )
      catchUp(change.query, lastSeq, lastSeq);
  });

  function startPolling() {
    if (pollMs === undefined || pollTimer !== undefined || status === 'stopped') return;
    pollTimer = setTimeout(() => {
      pollTimer = undefined;
      if (!visibility.hidden()) refetch();
      startPolling();
    }, pollMs);
  }
  function stopPolling() {
    clearTimeout(pollTimer);
    pollTimer = undefined;
  }

  function handle(event: CreditsEvent) {
    switch (event.type) {
      case 'ready':
        failures = 0;
        stopPolling();
        setStatus('live');
        // Rows were missed that the resume did not replay: read everything once.
        if (lastSeq !== undefined && event.seq > lastSeq) refetch();
        // First `ready`: a loaded history list read behind it is read again (one whose page says
        // no seq, if the ledger has any row).
        else if (lastSeq === undefined)
          for (const query of queryClient.getQueryCache().findAll(history))
            catchUp(query, event.seq, 0);
        lastSeq = event.seq;
        return;
      case 'transaction':
        if (lastSeq !== undefined && event.seq <= lastSeq) return;
        if (lastSeq !== undefined && event.seq > lastSeq + 1) refetch();
        else prependTransaction(queryClient, account, event.transaction);
        lastSeq = event.seq;
        return;
      case 'balance':
        if (lastSeq !== undefined && event.seq < lastSeq) return;
        queryClient.setQueryData(creditsKeys.balance(account), event.balance);
        return;
      case 'purchase': {
        const key = creditsKeys.purchase(account, event.purchase.id);
        if (queryClient.getQueryData(key) !== undefined)
          queryClient.setQueryData(key, event.purchase);
        return;
      }
      case 'payment-methods':
        writePaymentMethods(queryClient, account, event.paymentMethods);
        return;
      case 'auto-recharge':
        queryClient.setQueryData(creditsKeys.autoRecharge(account), event.autoRecharge);
        return;
    }
  }

  const { validate } = options;
  // An auto-recharge document is read with the schema its cached query carries (the auto-recharge
  // entry's, not in this chunk); with no such query loaded, nothing shows one and it is skipped.
  const validateAll: Parameters<typeof parseCreditsEvent>[2] =
    validate &&
    ((operation, data) =>
      operation === 'getAutoRecharge'
        ? (
            queryClient.getQueryCache().find({ queryKey: creditsKeys.autoRecharge(account) })?.meta
              ?.parse as ((data: unknown) => unknown) | undefined
          )?.(data)
        : validate(operation, data));

  function onMessage(message: EventSourceMessage) {
    // Nothing unvalidated reaches the cache: an invalid event is dropped (the next row's seq
    // shows the gap it left), and an unknown one is a newer backend's, skipped.
    const event = message.event && parseCreditsEvent(message.event, message.data, validateAll);
    if (!event) return;
    handle(event);
    options.onEvent?.(event);
  }

  function watchSilence(ctrl: AbortController) {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => ctrl.abort(SILENCE), silenceMs);
  }

  async function connect() {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    if (!streamAvailable || status === 'stopped' || visibility.hidden()) return;
    const ctrl = new AbortController();
    controller = ctrl;
    if (status !== 'polling') setStatus('connecting');
    watchSilence(ctrl);
    let outcome: StreamRefusal | undefined;
    try {
      outcome = await readEventStream(
        options,
        lastSeq === undefined ? undefined : String(lastSeq),
        ctrl.signal,
        onMessage,
        () => watchSilence(ctrl),
      );
    } catch {
      outcome = { kind: 'retry', status: 0 };
    }
    // Paused, stopped or replaced meanwhile: whoever did it decides what comes next.
    if (controller !== ctrl) return;
    clearTimeout(silenceTimer);
    controller = undefined;
    if (outcome?.kind === 'unsupported' || outcome?.kind === 'unauthorized') {
      streamAvailable = false;
      setStatus('polling');
      startPolling();
      return;
    }
    if (outcome?.kind === 'bad-resume') {
      lastSeq = undefined;
      refetch();
    }
    failures += 1;
    if (failures >= maxFailures) {
      setStatus('polling');
      startPolling();
    } else setStatus('connecting');
    const cap = Math.min(maxDelay, baseDelay * 2 ** (failures - 1));
    const delay =
      outcome?.kind === 'retry' && outcome.retryAfterMs !== undefined
        ? Math.min(outcome.retryAfterMs, maxDelay)
        : cap / 2 + (random() * cap) / 2;
    retryTimer = setTimeout(() => void connect(), delay);
  }

  function pause() {
    const ctrl = controller;
    controller = undefined;
    ctrl?.abort();
    clearTimeout(retryTimer);
    clearTimeout(silenceTimer);
    retryTimer = undefined;
    stopPolling();
  }

  function resume() {
    if (visibility.hidden()) {
      pause();
      setStatus('paused');
      return;
    }
    if (streamAvailable && controller === undefined) {
      if (failures >= maxFailures) startPolling();
      void connect();
    } else if (!streamAvailable) {
      setStatus('polling');
      startPolling();
    }
  }

  const unsubscribeVisibility = visibility.subscribe(() => {
    if (status !== 'stopped') resume();
  });
  resume();

  return {
    getSnapshot: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      pause();
      unsubscribeVisibility();
      unsubscribeCache();
      setStatus('stopped');
      listeners.clear();
    },
  };
}
