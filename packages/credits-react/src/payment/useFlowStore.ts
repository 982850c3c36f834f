import type { PaymentProvider } from 'credits-core/payments';
import { type DependencyList, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { PaymentProviderState } from './usePaymentProvider.js';

/** The shape both core payment flows share (`createPurchaseFlow`, `createSaveCardFlow`). */
interface FlowStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): unknown;
  reset(): void;
}

/**
 * Binds a core payment flow to React: the flow exists from the first render
 * (created without side effects, again only when `deps` change) and reads the
 * payment provider when it acts, so a provider still loading is no reason to
 * wait; its state is read with `useSyncExternalStore`; unmounting stops its
 * running step. `reset()`, not `dispose()`: under StrictMode the same flow
 * mounts again, and an attempt whose outcome is unknown must survive to be repeated.
 */
export function useFlowStore<TFlow extends FlowStore>(
  providerState: PaymentProviderState,
  create: (provider: () => PaymentProvider | undefined) => TFlow,
  deps: DependencyList,
): { flow: TFlow; state: ReturnType<TFlow['getSnapshot']> } {
  const latest = useRef(providerState);
  latest.current = providerState;
  const flow = useMemo(
    () => create(() => (latest.current.status === 'ready' ? latest.current.provider : undefined)),
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the flow depends on
    deps,
  );
  useEffect(() => () => flow.reset(), [flow]);
  const state = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  return { flow, state: state as ReturnType<TFlow['getSnapshot']> };
}
