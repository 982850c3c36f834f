import { CreditsError } from '../CreditsError.js';
import type { CreditsClient } from '../createCreditsClient.js';
import { isPurchaseSettled } from '../isPurchaseSettled.js';
import type { PaymentFailure } from '../schemas/failure.js';
import type { Purchase } from '../schemas/purchase.js';
import {
  type Attempt,
  createAttemptFlow,
  type FlowError,
  isRetryable,
  type ProviderSource,
} from './createAttemptFlow.js';
import type { NewCardDetails } from './PaymentProvider.js';
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
  | FlowError;

export interface PurchaseFlowOptions {
  client: CreditsClient;
  /** The payment provider, or a getter for it when it is not known yet (read at each step). */
  provider: ProviderSource;
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
  /**
   * Picks up a purchase that already exists and waits for the user, e.g. an auto-recharge
   * charged off-session that asked for 3D Secure (`AutoRecharge.status.actionPurchaseId`):
   * asks the backend where it stands, then runs its challenge like one `pay()` started. No
   * purchase is created. Ignored while an attempt is in flight or one whose outcome is unknown
   * waits for `retry()` (that attempt is never replaced).
   */
  complete(purchaseId: string): Promise<void>;
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

interface PurchaseAttempt extends Attempt {
  /** Empty for an existing purchase picked up by `complete()` until the backend names it. */
  packageId: string;
  /** Absent for an attempt resumed after a reload that paid with a new card. */
  choice?: PaymentChoice;
  /** The new-card attempt's choice, kept so a replayed creation sends the same body. */
  savePaymentMethod?: boolean;
  purchase?: Purchase;
}

/**
 * How the attempt pays, as the purchase's creation and the kept attempt both say it: the saved
 * method's id, or whether the new card is to be saved.
 */
const paidWith = ({ choice, savePaymentMethod }: PurchaseAttempt) =>
  choice?.type === 'saved'
    ? { paymentMethodId: choice.paymentMethodId }
    : {
        savePaymentMethod:
          (choice?.type === 'new' ? choice.card.savePaymentMethod : savePaymentMethod) ?? false,
      };

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
  const { client } = options;
  const firstDelay = options.pollIntervalMs ?? 500;
  const maxDelay = options.maxPollIntervalMs ?? 8_000;
  /** Mirrors the attempt into the store, or clears it once the attempt is over. */
  const remember = (current: PurchaseAttempt | undefined) => {
    if (!options.store) return;
    if (!current) return options.store.clear();
    options.store.set({
      idempotencyKey: current.key,
      packageId: current.packageId,
      ...paidWith(current),
      ...(current.purchase ? { purchaseId: current.purchase.id } : {}),
    });
  };
  const flow = createAttemptFlow<PurchaseFlowState, PurchaseAttempt>({
    provider: options.provider,
    busy: ['paying', 'challenge', 'processing'],
    created: (attempt) => Boolean(attempt.purchase),
    remember,
  });
  const { set, guard, provider } = flow;

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
      if (flow.attempt) flow.attempt.purchase = current;
      if (current.status === 'succeeded') {
        flow.forget();
        set({ status: 'succeeded', purchase: current });
        options.onSucceeded?.(current);
        return;
      }
      if (current.status === 'requires_action') {
        if (provider().needsChallengeUi) return set({ status: 'challenge', purchase: current });
        set({ status: 'paying', step: 'authenticating' });
        current = await provider().handleNextAction(current, undefined, signal);
        continue;
      }
      if (
        current.status === 'requires_payment_method' ||
        (isPurchaseSettled(current.status) && current.status !== 'succeeded')
      ) {
        flow.forget();
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

  async function run(current: PurchaseAttempt, signal: AbortSignal): Promise<void> {
    let purchase = current.purchase;
    const { choice } = current;
    if (purchase) {
      // A retry after the purchase existed: ask the backend where it stands before doing anything.
      set({ status: 'paying', step: 'confirming' });
      purchase = await client.getPurchase(purchase.id, { signal });
    } else {
      set({ status: 'paying', step: 'creating' });
      if (choice?.type === 'new') await provider().prepareNewCard?.(choice.card);
      // Stored before the request: a reload while it is in flight replays the same key.
      remember(current);
      current.sent = true;
      purchase = await client.createPurchase(
        {
          packageId: current.packageId,
          ...paidWith(current),
        },
        { idempotencyKey: current.key, signal },
      );
    }
    current.purchase = purchase;
    current.packageId = purchase.packageId;
    remember(current);
    if (purchase.status === 'requires_payment_method' && !purchase.failure) {
      if (choice?.type !== 'new') {
        // Resumed after a reload: the new card was never confirmed, so nothing was charged.
        flow.forget();
        return set({ status: 'idle' });
      }
      set({ status: 'paying', step: 'confirming' });
      purchase = await provider().confirmPurchase(purchase, choice.card, signal);
    }
    await settle(purchase, signal);
  }

  return {
    subscribe: flow.subscribe,
    getSnapshot: flow.getSnapshot,
    pay(packageId, choice) {
      if (flow.busy()) return Promise.resolve();
      // An attempt that may have charged is repeated (same key, same body), never replaced.
      const current = flow.begin((key) => ({ key, packageId, choice }));
      return guard((signal) => run(current, signal));
    },
    complete(purchaseId) {
      const pending = flow.attempt;
      if (flow.busy() || (flow.unsettled(pending) && pending.purchase?.id !== purchaseId))
        return Promise.resolve();
      const current = flow.begin((key) => ({
        key,
        packageId: '',
        // Only the id: run() asks the backend where the purchase stands first.
        purchase: { id: purchaseId } as Purchase,
      }));
      return guard((signal) => run(current, signal));
    },
    authenticate(outcome) {
      const state = flow.getSnapshot();
      if (state.status !== 'challenge') return Promise.resolve();
      set({ status: 'paying', step: 'authenticating' });
      return guard(async (signal) =>
        settle(await provider().handleNextAction(state.purchase, outcome, signal), signal),
      );
    },
    retry: () => flow.retry(run),
    async resume() {
      const pending = options.store?.get();
      if (!pending || flow.busy()) return false;
      // The attempt still in memory (a remount after reset()), else the one the store kept.
      const current: PurchaseAttempt = flow.attempt ?? {
        key: pending.idempotencyKey,
        packageId: pending.packageId,
        ...(pending.paymentMethodId
          ? { choice: { type: 'saved', paymentMethodId: pending.paymentMethodId } }
          : { savePaymentMethod: pending.savePaymentMethod ?? false }),
        // Only the id is needed: run() asks the backend where the purchase stands.
        ...(pending.purchaseId ? { purchase: { id: pending.purchaseId } as Purchase } : {}),
      };
      flow.attempt = current;
      await guard((signal) => run(current, signal));
      const state = flow.getSnapshot();
      if (state.status === 'error' && !isRetryable(state.error)) {
        // Gone, or not this account's: nothing to resume.
        flow.forget();
        set({ status: 'idle' });
      }
      return true;
    },
    reset: flow.reset,
    dispose: flow.dispose,
  };
}
