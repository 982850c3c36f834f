import { CreditsError, isCreditsError } from '../CreditsError.js';
import type { CreditsClient } from '../createCreditsClient.js';
import { createIdempotencyKey } from '../createIdempotencyKey.js';
import { isPurchaseSettled } from '../isPurchaseSettled.js';
import type { PaymentFailure } from '../schemas/failure.js';
import type { Purchase } from '../schemas/purchase.js';
import type { NewCardDetails, PaymentProvider } from './PaymentProvider.js';
import type { PendingPurchaseStore } from './pendingPurchaseStore.js';

/** How the user pays: a saved method, or a new card entered in the provider's form. */
export type PaymentChoice =
  | { type: 'saved'; paymentMethodId: string }
  | { type: 'new'; card: NewCardDetails };

export type PurchaseFlowState =
  | { status: 'idle' }
  | { status: 'paying'; step: 'creating' | 'confirming' | 'authenticating' }
  /** 3D Secure: waiting for the user's answer (sandbox challenge). */
  | { status: 'challenge'; purchase: Purchase }
  /** Paid; the backend has not settled it yet (late webhook). Polling with backoff. */
  | { status: 'processing'; purchase: Purchase }
  | { status: 'succeeded'; purchase: Purchase }
  /** The bank said no: choose another method (a new attempt, with a new key). */
  | { status: 'declined'; purchase: Purchase; failure: PaymentFailure }
  /** Something went wrong on the way: `retry()` repeats the same attempt with the same key. */
  | { status: 'error'; error: CreditsError; retryable: boolean };

export interface PurchaseFlowOptions {
  client: CreditsClient;
  provider: PaymentProvider;
  /** First poll delay; grows ×1.5 up to `maxPollIntervalMs`. Default 500 ms. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Called once when a purchase succeeds: write it into caches here. */
  onSucceeded?: (purchase: Purchase) => void;
  /**
   * Keeps the attempt in flight across a page reload (see `resume()`); e.g.
   * `createStoragePendingPurchaseStore(sessionStorage, key)`.
   */
  store?: PendingPurchaseStore;
}

export interface PurchaseFlow {
  subscribe(listener: () => void): () => void;
  getSnapshot(): PurchaseFlowState;
  /**
   * Starts an attempt. Ignored while one is in flight: a double click never pays twice.
   * While an earlier attempt's outcome is unknown (its request may have reached the
   * backend: a dropped response, a timeout, a 5xx), `pay()` repeats that attempt with
   * its key and body instead of starting another: a second key could charge twice.
   */
  pay(packageId: string, choice: PaymentChoice): Promise<void>;
  /** Answers a sandbox 3D Secure challenge. */
  authenticate(outcome: 'complete' | 'fail'): Promise<void>;
  /** Repeats the failed attempt with the same Idempotency-Key. */
  retry(): Promise<void>;
  /**
   * Picks up the attempt the store kept across a reload: replays its creation
   * with the same Idempotency-Key, or polls the purchase until it settles. A
   * new-card purchase that was never confirmed is dropped (nothing was
   * charged). Returns false when there was nothing to resume.
   */
  resume(): Promise<boolean>;
  /**
   * Back to idle (after success, or to start over). Stops polling. An attempt whose
   * outcome is unknown is not forgotten: the next `pay()` (or `resume()` after a
   * reload) repeats it with the same key.
   */
  reset(): void;
  /** Stops everything; the flow is unusable afterwards. */
  dispose(): void;
}

interface Attempt {
  key: string;
  packageId: string;
  /** Absent for an attempt resumed after a reload that paid with a new card. */
  choice?: PaymentChoice;
  /** The new-card attempt's choice, kept so a replayed creation sends the same body. */
  savePaymentMethod?: boolean;
  /** The creation request went out: from here on the backend may have charged. */
  sent?: boolean;
  purchase?: Purchase;
}

