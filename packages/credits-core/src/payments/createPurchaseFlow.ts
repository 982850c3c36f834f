import { CreditsError, isCreditsError } from '../CreditsError.js';
import type { CreditsClient } from '../createCreditsClient.js';
import { createIdempotencyKey } from '../createIdempotencyKey.js';
import { isPurchaseSettled } from '../isPurchaseSettled.js';
import type { PaymentFailure } from '../schemas/failure.js';
import type { Purchase } from '../schemas/purchase.js';
import type { NewCardDetails, PaymentProvider } from './PaymentProvider.js';

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
}

export interface PurchaseFlow {
  subscribe(listener: () => void): () => void;
  getSnapshot(): PurchaseFlowState;
  /** Starts an attempt. Ignored while one is in flight: a double click never pays twice. */
  pay(packageId: string, choice: PaymentChoice): Promise<void>;
  /** Answers a sandbox 3D Secure challenge. */
  authenticate(outcome: 'complete' | 'fail'): Promise<void>;
  /** Repeats the failed attempt with the same Idempotency-Key. */
  retry(): Promise<void>;
  /** Back to idle (after success, or to start over). Stops polling. */
  reset(): void;
  /** Stops everything; the flow is unusable afterwards. */
  dispose(): void;
}

interface Attempt {
  key: string;
  packageId: string;
  choice: PaymentChoice;
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
      set({
        status: 'error',
        error: failure,
        retryable: RETRYABLE.has(failure.code) && attempt !== undefined,
      });
    }
  }

  async function run(current: Attempt, signal: AbortSignal): Promise<void> {
    let purchase = current.purchase;
    if (purchase) {
      // A retry after the purchase existed: ask the backend where it stands before doing anything.
      purchase = await client.getPurchase(purchase.id, { signal });
    } else {
      set({ status: 'paying', step: 'creating' });
      if (current.choice.type === 'new') await provider.prepareNewCard?.(current.choice.card);
      purchase = await client.createPurchase(
        {
          packageId: current.packageId,
          ...(current.choice.type === 'saved'
            ? { paymentMethodId: current.choice.paymentMethodId }
            : { savePaymentMethod: current.choice.card.savePaymentMethod ?? false }),
        },
        { idempotencyKey: current.key, signal },
      );
    }
    current.purchase = purchase;
    if (
      purchase.status === 'requires_payment_method' &&
      !purchase.failure &&
      current.choice.type === 'new'
    ) {
      set({ status: 'paying', step: 'confirming' });
      purchase = await provider.confirmPurchase(purchase, current.choice.card, signal);
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
      attempt = { key: createIdempotencyKey(), packageId, choice };
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
    reset() {
      controller.abort();
      controller = new AbortController();
      attempt = undefined;
      set({ status: 'idle' });
    },
    dispose() {
      controller.abort();
      listeners.clear();
    },
  };
}
