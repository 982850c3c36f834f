import { CreditsError, isCreditsError } from '../CreditsError.js';
import { createIdempotencyKey } from '../createIdempotencyKey.js';
import type { PaymentProvider } from './PaymentProvider.js';

/** One try at a payment or a card setup: its Idempotency-Key, and whether its request went out. */
export interface Attempt {
  key: string;
  /** The creating request went out: from here on the backend may have acted on it. */
  sent?: boolean;
}

/** Every flow's failure state: `retry()` repeats the same attempt with the same key. */
export type FlowError = { status: 'error'; error: CreditsError; retryable: boolean };

/** A payment provider, or a getter for one that may not be known yet (config still loading). */
export type ProviderSource = PaymentProvider | (() => PaymentProvider | undefined);

/** Codes after which the same request may succeed: the answer was lost, or the backend was busy. */
const RETRYABLE = new Set([
  'network_error',
  'timeout',
  'service_unavailable',
  'internal_error',
  'rate_limited',
  'idempotency_in_progress',
]);

export const isRetryable = (error: CreditsError): boolean => RETRYABLE.has(error.code);

/** A 4xx problem (not 408/409/429, which are retryable codes) means the backend refused: nothing happened. */
const refused = (error: CreditsError) =>
  !isRetryable(error) && error.status !== undefined && error.status >= 400 && error.status < 500;

export interface AttemptFlowOptions<TAttempt extends Attempt> {
  provider: ProviderSource;
  /** The statuses during which a new attempt is ignored (a double click never pays twice). */
  busy: readonly string[];
  /** Whether the backend already answered with the object this attempt created (purchase, setup intent). */
  created(attempt: TAttempt): boolean;
  /** Mirrors the attempt somewhere that survives a reload, or clears it (`undefined`). */
  remember?(attempt: TAttempt | undefined): void;
}

/**
 * What every payment flow shares, in one place: a tiny store
 * (`subscribe`/`getSnapshot`), the attempt that owns one Idempotency-Key,
 * the rule "an attempt whose outcome is unknown is repeated, never replaced",
 * the error/retry state, and abort on reset.
 */
export function createAttemptFlow<TState extends { status: string }, TAttempt extends Attempt>(
  options: AttemptFlowOptions<TAttempt>,
) {
  const listeners = new Set<() => void>();
  let state = { status: 'idle' } as TState;
  let controller = new AbortController();

  /** Whether the attempt may have acted on the backend (charged, created) without us seeing the end. */
  const unsettled = (attempt: TAttempt | undefined): attempt is TAttempt =>
    Boolean(attempt && (options.created(attempt) || attempt.sent));

  const flow = {
    attempt: undefined as TAttempt | undefined,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: (): TState => state,
    /** Whether an attempt is under way: a new one is ignored meanwhile. */
    busy: () => options.busy.includes(state.status),
    /** The provider now, or a clear error when there is none yet (the config has not loaded). */
    provider(): PaymentProvider {
      const source = options.provider;
      const provider = typeof source === 'function' ? source() : source;
      if (!provider)
        throw new CreditsError('service_unavailable', 'No payment provider is available yet');
      return provider;
    },
    set(next: TState | FlowError) {
      state = next as TState;
      for (const listener of listeners) listener();
    },
    unsettled,
    /** The attempt is over (settled, declined, or nothing can have happened): forget it. */
    forget() {
      flow.attempt = undefined;
      options.remember?.(undefined);
    },
    /** The attempt to run: the unsettled one again (same key, same body), else a new one. */
    begin(create: (key: string) => TAttempt): TAttempt {
      if (!unsettled(flow.attempt)) flow.attempt = create(createIdempotencyKey());
      return flow.attempt;
    },
    /** Runs a step; a failure becomes the error state, keeping the attempt if it may have acted. */
    async guard(run: (signal: AbortSignal) => Promise<void>): Promise<void> {
      const { signal } = controller;
      try {
        await run(signal);
      } catch (error) {
        if (signal.aborted) return;
        const failure = isCreditsError(error)
          ? error
          : new CreditsError('http_error', String(error), { cause: error });
        const { attempt } = flow;
        // Forget the attempt only when nothing can have happened: never sent, or refused
        // before the backend created anything. Otherwise it is retried with the same key.
        if (attempt && !options.created(attempt) && (!attempt.sent || refused(failure)))
          flow.forget();
        flow.set({
          status: 'error',
          error: failure,
          retryable:
            flow.attempt !== undefined && (isRetryable(failure) || unsettled(flow.attempt)),
        });
      }
    },
    /** Repeats the failed attempt with the same Idempotency-Key. */
    retry(run: (attempt: TAttempt, signal: AbortSignal) => Promise<void>): Promise<void> {
      const current = flow.attempt;
      if (state.status !== 'error' || !current) return Promise.resolve();
      return flow.guard((signal) => run(current, signal));
    },
    /**
     * Back to idle and stop the running step; an attempt that may have acted is kept. With
     * no attempt in memory there is nothing to forget: an attempt kept across a reload and
     * not resumed yet stays (React's StrictMode resets a flow before its first resume).
     */
    reset() {
      controller.abort();
      controller = new AbortController();
      if (flow.attempt && !unsettled(flow.attempt)) flow.forget();
      flow.set({ status: 'idle' } as TState);
    },
    dispose() {
      controller.abort();
      listeners.clear();
    },
  };
  return flow;
}