const RETRYABLE = new Set([
  'network_error',
  'timeout',
  'service_unavailable',
  'internal_error',
  'rate_limited',
  'idempotency_in_progress',
]);
const IN_FLIGHT = new Set(['paying', 'challenge', 'processing']);

/** A 4xx problem (not 408/409/429, which are retryable codes) means the backend refused: nothing was charged. */
const refused = (error: CreditsError) =>
  !RETRYABLE.has(error.code) &&
  error.status !== undefined &&
  error.status >= 400 &&
  error.status < 500;

/** Whether the attempt may have created (and charged) a purchase we have not seen settle. */
const unsettled = (attempt: Attempt | undefined): attempt is Attempt =>
  Boolean(attempt && (attempt.purchase || attempt.sent));

const savesCard = (attempt: Attempt): boolean =>
  attempt.choice?.type === 'new'
    ? (attempt.choice.card.savePaymentMethod ?? false)
    : (attempt.savePaymentMethod ?? false);

const fallbackFailure: PaymentFailure = {
  code: 'card_declined',
  message: 'The payment did not go through.',
};

/**
 * The purchase flow as a tiny framework-agnostic store: create the purchase
 * (the attempt owns its Idempotency-Key), confirm it, run 3D Secure, poll
 * until the backend settles it. React reads it with `useSyncExternalStore`.
 */
