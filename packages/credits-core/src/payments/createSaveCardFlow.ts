import type { CreditsClient } from '../createCreditsClient.js';
import type { PaymentFailure } from '../schemas/failure.js';
import type { SetupIntent } from '../schemas/setupIntent.js';
import {
  type Attempt,
  createAttemptFlow,
  type FlowError,
  type ProviderSource,
} from './createAttemptFlow.js';
import type { NewCardDetails } from './PaymentProvider.js';

export type SaveCardFlowState =
  | { status: 'idle' }
  | { status: 'saving'; step: 'creating' | 'confirming' | 'authenticating' }
  /** 3D Secure: waiting for the user's answer (sandbox challenge). */
  | { status: 'challenge'; setupIntent: SetupIntent }
  | { status: 'succeeded'; setupIntent: SetupIntent }
  /** The bank said no: try another card (a new attempt, with a new key). */
  | { status: 'declined'; setupIntent: SetupIntent; failure: PaymentFailure }
  /** Something went wrong on the way: `retry()` repeats the same attempt with the same key. */
  | FlowError;

export interface SaveCardFlowOptions {
  client: CreditsClient;
  /** The payment provider, or a getter for it when it is not known yet (read at each step). */
  provider: ProviderSource;
  /** Called once when a card is saved: refresh the saved-card list here. */
  onSucceeded?: (setupIntent: SetupIntent) => void;
}

export interface SaveCardFlow {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SaveCardFlowState;
  /**
   * Saves a new card: creates a SetupIntent and confirms it with the card. Ignored
   * while an attempt is in flight. While an earlier attempt's outcome is unknown (a
   * lost answer), repeats that attempt with its key and setup intent instead of
   * starting another: a second key would create a second SetupIntent.
   */
  save(card: NewCardDetails): Promise<void>;
  /** Answers a sandbox 3D Secure challenge. */
  authenticate(outcome: 'complete' | 'fail'): Promise<void>;
  /** Repeats the failed attempt with the same Idempotency-Key. */
  retry(): Promise<void>;
  /** Back to idle and stops the running step; an attempt whose outcome is unknown is kept. */
  reset(): void;
  /** Stops everything; the flow is unusable afterwards. */
  dispose(): void;
}

interface SaveCardAttempt extends Attempt {
  card: NewCardDetails;
  setupIntent?: SetupIntent;
}

const fallbackFailure: PaymentFailure = {
  code: 'card_declined',
  message: 'The card could not be saved.',
};

/**
 * Saving a card as a tiny framework-agnostic store, the same shape as the
 * purchase flow: create the SetupIntent (the attempt owns its
 * Idempotency-Key), confirm it with the provider, run 3D Secure.
 */
export function createSaveCardFlow(options: SaveCardFlowOptions): SaveCardFlow {
  const { client } = options;
  const flow = createAttemptFlow<SaveCardFlowState, SaveCardAttempt>({
    provider: options.provider,
    busy: ['saving', 'challenge'],
    created: (attempt) => Boolean(attempt.setupIntent),
  });
  const { set, guard, provider } = flow;

  async function settle(setupIntent: SetupIntent, signal: AbortSignal): Promise<void> {
    let current = setupIntent;
    for (;;) {
      if (flow.attempt) flow.attempt.setupIntent = current;
      if (current.status === 'succeeded') {
        flow.forget();
        set({ status: 'succeeded', setupIntent: current });
        options.onSucceeded?.(current);
        return;
      }
      if (current.status !== 'requires_action') break;
      if (provider().needsChallengeUi) return set({ status: 'challenge', setupIntent: current });
      set({ status: 'saving', step: 'authenticating' });
      current = await provider().handleSetupNextAction(current, undefined, signal);
    }
    // Declined, canceled, or a status this client does not know: the card was not saved.
    flow.forget();
    set({
      status: 'declined',
      setupIntent: current,
      failure: current.failure ?? fallbackFailure,
    });
  }

  async function run(current: SaveCardAttempt, signal: AbortSignal): Promise<void> {
    set({ status: 'saving', step: 'creating' });
    if (!current.setupIntent) {
      await provider().prepareNewCard?.(current.card);
      current.sent = true;
      current.setupIntent = await client.createSetupIntent({ idempotencyKey: current.key, signal });
    }
    set({ status: 'saving', step: 'confirming' });
    await settle(await provider().confirmSetup(current.setupIntent, current.card, signal), signal);
  }

  return {
    subscribe: flow.subscribe,
    getSnapshot: flow.getSnapshot,
    save(card) {
      if (flow.busy()) return Promise.resolve();
      const current = flow.begin((key) => ({ key, card }));
      // A repeated attempt confirms with the card entered now (the same form, perhaps corrected).
      current.card = card;
      return guard((signal) => run(current, signal));
    },
    authenticate(outcome) {
      const state = flow.getSnapshot();
      if (state.status !== 'challenge') return Promise.resolve();
      set({ status: 'saving', step: 'authenticating' });
      return guard(async (signal) =>
        settle(await provider().handleSetupNextAction(state.setupIntent, outcome, signal), signal),
      );
    },
    retry: () => flow.retry(run),
    reset: flow.reset,
    dispose: flow.dispose,
  };
}