export function createPurchaseFlow(options: PurchaseFlowOptions): PurchaseFlow {
  const { client, provider } = options;
  const firstDelay = options.pollIntervalMs ?? 500;
  const maxDelay = options.maxPollIntervalMs ?? 8_000;
  const listeners = new Set<() => void>();
  let state: PurchaseFlowState = { status: 'idle' };
  let attempt: Attempt | undefined;
  let controller = new AbortController();

  const set = (next: PurchaseFlowState) => {
    state = next;
    for (const listener of listeners) listener();
  };

  /** Mirrors the attempt into the store, or clears it once the attempt is over. */
  const remember = (current: Attempt | undefined) => {
    if (!options.store) return;
    if (!current) return options.store.clear();
    const { choice } = current;
    options.store.set({
      idempotencyKey: current.key,
      packageId: current.packageId,
      ...(choice?.type === 'saved' ? { paymentMethodId: choice.paymentMethodId } : {}),
      ...(choice?.type === 'saved' ? {} : { savePaymentMethod: savesCard(current) }),
      ...(current.purchase ? { purchaseId: current.purchase.id } : {}),
    });
  };

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          reject(new CreditsError('aborted', 'The purchase flow was reset'));
        },
        { once: true },
      );
    });

  async function settle(purchase: Purchase, signal: AbortSignal): Promise<void> {
    let current = purchase;
    let delay = firstDelay;
    for (;;) {
      if (attempt) attempt.purchase = current;
      if (current.status === 'succeeded') {
        attempt = undefined;
        remember(undefined);
        set({ status: 'succeeded', purchase: current });
        options.onSucceeded?.(current);
        return;
      }
      if (current.status === 'requires_action') {
        if (provider.needsChallengeUi) return set({ status: 'challenge', purchase: current });
        set({ status: 'paying', step: 'authenticating' });
        current = await provider.handleNextAction(current, undefined, signal);
        continue;
      }
      if (
        current.status === 'requires_payment_method' ||
        (isPurchaseSettled(current.status) && current.status !== 'succeeded')
      ) {
        attempt = undefined;
        remember(undefined);
        return set({
          status: 'declined',
          purchase: current,
          failure: current.failure ?? fallbackFailure,
        });
      }
      // processing, requires_confirmation or a status this client does not know: not final, keep polling.
      set({ status: 'processing', purchase: current });
      await sleep(delay, signal);
      delay = Math.min(maxDelay, delay * 1.5);
      current = await client.getPurchase(current.id, { signal });
    }
  }

  async function guard(run: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const { signal } = controller;
    try {
      await run(signal);
    } catch (error) {
      if (signal.aborted) return;
      const failure = isCreditsError(error)
        ? error
        : new CreditsError('http_error', String(error), { cause: error });
      // Forget the attempt only when nothing can have been charged: never sent, or refused
      // before a purchase existed. Otherwise it is kept and retried with the same key.
      if (attempt && !attempt.purchase && (!attempt.sent || refused(failure))) {
        attempt = undefined;
        remember(undefined);
      }
      set({
        status: 'error',
        error: failure,
        retryable: attempt !== undefined && (RETRYABLE.has(failure.code) || unsettled(attempt)),
      });
    }
  }

  async function run(current: Attempt, signal: AbortSignal): Promise<void> {
    let purchase = current.purchase;
    const { choice } = current;
    if (purchase) {
      // A retry after the purchase existed: ask the backend where it stands before doing anything.
      set({ status: 'paying', step: 'confirming' });
      purchase = await client.getPurchase(purchase.id, { signal });
    } else {
      set({ status: 'paying', step: 'creating' });
      if (choice?.type === 'new') await provider.prepareNewCard?.(choice.card);
      // Stored before the request: a reload while it is in flight replays the same key.
      remember(current);
      current.sent = true;
      purchase = await client.createPurchase(
        {
          packageId: current.packageId,
          ...(choice?.type === 'saved'
            ? { paymentMethodId: choice.paymentMethodId }
            : { savePaymentMethod: savesCard(current) }),
        },
        { idempotencyKey: current.key, signal },
      );
    }
    current.purchase = purchase;
    remember(current);
    if (purchase.status === 'requires_payment_method' && !purchase.failure) {
      if (choice?.type !== 'new') {
        // Resumed after a reload: the new card was never confirmed, so nothing was charged.
        attempt = undefined;
        remember(undefined);
        return set({ status: 'idle' });
      }
      set({ status: 'paying', step: 'confirming' });
      purchase = await provider.confirmPurchase(purchase, choice.card, signal);
    }
    await settle(purchase, signal);
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    pay(packageId, choice) {
      if (IN_FLIGHT.has(state.status)) return Promise.resolve();
      // An attempt that may have charged is repeated (same key, same body), never replaced.
      if (!unsettled(attempt)) attempt = { key: createIdempotencyKey(), packageId, choice };
      const current = attempt;
      return guard((signal) => run(current, signal));
    },
    authenticate(outcome) {
      if (state.status !== 'challenge') return Promise.resolve();
      const purchase = state.purchase;
      set({ status: 'paying', step: 'authenticating' });
      return guard(async (signal) =>
        settle(await provider.handleNextAction(purchase, outcome, signal), signal),
      );
    },
    retry() {
      if (state.status !== 'error' || !attempt) return Promise.resolve();
      const current = attempt;
      return guard((signal) => run(current, signal));
    },
    async resume() {
      const pending = options.store?.get();
      if (!pending || IN_FLIGHT.has(state.status) || attempt) return false;
      const current: Attempt = {
        key: pending.idempotencyKey,
        packageId: pending.packageId,
        ...(pending.paymentMethodId
          ? { choice: { type: 'saved', paymentMethodId: pending.paymentMethodId } }
          : { savePaymentMethod: pending.savePaymentMethod ?? false }),
        // Only the id is needed: run() asks the backend where the purchase stands.
        ...(pending.purchaseId ? { purchase: { id: pending.purchaseId } as Purchase } : {}),
      };
      attempt = current;
      await guard((signal) => run(current, signal));
      if (state.status === 'error' && !RETRYABLE.has(state.error.code)) {
        // Gone, or not this account's: nothing to resume.
        attempt = undefined;
        remember(undefined);
        set({ status: 'idle' });
      }
      return true;
    },
    reset() {
      controller.abort();
      controller = new AbortController();
      // An attempt that may have charged stays, in memory and in the store, until it settles.
      if (!unsettled(attempt)) {
        remember(undefined);
        attempt = undefined;
      }
      set({ status: 'idle' });
    },
    dispose() {
      controller.abort();
      listeners.clear();
    },
  };
}
